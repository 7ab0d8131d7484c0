import { describe, expect, it } from 'vitest';
import { Dec, figure } from '../../../src/model/index.js';
import type { Figure } from '../../../src/model/index.js';
import { hubei } from '../../../src/rules/hubei.js';
import { national2020 } from '../../../src/rules/national-2020.js';
import {
  gradeLevelOf,
  isGradeScale,
  keepSelfScore,
  qualitativeTierOf,
  scoreGrade,
  scoreInTier,
} from '../../../src/scoring/rules/qualitative.js';

const d = (x: string | number) => new Dec(x);
const tiers = national2020.qualitative.tiers;
const [achieved, partial, notAchieved] = tiers;
const f = (text: string): Figure => figure(text)!;
const tierOf = (actual: string, target?: string) => qualitativeTierOf(actual, target, tiers)?.key;

describe('R-4 tier from the wording', () => {
  it('exact option texts', () => {
    expect(tierOf('达成年度指标')).toBe('achieved');
    expect(tierOf('部分达成年度指标并具有一定效果')).toBe('partial');
    expect(tierOf('未达成年度指标且效果较差')).toBe('notAchieved');
    expect(qualitativeTierOf('部分达成预期指标', undefined, hubei.qualitative.tiers)?.key).toBe('partial');
  });
  it('negations and qualifications win over the words they contain', () => {
    expect(tierOf('未完成')).toBe('notAchieved');
    expect(tierOf('尚未实现')).toBe('notAchieved');
    expect(tierOf('部分完成')).toBe('partial');
    expect(tierOf('基本完成')).toBe('partial');
    expect(tierOf('有所提升')).toBe('partial');
    expect(tierOf('群众不满意')).toBe('notAchieved');
    expect(tierOf('不断提升')).toBe('achieved');
  });
  it('achievement words', () => {
    expect(tierOf('已完成')).toBe('achieved');
    expect(tierOf('明显提升')).toBe('achieved');
    expect(tierOf('及时传递区委政府声音', '向广大群众第一时间传递区委政府声音')).toBe('achieved');
  });
  it('an actual that restates the target counts as achieved', () => {
    expect(tierOf('提升', '提升')).toBe('achieved');
    expect(tierOf('群众获得感', '群众获得感')).toBe('achieved');
    expect(tierOf('持续扩大群众获得感', '群众获得感')).toBe('achieved');
  });
  it('undefined when it cannot be told', () => {
    expect(tierOf('详见报告')).toBeUndefined();
    expect(tierOf('', '提升')).toBeUndefined();
  });
});

describe('R-4 score inside the tier band', () => {
  it('keeps a self score inside the band', () => {
    const r = scoreInTier(achieved!, d(9), d(10), 2);
    expect(r.scoreText).toBe('9.00');
    expect(r.flags).toEqual([]);
    expect(r.band).toEqual({ tier: '达成年度指标', min: '8', max: '10', maxInclusive: true });
    expect(r.formula).toBe('定性指标：实际完成情况属“达成年度指标”，得分区间 [8, 10]，自评 9 在区间内，予以认可');
  });
  it('rules.md §14: 部分达成 with w 10 must lie in [6, 8): 9 is moved to 7.99, 5 to 6', () => {
    const high = scoreInTier(partial!, d(9), d(10), 2);
    expect(high.scoreText).toBe('7.99');
    expect(high.flags).toEqual(['outsideBand']);
    expect(high.formula).toContain('超出区间，按区间上限计 7.99');
    const low = scoreInTier(partial!, d(5), d(10), 2);
    expect(low.scoreText).toBe('6.00');
    expect(scoreInTier(partial!, d(8), d(10), 2).scoreText).toBe('7.99');
    expect(scoreInTier(partial!, d(6), d(10), 2).flags).toEqual([]);
  });
  it('the top of the top band is the weight itself; a self score above it is brought down', () => {
    expect(scoreInTier(achieved!, d(12), d(10), 2).scoreText).toBe('10.00');
    expect(scoreInTier(notAchieved!, d(7), d(10), 2).scoreText).toBe('5.99');
  });
  it('no self score: the top of the band, as a suggestion', () => {
    const r = scoreInTier(notAchieved!, undefined, d(10), 2);
    expect(r.scoreText).toBe('5.99');
    expect(r.flags).toEqual(['systemSuggested']);
  });
  it('Hubei 80/50 bands', () => {
    const [, hubeiPartial] = hubei.qualitative.tiers;
    expect(scoreInTier(hubeiPartial!, d(5.5), d(10), 2).scoreText).toBe('5.50');
    expect(scoreInTier(hubeiPartial!, d(4), d(10), 2).scoreText).toBe('5.00');
  });
  it('bands with more decimals than the rounding round inwards', () => {
    // w 3: partial band [1.8, 2.4); w 1.25: [0.75, 1)
    expect(scoreInTier(partial!, d(3), d(3), 2).scoreText).toBe('2.39');
    expect(scoreInTier(partial!, d(0), d('1.25'), 1).scoreText).toBe('0.8');
  });
});

describe('keepSelfScore', () => {
  it('keeps the self score, never above the weight or below 0', () => {
    expect(keepSelfScore(d(7), d(10), 2, '详见报告').scoreText).toBe('7.00');
    expect(keepSelfScore(d(12), d(10), 2, '详见报告').scoreText).toBe('10.00');
    expect(keepSelfScore(d(-1), d(10), 2, '详见报告').scoreText).toBe('0.00');
    expect(keepSelfScore(d(7), d(10), 2, '详见报告').flags).toEqual(['selfScoreKept']);
  });
});

describe('graded targets (优良中低差)', () => {
  it('recognises the scale and the level', () => {
    expect(isGradeScale(f('优良中低差'))).toBe(true);
    expect(isGradeScale(f('优/良/中/差'))).toBe(true);
    expect(isGradeScale(f('优'))).toBe(false);
    expect(isGradeScale(f('提升'))).toBe(false);
    expect(gradeLevelOf(f('良'))).toBe('良');
    expect(gradeLevelOf(f('优秀'))).toBe('优');
    expect(gradeLevelOf({ text: '较差', q: { kind: 'unparsed' } })).toBe('差');
    expect(gradeLevelOf(f('提升'))).toBeUndefined();
  });
  it('scores the level as a share of the weight', () => {
    const shares = national2020.qualitative.gradeShares;
    expect(scoreGrade('优', d(10), shares, 2).scoreText).toBe('10.00');
    const good = scoreGrade('良', d(5), shares, 2);
    expect(good.scoreText).toBe('4.00');
    expect(good.formula).toBe('定性指标（等级）：实际为“良”，得分 = 5 × 80% = 4.00');
    expect(scoreGrade('差', d(10), shares, 2).scoreText).toBe('0.00');
  });
});
