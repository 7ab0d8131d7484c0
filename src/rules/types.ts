import type { CategoryKey, SectionKey } from '../model/index.js';

/** A grade band: totals >= min (and below the next band's min) get this grade. */
export interface GradeBand {
  /** inclusive lower bound on the total score */
  min: number;
  /** canonical code: A 优, B 良, C 中, D 差 */
  code: 'A' | 'B' | 'C' | 'D';
  /** canonical name: 优 / 良 / 中 / 差 */
  name: '优' | '良' | '中' | '差';
  /** how this region prints it, e.g. 优秀 */
  label: string;
  /** other spellings accepted when reading a report (e.g. 优 for 优秀) */
  aliases: readonly string[];
}

/** One execution-rate tier for the tiered variant: at or above `minRate`, `score` = share of the weight. */
export interface ExecutionTier {
  minRate: number;
  share: number;
}

/** A qualitative achievement tier: exact option text and the allowed score band as shares of the weight. */
export interface QualitativeTier {
  key: 'achieved' | 'partial' | 'notAchieved';
  label: string;
  /**
   * words in an actual value that put the indicator in this tier. Wording is matched lowest tier
   * first (未完成 and 部分完成 both contain 完成), and an actual that restates the target counts as achieved.
   */
  keywords: readonly string[];
  /** [min, max] shares of the weight; max is inclusive only for the top tier */
  band: readonly [number, number];
}

/** One top-level section of the report's outline, in order. */
export interface OutlineSection {
  key: SectionKey;
  /** the heading as the template words it (zh-CN) */
  label: string;
  /** the section must be present (it may say 无) */
  required: boolean;
}

/** Thresholds and tolerances of the check catalogue (src/checks). Absent knobs take the catalogue's defaults. */
export interface CheckThresholds {
  /** two amounts in 万元 agree when they differ by at most this much (0.005 = 50 元) */
  amountTolerance: number;
  /** a stated rate agrees with the recomputed one within this fraction (0.005 = 0.5 个百分点) */
  rateTolerance: number;
  /** a 基础数据表 line spent at or above this multiple of its budget is far over budget */
  farOverRatio: number;
  /** … at or below this multiple of its budget is far under budget */
  farUnderRatio: number;
  /** a budget changed in-year by more than this fraction of the 年初预算数 needs an explanation */
  budgetAdjustmentRatio: number;
  /** a cost (reverse) indicator over its target by more than this fraction is a cost overrun */
  costOverrunRatio: number;
  /** mean indicator achievement ahead of the budget execution rate by more than this is implausible */
  achievementAheadGap: number;
  /** the report's outline: top-level sections in order */
  reportOutline: readonly OutlineSection[];
}

/**
 * A rule profile: every number and variant that differs between regions or years, as data
 * (rules.md §13). Adding a province means adding one file like `national-2020.ts`.
 */
export interface RuleProfile {
  id: string;
  /** zh-CN name shown to users */
  name: string;
  /** where the rules come from, for the user (documents, evidence level) */
  basis: string;
  /** first-level weights; execution + the rest = 100 */
  weights: { execution: number } & Partial<Record<CategoryKey, number>>;
  /**
   * Points for all 三级指标 together (R-1.1: 90), for profiles whose sources fix only the
   * execution/indicator split (e.g. 预算执行情况 10 + 绩效指标 90) and no per-category weights.
   * When both are given, the category weights must add up to this.
   */
  indicatorsTotal?: number;
  execution: {
    mode: 'linear' | 'tiered';
    /** cap the rate at 100% before scoring */
    cap: boolean;
    /** tiers for mode 'tiered', highest first */
    tiers: readonly ExecutionTier[];
    /** below this rate a written reason is required */
    explainBelow: number;
    /** which budget the rate divides by */
    base: 'adjustedBudget' | 'initialBudget';
  };
  reverseMode: 'ratio' | 'linearOverrun';
  qualitative: {
    tiers: readonly QualitativeTier[];
    /** shares of the weight for 优/良/中/低/差 graded targets */
    gradeShares: Readonly<Record<'优' | '良' | '中' | '低' | '差', number>>;
  };
  overAchieve: { flagAt: number; mandatoryNoteAt: number };
  grades: readonly GradeBand[];
  /** decimals at every level of the computation */
  rounding: number;
  /** tolerance when comparing stated and recomputed scores */
  scoreTolerance: number;
  /** drop not-applicable indicators and rescale to 100 */
  rescaleNotApplicable: boolean;
  /** level-3 weights must be > 0 */
  requirePositiveWeights: boolean;
  /** |self total − review total| at or above this flags 自评不实 */
  reviewGapWarning: number;
  monitoring: { lights: 'ratio' | 'gap'; red: number; yellow: number; cutoffMonths: readonly number[] };
  disclosureDeadlineDays: number;
  /** knobs of the check catalogue; absent ones take the defaults in src/checks/thresholds.ts */
  checks?: Partial<CheckThresholds>;
}
