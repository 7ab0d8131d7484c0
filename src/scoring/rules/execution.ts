import type { Dec } from '../../model/index.js';
import type { ExecutionTier, RuleProfile } from '../../rules/types.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import { percent } from '../exact.js';
import type { ScoreFlag } from '../types.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

export interface ExecutionResult<N = Dec, R = Dec> extends RuleResult<N> {
  /** executed ÷ base, exact (not capped) */
  rate: R;
}

/** R-2 on any engine: see scoreExecution. */
export function executionWith<N, R>(
  E: Arith<N, R>,
  executed: N,
  base: N,
  weight: N,
  rule: RuleProfile['execution'],
  places: number,
  s: Shown,
): ExecutionResult<N, R> {
  if (E.neg(base) || E.isZero(base)) throw new RangeError('预算数应大于 0');
  const flags: ScoreFlag[] = [];
  let spent = executed;
  if (E.neg(spent)) {
    flags.push('negativeClamped');
    spent = E.zero;
  }
  const rate = E.rate(spent, base);
  const rateText = E.ratePercent(rate);
  let note = '';
  const overOne = E.rateCmp(rate, E.one) > 0;
  if (overOne) {
    flags.push('overBudget');
    note += '；执行数超过预算数，请核实';
  }
  if (E.rateCmp(rate, E.of(rule.explainBelow)) < 0) {
    flags.push('belowExplainThreshold');
    note += `；执行率低于 ${percent(rule.explainBelow)}，须说明原因`;
  }
  const head = `执行率 = ${s.actual} ÷ ${s.target} = ${rateText}`;

  if (rule.mode === 'tiered') {
    let tier: ExecutionTier | undefined;
    for (const t of rule.tiers) {
      if (E.rateCmp(rate, E.of(t.minRate)) >= 0) {
        tier = t;
        break;
      }
    }
    const share = tier?.share ?? 0;
    const score = E.round(E.mul(weight, E.of(share)), places);
    const scoreText = E.fixed(score, places);
    const which = tier ? `执行率 ≥ ${percent(tier.minRate)} 档得分值的 ${percent(share)}` : '低于最低档，得 0';
    return {
      method: 'executionTiered',
      rate,
      score,
      scoreText,
      flags,
      formula: `${head}；分档计分：${which}，得分 = ${s.w} × ${percent(share)} = ${scoreText}${note}`,
    };
  }
  const capped = rule.cap && overOne;
  const score = capped ? E.round(weight, places) : E.rateScore(weight, rate, places);
  const scoreText = E.fixed(score, places);
  return {
    method: 'executionLinear',
    rate,
    score,
    scoreText,
    flags,
    formula: `${head}；得分 = ${s.w} × ${capped ? `min(${rateText}, 100%)` : rateText} = ${scoreText}${note}`,
  };
}

/**
 * R-2 预算执行率: rate = executed ÷ base; linear: min(rate, 1) × weight; tiered: the share of the first
 * tier whose minRate the rate reaches. Flags a rate below explainBelow (R-7.8) and one above 100%.
 * `base` must be > 0 (the caller reports a zero or absent budget). `s` shows executed as `actual`, base as `target`.
 */
export function scoreExecution(
  executed: Dec,
  base: Dec,
  weight: Dec,
  rule: RuleProfile['execution'],
  places: number,
  s: Shown = showNumbers(executed, base, weight),
): ExecutionResult {
  return executionWith(DEC, executed, base, weight, rule, places, s);
}
