import type { Comparator, Figure, Indicator } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { DEC } from './arith.js';
import type { Arith } from './arith.js';
import { fromUnits, percent, withUnit } from './exact.js';
import { FIX, Fallback } from './fixed.js';
import { deadlineMet, deadlineWith } from './rules/deadline.js';
import { equalWith } from './rules/equal.js';
import { overAchieveWith, positiveWith } from './rules/positive.js';
import {
  gradeLevelOf,
  gradeWith,
  inTierWith,
  isGradeScale,
  keepSelfScoreWith,
  qualitativeTierOf,
} from './rules/qualitative.js';
import { rangeWith } from './rules/range.js';
import type { RuleResult, Shown } from './rules/result.js';
import { reverseLinearOverrunWith, reverseRatioWith } from './rules/reverse.js';
import type { ScoreFlag, ScoreItem } from './types.js';
import { alignQuantities } from './units.js';

/** A scored row with its figures as integer counts of 10^-places, for exact roll-ups. */
export interface ScoredRow {
  item: ScoreItem;
  weightUnits: number | null;
  scoreUnits: number | null;
  selfUnits: number | null;
}

export interface RowContext {
  profile: RuleProfile;
  /** the evaluation year, for relative words such as 当年 and year-less dates */
  year: number | undefined;
  /** set when a row of this sheet had to be scored on decimal.js: a hint for the rows after it, no more */
  fellBack?: boolean;
}

type NumberQuantity = Extract<Figure['q'], { kind: 'number' }>;
type NumberFigure = Figure & { q: NumberQuantity };

export const isNumber = (f: Figure | undefined): f is NumberFigure => f !== undefined && f.q.kind === 'number';

/** A score-like figure (分值, 得分): a number, bare or in 分. */
export function pointsOf(f: Figure | undefined): string | undefined {
  if (f === undefined) return undefined;
  const q = f.q;
  if (q.kind !== 'number') return undefined;
  const unit = q.unit;
  return unit === undefined || unit === '分' ? q.value : undefined;
}

/** Rows that hold nothing: template placeholders (……) and blank rows. They are scored and counted nowhere. */
export function isEmptyRow(ind: Indicator): boolean {
  if (ind.placeholder) return true;
  return (
    ind.target === undefined &&
    ind.adjustedTarget === undefined &&
    ind.actual === undefined &&
    ind.weight === undefined &&
    ind.selfScore === undefined &&
    ind.name.trim() === ''
  );
}

/** What a rule made of a row (with the notes to add to its formula), or why none could. */
interface Scored<N> {
  result: RuleResult<N>;
  /** what the formula should add in brackets (unit conversions, assumptions), joined with '；'; '' for nothing */
  notes: string;
  band?: { tier: string; min: string; max: string; maxInclusive: boolean };
}
interface Unscorable {
  reason: string;
}
type Decision<N> = Scored<N> | Unscorable;

/** A row's exact inputs (ScoreItem.inputs); decisions add what they used (converted values, tiers, deadlines). */
type Inputs = Record<string, string>;

/** 成本指标 (as a 二级 under 产出, or a 一级 of its own under 101号). */
const isCost = (ind: Indicator): boolean => ind.subcategoryKey === 'cost' || ind.categoryKey === 'cost';

/** by the profile's variant. */
function reverse<N, R>(E: Arith<N, R>, a: N, t: N, weight: N, profile: RuleProfile, s: Shown): RuleResult<N> {
  return profile.reverseMode === 'linearOverrun'
    ? reverseLinearOverrunWith(E, a, t, weight, profile.rounding, s)
    : reverseRatioWith(E, a, t, weight, profile.rounding, s);
}

function addFlags(result: { flags: ScoreFlag[] }, flags: readonly ScoreFlag[]): void {
  for (const f of flags) result.flags.push(f);
}

/** `notes` with one more note. */
const also = (notes: string, note: string): string => (notes === '' ? note : `${notes}；${note}`);

function overAchieveNote(result: { flags: ScoreFlag[] }, profile: RuleProfile, notes: string): string {
  if (!result.flags.includes('overAchieve')) return notes;
  return also(
    notes,
    result.flags.includes('overAchieveNoteRequired')
      ? `实际达到目标的 ${percent(profile.overAchieve.mandatoryNoteAt)} 以上，须说明偏差原因`
      : `实际达到目标的 ${percent(profile.overAchieve.flagAt)} 以上，请复核目标是否偏低`,
  );
}

