import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/rules/index.js';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, f, only, run } from './helpers.js';

familySuite('arithmetic');

/** The clean evaluation with the 自评表's splits written one figure per line, as many forms print them. */
function singleValueSplits(basic: string, project: string, general: string) {
  const input = cleanInput();
  input.selfEvaluation!.byNature = { basic: { adjustedBudget: f(basic) }, project: { adjustedBudget: f(project) } };
  input.selfEvaluation!.bySource = { generalPublic: { adjustedBudget: f(general) }, other: { adjustedBudget: f('0') } };
  return input;
}

describe('arithmetic: edge cases', () => {
  it('a one-figure-per-line split may add up to any column of the 年度资金总额 (here the 执行数)', () => {
    const ev = evaluation(singleValueSplits('151.00', '47.00', '198.00'));
    expect(run(ev, 'arith.nature-sum')).toEqual([]);
    expect(run(ev, 'arith.source-sum')).toEqual([]);
  });

  it('… but must add up to one of them', () => {
    const ev = evaluation(singleValueSplits('151.00', '40.00', '180.00'));
    expect(only(run(ev, 'arith.nature-sum')).values.sum).toBe('191.00');
    expect(only(run(ev, 'arith.source-sum')).values.sum).toBe('180.00');
  });

  it('arith.source-sum: with no total written, the income side must equal the spending side', () => {
    const input = cleanInput();
    delete input.selfEvaluation!.funding!.adjustedBudget;
    input.selfEvaluation!.bySource!.generalPublic!.adjustedBudget = f('210.00');
    const found = run(evaluation(input), 'arith.source-sum');
    expect(found.map((x) => x.values.income)).toContain('210.00');
  });

  it('arith.three-public-sum: blank parts count as 0 once one part is written; nothing written, nothing compared', () => {
    const input = cleanInput();
    const tp = input.basicData!.threePublicCosts!;
    tp.officialVehicles = { label: '公务用车' };
    tp.vehiclePurchase = { label: '公车购置' };
    tp.vehicleOperation = { label: '公车运行维护' };
    tp.overseasTravel = { label: '出国' };
    tp.officialReception = { label: '公务接待', currentBudget: f('3.00') };
    const found = run(evaluation(input), 'arith.three-public-sum');
    // budget 3.00 = reception 3.00; previous and final columns have no parts at all
    expect(found).toEqual([]);
  });

  it('arith.public-funds-parts: the total may exceed its listed parts, never fall below them', () => {
    const input = cleanInput();
    input.basicData!.publicFunds!.items = [{ label: '其中：办公费', currentFinal: f('21.00') }];
    expect(run(evaluation(input), 'arith.public-funds-parts')).toEqual([]);
    input.basicData!.publicFunds!.items = [{ label: '其中：办公费', currentFinal: f('21.10') }];
    expect(run(evaluation(input), 'arith.public-funds-parts')).toHaveLength(1);
  });

  it('arith.project-sum: items above the total are an error, below only a warning (unlisted items)', () => {
    const input = cleanInput();
    input.basicData!.projectExpenditure!.items![1]!.currentFinal = f('14.00');
    expect(only(run(evaluation(input), 'arith.project-sum')).severity).toBe('warning');
    input.basicData!.projectExpenditure!.items![1]!.currentFinal = f('16.00');
    expect(only(run(evaluation(input), 'arith.project-sum')).severity).toBe('error');
  });

  it('arith.execution-rate compares within the profile’s rate tolerance (rounded rates pass)', () => {
    const input = cleanInput();
    input.selfEvaluation!.funding!.executionRate = f('96.6%');
    expect(run(evaluation(input), 'arith.execution-rate')).toEqual([]);
    input.finances!.basic!.executionRate = f('95%');
    expect(only(run(evaluation(input), 'arith.execution-rate')).where[0]?.path).toBe('finances.basic.executionRate');
  });

  it('arith.execution-score follows the profile: Hunan 2018’s tiers give 8 for 96.59%', () => {
    const tiered = getProfile('hunan-2018')!;
    const found = run(evaluation(cleanInput()), 'arith.execution-score', tiered);
    expect(only(found).values).toMatchObject({ selfScore: 9.66, recomputed: 8 });
  });

  it('arith.score-range: a negative score', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![0]!.selfScore = f('-1');
    expect(only(run(evaluation(input), 'arith.score-range')).message).toContain('负数');
  });

  it('arith.grade-band: a grade the profile does not know is a warning', () => {
    const input = cleanInput();
    input.selfEvaluation!.grade = '一等';
    const found = only(run(evaluation(input), 'arith.grade-band'));
    expect(found.severity).toBe('warning');
    expect(found.where[0]?.path).toBe('selfEvaluation.grade');
  });

  it('arith.grade-band: the prose grade is judged by the prose total', () => {
    const input = cleanInput();
    input.selfReported = { total: f('85'), grade: '优' };
    const found = run(evaluation(input), 'arith.grade-band');
    expect(found.map((x) => x.where.map((w) => w.path))).toEqual([['selfReported.grade', 'selfReported.total']]);
  });

  it('arith.total-recomputed names the rows that make the difference', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![1]!.actual = f('90篇');
    expect(only(run(evaluation(input), 'arith.total-recomputed')).message).toContain('发布政策解读文章数');
  });

  it('arith.indicator-score: qualitative rows are not recomputed here', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![7]!.selfScore = f('9');
    input.selfEvaluation!.indicators![7]!.deviationNote = '个别制度待完善';
    expect(run(evaluation(input), 'arith.indicator-score')).toEqual([]);
  });
});
