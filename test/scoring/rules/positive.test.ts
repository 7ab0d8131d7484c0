import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import { national2020 } from '../../../src/rules/national-2020.js';
import { overAchieveFlags, scorePositive } from '../../../src/scoring/rules/positive.js';

const d = (x: string | number) => new Dec(x);

describe('R-3.1 positive', () => {
  it('full marks when the actual reaches the target (rules.md §14: 2859 vs ≥2200, w 10)', () => {
    const r = scorePositive(d(2859), d(2200), d(10), 2);
    expect(r.score.toFixed()).toBe('10');
    expect(r.scoreText).toBe('10.00');
    expect(r.method).toBe('positive');
    expect(r.formula).toBe('正向指标：实际 2859 ≥ 目标 2200，得满分 10');
  });

  it('weight × actual ÷ target when short, rounded half up', () => {
    const r = scorePositive(d(276), d(300), d(5), 2);
    expect(r.scoreText).toBe('4.60');
    expect(r.formula).toBe('正向指标：实际 276 < 目标 300，得分 = 5 × 276 ÷ 300 = 4.60');
    // 10 × 2 ÷ 3 = 6.666… → 6.67; 10 × 1 ÷ 8 = 1.25 exactly; 1 × 1 ÷ 8 = 0.125 → 0.13 (half up)
    expect(scorePositive(d(2), d(3), d(10), 2).scoreText).toBe('6.67');
    expect(scorePositive(d(1), d(8), d(1), 2).scoreText).toBe('0.13');
  });

  it('uses the shown figures when given', () => {
    const s = { actual: '92%', target: '95%', a: '92', t: '95', w: '10' };
    expect(scorePositive(d(92), d(95), d(10), 2, s).formula).toBe(
      '正向指标：实际 92% < 目标 95%，得分 = 10 × 92 ÷ 95 = 9.68',
    );
  });

  it('a negative actual counts as 0 (R-3.1, R-7.5)', () => {
    const r = scorePositive(d(-5), d(10), d(10), 2);
    expect(r.scoreText).toBe('0.00');
    expect(r.flags).toEqual(['negativeClamped']);
    expect(r.formula).toContain('为负数，按 0 计');
    expect(r.formula).toContain('10 × 0 ÷ 10');
  });

  it('a target of 0 is always met (no division)', () => {
    expect(scorePositive(d(0), d(0), d(10), 2).scoreText).toBe('10.00');
  });
});

describe('R-3.6 over-achievement', () => {
  const rule = national2020.overAchieve;
  it('flags at 120% and asks for a note at 130%', () => {
    expect(overAchieveFlags(d(2859), d(2200), rule)).toEqual(['overAchieve']); // 129.95%
    expect(overAchieveFlags(d(2860), d(2200), rule)).toEqual(['overAchieve', 'overAchieveNoteRequired']); // 130%
    expect(overAchieveFlags(d(2640), d(2200), rule)).toEqual(['overAchieve']); // exactly 120%
    expect(overAchieveFlags(d(2639), d(2200), rule)).toEqual([]);
  });
  it('never for a zero or negative target', () => {
    expect(overAchieveFlags(d(5), d(0), rule)).toEqual([]);
    expect(overAchieveFlags(d(5), d(-1), rule)).toEqual([]);
  });
});