/** a numeric target against a numeric actual, by the direction. */
function decideNumeric<N, R>(
  E: Arith<N, R>,
  ind: Indicator,
  comparator: Comparator | undefined,
  target: Figure,
  tq: NumberQuantity,
  actual: Figure,
  aq: Figure['q'],
  weight: N,
  weightText: string,
  ctx: RowContext,
  inputs: Inputs,
): Decision<N> {
  if (aq.kind !== 'number')
    return { reason: `实际完成值“${actual.text}”不是数值，无法与年度指标值“${target.text}”比较` };
  // (the figures' fields are read once each: quantities come in many shapes, and every read of one costs)
  const aligned = alignQuantities(E, tq, aq, ind.unit);
  if ('error' in aligned) return { reason: aligned.error };
  const { target: t, actual: a, unit } = aligned;
  const converted = aligned.note !== undefined && !aligned.assumed;
  const ts = converted ? E.plain(t) : tq.value;
  const as = converted ? E.plain(a) : aq.value;
  inputs.target = ts;
  inputs.actual = as;
  if (unit !== undefined) inputs.unit = unit;
  if (E.neg(t)) return { reason: '年度指标值为负数，无法按比例计分，请人工评分' };
  const { profile } = ctx;
  const places = profile.rounding;
  let notes = aligned.note || '';
  if (aq.approx) notes = also(notes, `实际完成值“${actual.text}”为约数，按 ${aq.value} 计`);
  const s: Shown = { actual: withUnit(as, unit), target: withUnit(ts, unit), a: as, t: ts, w: weightText };
  let result: RuleResult<N>;
  switch (comparator) {
    case '<=':
    case '<':
      result = reverse(E, a, t, weight, profile, s);
      break;
    case '=':
      result = equalWith(E, a, t, weight, places, s);
      addFlags(result, overAchieveWith(E, a, t, profile.overAchieve));
      break;
    case '>=':
    case '>':
      result = positiveWith(E, a, t, weight, places, s);
      addFlags(result, overAchieveWith(E, a, t, profile.overAchieve));
      break;
    default:
      // no direction written: cost indicators are reverse, everything else positive
      if (isCost(ind)) {
        result = reverse(E, a, t, weight, profile, s);
        result.flags.push('directionAssumed');
        notes = also(notes, '年度指标值未写方向（≥、≤、=），成本指标按反向指标计分');
      } else {
        result = positiveWith(E, a, t, weight, places, s);
        result.flags.push('directionAssumed');
        addFlags(result, overAchieveWith(E, a, t, profile.overAchieve));
        notes = also(notes, '年度指标值未写方向（≥、≤、=），按正向指标计分');
      }
  }
  if (aligned.assumed) result.flags.push('unitAssumed');
  return { result, notes: overAchieveNote(result, profile, notes) };
}

/** a range target ("60%–80%") against a numeric actual. */
function decideRange<N, R>(
  E: Arith<N, R>,
  ind: Indicator,
  target: Figure,
  actual: Figure,
  weight: N,
  ctx: RowContext,
  inputs: Inputs,
): Decision<N> {
  if (target.q.kind !== 'range') throw new TypeError('not a range');
  const { low, high } = target.q;
  if (!isNumber(actual)) return { reason: `实际完成值“${actual.text}”不是数值，无法与区间“${target.text}”比较` };
  const column = ind.unit?.trim() || undefined;
  const tu = target.q.unit ?? column;
  const au = actual.q.unit ?? column;
  if (tu !== undefined && au !== undefined && tu !== au)
    return { reason: `年度指标值单位“${tu}”与实际完成值单位“${au}”不一致，无法比较` };
  const unit = tu ?? au;
  const as = actual.q.value;
  const result = rangeWith(E, E.num(as), E.num(low), E.num(high), weight, ctx.profile.rounding, withUnit(as, unit));
  let notes = '';
  if (tu !== au) {
    result.flags.push('unitAssumed');
    notes = `${tu === undefined ? '年度指标值' : '实际完成值'}未写单位，按所写数值直接比较`;
  }
  inputs.low = low;
  inputs.high = high;
  inputs.actual = as;
  if (unit !== undefined) inputs.unit = unit;
  return { result, notes };
}

