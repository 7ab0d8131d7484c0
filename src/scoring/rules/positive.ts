import type { Dec } from '../../model/index.js';
import type { RuleProfile } from '../../rules/types.js';
import { ZERO, clamp0, dec, fixed, roundTo } from '../exact.js';
import type { ScoreFlag } from '../types.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

const NONE: readonly ScoreFlag[] = Object.freeze([]);

/** A negative actual value is scored as 0: the value to compute with. */
export function clampActual(actual: Dec, flags: ScoreFlag[]): Dec {
  if (!actual.isNegative()) return actual;
  flags.push('negativeClamped');
  return ZERO;
}

/** What a formula says about a clamped actual (empty when it was not). */
export const clampNote = (s: Shown, clamped: boolean): string =>
  clamped ? `（实际 ${s.actual} 为负数，按 0 计）` : '';

/**
 * positive (正向, ≥ / >): full marks when the actual reaches the target, otherwise
 * weight × actual ÷ target, never above the weight.
 */
export function scorePositive(
  actual: Dec,
  target: Dec,
  weight: Dec,
  places: number,
  s: Shown = showNumbers(actual, target, weight),
): RuleResult {
  const flags: ScoreFlag[] = [];
  const a = clampActual(actual, flags);
  const clamped = a !== actual;
  if (a.gte(target)) {
    const score = roundTo(weight, places);
    const scoreText = fixed(score, places);
    return {
      method: 'positive',
      score,
      scoreText,
      flags,
      formula: `正向指标：实际 ${s.actual} ≥ 目标 ${s.target}${clampNote(s, clamped)}，得满分 ${s.w}`,
    };
  }
  // 0 ≤ a < target, so target > 0
  const score = roundTo(clamp0(weight.mul(a).div(target), weight), places);
  const scoreText = score.toFixed(places);
  return {
    method: 'positive',
    score,
    scoreText,
    flags,
    formula: `正向指标：实际 ${s.actual} < 目标 ${s.target}${clampNote(s, clamped)}，得分 = ${s.w} × ${clamped ? '0' : s.a} ÷ ${s.t} = ${scoreText}`,
  };
}

/**
 * over-achievement, for ≥ and = indicators with a positive target: actual ≥ flagAt × target is
 * flagged (a target set too low?), actual ≥ mandatoryNoteAt × target needs a deviation note.
 */
export function overAchieveFlags(actual: Dec, target: Dec, rule: RuleProfile['overAchieve']): readonly ScoreFlag[] {
  if (target.isZero() || target.isNegative()) return NONE;
  if (actual.lt(target.mul(dec(rule.flagAt)))) return NONE;
  return actual.gte(target.mul(dec(rule.mandatoryNoteAt)))
    ? ['overAchieve', 'overAchieveNoteRequired']
    : ['overAchieve'];
}
