/**
 * The editor's fields as data: for each section, the fields it renders (path, label, kind). The same list tells
 * which fields exist (to pin findings and comments on them) and how far a section is filled in. Pure.
 */
import type { Evaluation } from '../../../src/model/index.js';
import { getAt, isFilled } from './doc.js';
import { SECTION_LABELS, SECTION_ORDER, sectionOfPath, type EditorSection } from './paths.js';

export type FieldKind =
  /** one line of text */
  | 'text'
  /** several lines */
  | 'textarea'
  /** an amount in 万元 (exact); `unitInText` adds 万元 to the stored text as prose writes it */
  | 'money'
  /** any written value parsed by the model (≥95%, 1600余篇, 12人) */
  | 'figure'
  /** a year (number) */
  | 'year'
  /** a list of lines (string[]) */
  | 'lines'
  /** the rule profile id */
  | 'profile';

export interface FieldSpec {
  path: string;
  label: string;
  kind: FieldKind;
  /** money: write "万元" into the stored text */
  unitInText?: boolean;
  /** counts toward "done" */
  required?: boolean;
  /** zh-CN hint under the field */
  hint?: string;
  /** textarea: visible lines */
  rows?: number;
}

// ─────────────────────────────── 基本情况 ───────────────────────────────

export function basicFields(e: Evaluation): FieldSpec[] {
  const out: FieldSpec[] = [
    { path: 'title', label: '报告标题', kind: 'text' },
    { path: 'unit.name', label: '单位名称', kind: 'text', required: true },
    { path: 'unit.code', label: '单位编码', kind: 'text' },
    { path: 'unit.supervisingDepartment', label: '主管部门', kind: 'text' },
    { path: 'year', label: '评价年度', kind: 'year', required: true },
    { path: 'profile', label: '评分规则', kind: 'profile', hint: '按哪个地区的评分办法计分；不选则用系统默认' },
  ];
  if (e.kind === 'project') {
    out.push({ path: 'project.name', label: '项目名称', kind: 'text', required: true });
    out.push({ path: 'project.code', label: '项目编码', kind: 'text' });
  }
  out.push(
    { path: 'organisation.internalDivisions', label: '内设机构', kind: 'textarea' },
    { path: 'organisation.authorizedStaff', label: '编制人数', kind: 'figure', hint: '如 12人' },
    { path: 'organisation.actualStaff', label: '实有人数', kind: 'figure', hint: '如 11人' },
    { path: 'organisation.functions', label: '主要职能职责', kind: 'lines', hint: '每行一项' },
  );
  return out;
}

// ─────────────────────────────── 预算执行 ───────────────────────────────

/** The prose's money (部门整体支出管理及使用情况), grouped as the form shows them. */
export const FINANCE_GROUPS: readonly { title: string; fields: readonly FieldSpec[] }[] = [
  {
    title: '收支总体情况',
    fields: [
      { path: 'finances.openingBalance', label: '年初结转和结余', kind: 'money', unitInText: true },
      { path: 'finances.income', label: '本年收入', kind: 'money', unitInText: true, required: true },
      { path: 'finances.expenditure', label: '本年支出', kind: 'money', unitInText: true, required: true },
      { path: 'finances.closingBalance', label: '年末结转和结余', kind: 'money', unitInText: true },
    ],
  },
  {
    title: '基本支出',
    fields: [
      { path: 'finances.basic.openingBalance', label: '年初结转和结余', kind: 'money', unitInText: true },
      { path: 'finances.basic.initialBudget', label: '年初预算数', kind: 'money', unitInText: true },
      { path: 'finances.basic.adjustedBudget', label: '全年预算数', kind: 'money', unitInText: true },
      { path: 'finances.basic.expenditure', label: '本年支出', kind: 'money', unitInText: true },
      { path: 'finances.basic.executionRate', label: '预算执行率', kind: 'figure', hint: '如 99.54%' },
      { path: 'finances.basic.closingBalance', label: '年末结转和结余', kind: 'money', unitInText: true },
    ],
  },
  {
    title: '项目支出',
    fields: [
      { path: 'finances.project.initialBudget', label: '年初预算数', kind: 'money', unitInText: true },
      { path: 'finances.project.adjustedBudget', label: '全年预算数', kind: 'money', unitInText: true },
      { path: 'finances.project.expenditure', label: '本年支出', kind: 'money', unitInText: true },
    ],
  },
  {
    title: '“三公”经费',
    fields: [
      { path: 'finances.threePublicCosts.budget', label: '年初预算数', kind: 'money', unitInText: true },
      { path: 'finances.threePublicCosts.actual', label: '实际支出', kind: 'money', unitInText: true },
      { path: 'finances.threePublicCosts.officialReception', label: '公务接待费', kind: 'money', unitInText: true },
      {
        path: 'finances.threePublicCosts.officialVehicles',
        label: '公务用车购置及运行维护费',
        kind: 'money',
        unitInText: true,
      },
      { path: 'finances.threePublicCosts.overseasTravel', label: '因公出国（境）费', kind: 'money', unitInText: true },
    ],
  },
  {
    title: '其他预算',
    fields: [
      {
        path: 'finances.governmentFund',
        label: '政府性基金预算支出',
        kind: 'money',
        unitInText: true,
        hint: '没有请填“无”',
      },
      {
        path: 'finances.stateCapital',
        label: '国有资本经营预算支出',
        kind: 'money',
        unitInText: true,
        hint: '没有请填“无”',
      },
      {
        path: 'finances.socialInsurance',
        label: '社会保险基金预算支出',
        kind: 'money',
        unitInText: true,
        hint: '没有请填“无”',
      },
    ],
  },
];

