import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import { scoreReverseLinearOverrun, scoreReverseRatio } from '../../../src/scoring/rules/reverse.js';

const d = (x: string | number) => new Dec(x);
const money = { actual: '126 万元', target: '120 万元', a: '126', t: '120', w: '10' };

describe('R-3.2 variant A, ratio (default)', () => {
  it('rules.md §14: ≤120万 actual 126 → 10 × 120 ÷ 126 = 9.52', () => {
    const r = scoreReverseRatio(d(126), d(120), d(10), 2, money);
    expect(r.scoreText).toBe('9.52');
    expect(r.method).toBe('reverseRatio');
    expect(r.formula).toBe('反向指标（比值法）：实际 126 万元 > 目标 120 万元，得分 = 10 × 120 ÷ 126 = 9.52');
  });
  it('full marks at or below the target', () => {
    expect(scoreReverseRatio(d(120), d(120), d(10), 2).scoreText).toBe('10.00');
    expect(scoreReverseRatio(d(0), d(0), d(10), 2).scoreText).toBe('10.00'); // 安全事故 ≤0, actual 0
  });
  it('target 0 and actual above it → 0 (no division by zero)', () => {
    expect(scoreReverseRatio(d(2), d(0), d(10), 2).scoreText).toBe('0.00');
  });
  it('a negative actual counts as 0, which is within any target ≥ 0', () => {
    const r = scoreReverseRatio(d(-3), d(5), d(10), 2);
    expect(r.scoreText).toBe('10.00');
    expect(r.flags).toEqual(['negativeClamped']);
  });
});

describe('R-3.2 variant B, linear overrun', () => {
  it('10 × (1 − (126 − 120) ÷ 120) = 9.50', () => {
    const r = scoreReverseLinearOverrun(d(126), d(120), d(10), 2, money);
    expect(r.scoreText).toBe('9.50');
    expect(r.method).toBe('reverseLinearOverrun');
    expect(r.formula).toBe(
      '反向指标（超支线性扣分）：实际 126 万元 > 目标 120 万元，得分 = 10 × (1 − (126 − 120) ÷ 120) = 9.50',
    );
  });
  it('0 at twice the target and beyond; full at or below', () => {
    expect(scoreReverseLinearOverrun(d(240), d(120), d(10), 2).scoreText).toBe('0.00');
    expect(scoreReverseLinearOverrun(d(500), d(120), d(10), 2).scoreText).toBe('0.00');
    expect(scoreReverseLinearOverrun(d(239), d(120), d(10), 2).scoreText).toBe('0.08');
    expect(scoreReverseLinearOverrun(d(100), d(120), d(10), 2).scoreText).toBe('10.00');
  });
  it('target 0 with a positive actual → 0', () => {
    expect(scoreReverseLinearOverrun(d(1), d(0), d(10), 2).scoreText).toBe('0.00');
  });
});
