import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  breakdownsIn,
  chineseNumber,
  cutoffsIn,
  excerpt,
  nounOf,
  numbersIn,
  splitSentences,
} from '../../src/checks/claims.js';
import { judgeBreakdown } from '../../src/checks/narrative.js';

const bd = (s: string) => breakdownsIn(0, s, numbersIn(s));
const summary = (s: string) =>
  bd(s).map((b) => ({ whole: b.whole.text, parts: b.parts.map((p) => p.text), kind: b.kind, subset: b.subset }));

describe('numbers in prose', () => {
  it('reads digits, full-width digits, Chinese numerals, approximations and units', () => {
    const n = numbersIn('培训１２期，近2万人参加，发放资料1600余份，两个视频，增长5.5%，资金3.20万元');
    expect(n.map((x) => [x.value.toString(), x.unit, x.approx])).toEqual([
      ['12', '期', false],
      ['2', '万人', true],
      ['1600', '份', true],
      ['2', '个', false],
      ['5.5', '%', false],
      ['3.2', '万元', false],
    ]);
  });

  it('does not read years, dates, or 十分 as numbers with units', () => {
    expect(numbersIn('2023年11月30日，我们十分重视')).toEqual([]);
  });

  it('knows each number’s clause and whether it stands in brackets', () => {
    const [a, b] = numbersIn('支出10万元（其中公用经费3万元）');
    expect(a?.subject).toBe('支出');
    expect(a?.bracketed).toBe(false);
    expect(b?.subject).toBe('其中公用经费');
    expect(b?.bracketed).toBe(true);
  });

  it('chineseNumber reads plain numerals', () => {
    expect([
      chineseNumber('两'),
      chineseNumber('十二'),
      chineseNumber('三百零五'),
      chineseNumber('一千'),
      chineseNumber('二十'),
    ]).toEqual([2, 12, 305, 1000, 20]);
    expect(chineseNumber('一二')).toBeUndefined();
  });

  it('nounOf takes the counted noun', () => {
    expect(nounOf('共发布视频')).toBe('视频');
    expect(nounOf('累计培训达')).toBe('培训');
  });

  it('splits sentences at 。；！？ and line breaks', () => {
    expect(splitSentences('甲。乙；丙\n丁！')).toEqual(['甲。', '乙；', '丙', '丁！']);
  });
});

describe('breakdowns', () => {
  it('a 共 total followed by clauses that repeat its noun; a nested 其中 ends the list', () => {
    expect(summary('共发布视频90个，转载优秀视频40个，展播视频20个，原创视频25个，其中获奖视频3个。')).toEqual([
      { whole: '90个', parts: ['40个', '20个', '25个'], kind: 'total', subset: false },
      { whole: '25个', parts: ['3个'], kind: 'qizhong', subset: true },
    ]);
  });

  it('a list stops at the first clause that does not repeat the noun', () => {
    expect(summary('共举办活动12场，参与群众3000人，培训讲座5场，线上活动3场。')[0]).toEqual({
      whole: '12场',
      parts: [],
      kind: 'total',
      subset: false,
    });
  });

  it('共 followed by a preposition spans parallel clauses, not one total', () => {
    expect(summary('共在县级媒体发稿100篇，市级媒体发稿50篇，省级媒体发稿20篇。')).toEqual([]);
  });

  it('公共 and 共同 are not 共', () => {
    expect(summary('一般公共预算支出10万元，项目支出4万元，基本支出6万元。')).toEqual([]);
  });

  it('其中 after a rate: the whole is the last earlier amount, and only an excess is judged', () => {
    const [b] = bd('公用经费实际支出50.00万元，控制率90%，其中办公费6.00万元、差旅费3.00万元、会议费1.00万元。');
    expect(b).toMatchObject({ kind: 'qizhong', distant: true });
    expect(b?.whole.text).toBe('50.00万元');
    expect(judgeBreakdown(b!, 0.005)).toBeUndefined();
    const [over] = bd('公用经费实际支出5.00万元，控制率90%，其中办公费6.00万元、差旅费3.00万元。');
    expect(judgeBreakdown(over!, 0.005)).toMatchObject({ severity: 'error' });
  });

  it('a bracketed breakdown, skipping a nested bracket', () => {
    expect(summary('预算4.20万元（接待1.00万元、用车3.20万元、出国（境）0.00万元）。')).toEqual([
      { whole: '4.20万元', parts: ['1.00万元', '3.20万元', '0.00万元'], kind: 'bracket', subset: false },
    ]);
  });

  it('judgeBreakdown: severities', () => {
    const [list] = bd('共制作节目40期，新闻节目12期，专题节目10期，公益节目8期。');
    expect(judgeBreakdown(list!, 0.005)).toMatchObject({ severity: 'warning', over: false });
    const [qz] = bd('接待300人次，其中咨询150人次、投诉90人次、建议40人次。');
    expect(judgeBreakdown(qz!, 0.005)).toMatchObject({ severity: 'info', over: false });
    const [ok] = bd('接待300人次，其中咨询150人次、投诉90人次、建议60人次。');
    expect(judgeBreakdown(ok!, 0.005)).toBeUndefined();
  });

  it('excerpt keeps a long breakdown short', () => {
    const long = `共发布视频90个，${'转载优秀视频作品'.repeat(10)}40个，展播视频20个，原创视频30个。`;
    const [b] = bd(long);
    expect(excerpt(b!).length).toBeLessThanOrEqual(92);
    expect(excerpt(b!)).toContain('……');
  });

  it('never throws, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'共其中，、。（）()12345.万元个篇人次余近两三十') }), (s) => {
        for (const b of bd(s)) judgeBreakdown(b, 0.005);
      }),
    );
  });
});

describe('cut-off dates', () => {
  it('截至/截止 with or without a year, month spans, and 月底', () => {
    const c = (s: string) => cutoffsIn(0, s).map((x) => [x.year, x.month, x.day]);
    expect(c('截至11月30日，共发稿100篇')).toEqual([[undefined, 11, 30]]);
    expect(c('截止2023年10月底')).toEqual([[2023, 10, 31]]);
    expect(c('1-11月累计支出')).toEqual([[undefined, 11, 31]]);
    expect(c('截至12月31日')).toEqual([[undefined, 12, 31]]);
  });
});
