import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import { hunan2018 } from '../../../src/rules/hunan-2018.js';
import { national2020 } from '../../../src/rules/national-2020.js';
import { scoreExecution } from '../../../src/scoring/rules/execution.js';

const d = (x: string | number) => new Dec(x);
const linear = national2020.execution;
const tiered = hunan2018.execution;

describe('R-2 execution rate, linear', () => {
  it('rules.md §14: 485 of 500 → 97% → 9.70', () => {
    const r = scoreExecution(d(485), d(500), d(10), linear, 2);
    expect(r.rate.toFixed()).toBe('0.97');
    expect(r.scoreText).toBe('9.70');
    expect(r.method).toBe('executionLinear');
    expect(r.flags).toEqual([]);
    expect(r.formula).toBe('执行率 = 485 ÷ 500 = 97%；得分 = 10 × 97% = 9.70');
  });
  it('capped at 100%, flagged when more was spent than budgeted', () => {
    const r = scoreExecution(d(520), d(500), d(10), linear, 2);
    expect(r.scoreText).toBe('10.00');
    expect(r.flags).toEqual(['overBudget']);
    expect(r.formula).toContain('min(104%, 100%)');
  });
  it('below 90% a reason is required (R-7.8)', () => {
    const r = scoreExecution(d(400), d(500), d(10), linear, 2);
    expect(r.scoreText).toBe('8.00');
    expect(r.flags).toEqual(['belowExplainThreshold']);
    expect(r.formula).toContain('须说明原因');
  });
  it('rounds the score, not the rate: 1 of 3 → 3.33', () => {
    expect(scoreExecution(d(1), d(3), d(10), linear, 2).scoreText).toBe('3.33');
  });
  it('refuses a zero budget', () => {
    expect(() => scoreExecution(d(1), d(0), d(10), linear, 2)).toThrow(RangeError);
  });
});

describe('R-2 execution rate, tiered (Hunan-style: full at 100%, −2 of 10 per 5 points short)', () => {
  it.each([
    ['500', '10.00'],
    ['499.99', '8.00'],
    ['475', '8.00'],
    ['474.99', '6.00'],
    ['450', '6.00'],
    ['425', '4.00'],
    ['400', '2.00'],
    ['399', '0.00'],
    ['0', '0.00'],
  ])('%s of 500 → %s', (spent, expected) => {
    const r = scoreExecution(d(spent), d(500), d(10), tiered, 2);
    expect(r.method).toBe('executionTiered');
    expect(r.scoreText).toBe(expected);
  });
  it('says which tier applied', () => {
    expect(scoreExecution(d(485), d(500), d(10), tiered, 2).formula).toBe(
      '执行率 = 485 ÷ 500 = 97%；分档计分：执行率 ≥ 95% 档得分值的 80%，得分 = 10 × 80% = 8.00',
    );
  });
});
