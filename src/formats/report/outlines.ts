import type { EvaluationKind, SectionKey } from '../../model/index.js';

/** Paragraphs jixiao can write from the Evaluation's figures (see prose.ts). */
export type ParagraphGenerator =
  | 'staffing'
  | 'budgetOverview'
  | 'basicExpenditure'
  | 'projectExpenditure'
  | 'threePublicCosts'
  | 'governmentFund'
  | 'stateCapital'
  | 'socialInsurance'
  | 'conclusion'
  | 'indicatorSummary'
  | 'attachmentsList';

/** One heading of a report outline, in order; children follow their parent in the list with a deeper level. */
export interface OutlineEntry {
  key: SectionKey;
  /** the heading as printed, numbering included */
  heading: string;
  /** 1 for 一、, 2 for （一）, 3 for 1. */
  level: number;
  /** the paragraph jixiao writes for this section from the figures */
  generator?: ParagraphGenerator;
  /** printed when a section the outline requires has no content at all (neither the report's nor generated) */
  emptyText?: string;
}

export interface AttachmentTemplate {
  table: 'basicData' | 'selfEvaluation';
  /** the form's title */
  title: string;
  /** the sheet name in workbooks (≤ 31 characters) */
  sheetName: string;
  /** the form's printed note, used when the Evaluation carries none of its own */
  note?: string;
}

/**
 * A report outline (rules.md R-12) as data: the ordered headings of the 自评报告 of one kind, for the regions (rule
 * profiles) and years it is written for, with the attached forms. Adding a region's template means adding one entry
 * to `outlines` below, never a branch in code.
 */
export interface ReportOutline {
  id: string;
  /** zh-CN name shown to users */
  name: string;
  kind: EvaluationKind;
  /** rule profile ids this outline is the template for; empty = any region */
  profiles: readonly string[];
  /** first and last year the template applies to (inclusive); absent = open */
  fromYear?: number;
  toYear?: number;
  /** the title after the unit and year: 部门整体支出绩效自评报告 */
  titleSuffix: string;
  sections: readonly OutlineEntry[];
  attachments: readonly AttachmentTemplate[];
  /** where the evidence for this outline comes from */
  basis: string;
}

/** Text for a required section the report leaves out, when the outline is completed. */
export const TO_BE_FILLED = '（待填写）';

const departmentR12: ReportOutline = {
  id: 'department-r12',
  name: '部门整体支出绩效自评报告（一至十部分）',
  kind: 'department',
  profiles: [],
  titleSuffix: '部门整体支出绩效自评报告',
  basis:
    'rules.md R-12：湖南县级部门整体支出自评报告的通行提纲（一至二部分见湖南报告 [S26][S28]，其余为推断 I）；' +
    '第三至五部分可写“无”，但必须列出。',
  sections: [
    { key: 'basicInfo', heading: '一、部门（单位）基本情况', level: 1 },
    { key: 'organisation', heading: '（一）机构设置情况', level: 2, emptyText: TO_BE_FILLED },
    { key: 'staffing', heading: '（二）人员编制情况', level: 2, generator: 'staffing', emptyText: TO_BE_FILLED },
    { key: 'functions', heading: '（三）主要职能职责', level: 2, emptyText: TO_BE_FILLED },
    { key: 'targets', heading: '（四）绩效目标设定情况', level: 2, emptyText: TO_BE_FILLED },
    { key: 'budgetExecution', heading: '二、部门整体支出管理及使用情况', level: 1 },
    {
      key: 'budgetExecution',
      heading: '（一）预算执行、使用、管理总体情况',
      level: 2,
      generator: 'budgetOverview',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'basicExpenditure',
      heading: '（二）基本支出情况',
      level: 2,
      generator: 'basicExpenditure',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'projectExpenditure',
      heading: '（三）项目支出情况',
      level: 2,
      generator: 'projectExpenditure',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'threePublicCosts',
      heading: '（四）“三公”经费使用情况和管理情况',
      level: 2,
      generator: 'threePublicCosts',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'governmentFund',
      heading: '三、政府性基金预算支出情况',
      level: 1,
      generator: 'governmentFund',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'stateCapital',
      heading: '四、国有资本经营预算支出情况',
      level: 1,
      generator: 'stateCapital',
      emptyText: TO_BE_FILLED,
    },
    {
      key: 'socialInsurance',
      heading: '五、社会保险基金预算支出情况',
      level: 1,
      generator: 'socialInsurance',
      emptyText: TO_BE_FILLED,
    },
    { key: 'performance', heading: '六、部门整体支出绩效情况', level: 1 },
    { key: 'conclusion', heading: '（一）综合评价结论', level: 2, generator: 'conclusion', emptyText: TO_BE_FILLED },
    {
      key: 'indicatorAnalysis',
      heading: '（二）评价指标分析',
      level: 2,
      generator: 'indicatorSummary',
      emptyText: TO_BE_FILLED,
    },
    { key: 'problems', heading: '七、存在的问题及原因分析', level: 1, emptyText: TO_BE_FILLED },
    { key: 'improvements', heading: '八、下一步改进措施', level: 1, emptyText: TO_BE_FILLED },
    { key: 'resultUse', heading: '九、部门整体支出绩效评价结果应用情况', level: 1, emptyText: TO_BE_FILLED },
    { key: 'other', heading: '十、其他需要说明的情况', level: 1, emptyText: TO_BE_FILLED },
    { key: 'attachments', heading: '附件：', level: 1, generator: 'attachmentsList' },
  ],
  attachments: [
    {
      table: 'basicData',
      title: '部门整体支出绩效评价基础数据表',
      sheetName: '基础数据表',
      note: '说明：“项目支出”填列基本支出以外的全部项目支出；“公用经费”填列基本支出中的商品和服务支出。',
    },
    { table: 'selfEvaluation', title: '部门整体支出绩效自评表', sheetName: '自评表' },
  ],
};

