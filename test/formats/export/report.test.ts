import { describe, expect, it } from 'vitest';
import { evaluationSchema, sectionKeySchema, type Evaluation } from '../../../src/model/index.js';
import { hunan } from '../../../src/rules/hunan.js';
import { hunan2018 } from '../../../src/rules/hunan-2018.js';
import {
  basicDataTable,
  buildReport,
  budgetOverviewParagraph,
  conclusionParagraph,
  fundParagraph,
  getOutline,
  mergeGenerated,
  outlineFor,
  outlines,
  selfEvaluationTable,
  staffingParagraph,
  textStatesFigures,
  threePublicCostsParagraph,
  TO_BE_FILLED,
  type AttachmentBlock,
  type HeadingBlock,
  type ParagraphBlock,
  type ReportModel,
  type TableModel,
} from '../../../src/formats/report/index.js';
import { layoutGrid } from '../../../src/formats/xlsx/export.js';
import { f, sampleEvaluation, sampleInput } from './fixture.js';

const headings = (m: ReportModel) => m.blocks.filter((b): b is HeadingBlock => b.type === 'heading');
const bodies = (m: ReportModel) =>
  m.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph' && b.role === 'body');
const attachments = (m: ReportModel) => m.blocks.filter((b): b is AttachmentBlock => b.type === 'attachment');

/** The body text printed under the heading with this text. */
function textUnder(m: ReportModel, heading: string): string {
  const i = m.blocks.findIndex((b) => b.type === 'heading' && b.text === heading);
  const out: string[] = [];
  for (const b of m.blocks.slice(i + 1)) {
    if (b.type !== 'paragraph' || b.role !== 'body') break;
    out.push(b.text);
  }
  return out.join('\n');
}

/** Every row of a table covers exactly the table's columns (merges included). */
function expectRectangular(t: TableModel): void {
  const covered = new Map<number, number>();
  for (const p of layoutGrid(t)) {
    for (let r = p.row; r < p.row + p.rowSpan; r++) covered.set(r, (covered.get(r) ?? 0) + p.colSpan);
  }
  t.rows.forEach((_, r) => expect(covered.get(r), `row ${r}`).toBe(t.columns.length));
}

describe('report outlines (R-12 as data)', () => {
  it('has a department and a project outline, chosen by kind', () => {
    expect(outlineFor({ kind: 'department' }).kind).toBe('department');
    expect(outlineFor({ kind: 'project' }).kind).toBe('project');
    expect(outlineFor({ kind: 'department' }, 'project-10').id).toBe('project-10');
    expect(outlineFor({ kind: 'department' }, 'no-such-outline').kind).toBe('department');
  });

  it('lists the ten R-12 sections in order, every key a valid section key', () => {
    const o = getOutline('department-r12');
    expect(o).toBeDefined();
    const top = o!.sections.filter((s) => s.level === 1).map((s) => s.heading);
    expect(top.slice(0, 10).map((h) => h.split('、')[0])).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
    ]);
    for (const outline of outlines) {
      for (const s of outline.sections) expect(sectionKeySchema.safeParse(s.key).success).toBe(true);
      for (const a of outline.attachments) expect(a.sheetName.length).toBeLessThanOrEqual(31);
    }
  });
});

describe('paragraphs generated from the figures', () => {
  const e = sampleEvaluation();

  it('writes the budget overview from the prose figures', () => {
    expect(budgetOverviewParagraph(e)?.text).toBe(
      '2030年度，本单位年初结转和结余10.00万元，本年收入390.00万元，本年支出392.50万元，年末结转和结余7.50万元。',
    );
  });

  it('writes the 三公 paragraph with its parts', () => {
    expect(threePublicCostsParagraph(e)?.text).toBe(
      '2030年“三公”经费年初预算数3.00万元（公务接待费1.00万元、公务用车购置及运行维护费2.00万元、因公出国（境）费0.00万元），实际支出2.60万元。',
    );
  });

  it('falls back to the table figure of the same meaning when the prose has none, and says so', () => {
    const input = sampleInput();
    input.organisation = { functions: [] };
    const g = staffingParagraph(evaluationSchema.parse(input));
    expect(g?.text).toBe('本单位共有编制人数12人，实有人数11人。');
    expect(g?.figures.every((x) => x.fallback && x.path.startsWith('basicData.staffing'))).toBe(true);
  });

  it('says 无 for a fund that is zero, and nothing for one never stated', () => {
    expect(fundParagraph(e, 'governmentFund')?.text).toBe('2030年，本单位无政府性基金预算支出。');
    expect(fundParagraph(e, 'stateCapital')).toBeUndefined();
  });

  it('states the self-reported total and grade', () => {
    expect(conclusionParagraph(e)?.text).toBe('经综合评定，2030年度绩效自评分数为97.81分，绩效评价等次为“优秀”。');
  });

  it('tells whether a text still states the figures', () => {
    const g = budgetOverviewParagraph(e)!;
    expect(textStatesFigures('年初结转和结余10万元，收入390万元，支出392.5万元，年末7.50万元。', g)).toBe(true);
    expect(textStatesFigures('年初结转和结余10万元，收入391万元，支出392.5万元，年末7.50万元。', g)).toBe(false);
    const none = fundParagraph(e, 'governmentFund')!;
    expect(textStatesFigures('本单位无政府性基金预算支出。', none)).toBe(true);
  });

  it('keeps the sentences of the original that state none of the figures', () => {
    const g = budgetOverviewParagraph(e)!;
    expect(mergeGenerated('本年收入380.00万元，本年支出392.50万元。预算执行良好。', g)).toBe(`${g.text}预算执行良好。`);
  });
});