/** The 自评表's money block: one row per line, these columns. */
export const FUNDING_COLUMNS: readonly { key: string; label: string; kind: 'money' | 'figure' }[] = [
  { key: 'initialBudget', label: '年初预算数（万元）', kind: 'money' },
  { key: 'adjustedBudget', label: '全年预算数（万元）', kind: 'money' },
  { key: 'executed', label: '全年执行数（万元）', kind: 'money' },
  { key: 'weight', label: '分值', kind: 'figure' },
  { key: 'executionRate', label: '执行率', kind: 'figure' },
  { key: 'score', label: '得分', kind: 'figure' },
];

export const FUNDING_ROWS: readonly { path: string; label: string; scored: boolean }[] = [
  { path: 'selfEvaluation.funding', label: '年度资金总额', scored: true },
  { path: 'selfEvaluation.bySource.currentYearAppropriation', label: '其中：本年财政拨款', scored: false },
  { path: 'selfEvaluation.bySource.carryOver', label: '　　　上年结转资金', scored: false },
  { path: 'selfEvaluation.bySource.generalPublic', label: '一般公共预算', scored: false },
  { path: 'selfEvaluation.bySource.governmentFund', label: '政府性基金预算', scored: false },
  { path: 'selfEvaluation.bySource.stateCapital', label: '国有资本经营预算', scored: false },
  { path: 'selfEvaluation.bySource.socialInsurance', label: '社会保险基金预算', scored: false },
  { path: 'selfEvaluation.bySource.specialAccountNonTax', label: '纳入专户管理的非税收入', scored: false },
  { path: 'selfEvaluation.bySource.other', label: '其他资金', scored: false },
  { path: 'selfEvaluation.byNature.basic', label: '按支出性质：基本支出', scored: false },
  { path: 'selfEvaluation.byNature.project', label: '　　　　　　项目支出', scored: false },
];

export function budgetFields(): FieldSpec[] {
  const out: FieldSpec[] = FINANCE_GROUPS.flatMap((g) => [...g.fields]);
  for (const row of FUNDING_ROWS) {
    for (const col of FUNDING_COLUMNS) {
      if (!row.scored && (col.key === 'weight' || col.key === 'score' || col.key === 'executionRate')) continue;
      out.push({
        path: `${row.path}.${col.key}`,
        label: `${row.label.trim()} ${col.label}`,
        kind: col.kind,
        required: row.path === 'selfEvaluation.funding' && (col.key === 'adjustedBudget' || col.key === 'executed'),
      });
    }
  }
  return out;
}

// ─────────────────────────────── 基础数据表 ───────────────────────────────

