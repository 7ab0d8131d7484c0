import type { Dec } from '../../model/index.js';
import type { ExecutionTier, RuleProfile } from '../../rules/types.js';
import { ONE, ZERO, dec, percent, roundTo } from '../exact.js';
import type { ScoreFlag } from '../types.js';
import { showNumbers } from './result.js';
import type { RuleResult, Shown } from './result.js';

export interface ExecutionResult extends RuleResult {
  /** executed ÷ base, exact (not capped) */
  rate: Dec;
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
  if (!base.isPositive() || base.isZero()) throw new RangeError('预算数应大于 0');
  const flags: ScoreFlag[] = [];
  let spent = executed;
  if (spent.isNegative()) {
    flags.push('negativeClamped');
    spent = ZERO;
  }
  const rate = spent.div(base);
  const rateText = percent(rate);
  let note = '';
  if (rate.gt(ONE)) {
    flags.push('overBudget');
    note += '；执行数超过预算数，请核实';
  }
  const explainBelow = dec(rule.explainBelow);
  if (rate.lt(explainBelow)) {
    flags.push('belowExplainThreshold');
    note += `；执行率低于 ${percent(explainBelow)}，须说明原因`;
  }
  const head = `执行率 = ${s.actual} ÷ ${s.target} = ${rateText}`;

  if (rule.mode === 'tiered') {
    let tier: ExecutionTier | undefined;
    for (const t of rule.tiers) {
      if (rate.gte(dec(t.minRate))) {
        tier = t;
        break;
      }
    }
    const share = dec(tier?.share ?? 0);
    const score = roundTo(weight.mul(share), places);
    const scoreText = score.toFixed(places);
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
  const capped = rule.cap && rate.gt(ONE);
  const raw = weight.mul(capped ? ONE : rate);
  const score = roundTo(raw.gt(weight) ? weight : raw, places);
  const scoreText = score.toFixed(places);
  return {
    method: 'executionLinear',
    rate,
    score,
    scoreText,
    flags,
    formula: `${head}；得分 = ${s.w} × ${capped ? `min(${rateText}, 100%)` : rateText} = ${scoreText}${note}`,
  };
}