/** qualitative wording, or a graded target (优良中低差). */
function decideQualitative<N extends object, R>(
  E: Arith<N, R>,
  target: Figure,
  actual: Figure,
  weight: N,
  self: N | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision<N> {
  const { profile } = ctx;
  const places = profile.rounding;
  if (isGradeScale(target)) {
    const level = gradeLevelOf(actual);
    if (level) {
      inputs.level = level;
      return { result: gradeWith(E, level, weight, profile.qualitative.gradeShares, places), notes: '' };
    }
  }
  const tier = qualitativeTierOf(actual.text, target.text, profile.qualitative.tiers);
  if (tier) {
    inputs.tier = tier.key;
    const result = inTierWith(E, tier, self, weight, places);
    return { result, notes: '', band: result.band };
  }
  if (self) return { result: keepSelfScoreWith(E, self, weight, places, actual.text), notes: '' };
  return { reason: `无法从实际完成情况“${actual.text}”判断达成档次，且未填写自评得分` };
}

/** A date target (时效指标) against an actual date or words such as 当年已完成. */
function decideDeadline<N, R>(
  E: Arith<N, R>,
  target: Figure,
  actual: Figure,
  weight: N,
  weightText: string,
  self: N | undefined,
  comparator: Comparator | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision<N> {
  if (target.q.kind !== 'date') throw new TypeError('not a date');
  inputs.deadline = target.q.date;
  if (actual.q.kind === 'date') inputs.done = actual.q.date;
  const met = deadlineMet({ date: target.q.date, comparator }, actual, ctx.year);
  const places = ctx.profile.rounding;
  if (met !== undefined) {
    const s = { actual: actual.text, target: target.text, a: actual.text, t: target.text, w: weightText };
    return { result: deadlineWith(E, met, weight, places, s), notes: '' };
  }
  if (self) return { result: keepSelfScoreWith(E, self, weight, places, actual.text, 'deadline'), notes: '' };
  return { reason: `无法从实际完成情况“${actual.text}”判断是否在 ${target.text} 前完成，且未填写自评得分` };
}

function decide<N extends object, R>(
  E: Arith<N, R>,
  ind: Indicator,
  target: Figure,
  actual: Figure,
  weight: N,
  weightText: string,
  self: N | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision<N> {
  const aq = actual.q;
  const tq = target.q;
  if (aq.kind === 'none') return { reason: `实际完成值写作“${actual.text}”，没有可比的完成值` };
  const own = tq.kind === 'number' || tq.kind === 'date' ? tq.comparator : undefined;
  const comparator = ind.comparator ?? own;
  switch (tq.kind) {
    case 'none':
      return { reason: `年度指标值写作“${target.text}”，没有可比的目标` };
    case 'number':
      return decideNumeric(E, ind, comparator, target, tq, actual, aq, weight, weightText, ctx, inputs);
    case 'range':
      return decideRange(E, ind, target, actual, weight, ctx, inputs);
    case 'date':
      return decideDeadline(E, target, actual, weight, weightText, self, comparator, ctx, inputs);
    case 'unparsed':
      if (aq.kind === 'number' || (comparator !== undefined && comparator !== 'qualitative'))
        return { reason: `年度指标值“${target.text}”无法识别为数值` };
      return decideQualitative(E, target, actual, weight, self, ctx, inputs);
    case 'qualitative':
      return decideQualitative(E, target, actual, weight, self, ctx, inputs);
  }
}

/**
 * Score one 三级指标 row into a ScoreItem that explains itself: on the integer engine, or, when that
 * cannot vouch for an exact result (unusual figures), on decimal.js; both give the same bytes.
 */
export function scoreIndicator(ind: Indicator, path: string, ctx: RowContext): ScoredRow {
  // once a row of this sheet needed decimal.js, look before trying: a failed attempt costs more than a look
  if (
    ctx.fellBack === true &&
    !(short(ind.weight) && short(ind.selfScore) && short(ind.adjustedTarget ?? ind.target) && short(ind.actual))
  )
    return scoreIndicatorWith(DEC, ind, path, ctx);
  try {
    return scoreIndicatorWith(FIX, ind, path, ctx);
  } catch (e) {
    if (!(e instanceof Fallback)) throw e;
    ctx.fellBack = true;
    return scoreIndicatorWith(DEC, ind, path, ctx);
  }
}

/**
 * Whether a figure's numbers are short enough for the integer engine to read (15 digits, a sign and a point):
 * longer ones go to decimal.js straight away rather than after a failed attempt.
 */
export function short(f: Figure | undefined): boolean {
  if (f === undefined) return true;
  const q = f.q;
  if (q.kind === 'number') return q.value.length <= 17;
  if (q.kind === 'range') return q.low.length <= 17 && q.high.length <= 17;
  return true;
}

/** Score one 三级指标 row on the given engine (see scoreIndicator). */
export function scoreIndicatorWith<N extends object, R>(
  E: Arith<N, R>,
  ind: Indicator,
  path: string,
  ctx: RowContext,
): ScoredRow {
  const places = ctx.profile.rounding;
  const weightFigure = ind.weight;
  const adjusted = ind.adjustedTarget;
  const weightText = pointsOf(weightFigure);
  const selfText = pointsOf(ind.selfScore);
  const weightValue = weightText === undefined ? undefined : E.num(weightText);
  const selfValue = selfText === undefined ? undefined : E.num(selfText);
  const weightUnits = weightValue === undefined ? null : E.pointUnits(weightValue, weightText!, places);
  const selfUnits = selfValue === undefined ? null : E.pointUnits(selfValue, selfText!, places);
  const target = adjusted ?? ind.target;
  const actual = ind.actual;

  const inputs: Inputs = {};
  if (target) inputs.targetText = target.text;
  if (actual) inputs.actualText = actual.text;
  if (weightText !== undefined) inputs.weight = weightText;
  if (selfText !== undefined) inputs.selfScore = selfText;
  if (adjusted) inputs.targetSource = 'adjustedTarget';

  let decision: Decision<N>;
  if (weightFigure === undefined) decision = { reason: '未填写分值' };
  else if (weightText === undefined || weightValue === undefined)
    decision = { reason: `分值“${weightFigure.text}”无法识别为数值` };
  else if (weightText.startsWith('-')) decision = { reason: '分值为负数' };
  else if (target === undefined) decision = { reason: '未填写年度指标值' };
  else if (actual === undefined) decision = { reason: '未填写实际完成值' };
  else decision = decide(E, ind, target, actual, weightValue, weightText, selfValue, ctx, inputs);

  const label = ind.name.trim() || '（未填写指标名称）';
  const weight = weightUnits === null ? null : fromUnits(weightUnits, places);
  const selfScore = selfUnits === null ? null : fromUnits(selfUnits, places);

  if ('reason' in decision) {
    return {
      item: {
        path,
        indicatorId: ind.id,
        label,
        category: ind.categoryKey,
        subcategory: ind.subcategoryKey,
        method: 'unscorable',
        formula: `无法计分：${decision.reason}`,
        inputs,
        weight,
        recomputed: null,
        selfScore,
        difference: null,
        unscorableReason: decision.reason,
        flags: [],
      },
      weightUnits,
      scoreUnits: null,
      selfUnits,
    };
  }

  const { result, band } = decision;
  const notes = !adjusted
    ? decision.notes
    : decision.notes === ''
      ? '按调整后指标值计分'
      : `按调整后指标值计分；${decision.notes}`;
  const scoreUnits = E.units(result.score, result.scoreText, places);
  const text = result.formula;
  const item: ScoreItem = {
    path,
    indicatorId: ind.id,
    label,
    category: ind.categoryKey,
    subcategory: ind.subcategoryKey,
    method: result.method,
    formula: notes === '' ? text : `${text}（${notes}）`,
    inputs,
    weight,
    recomputed: fromUnits(scoreUnits, places),
    selfScore,
    difference: selfUnits === null ? null : fromUnits(selfUnits - scoreUnits, places),
    flags: result.flags,
  };
  if (band)
    item.band = { tier: band.tier, min: Number(band.min), max: Number(band.max), maxInclusive: band.maxInclusive };
  return { item, weightUnits, scoreUnits, selfUnits };
}
