import type { CategoryKey, Evaluation, Figure, Indicator, SelfEvaluation, SubcategoryKey } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { DEC } from './arith.js';
import { executionRowWith, scoreExecutionRow } from './execution-row.js';
import { fromUnits, unitsOf } from './exact.js';
import { isEmptyRow, pointsOf, scoreIndicator, scoreIndicatorWith } from './indicator.js';
import type { RowContext, ScoredRow } from './indicator.js';
import { gradeFor, parseGrade } from './rules/grade.js';
import type { ScoreGroup, ScoreItem, ScoreSheet } from './types.js';

const CATEGORY_NAMES: Readonly<Record<CategoryKey, string>> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  other: '其他指标',
};
const SUBCATEGORY_NAMES: Readonly<Record<SubcategoryKey, string>> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainability: '可持续影响指标',
  satisfaction: '服务对象满意度指标',
  other: '其他指标',
};
const CATEGORY_KEYS = Object.keys(CATEGORY_NAMES) as CategoryKey[];

/** Figures being summed, in integer counts of 10^-places. */
interface Sum {
  weight: number;
  recomputed: number;
  self: number;
  selfCount: number;
  unscorable: number;
}

/** A group being summed; `subcategory` undefined for a 一级 group. */
interface Acc extends Sum {
  category: CategoryKey;
  subcategory: SubcategoryKey | undefined;
  label: string;
}

/** A 一级 group and its 二级 groups, in order of first appearance. */
interface Top {
  acc: Acc;
  subs: Acc[];
}

function findTop(tops: readonly Top[], category: CategoryKey): Top | undefined {
  for (const top of tops) if (top.acc.category === category) return top;
  return undefined;
}

const zero = (): Sum => ({ weight: 0, recomputed: 0, self: 0, selfCount: 0, unscorable: 0 });

function blank(category: CategoryKey, label: string, subcategory?: SubcategoryKey): Acc {
  return { category, subcategory, label, weight: 0, recomputed: 0, self: 0, selfCount: 0, unscorable: 0 };
}

function add(acc: Sum, row: ScoredRow): void {
  acc.weight += row.weightUnits ?? 0;
  acc.recomputed += row.scoreUnits ?? 0;
  if (row.selfUnits !== null) {
    acc.self += row.selfUnits;
    acc.selfCount++;
  }
  if (row.scoreUnits === null) acc.unscorable++;
}

function toGroup(acc: Acc, se: SelfEvaluation | undefined, profile: RuleProfile): ScoreGroup {
  const places = profile.rounding;
  const top = acc.subcategory === undefined;
  const g: ScoreGroup = {
    category: acc.category,
    label: acc.label,
    weight: fromUnits(acc.weight, places),
    statedWeight: top ? points(se?.categoryWeights[acc.category], places) : null,
    profileWeight: top ? (profile.weights[acc.category] ?? null) : null,
    recomputed: fromUnits(acc.recomputed, places),
    selfScore: acc.selfCount === 0 ? null : fromUnits(acc.self, places),
    unscorable: acc.unscorable,
  };
  if (!top) g.subcategory = acc.subcategory;
  return g;
}

const points = (f: Figure | undefined, places: number): number | null => {
  const v = pointsOf(f);
  return v === undefined ? null : fromUnits(unitsOf(v, places), places);
};

/**
 * Score an evaluation by a rule profile: the 预算执行率 row, every 三级指标, the
 * 一级/二级 roll-ups, the total and the grade. Every row carries its formula in words and its
 * exact inputs; rows that cannot be scored say why and count as 0. Pure: the evaluation is not changed.
 * Rows are computed in exact integer arithmetic where that provably gives decimal.js's result, else on
 * decimal.js: the sheet is the same, byte for byte, as scoreWithDecimal's.
 */
export function score(evaluation: Evaluation, profile: RuleProfile): ScoreSheet {
  return sheet(evaluation, profile, scoreIndicator, scoreExecutionRow);
}

/**
 * score() with every row on decimal.js alone, the reference the integer fast path is held to (tests, audits).
 */
export function scoreWithDecimal(evaluation: Evaluation, profile: RuleProfile): ScoreSheet {
  return sheet(evaluation, profile, decimalIndicator, decimalExecutionRow);
}

const decimalIndicator = (ind: Indicator, path: string, ctx: RowContext): ScoredRow =>
  scoreIndicatorWith(DEC, ind, path, ctx);
const decimalExecutionRow = (evaluation: Evaluation, profile: RuleProfile): ScoredRow =>
  executionRowWith(DEC, evaluation, profile);

function sheet(
  evaluation: Evaluation,
  profile: RuleProfile,
  row: typeof scoreIndicator,
  executionRow: typeof scoreExecutionRow,
): ScoreSheet {
  const places = profile.rounding;
  const ctx: RowContext = { profile, year: evaluation.year };
  const execution = executionRow(evaluation, profile);
  const se = evaluation.selfEvaluation;

  const sum = zero();
  add(sum, execution);
  const items: ScoreItem[] = [];
  // 一级 groups in order of first appearance, each with its 二级 groups (at most 5 and 10: a scan beats a map)
  const tops: Top[] = [];
  const indicators = se?.indicators ?? [];
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i]!;
    if (isEmptyRow(ind)) continue;
    const scored = row(ind, `selfEvaluation.indicators.${i}`, ctx);
    items.push(scored.item);
    add(sum, scored);
    const cat = ind.categoryKey;
    const sub = ind.subcategoryKey;
    let top = findTop(tops, cat);
    if (top === undefined) {
      top = { acc: blank(cat, ind.category.trim() || CATEGORY_NAMES[cat]), subs: [] };
      tops.push(top);
    }
    add(top.acc, scored);
    let second: Acc | undefined;
    for (const acc of top.subs) {
      if (acc.subcategory === sub) {
        second = acc;
        break;
      }
    }
    if (second === undefined) {
      second = blank(cat, ind.subcategory.trim() || SUBCATEGORY_NAMES[sub], sub);
      top.subs.push(second);
    }
    add(second, scored);
  }
  // 一级指标 the profile or the table names but that hold no row still show, with nothing in them
  for (const cat of CATEGORY_KEYS) {
    if (
      findTop(tops, cat) === undefined &&
      (profile.weights[cat] !== undefined || se?.categoryWeights[cat] !== undefined)
    )
      tops.push({ acc: blank(cat, CATEGORY_NAMES[cat]), subs: [] });
  }

  const scoreGroups: ScoreGroup[] = [];
  for (const { acc, subs } of tops) {
    scoreGroups.push(toGroup(acc, se, profile));
    for (const sub of subs) scoreGroups.push(toGroup(sub, se, profile));
  }

  const total = fromUnits(sum.recomputed, places);
  const gradeText = evaluation.selfReported.grade?.trim() || se?.grade?.trim() || null;

  return {
    profileId: profile.id,
    execution: execution.item,
    items,
    groups: scoreGroups,
    total: {
      weight: fromUnits(sum.weight, places),
      recomputed: total,
      selfReportedTable: points(se?.totalScore, places),
      selfReportedNarrative: points(evaluation.selfReported.total, places),
      selfScoreSum: sum.selfCount === 0 ? null : fromUnits(sum.self, places),
      unscorable: sum.unscorable,
    },
    grade: {
      recomputed: gradeFor(total, profile),
      selfReported: gradeText === null ? null : parseGrade(gradeText, profile),
      selfReportedText: gradeText,
    },
  };
}

export { gradeFor, parseGrade } from './rules/grade.js';
