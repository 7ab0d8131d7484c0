import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/rules/index.js';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, f, indicator, only, run } from './helpers.js';
import type { IndicatorInput } from './helpers.js';

familySuite('structure');

/** The clean evaluation with its indicators replaced. */
function withIndicators(...rows: IndicatorInput[]) {
  const input = cleanInput();
  input.selfEvaluation!.indicators = rows;
  return evaluation(input);
}

describe('structure: edge cases', () => {
  it('struct.category-weight follows the profile, and says nothing when the profile fixes no category weights', () => {
    const input = cleanInput();
    input.selfEvaluation!.categoryWeights = { output: f('60'), outcome: f('20'), satisfaction: f('10') };
    expect(
      run(evaluation(input), 'struct.category-weight')
        .map((x) => x.values.expected)
        .sort(),
    ).toEqual([30, 50]);
    const noCategories = { ...getProfile('national-2020')!, weights: { execution: 10 }, indicatorsTotal: 90 };
    expect(run(evaluation(input), 'struct.category-weight', noCategories)).toEqual([]);
  });

  it('struct.total-weight uses the profile’s indicatorsTotal when it has no category weights', () => {
    const noCategories = { ...getProfile('national-2020')!, weights: { execution: 10 }, indicatorsTotal: 90 };
    expect(run(evaluation(cleanInput()), 'struct.total-weight', noCategories)).toEqual([]);
    const input = cleanInput();
    input.selfEvaluation!.indicators![0]!.weight = f('15');
    expect(only(run(evaluation(input), 'struct.total-weight', noCategories)).values.sum).toBe('105');
  });

  it('struct.positive-weight reports a missing weight too, unless the profile allows it', () => {
    const input = cleanInput();
    delete input.selfEvaluation!.indicators![2]!.weight;
    expect(only(run(evaluation(input), 'struct.positive-weight')).where[0]?.path).toBe(
      'selfEvaluation.indicators.2.weight',
    );
    const lax = { ...getProfile('national-2020')!, requirePositiveWeights: false };
    expect(run(evaluation(input), 'struct.positive-weight', lax)).toEqual([]);
  });

  it('struct.required-blocks: a project evaluation needs no 基础数据表; a missing 自评表 is one finding', () => {
    const input = cleanInput();
    input.kind = 'project';
    delete input.basicData;
    expect(run(evaluation(input), 'struct.required-blocks')).toEqual([]);
    delete input.selfEvaluation;
    expect(run(evaluation(input), 'struct.required-blocks').map((x) => x.where[0]?.path)).toEqual(['selfEvaluation']);
  });

  it('struct.category-coverage: 产出 needs a 数量 and a 质量/时效 indicator', () => {
    const ev = withIndicators(
      indicator('a', 'output', 'quantity', '培训人次', '≥500人次', '520人次', '50', '50'),
      indicator('b', 'outcome', 'social', '覆盖人数', '≥10人', '10人', '30', '30'),
      indicator('c', 'satisfaction', 'satisfaction', '满意度', '≥90%', '93%', '10', '10'),
    );
    expect(only(run(ev, 'struct.category-coverage')).message).toContain('质量指标或时效指标');
  });

  it('struct.comparator-missing: a range or a written direction column is enough', () => {
    const ev = withIndicators(
      indicator('a', 'output', 'quantity', '发放数量', '60-80个', '70个', '10', '10'),
      { ...indicator('b', 'output', 'quality', '合格率', '95%', '96%', '10', '10'), comparator: '>=' as const },
      indicator('c', 'output', 'cost', '印刷成本', '20万元', '18万元', '10', '10'),
    );
    const found = run(ev, 'struct.comparator-missing');
    expect(found.map((x) => x.where[0]?.path)).toEqual(['selfEvaluation.indicators.2.target']);
    expect(found[0]?.message).toContain('≤');
  });

  it('struct.unit-missing: a rate without % is a warning, a count without unit only a note; the 计量单位 column counts', () => {
    const ev = withIndicators(
      indicator('a', 'output', 'quality', '稿件采用率', '≥80', '85', '10', '10'),
      indicator('b', 'output', 'quantity', '发稿数量', '≥100', '120', '10', '10'),
      indicator('c', 'output', 'quantity', '发稿数量二', '≥100', '120', '10', '10', { unit: '篇' }),
    );
    expect(run(ev, 'struct.unit-missing').map((x) => [x.where[0]?.path, x.severity])).toEqual([
      ['selfEvaluation.indicators.0.target', 'warning'],
      ['selfEvaluation.indicators.1.target', 'info'],
    ]);
  });

  it('struct.unit-mismatch: 万元 against 元 is a conversion, not a mismatch', () => {
    const ev = withIndicators(indicator('a', 'output', 'cost', '印刷成本', '≤20万元', '180000元', '10', '10'));
    expect(run(ev, 'struct.unit-mismatch')).toEqual([]);
    const bad = withIndicators(indicator('a', 'output', 'quantity', '发稿', '≥100篇', '120个', '10', '10'));
    expect(only(run(bad, 'struct.unit-mismatch')).message).toContain('单位不一致');
  });

  it('struct.numeric-value: a number target with a worded actual; a quantitative row with a worded target', () => {
    const ev = withIndicators(
      indicator('a', 'output', 'quantity', '发稿', '≥100篇', '按计划完成', '10', '10'),
      {
        ...indicator('b', 'output', 'quality', '合格情况', '全部合格', '全部合格', '10', '10'),
        nature: 'quantitative' as const,
      },
      indicator('c', 'output', 'timeliness', '完成时间', '2023年12月31日前', '2023年11月完成', '10', '10'),
    );
    expect(run(ev, 'struct.numeric-value').map((x) => x.where[0]?.path)).toEqual([
      'selfEvaluation.indicators.0.actual',
      'selfEvaluation.indicators.1.target',
    ]);
  });

  it('struct.qualitative-measurable and struct.vague-target do not both report one row; graded wording passes', () => {
    const ev = withIndicators(
      indicator('a', 'outcome', 'social', '政策知晓率', '提高', '提高', '10', '10'),
      indicator('b', 'outcome', 'social', '群众获得感', '进一步增强', '增强', '10', '10'),
      indicator('c', 'outcome', 'social', '服务质量', '优', '优', '10', '10'),
      indicator('d', 'outcome', 'social', '部署落实', '全面落实区委部署', '全面落实', '10', '10'),
    );
    expect(run(ev, 'struct.qualitative-measurable').map((x) => x.where[0]?.path)).toEqual([
      'selfEvaluation.indicators.0.target',
    ]);
    expect(run(ev, 'struct.vague-target').map((x) => x.where[0]?.path)).toEqual(['selfEvaluation.indicators.1.target']);
  });

  it('struct.adjusted-target: an adjustment with its approval noted passes', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![0]!.adjustedTarget = f('≥450人次');
    input.selfEvaluation!.indicators![0]!.deviationNote = '经财政局批复调整指标值';
    expect(run(evaluation(input), 'struct.adjusted-target')).toEqual([]);
  });
});