const project10: ReportOutline = {
  id: 'project-10',
  name: '项目支出绩效自评报告',
  kind: 'project',
  profiles: [],
  titleSuffix: '项目支出绩效自评报告',
  basis:
    '财预〔2011〕285号 报告内容（基本概况、绩效目标、目标实现、未实现原因、改进建议，V [S20]）按财预〔2020〕10号 自评表格式组织（I）。',
  sections: [
    { key: 'basicInfo', heading: '一、项目基本情况', level: 1, emptyText: TO_BE_FILLED },
    { key: 'targets', heading: '二、项目绩效目标', level: 1, emptyText: TO_BE_FILLED },
    {
      key: 'budgetExecution',
      heading: '三、项目资金使用及管理情况',
      level: 1,
      generator: 'budgetOverview',
      emptyText: TO_BE_FILLED,
    },
    { key: 'performance', heading: '四、项目绩效目标完成情况', level: 1 },
    { key: 'conclusion', heading: '（一）综合评价结论', level: 2, generator: 'conclusion', emptyText: TO_BE_FILLED },
    {
      key: 'indicatorAnalysis',
      heading: '（二）绩效指标完成情况分析',
      level: 2,
      generator: 'indicatorSummary',
      emptyText: TO_BE_FILLED,
    },
    { key: 'problems', heading: '五、偏离绩效目标的原因和存在的问题', level: 1, emptyText: TO_BE_FILLED },
    { key: 'improvements', heading: '六、下一步改进措施', level: 1, emptyText: TO_BE_FILLED },
    { key: 'resultUse', heading: '七、绩效自评结果应用情况', level: 1, emptyText: TO_BE_FILLED },
    { key: 'other', heading: '八、其他需要说明的情况', level: 1, emptyText: TO_BE_FILLED },
    { key: 'attachments', heading: '附件：', level: 1, generator: 'attachmentsList' },
  ],
  attachments: [{ table: 'selfEvaluation', title: '项目支出绩效自评表', sheetName: '自评表' }],
};

/** Every shipped outline. The first one matching an evaluation (kind, profile, year) is used. */
export const outlines: readonly ReportOutline[] = [departmentR12, project10];

/** The outline with this id, or undefined. */
export function getOutline(id: string): ReportOutline | undefined {
  return outlines.find((o) => o.id === id);
}

/**
 * The outline for an evaluation: the one named, else the first whose kind, profile and year fit (an outline for the
 * evaluation's own profile before a general one), else the first of its kind.
 */
export function outlineFor(
  evaluation: { kind: EvaluationKind; profile?: string | undefined; year?: number | undefined },
  id?: string,
): ReportOutline {
  if (id !== undefined) {
    const named = getOutline(id);
    if (named) return named;
  }
  const fits = (o: ReportOutline): boolean =>
    o.kind === evaluation.kind &&
    (evaluation.year === undefined ||
      ((o.fromYear === undefined || evaluation.year >= o.fromYear) &&
        (o.toYear === undefined || evaluation.year <= o.toYear)));
  const profile = evaluation.profile;
  const own = profile ? outlines.find((o) => fits(o) && o.profiles.includes(profile)) : undefined;
  const general = outlines.find((o) => fits(o) && o.profiles.length === 0);
  const anyOfKind = outlines.find((o) => o.kind === evaluation.kind);
  // outlines always holds one outline per kind, so the last fallback is defined
  return own ?? general ?? anyOfKind ?? departmentR12;
}