describe('buildReport: the narrative', () => {
  it('keeps the report’s own sections and words while they state the Evaluation’s figures', () => {
    const e = sampleEvaluation();
    const m = buildReport(e);
    expect(headings(m).map((h) => h.text)).toEqual(e.narrative.sections.map((s) => s.heading));
    expect(textUnder(m, '（一）预算执行总体情况')).toBe(e.narrative.sections[3]!.text);
    expect(m.generatedSections).toEqual([]);
    expect(m.title).toBe(e.title);
    expect(m.headerText).toBe('测试县测试中心\u30002030年度部门整体支出绩效自评报告');
  });

  it('rewrites a section from the figures once a figure was changed, keeping its other sentences', () => {
    const e = sampleEvaluation();
    e.finances.income = f('395.00');
    const m = buildReport(e);
    expect(m.generatedSections).toEqual(['budgetExecution']);
    expect(textUnder(m, '（一）预算执行总体情况')).toBe(
      '2030年度，本单位年初结转和结余10.00万元，本年收入395.00万元，本年支出392.50万元，年末结转和结余7.50万元。各项支出均按规定审批。',
    );
    // 'original' keeps the words as written, whatever the figures say
    expect(textUnder(buildReport(e, { prose: 'original' }), '（一）预算执行总体情况')).toContain('本年收入390.00万元');
  });

  it("'generated' writes every figure paragraph from the figures", () => {
    const m = buildReport(sampleEvaluation(), { prose: 'generated' });
    expect(m.generatedSections).toEqual(
      expect.arrayContaining(['staffing', 'budgetExecution', 'threePublicCosts', 'governmentFund', 'conclusion']),
    );
    expect(textUnder(m, '（一）人员编制情况')).toBe('本单位共有编制人数12人，实有人数11人。');
    expect(bodies(m).every((b) => !b.text.includes(TO_BE_FILLED))).toBe(true);
  });

  it('builds the whole outline, with figures, when the Evaluation has no narrative', () => {
    const input = sampleInput();
    input.narrative = { sections: [] };
    const m = buildReport(evaluationSchema.parse(input));
    const top = headings(m).filter((h) => h.level === 1);
    expect(top.map((h) => h.text.split('、')[0]).slice(0, 10)).toEqual([
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
    ]);
    expect(textUnder(m, '（二）人员编制情况')).toBe('本单位共有编制人数12人，实有人数11人。');
    expect(textUnder(m, '三、政府性基金预算支出情况')).toBe('2030年，本单位无政府性基金预算支出。');
    expect(textUnder(m, '四、国有资本经营预算支出情况')).toBe(TO_BE_FILLED);
    expect(textUnder(m, '附件：')).toBe('1.部门整体支出绩效评价基础数据表\n2.部门整体支出绩效自评表');
  });

  it('completes a report’s own outline with the missing sections in their place', () => {
    const m = buildReport(sampleEvaluation(), { completeOutline: true });
    const top = headings(m)
      .filter((h) => h.level === 1)
      .map((h) => h.text);
    // the report's own 一 二 三 四 五 六, then the outline's missing sections in order
    expect(top.indexOf('四、国有资本经营预算支出情况')).toBeGreaterThan(top.indexOf('三、政府性基金预算支出情况'));
    expect(top.indexOf('四、国有资本经营预算支出情况')).toBeLessThan(top.indexOf('四、部门整体支出绩效情况'));
    expect(top.slice(-3)).toEqual(['九、部门整体支出绩效评价结果应用情况', '十、其他需要说明的情况', '附件：']);
  });
});

