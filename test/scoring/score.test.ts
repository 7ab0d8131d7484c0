import { describe, expect, it } from 'vitest';
import { evaluationSchema, figure } from '../../src/model/index.js';
import { getProfile } from '../../src/rules/index.js';
import { hubei } from '../../src/rules/hubei.js';
import { hunan } from '../../src/rules/hunan.js';
import { hunan2018 } from '../../src/rules/hunan-2018.js';
import { national2020 } from '../../src/rules/national-2020.js';
import { sichuan } from '../../src/rules/sichuan.js';
import { gradeFor, parseGrade, score } from '../../src/scoring/score.js';
import { WORKED_EXAMPLE, evaluationWith } from './helpers.js';

const funding = (adjusted: string, executed: string, extra: Record<string, string> = {}) => ({
  selfEvaluation: {
    funding: {
      adjustedBudget: figure(adjusted),
      executed: figure(executed),
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, figure(v)])),
    },
    categoryWeights: { output: figure('50'), outcome: figure('30'), satisfaction: figure('10') },
    totalScore: figure('95'),
    grade: '优',
  },
  selfReported: { total: figure('95'), grade: '优秀' },
});

const worked = () => evaluationWith(WORKED_EXAMPLE, funding('500', '485', { weight: '10', score: '9.7' }));

describe('rules.md §14 worked example, national-2020', () => {
  const sheet = score(worked(), national2020);

  it('execution 485 of 500 → 9.70', () => {
    expect(sheet.execution).toMatchObject({
      label: '预算执行率',
      path: 'selfEvaluation.funding',
      method: 'executionLinear',
      weight: 10,
      recomputed: 9.7,
      selfScore: 9.7,
      difference: 0,
      flags: [],
    });
    expect(sheet.execution.formula).toBe(
      '执行率 = 全年执行数 485 万元 ÷ 全年预算数 500 万元 = 97%；得分 = 10 × 97% = 9.70',
    );
    expect(sheet.execution.inputs).toMatchObject({ base: '500', executed: '485', rate: '0.97', weight: '10' });
  });

  it('every row as rules.md computes it', () => {
    expect(sheet.items.map((i) => [i.label, i.recomputed])).toEqual([
      ['播发稿件数', 10],
      ['安全播出事故', 10],
      ['运行成本', 9.52],
      ['宣传质量', 7],
      ['完成时间', 10],
      ['舆论引导力', 14],
      ['长效机制', 12],
      ['群众满意度', 10],
    ]);
    expect(sheet.items[0]!.flags).toEqual(['overAchieve']);
    expect(sheet.items[3]!.band).toEqual({
      tier: '部分达成年度指标并具有一定效果',
      min: 6,
      max: 8,
      maxInclusive: false,
    });
    expect(sheet.items.map((i) => i.path)).toEqual(WORKED_EXAMPLE.map((_, i) => `selfEvaluation.indicators.${i}`));
  });

  it('totals and grade', () => {
    expect(sheet.total).toEqual({
      weight: 100,
      recomputed: 92.22,
      selfReportedTable: 95,
      selfReportedNarrative: 95,
      selfScoreSum: 95.7,
      unscorable: 0,
    });
    expect(sheet.grade.recomputed).toEqual({ code: 'A', name: '优', label: '优' });
    expect(sheet.grade.selfReported).toEqual({ code: 'A', name: '优', label: '优' });
    expect(sheet.grade.selfReportedText).toBe('优秀');
    expect(sheet.profileId).toBe('national-2020');
  });

  it('groups per 一级 and 二级, with stated and profile weights', () => {
    const top = sheet.groups.filter((g) => g.subcategory === undefined);
    expect(
      top.map((g) => [g.category, g.label, g.weight, g.statedWeight, g.profileWeight, g.recomputed, g.selfScore]),
    ).toEqual([
      ['output', '产出指标', 50, 50, 50, 46.52, 47],
      ['outcome', '效益指标', 30, 30, 30, 26, 29],
      ['satisfaction', '满意度指标', 10, 10, 10, 10, 10],
    ]);
    const quality = sheet.groups.find((g) => g.subcategory === 'quality')!;
    expect(quality).toEqual({
      category: 'output',
      subcategory: 'quality',
      label: '质量指标',
      weight: 20,
      statedWeight: null,
      profileWeight: null,
      recomputed: 17,
      selfScore: 17,
      unscorable: 0,
    });
    expect(sheet.groups.map((g) => g.subcategory ?? g.category)).toEqual([
      'output',
      'quantity',
      'quality',
      'cost',
      'timeliness',
      'outcome',
      'social',
      'sustainability',
      'satisfaction',
      'satisfaction',
    ]);
  });

  it('does not change the evaluation', () => {
    const ev = worked();
    const before = JSON.stringify(ev);
    score(ev, national2020);
    expect(JSON.stringify(ev)).toBe(before);
  });

  it('serialises with every formula', () => {
    const json = JSON.parse(JSON.stringify(sheet)) as typeof sheet;
    expect(json.items[2]!.formula).toBe(
      '反向指标（比值法）：实际 126 万元 > 目标 120 万元，得分 = 10 × 120 ÷ 126 = 9.52',
    );
    expect(json).toEqual(sheet);
  });
});

