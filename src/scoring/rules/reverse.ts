import type { Dec } from '../../model/index.js';
import { ONE, ZERO, clamp0, fixed, roundTo } from '../exact.js';
import type { ScoreFlag } from '../types.js';
import { clampActual, clampNote } from './positive.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

/**
 * variant A (比值法, the default): full marks at or below the target, otherwise
 * weight × target ÷ actual. Expects target ≥ 0.
 */
export function scoreReverseRatio(
  actual: Dec,
  target: Dec,
  weight: Dec,
  places: number,
  s: Shown = showNumbers(actual, target, weight),
): RuleResult {
  const flags: ScoreFlag[] = [];
  const a = clampActual(actual, flags);
  if (a.lte(target)) {
    const score = roundTo(weight, places);
    return {
      method: 'reverseRatio',
      score,
      scoreText: fixed(score, places),
      flags,
      formula: `反向指标（比值法）：实际 ${s.actual} ≤ 目标 ${s.target}${clampNote(s, a !== actual)}，得满分 ${s.w}`,
    };
  }
  // a > target ≥ 0, so a > 0 and the actual was not clamped
  const score = roundTo(clamp0(weight.mul(target).div(a), weight), places);
  const scoreText = score.toFixed(places);
  return {
    method: 'reverseRatio',
    score,
    scoreText,
    flags,
    formula: `反向指标（比值法）：实际 ${s.actual} > 目标 ${s.target}，得分 = ${s.w} × ${s.t} ÷ ${s.a} = ${scoreText}`,
  };
}

/**
 * variant B (超支线性扣分): full marks at or below the target, 0 at twice the target or more,
 * linear in between: weight × (1 − (actual − target) ÷ target). Expects target ≥ 0.
 */
export function scoreReverseLinearOverrun(
  actual: Dec,
  target: Dec,
  weight: Dec,
  places: number,
  s: Shown = showNumbers(actual, target, weight),
): RuleResult {
  const flags: ScoreFlag[] = [];
  const a = clampActual(actual, flags);
  const method = 'reverseLinearOverrun';
  if (a.lte(target)) {
    const score = roundTo(weight, places);
    return {
      method,
      score,
      scoreText: fixed(score, places),
      flags,
      formula: `反向指标（超支线性扣分）：实际 ${s.actual} ≤ 目标 ${s.target}${clampNote(s, a !== actual)}，得满分 ${s.w}`,
    };
  }
  if (a.gte(target.mul(2))) {
    const score = roundTo(ZERO, places);
    return {
      method,
      score,
      scoreText: fixed(score, places),
      flags,
      formula: `反向指标（超支线性扣分）：实际 ${s.actual} 达到目标 ${s.target} 的 2 倍及以上，得 0 分`,
    };
  }
  // target < a < 2 × target, so target > 0
  const score = roundTo(clamp0(weight.mul(ONE.minus(a.minus(target).div(target))), weight), places);
  const scoreText = score.toFixed(places);
  return {
    method,
    score,
    scoreText,
    flags,
    formula: `反向指标（超支线性扣分）：实际 ${s.actual} > 目标 ${s.target}，得分 = ${s.w} × (1 − (${s.a} − ${s.t}) ÷ ${s.t}) = ${scoreText}`,
  };
}