export const YEAR_COLUMNS = ['previousFinal', 'currentBudget', 'currentFinal'] as const;
export type YearColumn = (typeof YEAR_COLUMNS)[number];
/** Column headings when the table names none (the report's own are in basicData.columnLabels). */
export const YEAR_COLUMN_LABELS: Readonly<Record<YearColumn, string>> = {
  previousFinal: '上年决算数',
  currentBudget: '本年预算数',
  currentFinal: '本年决算数',
};

/** The fixed rows of the 经费控制情况 block. */
export const THREE_PUBLIC_ROWS: readonly { key: string; label: string; indent: number }[] = [
  { key: 'total', label: '三公经费', indent: 0 },
  { key: 'officialVehicles', label: '1、公务用车购置和维护经费', indent: 1 },
  { key: 'vehiclePurchase', label: '其中：公车购置', indent: 2 },
  { key: 'vehicleOperation', label: '公车运行维护', indent: 2 },
  { key: 'overseasTravel', label: '2、出国经费', indent: 1 },
  { key: 'officialReception', label: '3、公务接待', indent: 1 },
];

export const BUILDING_COLUMNS: readonly { key: string; label: string; kind: 'text' | 'figure' | 'money' }[] = [
  { key: 'name', label: '项目名称', kind: 'text' },
  { key: 'approvedArea', label: '批复规模（㎡）', kind: 'figure' },
  { key: 'actualArea', label: '实际规模（㎡）', kind: 'figure' },
  { key: 'areaControlRate', label: '规模控制率', kind: 'figure' },
  { key: 'budgetInvestment', label: '预算投资（万元）', kind: 'money' },
  { key: 'actualInvestment', label: '实际投资（万元）', kind: 'money' },
  { key: 'investmentControlRate', label: '投资概算控制率', kind: 'figure' },
];

function yearRow(path: string, label: string, required = false): FieldSpec[] {
  return YEAR_COLUMNS.map((c) => ({
    path: `${path}.${c}`,
    label: `${label.trim()}（${YEAR_COLUMN_LABELS[c]}）`,
    kind: 'money' as const,
    required: required && c === 'currentFinal',
  }));
}

export function basicDataFields(e: Evaluation): FieldSpec[] {
  const b = e.basicData;
  const out: FieldSpec[] = [
    { path: 'basicData.meta.unitName', label: '填报单位', kind: 'text' },
    { path: 'basicData.staffing.authorizedStaff', label: '编制数', kind: 'figure', required: true },
    { path: 'basicData.staffing.actualStaff', label: '实际在职人数', kind: 'figure', required: true },
    { path: 'basicData.staffing.staffControlRate', label: '控制率', kind: 'figure' },
  ];
  for (const c of YEAR_COLUMNS) {
    if (b?.columnLabels[c])
      out.push({ path: `basicData.columnLabels.${c}`, label: `栏目名称（${YEAR_COLUMN_LABELS[c]}）`, kind: 'text' });
  }
  for (const r of THREE_PUBLIC_ROWS)
    out.push(...yearRow(`basicData.threePublicCosts.${r.key}`, r.label, r.key === 'total'));
  out.push(...yearRow('basicData.projectExpenditure.total', '项目支出'));
  (b?.projectExpenditure.items ?? []).forEach((_, i) => {
    const name = b?.projectExpenditure.items[i]?.label?.trim() || `项目 ${i + 1}`;
    out.push({ path: `basicData.projectExpenditure.items.${i}.label`, label: '项目支出明细名称', kind: 'text' });
    out.push(...yearRow(`basicData.projectExpenditure.items.${i}`, name));
  });
  out.push(...yearRow('basicData.publicFunds.total', '公用经费'));
  (b?.publicFunds.items ?? []).forEach((_, i) => {
    const name = b?.publicFunds.items[i]?.label?.trim() || `公用经费明细 ${i + 1}`;
    out.push({ path: `basicData.publicFunds.items.${i}.label`, label: '公用经费明细名称', kind: 'text' });
    out.push(...yearRow(`basicData.publicFunds.items.${i}`, name));
  });
  out.push(...yearRow('basicData.governmentProcurement', '政府采购金额'));
  out.push(...yearRow('basicData.basicBudgetAdjustment', '部门基本支出预算调整'));
  (b?.buildings.items ?? []).forEach((_, i) => {
    for (const c of BUILDING_COLUMNS) {
      out.push({
        path: `basicData.buildings.items.${i}.${c.key}`,
        label: `楼堂馆所 ${i + 1} ${c.label}`,
        kind: c.kind,
      });
    }
  });
  out.push(
    { path: 'basicData.frugalityMeasures', label: '厉行节约保障措施', kind: 'textarea' },
    { path: 'basicData.notes', label: '说明', kind: 'textarea' },
    { path: 'basicData.meta.preparer', label: '填表人', kind: 'text' },
    { path: 'basicData.meta.preparedOn', label: '填报日期', kind: 'text' },
    { path: 'basicData.meta.contactPhone', label: '联系电话', kind: 'text' },
  );
  return out;
}

