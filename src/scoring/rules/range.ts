import type { Dec } from '../../model/index.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import type { ScoreFlag } from '../types.js';
import type { RuleResult } from './result.js';

/** on any engine: see scoreRange. */
export function rangeWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  low: N,
  high: N,
  weight: N,
  places: number,
  actualShown: string,
): RuleResult<N> {
  const lo = E.cmp(low, high) <= 0 ? low : high;
  const hi = E.cmp(low, high) <= 0 ? high : low;
  const flags: ScoreFlag[] = ['systemSuggested'];
  const range = `${E.plain(lo)}–${E.plain(hi)}`;
  const w = E.plain(weight);
  if (E.cmp(actual, lo) >= 0 && E.cmp(actual, hi) <= 0) {
    const score = E.round(weight, places);
    return {
      method: 'range',
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: `区间指标：实际 ${actualShown} 在区间 ${range} 之内，得满分 ${w}（系统建议分，请复核）`,
    };
  }
  const bound = E.cmp(actual, lo) < 0 ? lo : hi;
  const distance = E.abs(E.sub(actual, bound));
  const size = E.abs(bound);
  const zero = E.isZero(size);
  const score = zero ? E.round(E.zero, places) : E.rest(weight, distance, size, places);
  const scoreText = E.fixed(score, places);
  return {
    method: 'range',
    score,
    scoreText,
    flags,
    formula: zero
      ? `区间指标：实际 ${actualShown} 在区间 ${range} 之外，最近边界为 0，得 0 分（系统建议分，请复核）`
      : `区间指标：实际 ${actualShown} 在区间 ${range} 之外，得分 = ${w} × max(0, 1 − |${E.plain(actual)} − ${E.plain(bound)}| ÷ ${E.plain(size)}) = ${scoreText}（系统建议分，请复核）`,
  };
}

/**
 * range (区间): full marks inside [low, high]; outside, weight × max(0, 1 − distance ÷ |bound|)
 * to the nearest bound (0 when that bound is 0). Always a system suggestion for a person to confirm.
 * `actualShown` is the actual as the formula prints it (with its unit).
 */
export function scoreRange(
  actual: Dec,
  low: Dec,
  high: Dec,
  weight: Dec,
  places: number,
  actualShown: string = actual.toFixed(),
): RuleResult {
  return rangeWith(DEC, actual, low, high, weight, places, actualShown);
}