describe('profiles change the score, not the code', () => {
  it('hunan-2018: tiered execution (97% → 8 of 10) and 优秀 labels', () => {
    const sheet = score(worked(), hunan2018);
    expect(sheet.execution.method).toBe('executionTiered');
    expect(sheet.execution.recomputed).toBe(8);
    expect(sheet.total.recomputed).toBe(90.52);
    expect(sheet.grade.recomputed).toEqual({ code: 'A', name: '优', label: '优秀' });
    expect(sheet.grade.selfReported?.label).toBe('优秀');
  });

  it('hubei: the row states 10 points where the profile says 20 — the stated weight counts, flagged', () => {
    const sheet = score(worked(), hubei);
    expect(sheet.execution.weight).toBe(10);
    expect(sheet.execution.flags).toContain('weightMismatch');
    expect(sheet.execution.inputs).toMatchObject({ weightSource: 'selfEvaluation', profileWeight: '20' });
    expect(sheet.execution.formula).toContain('与规则“湖北省（2020年项目支出自评表）”的 20 分不一致');
    expect(sheet.groups.find((g) => g.category === 'output' && !g.subcategory)?.profileWeight).toBe(40);
  });

  it('hubei: with no stated weight the profile’s 20 points apply', () => {
    const sheet = score(evaluationWith(WORKED_EXAMPLE, funding('500', '485')), hubei);
    expect(sheet.execution.weight).toBe(20);
    expect(sheet.execution.recomputed).toBe(19.4);
    expect(sheet.execution.inputs.weightSource).toBe('profile');
  });

  it('sichuan fixes no category weights', () => {
    const sheet = score(worked(), sichuan);
    expect(sheet.groups.find((g) => g.category === 'output' && !g.subcategory)?.profileWeight).toBeNull();
  });

  it('every shipped profile scores the example within 0..total weight', () => {
    for (const id of ['national-2020', 'hunan', 'hunan-2018', 'hubei', 'sichuan']) {
      const sheet = score(worked(), getProfile(id)!);
      expect(sheet.total.recomputed).toBeGreaterThan(0);
      expect(sheet.total.recomputed).toBeLessThanOrEqual(sheet.total.weight);
    }
  });
});

describe('the execution row', () => {
  it('falls back to the prose when the 自评表 has no money figures, and says so', () => {
    const ev = evaluationWith(WORKED_EXAMPLE.slice(0, 1), {
      finances: {
        expenditure: figure('300万元'),
        basic: { adjustedBudget: figure('280万元') },
        project: { adjustedBudget: figure('20万元') },
      },
    });
    const sheet = score(ev, national2020);
    expect(sheet.execution.path).toBe('finances');
    expect(sheet.execution.recomputed).toBe(10);
    expect(sheet.execution.flags).toContain('narrativeFallback');
    expect(sheet.execution.formula).toContain('取报告正文：基本支出全年预算数 280 万元 + 项目支出全年预算数 20 万元');
    expect(sheet.execution.formula).toContain('取报告正文：本年支出 300 万元');
    expect(sheet.execution.weight).toBe(10);
  });

  it('uses the initial budget when the profile says so', () => {
    const initial = {
      ...national2020,
      id: 'initial-test',
      execution: { ...national2020.execution, base: 'initialBudget' as const },
    };
    const ev = evaluationWith([], funding('500', '400', { initialBudget: '400' }));
    const sheet = score(ev, initial);
    expect(sheet.execution.recomputed).toBe(10);
    expect(sheet.execution.formula).toContain('年初预算数 400 万元');
  });

  it('is unscorable, with the reason, when there is no budget or it is 0', () => {
    const none = score(evaluationWith(WORKED_EXAMPLE), national2020);
    expect(none.execution.recomputed).toBeNull();
    expect(none.execution.unscorableReason).toMatch(/未填写全年预算数/);
    expect(none.total.unscorable).toBe(1);
    expect(none.total.recomputed).toBe(82.52); // the rows alone: the execution row counts 0

    const zero = score(evaluationWith([], funding('0', '0')), national2020);
    expect(zero.execution.recomputed).toBeNull();
    expect(zero.execution.unscorableReason).toMatch(/全年预算数为 0 万元/);
  });

  it('reads amounts in 元', () => {
    const sheet = score(evaluationWith([], funding('5000000元', '4850000元')), national2020);
    expect(sheet.execution.recomputed).toBe(9.7);
    expect(sheet.execution.inputs).toMatchObject({ base: '500', executed: '485' });
  });
});