// ─────────────────────────────── 自评表 ───────────────────────────────

export const GRID_COLUMNS = [
  { field: 'name', label: '三级指标', width: 200 },
  { field: 'comparator', label: '方向', width: 74 },
  { field: 'target', label: '年度指标值', width: 130 },
  { field: 'unit', label: '单位', width: 64 },
  { field: 'actual', label: '实际完成值', width: 130 },
  { field: 'weight', label: '分值', width: 64 },
  { field: 'selfScore', label: '自评得分', width: 76 },
  { field: 'deviationNote', label: '偏差原因分析及改进措施', width: 220 },
] as const;

export function indicatorFields(e: Evaluation): FieldSpec[] {
  const out: FieldSpec[] = [];
  (e.selfEvaluation?.indicators ?? []).forEach((_, i) => {
    for (const c of GRID_COLUMNS) {
      out.push({
        path: `selfEvaluation.indicators.${i}.${c.field}`,
        label: c.label,
        kind:
          c.field === 'name' || c.field === 'unit' || c.field === 'deviationNote' || c.field === 'comparator'
            ? 'text'
            : 'figure',
      });
    }
  });
  out.push(
    { path: 'selfEvaluation.totalWeight', label: '总分 分值', kind: 'figure' },
    { path: 'selfEvaluation.totalScore', label: '总分 得分', kind: 'figure', required: true },
    { path: 'selfEvaluation.grade', label: '评价等次', kind: 'text' },
    { path: 'selfEvaluation.conclusion', label: '绩效结论', kind: 'textarea' },
    { path: 'selfReported.total', label: '报告正文中的自评分数', kind: 'figure' },
    { path: 'selfReported.grade', label: '报告正文中的等次', kind: 'text' },
    { path: 'selfEvaluation.meta.preparer', label: '填表人', kind: 'text' },
    { path: 'selfEvaluation.meta.preparedOn', label: '填报日期', kind: 'text' },
    { path: 'selfEvaluation.meta.contactPhone', label: '联系电话', kind: 'text' },
  );
  for (const c of ['output', 'outcome', 'satisfaction', 'cost', 'other']) {
    out.push({ path: `selfEvaluation.categoryWeights.${c}`, label: '一级指标分值', kind: 'figure' });
  }
  return out;
}

// ─────────────────────────────── 年度总体目标 / 文字部分 ───────────────────────────────

export function goalFields(): FieldSpec[] {
  return [
    { path: 'selfEvaluation.overallGoal.expected', label: '预期目标', kind: 'textarea', required: true },
    { path: 'selfEvaluation.overallGoal.actual', label: '实际完成情况', kind: 'textarea', required: true },
  ];
}

export function narrativeFields(e: Evaluation): FieldSpec[] {
  return e.narrative.sections.flatMap((s, i) => [
    { path: `narrative.sections.${i}.heading`, label: '标题', kind: 'text' as const },
    { path: `narrative.sections.${i}.text`, label: s.heading, kind: 'textarea' as const },
  ]);
}

/** Every field of a section. */
export function sectionFields(section: EditorSection, e: Evaluation): FieldSpec[] {
  switch (section) {
    case 'basic':
      return basicFields(e);
    case 'budget':
      return budgetFields();
    case 'basicData':
      return basicDataFields(e);
    case 'indicators':
      return indicatorFields(e);
    case 'goal':
      return goalFields();
    case 'narrative':
      return narrativeFields(e);
  }
}

