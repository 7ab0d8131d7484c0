import type { Comparator, Dec, Figure, Indicator } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { dec, fromUnits, percent, plain, toUnits, unitsOf, withUnit } from './exact.js';
import { deadlineMet, scoreDeadline } from './rules/deadline.js';
import { scoreEqual } from './rules/equal.js';
import { overAchieveFlags, scorePositive } from './rules/positive.js';
import {
  gradeLevelOf,
  isGradeScale,
  keepSelfScore,
  qualitativeTierOf,
  scoreGrade,
  scoreInTier,
} from './rules/qualitative.js';
import { scoreRange } from './rules/range.js';
import type { RuleResult, Shown } from './rules/result.js';
import { scoreReverseLinearOverrun, scoreReverseRatio } from './rules/reverse.js';
import type { ScoreFlag, ScoreItem } from './types.js';
import { alignUnits } from './units.js';

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
}

type NumberFigure = Figure & { q: Extract<Figure['q'], { kind: 'number' }> };

export const isNumber = (f: Figure | undefined): f is NumberFigure => f !== undefined && f.q.kind === 'number';

/** A score-like figure (分值, 得分): a number, bare or in 分. */
export function pointsOf(f: Figure | undefined): string | undefined {
  return isNumber(f) && (f.q.unit === undefined || f.q.unit === '分') ? f.q.value : undefined;
}

/** Rows that hold nothing: template placeholders (……) and blank rows. They are scored and counted nowhere. */
export function isEmptyRow(ind: Indicator): boolean {
  if (ind.placeholder) return true;
  return (
    ind.name.trim() === '' &&
    ind.target === undefined &&
    ind.adjustedTarget === undefined &&
    ind.actual === undefined &&
    ind.weight === undefined &&
    ind.selfScore === undefined
  );
}

/** What a rule made of a row (with the notes to add to its formula), or why none could. */
interface Scored {
  result: RuleResult;
  /** what the formula should add in brackets (unit conversions, assumptions) */
  notes: string[];
  band?: { tier: string; min: string; max: string; maxInclusive: boolean };
}
interface Unscorable {
  reason: string;
}
type Decision = Scored | Unscorable;

/** A row's exact inputs (ScoreItem.inputs); decisions add what they used (converted values, tiers, deadlines). */
type Inputs = Record<string, string>;

/** 成本指标 (as a 二级 under 产出, or a 一级 of its own under 101号). */
const isCost = (ind: Indicator): boolean => ind.subcategoryKey === 'cost' || ind.categoryKey === 'cost';

/** by the profile's variant. */
const reverse = (a: Dec, t: Dec, weight: Dec, profile: RuleProfile, places: number, s: Shown): RuleResult =>
  profile.reverseMode === 'linearOverrun'
    ? scoreReverseLinearOverrun(a, t, weight, places, s)
    : scoreReverseRatio(a, t, weight, places, s);

function addFlags(result: RuleResult, flags: readonly ScoreFlag[]): void {
  for (const f of flags) result.flags.push(f);
}

function overAchieveNote(result: RuleResult, profile: RuleProfile, notes: string[]): void {
  if (!result.flags.includes('overAchieve')) return;
  notes.push(
    result.flags.includes('overAchieveNoteRequired')
      ? `实际达到目标的 ${percent(profile.overAchieve.mandatoryNoteAt)} 以上，须说明偏差原因`
      : `实际达到目标的 ${percent(profile.overAchieve.flagAt)} 以上，请复核目标是否偏低`,
  );
}

