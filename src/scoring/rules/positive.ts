import type { Dec } from '../../model/index.js';
import type { RuleProfile } from '../../rules/types.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import type { ScoreFlag } from '../types.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

const NONE: readonly ScoreFlag[] = Object.freeze([]);
const OVER: readonly ScoreFlag[] = Object.freeze(['overAchieve']);
const NOTE_REQUIRED: readonly ScoreFlag[] = Object.freeze(['overAchieve', 'overAchieveNoteRequired']);

/** A negative actual value is scored as 0: the value to compute with (E.zero when clamped). */
export function clampActualWith<N, R>(E: Arith<N, R>, actual: N, flags: ScoreFlag[]): N {
  if (!E.neg(actual)) return actual;
  flags.push('negativeClamped');
  return E.zero;
}

/** A negative actual value is scored as 0: the value to compute with. */
export const clampActual = (actual: Dec, flags: ScoreFlag[]): Dec => clampActualWith(DEC, actual, flags);

/** What a formula says about a clamped actual (empty when it was not). */
export const clampNote = (s: Shown, clamped: boolean): string =>
  clamped ? `（实际 ${s.actual} 为负数，按 0 计）` : '';

/** on any engine: see scorePositive. */
export function positiveWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  target: N,
  weight: N,
  places: number,
  s: Shown,
): RuleResult<N> {
  const flags: ScoreFlag[] = [];
  const a = clampActualWith(E, actual, flags);
  const clamped = a !== actual;
  if (E.cmp(a, target) >= 0) {
    const score = E.round(weight, places);
    return {
      method: 'positive',
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: `正向指标：实际 ${s.actual} ≥ 目标 ${s.target}${clampNote(s, clamped)}，得满分 ${s.w}`,
    };
  }
  // 0 ≤ a < target, so target > 0
  const score = E.ratio(weight, a, target, places);
  const scoreText = E.fixed(score, places);
  return {
    method: 'positive',
    score,
    scoreText,
    flags,
    formula: `正向指标：实际 ${s.actual} < 目标 ${s.target}${clampNote(s, clamped)}，得分 = ${s.w} × ${clamped ? '0' : s.a} ÷ ${s.t} = ${scoreText}`,
  };
}

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
  return positiveWith(DEC, actual, target, weight, places, s);
}

/** on any engine: see overAchieveFlags. */
export function overAchieveWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  target: N,
  rule: RuleProfile['overAchieve'],
): readonly ScoreFlag[] {
  if (E.isZero(target) || E.neg(target)) return NONE;
  if (!E.atLeast(actual, target, rule.flagAt)) return NONE;
  return E.atLeast(actual, target, rule.mandatoryNoteAt) ? NOTE_REQUIRED : OVER;
}

/**
 * over-achievement, for ≥ and = indicators with a positive target: actual ≥ flagAt × target is
 * flagged (a target set too low?), actual ≥ mandatoryNoteAt × target needs a deviation note.
 */
export const overAchieveFlags = (actual: Dec, target: Dec, rule: RuleProfile['overAchieve']): readonly ScoreFlag[] =>
  overAchieveWith(DEC, actual, target, rule);
