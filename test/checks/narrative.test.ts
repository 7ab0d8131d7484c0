import { describe, expect, it } from 'vitest';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, f, indicator, only, run } from './helpers.js';

familySuite('narrative');

/** The clean evaluation with one more paragraph in its 绩效情况 section. */
function withProse(text: string) {
  const input = cleanInput();
  const s = input.narrative!.sections!.find((x) => x.key === 'performance')!;
  s.text = `${s.text}\n${text}`;
  return input;
}

describe('narrative: edge cases', () => {
  it('narr.parts-sum: an enumerated list of three parts short of its total is a warning', () => {
    const found = only(
      run(
        evaluation(withProse('全年共制作节目40期，新闻访谈节目12期，专题纪录节目10期，公益宣传节目8期。')),
        'narr.parts-sum',
      ),
    );
    expect(found.severity).toBe('warning');
    expect(found.values).toMatchObject({ whole: '40期', sum: '30' });
  });

  it('narr.parts-sum: three parts above the total is an error; a single 其中 part above its whole too', () => {
    expect(
      only(
        run(
          evaluation(withProse('共接待来访群众300人次，其中咨询150人次、投诉90人次、建议80人次。')),
          'narr.parts-sum',
        ),
      ).severity,
    ).toBe('error');
    expect(only(run(evaluation(withProse('共发放宣传册500份，其中入户发放650份。')), 'narr.parts-sum')).severity).toBe(
      'error',
    );
  });

  it('narr.parts-sum: two 其中 parts above the whole may overlap: a warning; below: nothing', () => {
    expect(only(run(evaluation(withProse('在职人员9人，其中党员6人、女性5人。')), 'narr.parts-sum')).severity).toBe(
      'warning',
    );
    expect(run(evaluation(withProse('在职人员9人，其中党员6人、女性2人。')), 'narr.parts-sum')).toEqual([]);
  });

  it('narr.parts-sum: approximate figures and a 共 spanning parallel places are not compared', () => {
    expect(
      run(evaluation(withProse('共发放资料1000余份，线上300余份，线下200余份，社区100余份。')), 'narr.parts-sum'),
    ).toEqual([]);
    expect(
      run(
        evaluation(withProse('共在县级平台发稿900篇，市级平台发稿300篇，省级平台发稿100篇，中央平台发稿50篇。')),
        'narr.parts-sum',
      ),
    ).toEqual([]);
  });

  it('narr.parts-sum: amounts in a bracket are a breakdown of the amount before it, with a cent-level tolerance', () => {
    expect(
      run(
        evaluation(withProse('本年支出10.00万元（人员经费6.00万元、公用经费3.50万元、其他0.50万元）。')),
        'narr.parts-sum',
      ),
    ).toEqual([]);
    expect(
      only(
        run(
          evaluation(withProse('本年支出10.00万元（人员经费6.00万元、公用经费3.50万元、其他1.50万元）。')),
          'narr.parts-sum',
        ),
      ).severity,
    ).toBe('error');
  });

  it('narr.indicator-vs-prose: only a total of the same noun and unit; names with figures are subsets', () => {
    const input = withProse('全年共发布短视频80个，其中原创50个、转载30个。');
    input.selfEvaluation!.indicators!.push(
      indicator('x', 'output', 'quantity', '发布短视频数', '≥60个', '80个', '0', '0'),
      indicator('y', 'output', 'quantity', '10万播放量短视频', '≥2个', '3个', '0', '0'),
    );
    expect(run(evaluation(input), 'narr.indicator-vs-prose')).toEqual([]);
    input.selfEvaluation!.indicators![9]!.actual = f('95个');
    const found = only(run(evaluation(input), 'narr.indicator-vs-prose'));
    expect(found.where[0]?.path).toBe('selfEvaluation.indicators.9.actual');
    expect(found.values.prose).toBe('80个');
  });

  it('narr.self-score: another total in the prose; the same total passes', () => {
    expect(run(evaluation(withProse('综合评分为99.66分。')), 'narr.self-score')).toEqual([]);
    expect(only(run(evaluation(withProse('综合评分为96分。')), 'narr.self-score')).values.claim).toBe('综合评分为96分');
  });

  it('narr.line-amounts: figures of another year, or of another line in the same sentence, are not compared', () => {
    expect(run(evaluation(withProse('2022年公用经费决算数20.00万元。')), 'narr.line-amounts')).toEqual([]);
    expect(run(evaluation(withProse('公用经费和“三公”经费预算数共计25.00万元。')), 'narr.line-amounts')).toEqual([]);
    expect(
      run(
        evaluation(withProse('政府采购预算30.00万元，实际采购金额28.00万元，差额2.00万元为节约。')),
        'narr.line-amounts',
      ),
    ).toEqual([]);
    const found = only(
      run(evaluation(withProse('政府采购预算30.00万元，实际采购金额29.00万元。')), 'narr.line-amounts'),
    );
    expect(found.where.map((w) => w.path)).toContain('basicData.governmentProcurement.currentFinal');
  });

  it('narr.execution-rate: a rate matching the basic or project spending passes', () => {
    expect(run(evaluation(withProse('项目支出预算执行率88.68%。')), 'narr.execution-rate')).toEqual([]);
    expect(only(run(evaluation(withProse('全年预算执行率100%。')), 'narr.execution-rate')).values.computed).toBe(
      '96.59%',
    );
  });
});