/** a numeric target against a numeric actual, by the direction. */
function decideNumeric(
  ind: Indicator,
  comparator: Comparator | undefined,
  target: NumberFigure,
  actual: Figure,
  weight: Dec,
  weightText: string,
  ctx: RowContext,
  inputs: Inputs,
): Decision {
  if (!isNumber(actual)) return { reason: `实际完成值“${actual.text}”不是数值，无法与年度指标值“${target.text}”比较` };
  const aligned = alignUnits(target, actual, ind.unit);
  if ('error' in aligned) return { reason: aligned.error };
  const { target: t, actual: a, unit } = aligned;
  const converted = aligned.note !== undefined && !aligned.assumed;
  const ts = converted ? plain(t) : target.q.value;
  const as = converted ? plain(a) : actual.q.value;
  inputs.target = ts;
  inputs.actual = as;
  if (unit !== undefined) inputs.unit = unit;
  if (t.isNegative()) return { reason: '年度指标值为负数，无法按比例计分，请人工评分' };
  const { profile } = ctx;
  const places = profile.rounding;
  const notes: string[] = [];
  if (aligned.note) notes.push(aligned.note);
  if (actual.q.approx) notes.push(`实际完成值“${actual.text}”为约数，按 ${actual.q.value} 计`);
  const s: Shown = { actual: withUnit(as, unit), target: withUnit(ts, unit), a: as, t: ts, w: weightText };
  let result: RuleResult;
  switch (comparator) {
    case '<=':
    case '<':
      result = reverse(a, t, weight, profile, places, s);
      break;
    case '=':
      result = scoreEqual(a, t, weight, places, s);
      addFlags(result, overAchieveFlags(a, t, profile.overAchieve));
      break;
    case '>=':
    case '>':
      result = scorePositive(a, t, weight, places, s);
      addFlags(result, overAchieveFlags(a, t, profile.overAchieve));
      break;
    default:
      // no direction written: cost indicators are reverse, everything else positive
      if (isCost(ind)) {
        result = reverse(a, t, weight, profile, places, s);
        result.flags.push('directionAssumed');
        notes.push('年度指标值未写方向（≥、≤、=），成本指标按反向指标计分');
      } else {
        result = scorePositive(a, t, weight, places, s);
        result.flags.push('directionAssumed');
        addFlags(result, overAchieveFlags(a, t, profile.overAchieve));
        notes.push('年度指标值未写方向（≥、≤、=），按正向指标计分');
      }
  }
  if (aligned.assumed) result.flags.push('unitAssumed');
  overAchieveNote(result, profile, notes);
  return { result, notes };
}

/** a range target ("60%–80%") against a numeric actual. */
function decideRange(
  ind: Indicator,
  target: Figure,
  actual: Figure,
  weight: Dec,
  ctx: RowContext,
  inputs: Inputs,
): Decision {
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
  const result = scoreRange(dec(as), dec(low), dec(high), weight, ctx.profile.rounding, withUnit(as, unit));
  const notes: string[] = [];
  if (tu !== au) {
    result.flags.push('unitAssumed');
    notes.push(`${tu === undefined ? '年度指标值' : '实际完成值'}未写单位，按所写数值直接比较`);
  }
  inputs.low = low;
  inputs.high = high;
  inputs.actual = as;
  if (unit !== undefined) inputs.unit = unit;
  return { result, notes };
}

