import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import { scoreRange } from '../../../src/scoring/rules/range.js';

const d = (x: string | number) => new Dec(x);

describe('R-3.4 range', () => {
  it('full marks inside the range, bounds included, always a system suggestion', () => {
    for (const x of [60, 70, 80]) {
      const r = scoreRange(d(x), d(60), d(80), d(10), 2);
      expect(r.scoreText).toBe('10.00');
      expect(r.flags).toEqual(['systemSuggested']);
    }
  });
  it('outside: w × max(0, 1 − distance ÷ |bound|) to the nearest bound', () => {
    const above = scoreRange(d(85), d(60), d(80), d(10), 2, '85%');
    expect(above.scoreText).toBe('9.38'); // 10 × (1 − 5/80) = 9.375 → 9.38
    expect(above.formula).toBe(
      '区间指标：实际 85% 在区间 60–80 之外，得分 = 10 × max(0, 1 − |85 − 80| ÷ 80) = 9.38（系统建议分，请复核）',
    );
    expect(scoreRange(d(45), d(60), d(80), d(10), 2).scoreText).toBe('7.50'); // 10 × (1 − 15/60)
    expect(scoreRange(d(200), d(60), d(80), d(10), 2).scoreText).toBe('0.00');
  });
  it('a reversed range is read low to high', () => {
    expect(scoreRange(d(70), d(80), d(60), d(10), 2).scoreText).toBe('10.00');
  });
  it('nearest bound 0 → 0 outside (no division by zero)', () => {
    expect(scoreRange(d(-1), d(0), d(5), d(10), 2).scoreText).toBe('0.00');
  });
});
