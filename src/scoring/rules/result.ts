import type { Dec } from '../../model/index.js';
import { plain } from '../exact.js';
import type { ScoreFlag, ScoringMethod } from '../types.js';

/** The figures of one row as its formula shows them. */
export interface Shown {
  /** values with their units, e.g. "126 万元" */
  actual: string;
  target: string;
  /** bare numbers for the arithmetic, e.g. "126" */
  a: string;
  t: string;
  w: string;
}

/** What one scoring rule makes of one row; `N` is the engine's number type (see ../arith.ts). */
export interface RuleResult<N = Dec> {
  method: ScoringMethod;
  /** rounded half up to the profile's places; 0 ≤ score ≤ weight */
  score: N;
  /** the score with exactly `places` decimals, e.g. "9.52" */
  scoreText: string;
  flags: ScoreFlag[];
  /** the formula in words (zh-CN) with the figures put in */
  formula: string;
}

/** Plain numbers to show, for callers that have no written figures. */
export function showNumbers(actual: Dec, target: Dec, weight: Dec): Shown {
  const a = plain(actual);
  const t = plain(target);
  return { actual: a, target: t, a, t, w: plain(weight) };
}