/** Every field path the editor renders for this evaluation. */
export function allFieldPaths(e: Evaluation): string[] {
  return SECTION_ORDER.flatMap((s) => sectionFields(s, e).map((f) => f.path));
}

// ─────────────────────────────── progress ───────────────────────────────

export type SectionStatus = 'notStarted' | 'inProgress' | 'hasErrors' | 'done';

export const STATUS_LABELS: Readonly<Record<SectionStatus, string>> = {
  notStarted: '未开始',
  inProgress: '填写中',
  hasErrors: '有错误',
  done: '已完成',
};

/** Extra "done" conditions a field list cannot say. */
function sectionComplete(section: EditorSection, e: Evaluation): boolean {
  if (section === 'indicators') {
    const inds = e.selfEvaluation?.indicators ?? [];
    return (
      inds.length > 0 &&
      inds.every((i) => i.name.trim() !== '' && isFilled(i.target) && isFilled(i.actual) && isFilled(i.weight))
    );
  }
  if (section === 'narrative') return e.narrative.sections.some((s) => s.text.trim() !== '');
  return true;
}

/**
 * A section's status: has errors when an error finding points into it; not started when nothing in it is filled
 * in; done when every required field is filled (and the section's own conditions hold); else in progress.
 */
export function sectionStatus(
  section: EditorSection,
  e: Evaluation,
  errorPaths: readonly string[] | ReadonlySet<EditorSection>,
): SectionStatus {
  const hasErrors = Array.isArray(errorPaths)
    ? errorPaths.some((p) => sectionOfPath(p) === section)
    : (errorPaths as ReadonlySet<EditorSection>).has(section);
  if (hasErrors) return 'hasErrors';
  const fields = sectionFields(section, e);
  const filled = fields.filter((f) => isFilled(getAt(e, f.path)));
  const extra = section === 'indicators' ? (e.selfEvaluation?.indicators.length ?? 0) > 0 : false;
  if (filled.length === 0 && !extra) return 'notStarted';
  const requiredDone = fields.filter((f) => f.required).every((f) => isFilled(getAt(e, f.path)));
  return requiredDone && sectionComplete(section, e) ? 'done' : 'inProgress';
}

/** The sections the given paths fall in (computed once per set of findings, not per keystroke). */
export function sectionsOf(paths: readonly string[]): Set<EditorSection> {
  const out = new Set<EditorSection>();
  for (const p of paths) {
    const s = sectionOfPath(p);
    if (s) out.add(s);
  }
  return out;
}

export function allSectionStatuses(
  e: Evaluation,
  errorPaths: readonly string[] | ReadonlySet<EditorSection>,
): Record<EditorSection, SectionStatus> {
  const errors = Array.isArray(errorPaths) ? sectionsOf(errorPaths) : (errorPaths as ReadonlySet<EditorSection>);
  const out = {} as Record<EditorSection, SectionStatus>;
  for (const s of SECTION_ORDER) out[s] = sectionStatus(s, e, errors);
  return out;
}

/** A field's name in words, for comments and the findings panel: "自评表 第3行“稿件数”的 实际完成值". */
export function fieldLabel(e: Evaluation, path: string): string {
  if (path === '') return '整份自评';
  const m = /^selfEvaluation\.indicators\.(\d+)(?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const name = e.selfEvaluation?.indicators[i]?.name;
    const col = GRID_COLUMNS.find((c) => c.field === m[2]);
    return `自评表第 ${i + 1} 行${name ? `“${name}”` : ''}${col ? `的${col.label}` : ''}`;
  }
  const n = /^narrative\.sections\.(\d+)/.exec(path);
  if (n) {
    const s = e.narrative.sections[Number(n[1])];
    return s ? `正文“${s.heading}”` : '正文';
  }
  const section = sectionOfPath(path);
  const spec = section ? sectionFields(section, e).find((f) => f.path === path) : undefined;
  if (spec) return `${SECTION_LABELS[section!]} · ${spec.label}`;
  return section ? SECTION_LABELS[section] : path;
}
