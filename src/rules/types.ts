import type { CategoryKey } from '../model/index.js';

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
  /** words in an actual value that put the indicator in this tier */
  keywords: readonly string[];
  /** [min, max] shares of the weight; max is inclusive only for the top tier */
  band: readonly [number, number];
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
}
