import { describe, expect, it } from 'vitest';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, f, only, run } from './helpers.js';

familySuite('plausibility');

const performance = (input: ReturnType<typeof cleanInput>) =>
  input.narrative!.sections!.find((s) => s.key === 'performance')!;

describe('plausibility: edge cases', () => {
  it('plaus.deviation-note-missing: "无" or a dash is no note', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![0]!.actual = f('450人次');
    input.selfEvaluation!.indicators![0]!.selfScore = f('9');
    input.selfEvaluation!.indicators![0]!.deviationNote = '无';
    expect(run(evaluation(input), 'plaus.deviation-note-missing')).toHaveLength(1);
    input.selfEvaluation!.indicators![0]!.deviationNote = '部分学员因疫情未能参训，下年度增加线上课程';
    expect(run(evaluation(input), 'plaus.deviation-note-missing')).toEqual([]);
  });

  it('plaus.achieved-but-deducted: not when the actual says the target was only partly met', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![7]!.actual = f('部分建立');
    input.selfEvaluation!.indicators![7]!.selfScore = f('7');
    input.selfEvaluation!.indicators![7]!.deviationNote = '制度尚未全部印发';
    expect(run(evaluation(input), 'plaus.achieved-but-deducted')).toEqual([]);
  });

  it('plaus.over-achievement: 120% is a note, 130% without a note a warning, with a note nothing', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![1]!.actual = f('125篇');
    expect(only(run(evaluation(input), 'plaus.over-achievement')).severity).toBe('info');
    input.selfEvaluation!.indicators![1]!.actual = f('135篇');
    expect(only(run(evaluation(input), 'plaus.over-achievement')).severity).toBe('warning');
    input.selfEvaluation!.indicators![1]!.deviationNote = '新增专题宣传任务，下年度提高目标值';
    expect(run(evaluation(input), 'plaus.over-achievement')).toEqual([]);
  });

  it('plaus.cost-overrun: within the profile’s 10% is no overrun', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![4]!.actual = f('24.00万元');
    input.selfEvaluation!.indicators![4]!.selfScore = f('9.17');
    input.selfEvaluation!.indicators![4]!.deviationNote = '维修费增加';
    expect(run(evaluation(input), 'plaus.cost-overrun')).toEqual([]);
  });

  it('plaus.budget-line-deviation: explained in the prose, nothing; 三公 spent far below budget is only a note', () => {
    const input = cleanInput();
    input.basicData!.publicFunds!.total!.currentFinal = f('40.00');
    performance(input).text += '公用经费支出增加的主要原因是办公楼搬迁。';
    expect(run(evaluation(input), 'plaus.budget-line-deviation')).toEqual([]);
    const three = cleanInput();
    three.basicData!.threePublicCosts!.total!.currentFinal = f('1.00');
    expect(only(run(evaluation(three), 'plaus.budget-line-deviation')).severity).toBe('info');
  });

  it('plaus.budget-line-deviation: spending with no budget at all', () => {
    const input = cleanInput();
    input.basicData!.governmentProcurement = {
      label: '政府采购金额',
      currentBudget: f('——'),
      currentFinal: f('12.00'),
    };
    expect(only(run(evaluation(input), 'plaus.budget-line-deviation')).message).toContain('预算为0');
  });

  it('plaus.data-cutoff: another year, or the year end, is fine', () => {
    const input = cleanInput();
    performance(input).text += '截至2024年3月，整改已全部完成。截至12月31日，共培训520人次。';
    expect(run(evaluation(input), 'plaus.data-cutoff')).toEqual([]);
    performance(input).text += '1-10月累计培训400人次。';
    expect(only(run(evaluation(input), 'plaus.data-cutoff')).values.text).toContain('10月');
  });

  it('plaus.year-mismatch: a table filled in before the year ended', () => {
    const input = cleanInput();
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, preparedOn: '2023年11月20日' };
    expect(only(run(evaluation(input), 'plaus.year-mismatch')).where[0]?.path).toBe('selfEvaluation.meta.preparedOn');
  });

  it('plaus.satisfaction-evidence: a survey mentioned in the indicator’s own note is enough', () => {
    const input = cleanInput();
    performance(input).text = '经自评，自评分数为99.66分，绩效评价等次为“优”。';
    expect(run(evaluation(input), 'plaus.satisfaction-evidence')).toHaveLength(1);
    input.selfEvaluation!.indicators![8]!.deviationNote = '通过抽样调查200户取得';
    expect(run(evaluation(input), 'plaus.satisfaction-evidence')).toEqual([]);
  });

  it('plaus.execution-explain: a reason in the prose is enough', () => {
    const input = cleanInput();
    input.selfEvaluation!.funding = {
      ...input.selfEvaluation!.funding,
      executed: f('180.00'),
      executionRate: f('87.80%'),
      score: f('8.78'),
    };
    expect(run(evaluation(input), 'plaus.execution-explain')).toHaveLength(1);
    performance(input).text += '预算执行率偏低的原因是设备采购项目跨年实施。';
    expect(run(evaluation(input), 'plaus.execution-explain')).toEqual([]);
  });
});