describe('roll-ups with unscorable and empty rows', () => {
  const ev = evaluationWith(
    [
      { cat: 'output', sub: 'quantity', name: '发稿量', target: '≥100', actual: '100', weight: '20', self: '20' },
      { cat: 'output', sub: 'quantity', name: '……', extra: { placeholder: true } },
      { cat: 'output', sub: 'quality', name: '优稿率', target: '≥80%', weight: '30', self: '30' },
      { cat: 'outcome', sub: 'ecological', name: '' },
    ],
    funding('100', '100', { weight: '10', score: '10' }),
  );
  const sheet = score(ev, national2020);

  it('skips placeholders and blank rows everywhere', () => {
    expect(sheet.items.map((i) => i.label)).toEqual(['发稿量', '优稿率']);
    expect(sheet.groups.some((g) => g.subcategory === 'ecological')).toBe(false);
  });

  it('an unscorable row counts 0 and is counted', () => {
    const output = sheet.groups.find((g) => g.category === 'output' && !g.subcategory)!;
    expect(output).toMatchObject({ weight: 50, recomputed: 20, selfScore: 50, unscorable: 1 });
    expect(sheet.total).toMatchObject({ weight: 60, recomputed: 30, selfScoreSum: 60, unscorable: 1 });
  });

  it('categories named by the table or the profile show even when empty', () => {
    const outcome = sheet.groups.find((g) => g.category === 'outcome' && !g.subcategory)!;
    expect(outcome).toMatchObject({
      label: '效益指标',
      weight: 0,
      statedWeight: 30,
      recomputed: 0,
      selfScore: null,
      unscorable: 0,
    });
  });
});

describe('self-reported totals and grades', () => {
  it('prose grade first, then the table’s', () => {
    const both = score(evaluationWith([], funding('1', '1')), hunan);
    expect(both.grade.selfReportedText).toBe('优秀');
    const tableOnly = score(evaluationWith([], { ...funding('1', '1'), selfReported: {} }), hunan);
    expect(tableOnly.grade.selfReportedText).toBe('优');
    expect(tableOnly.grade.selfReported?.label).toBe('优秀');
    expect(tableOnly.total.selfReportedNarrative).toBeNull();
  });
  it('a grade that is none of the profile’s is null, the text kept', () => {
    const sheet = score(evaluationWith([], { selfReported: { grade: '满分' } }), national2020);
    expect(sheet.grade.selfReported).toBeNull();
    expect(sheet.grade.selfReportedText).toBe('满分');
  });
  it('totals written as 95分 are read', () => {
    const sheet = score(evaluationWith([], { selfReported: { total: figure('95分') } }), national2020);
    expect(sheet.total.selfReportedNarrative).toBe(95);
  });
  it('no 自评表 at all: only the execution row, from the prose', () => {
    const ev = evaluationSchema.parse({
      kind: 'department',
      finances: { expenditure: figure('90'), basic: { adjustedBudget: figure('100') } },
    });
    const sheet = score(ev, national2020);
    expect(sheet.items).toEqual([]);
    expect(sheet.total.recomputed).toBe(9);
    expect(sheet.grade.recomputed.name).toBe('差');
  });
  it('exports gradeFor and parseGrade beside score', () => {
    expect(gradeFor(89.5, national2020).name).toBe('良');
    expect(parseGrade('优秀', national2020)?.code).toBe('A');
  });
});
