import type { Dec } from '../../model/index.js';
import { ONE, ZERO, clamp0, fixed, roundTo } from '../exact.js';
import type { ScoreFlag } from '../types.js';
import type { RuleResult } from './result.js';

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
  const lo = low.lte(high) ? low : high;
  const hi = low.lte(high) ? high : low;
  const flags: ScoreFlag[] = ['systemSuggested'];
  const range = `${lo.toFixed()}–${hi.toFixed()}`;
  const w = weight.toFixed();
  if (actual.gte(lo) && actual.lte(hi)) {
    const score = roundTo(weight, places);
    return {
      method: 'range',
      score,
      scoreText: fixed(score, places),
      flags,
      formula: `区间指标：实际 ${actualShown} 在区间 ${range} 之内，得满分 ${w}（系统建议分，请复核）`,
    };
  }
  const bound = actual.lt(lo) ? lo : hi;
  const distance = actual.minus(bound).abs();
  const size = bound.abs();
  const score = roundTo(size.isZero() ? ZERO : clamp0(weight.mul(ONE.minus(distance.div(size))), weight), places);
  const scoreText = score.toFixed(places);
  return {
    method: 'range',
    score,
    scoreText,
    flags,
    formula: size.isZero()
      ? `区间指标：实际 ${actualShown} 在区间 ${range} 之外，最近边界为 0，得 0 分（系统建议分，请复核）`
      : `区间指标：实际 ${actualShown} 在区间 ${range} 之外，得分 = ${w} × max(0, 1 − |${actual.toFixed()} − ${bound.toFixed()}| ÷ ${size.toFixed()}) = ${scoreText}（系统建议分，请复核）`,
  };
}