/** qualitative wording, or a graded target (优良中低差). */
function decideQualitative(
  target: Figure,
  actual: Figure,
  weight: Dec,
  self: Dec | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision {
  const { profile } = ctx;
  const places = profile.rounding;
  if (isGradeScale(target)) {
    const level = gradeLevelOf(actual);
    if (level) {
      inputs.level = level;
      return { result: scoreGrade(level, weight, profile.qualitative.gradeShares, places), notes: [] };
    }
  }
  const tier = qualitativeTierOf(actual.text, target.text, profile.qualitative.tiers);
  if (tier) {
    inputs.tier = tier.key;
    const result = scoreInTier(tier, self, weight, places);
    return { result, notes: [], band: result.band };
  }
  if (self) return { result: keepSelfScore(self, weight, places, actual.text), notes: [] };
  return { reason: `无法从实际完成情况“${actual.text}”判断达成档次，且未填写自评得分` };
}

/** A date target (时效指标) against an actual date or words such as 当年已完成. */
function decideDeadline(
  target: Figure,
  actual: Figure,
  weight: Dec,
  weightText: string,
  self: Dec | undefined,
  comparator: Comparator | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision {
  if (target.q.kind !== 'date') throw new TypeError('not a date');
  inputs.deadline = target.q.date;
  if (actual.q.kind === 'date') inputs.done = actual.q.date;
  const met = deadlineMet({ date: target.q.date, comparator }, actual, ctx.year);
  const places = ctx.profile.rounding;
  if (met !== undefined) {
    const s = { actual: actual.text, target: target.text, a: actual.text, t: target.text, w: weightText };
    return { result: scoreDeadline(met, weight, places, s), notes: [] };
  }
  if (self) return { result: keepSelfScore(self, weight, places, actual.text, 'deadline'), notes: [] };
  return { reason: `无法从实际完成情况“${actual.text}”判断是否在 ${target.text} 前完成，且未填写自评得分` };
}

function decide(
  ind: Indicator,
  target: Figure,
  actual: Figure,
  weightText: string,
  self: Dec | undefined,
  ctx: RowContext,
  inputs: Inputs,
): Decision {
  if (actual.q.kind === 'none') return { reason: `实际完成值写作“${actual.text}”，没有可比的完成值` };
  const weight = dec(weightText);
  const own = target.q.kind === 'number' || target.q.kind === 'date' ? target.q.comparator : undefined;
  const comparator = ind.comparator ?? own;
  switch (target.q.kind) {
    case 'none':
      return { reason: `年度指标值写作“${target.text}”，没有可比的目标` };
    case 'number':
      return decideNumeric(ind, comparator, target as NumberFigure, actual, weight, weightText, ctx, inputs);
    case 'range':
      return decideRange(ind, target, actual, weight, ctx, inputs);
    case 'date':
      return decideDeadline(target, actual, weight, weightText, self, comparator, ctx, inputs);
    case 'unparsed':
      if (actual.q.kind === 'number' || (comparator !== undefined && comparator !== 'qualitative'))
        return { reason: `年度指标值“${target.text}”无法识别为数值` };
      return decideQualitative(target, actual, weight, self, ctx, inputs);
    case 'qualitative':
      return decideQualitative(target, actual, weight, self, ctx, inputs);
  }
}

/** Score one 三级指标 row into a ScoreItem that explains itself. */
export function scoreIndicator(ind: Indicator, path: string, ctx: RowContext): ScoredRow {
  const places = ctx.profile.rounding;
  const weightText = pointsOf(ind.weight);
  const selfText = pointsOf(ind.selfScore);
  const weightUnits = weightText === undefined ? null : unitsOf(weightText, places);
  const selfUnits = selfText === undefined ? null : unitsOf(selfText, places);
  const target = ind.adjustedTarget ?? ind.target;
  const actual = ind.actual;

  const inputs: Inputs = {};
  if (target) inputs.targetText = target.text;
  if (actual) inputs.actualText = actual.text;
  if (weightText !== undefined) inputs.weight = weightText;
  if (selfText !== undefined) inputs.selfScore = selfText;
  if (ind.adjustedTarget) inputs.targetSource = 'adjustedTarget';

  let decision: Decision;
  if (ind.weight === undefined) decision = { reason: '未填写分值' };
  else if (weightText === undefined) decision = { reason: `分值“${ind.weight.text}”无法识别为数值` };
  else if (weightText.startsWith('-')) decision = { reason: '分值为负数' };
  else if (target === undefined) decision = { reason: '未填写年度指标值' };
  else if (actual === undefined) decision = { reason: '未填写实际完成值' };
  else
    decision = decide(ind, target, actual, weightText, selfText === undefined ? undefined : dec(selfText), ctx, inputs);

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

  const { result, notes, band } = decision;
  // full marks hand back the (cached) weight itself, whose units are known
  const scoreUnits = result.score === dec(weightText!) ? weightUnits! : toUnits(result.scoreText, places);
  if (ind.adjustedTarget) notes.unshift('按调整后指标值计分');
  const text = result.formula;
  const item: ScoreItem = {
    path,
    indicatorId: ind.id,
    label,
    category: ind.categoryKey,
    subcategory: ind.subcategoryKey,
    method: result.method,
    formula: notes.length === 0 ? text : `${text}（${notes.join('；')}）`,
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
