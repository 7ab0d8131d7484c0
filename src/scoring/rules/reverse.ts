import type { Dec } from '../../model/index.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import type { ScoreFlag } from '../types.js';
import { clampActualWith, clampNote } from './positive.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

/** variant A on any engine: see scoreReverseRatio. */
export function reverseRatioWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  target: N,
  weight: N,
  places: number,
  s: Shown,
): RuleResult<N> {
  const flags: ScoreFlag[] = [];
  const a = clampActualWith(E, actual, flags);
  if (E.cmp(a, target) <= 0) {
    const score = E.round(weight, places);
    return {
      method: 'reverseRatio',
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: `反向指标（比值法）：实际 ${s.actual} ≤ 目标 ${s.target}${clampNote(s, a !== actual)}，得满分 ${s.w}`,
    };
  }
  // a > target ≥ 0, so a > 0 and the actual was not clamped
  const score = E.ratio(weight, target, a, places);
  const scoreText = E.fixed(score, places);
  return {
    method: 'reverseRatio',
    score,
    scoreText,
    flags,
    formula: `反向指标（比值法）：实际 ${s.actual} > 目标 ${s.target}，得分 = ${s.w} × ${s.t} ÷ ${s.a} = ${scoreText}`,
  };
}

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
  return reverseRatioWith(DEC, actual, target, weight, places, s);
}

/** variant B on any engine: see scoreReverseLinearOverrun. */
export function reverseLinearOverrunWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  target: N,
  weight: N,
  places: number,
  s: Shown,
): RuleResult<N> {
  const flags: ScoreFlag[] = [];
  const a = clampActualWith(E, actual, flags);
  const method = 'reverseLinearOverrun';
  if (E.cmp(a, target) <= 0) {
    const score = E.round(weight, places);
    return {
      method,
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: `反向指标（超支线性扣分）：实际 ${s.actual} ≤ 目标 ${s.target}${clampNote(s, a !== actual)}，得满分 ${s.w}`,
    };
  }
  if (E.cmp(a, E.mul(target, E.of(2))) >= 0) {
    const score = E.round(E.zero, places);
    return {
      method,
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: `反向指标（超支线性扣分）：实际 ${s.actual} 达到目标 ${s.target} 的 2 倍及以上，得 0 分`,
    };
  }
  // target < a < 2 × target, so target > 0
  const score = E.rest(weight, E.sub(a, target), target, places);
  const scoreText = E.fixed(score, places);
  return {
    method,
    score,
    scoreText,
    flags,
    formula: `反向指标（超支线性扣分）：实际 ${s.actual} > 目标 ${s.target}，得分 = ${s.w} × (1 − (${s.a} − ${s.t}) ÷ ${s.t}) = ${scoreText}`,
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
  return reverseLinearOverrunWith(DEC, actual, target, weight, places, s);
}
