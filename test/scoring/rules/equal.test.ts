import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import { scoreEqual } from '../../../src/scoring/rules/equal.js';

const d = (x: string | number) => new Dec(x);

describe('R-3.3 equality', () => {
  it('target 0: full marks when the actual is 0', () => {
    const r = scoreEqual(d(0), d(0), d(10), 2);
    expect(r.method).toBe('equalZero');
    expect(r.scoreText).toBe('10.00');
    expect(r.flags).toEqual([]);
  });
  it('target 0: any positive actual scores 0 and is flagged', () => {
    const r = scoreEqual(d(1), d(0), d(10), 2);
    expect(r.scoreText).toBe('0.00');
    expect(r.flags).toEqual(['equalMismatch']);
    expect(r.formula).toBe('等于指标（目标为 0）：实际 1 > 0，得 0 分');
  });
  it('target 0: a negative actual counts as 0 → full marks, flagged', () => {
    const r = scoreEqual(d(-2), d(0), d(10), 2);
    expect(r.scoreText).toBe('10.00');
    expect(r.flags).toEqual(['negativeClamped', 'equalMismatch']);
  });
  it('target > 0: scored like a positive indicator, flagged when not equal', () => {
    const short = scoreEqual(d(90), d(100), d(10), 2);
    expect(short.method).toBe('equal');
    expect(short.scoreText).toBe('9.00');
    expect(short.flags).toEqual(['equalMismatch']);
    expect(short.formula).toBe(
      '等于指标（按正向计分）：实际 90 < 目标 100，得分 = 10 × 90 ÷ 100 = 9.00；实际与目标不相等，请复核',
    );
    const over = scoreEqual(d(110), d(100), d(10), 2);
    expect(over.scoreText).toBe('10.00');
    expect(over.flags).toEqual(['equalMismatch']);
    const exact = scoreEqual(d('100.0'), d(100), d(10), 2);
    expect(exact.flags).toEqual([]);
    expect(exact.scoreText).toBe('10.00');
  });
});