describe('buildReport: a project self-evaluation', () => {
  it('uses the project outline and attaches the 项目支出绩效自评表 only', () => {
    const input = sampleInput();
    input.kind = 'project';
    input.project = { name: '融媒体设备更新项目' };
    delete input.title;
    input.narrative = { sections: [] };
    const m = buildReport(evaluationSchema.parse(input));
    expect(m.outlineId).toBe('project-10');
    expect(m.title).toBe('测试县测试中心2030年融媒体设备更新项目项目支出绩效自评报告');
    expect(attachments(m).map((a) => a.title)).toEqual(['项目支出绩效自评表']);
    expect(headings(m)[0]?.text).toBe('一、项目基本情况');
  });
});

describe('buildReport: the attached forms', () => {
  const e = sampleEvaluation();
  const [basic, self] = attachments(buildReport(e));

  it('numbers the forms and names their sheets', () => {
    expect(basic?.label).toBe('附件1');
    expect(basic?.title).toBe('部门整体支出绩效评价基础数据表');
    expect(basic?.metaLeft).toBe('填报单位：测试县测试中心');
    expect(basic?.notes[0]).toBe('说明：金额单位为万元。');
    expect(self?.label).toBe('附件2');
    expect(self?.subtitle).toBe('（2030年度）');
    expect(self?.notes).toEqual(['填表人：张测试\u3000\u3000填报日期：2031年3月1日\u3000\u3000联系电话：000-0000000']);
  });

  it('lays the 基础数据表 out on 7 columns, money in 万元 with two decimals', () => {
    const t = basicDataTable(e.basicData!, e.year);
    expectRectangular(t);
    const row = (label: string) => t.rows.find((r) => r.cells[0]?.text === label)!.cells.map((c) => c.text);
    expect(row('三公经费')).toEqual(['三公经费', '2.80', '3.00', '2.60']);
    expect(row('2、运行维护经费')).toEqual(['2、运行维护经费', '30.00', '35.00', '33.50']);
    expect(row('政府采购金额')).toEqual(['政府采购金额', '——', '20.00', '19.00']);
  });

  it('lays the 自评表 out with 一级/二级 cells merged down their rows', () => {
    const t = selfEvaluationTable(e.selfEvaluation!, hunan2018);
    expectRectangular(t);
    const output = t.rows.flatMap((r) => r.cells).find((c) => c.text.startsWith('产出指标'));
    expect(output?.text).toBe('产出指标\n（50分）');
    expect(output?.rowSpan).toBe(4);
    const outcome = t.rows.flatMap((r) => r.cells).find((c) => c.text.startsWith('效益指标'));
    expect(outcome?.rowSpan).toBe(2);
    const total = t.rows[t.rows.length - 1]!.cells.map((c) => c.text);
    expect(total).toEqual(['总分', '100', '97.81', '']);
    const score = t.rows.flatMap((r) => r.cells).find((c) => c.id === 'fund.score');
    expect(score?.formula).toMatchObject({ op: 'executionScore', mode: 'tiered' });
  });

  it('prints what the report states, even when it is wrong (the exporter recomputes nothing)', () => {
    const input = sampleInput();
    input.selfEvaluation!.totalScore = f('88');
    input.basicData!.staffing!.staffControlRate = f('50%');
    const wrong: Evaluation = evaluationSchema.parse(input);
    const m = buildReport(wrong);
    const cells = attachments(m).flatMap((a) => a.table.rows.flatMap((r) => r.cells));
    expect(cells.some((c) => c.path === 'selfEvaluation.totalScore' && c.text === '88')).toBe(true);
    expect(cells.some((c) => c.path === 'basicData.staffing.staffControlRate' && c.text === '50%')).toBe(true);
  });

  it('adds optional columns the Evaluation holds (计量单位, 指标性质)', () => {
    const input = sampleInput();
    input.selfEvaluation!.indicators![0]!.unit = '篇';
    input.selfEvaluation!.indicators![1]!.nature = 'quantitative';
    const t = selfEvaluationTable(evaluationSchema.parse(input).selfEvaluation!, hunan);
    expectRectangular(t);
    const header = t.rows.find((r) => r.cells.some((c) => c.text === '三级指标'))!.cells.map((c) => c.text);
    expect(header).toEqual(
      expect.arrayContaining(['三级指标', '指标性质', '计量单位', '年度指标值', '实际完成值', '分值', '得分']),
    );
  });
});
