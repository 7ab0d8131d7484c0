import type { Dec } from '../../model/index.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import type { ScoreFlag } from '../types.js';
import { clampActualWith, clampNote, positiveWith } from './positive.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

/** on any engine: see scoreEqual. */
export function equalWith<N, R>(
  E: Arith<N, R>,
  actual: N,
  target: N,
  weight: N,
  places: number,
  s: Shown,
): RuleResult<N> {
  const mismatch = E.cmp(actual, target) !== 0;
  const review = mismatch ? '；实际与目标不相等，请复核' : '';
  if (E.isZero(target)) {
    const flags: ScoreFlag[] = [];
    const a = clampActualWith(E, actual, flags);
    if (mismatch) flags.push('equalMismatch');
    const met = E.isZero(a);
    const score = E.round(met ? weight : E.zero, places);
    return {
      method: 'equalZero',
      score,
      scoreText: E.fixed(score, places),
      flags,
      formula: met
        ? `等于指标（目标为 0）：实际 ${s.actual} ≤ 0${clampNote(s, a !== actual)}，得满分 ${s.w}${review}`
        : `等于指标（目标为 0）：实际 ${s.actual} > 0，得 0 分`,
    };
  }
  const positive = positiveWith(E, actual, target, weight, places, s);
  if (mismatch) positive.flags.push('equalMismatch');
  return {
    method: 'equal',
    score: positive.score,
    scoreText: positive.scoreText,
    flags: positive.flags,
    formula: `等于指标（按正向计分）：${positive.formula.slice('正向指标：'.length)}${review}`,
  };
}

/**
 * equality (=). Target 0: full marks when the actual is at most 0, otherwise 0 (selfindexequalzero).
 * Target > 0: scored like a positive indicator. Any actual ≠ target is flagged for review.
 */
export function scoreEqual(
  actual: Dec,
  target: Dec,
  weight: Dec,
  places: number,
  s: Shown = showNumbers(actual, target, weight),
): RuleResult {
  return equalWith(DEC, actual, target, weight, places, s);
}
