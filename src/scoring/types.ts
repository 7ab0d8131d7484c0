import type { CategoryKey, FieldPath, SubcategoryKey } from '../model/index.js';

export type ScoringMethod =
  | 'executionLinear'
  | 'executionTiered'
  | 'positive'
  | 'reverseRatio'
  | 'reverseLinearOverrun'
  | 'equal'
  | 'equalZero'
  | 'range'
  | 'qualitativeTier'
  | 'qualitativeGrade'
  /** a date target (时效指标 such as 2023年12月31日前完成) */
  | 'deadline'
  | 'unscorable';

export type ScoreFlag =
  /** actual ≥ flagAt × target */
  | 'overAchieve'
  /** actual ≥ mandatoryNoteAt × target: a deviation note is required */
  | 'overAchieveNoteRequired'
  /** an '=' indicator whose actual differs from its target */
  | 'equalMismatch'
  /** score suggested by the system, to be confirmed by a person (ranges, R-3.4) */
  | 'systemSuggested'
  /** execution rate below the profile's explainBelow */
  | 'belowExplainThreshold'
  /** qualitative: self score outside the tier's band */
  | 'outsideBand'
  /** qualitative: tier could not be told from the wording; the self score was kept */
  | 'selfScoreKept'
  /** negative actual clamped to 0 */
  | 'negativeClamped'
  /** a numeric target with no direction written: scored as positive (≥), a 成本指标 as reverse (≤) */
  | 'directionAssumed'
  /** one side had no unit (or a % against a plain number): the numbers were compared as written */
  | 'unitAssumed'
  /** execution: the row's stated 分值 differs from the profile's execution weight */
  | 'weightMismatch'
  /** execution: figures taken from the report's prose because the 自评表 lacks them */
  | 'narrativeFallback'
  /** execution: more spent than budgeted (rate above 100%) */
  | 'overBudget';

/** One scored row: the 预算执行率 row or a 三级指标. Scores are numbers rounded to the profile's decimals. */
export interface ScoreItem {
  /** where the row lives in the Evaluation */
  path: FieldPath;
  indicatorId?: string;
  /** 预算执行率 or the indicator's name */
  label: string;
  category?: CategoryKey;
  subcategory?: SubcategoryKey;
  method: ScoringMethod;
  /** zh-CN, the formula in words with the figures put in, e.g. "实际完成值 2859 ≥ 年度指标值 2200，得满分 10 分" */
  formula: string;
  /** exact inputs as decimal strings (target, actual, weight, rate …) */
  inputs: Record<string, string>;
  weight: number | null;
  recomputed: number | null;
  selfScore: number | null;
  /** selfScore − recomputed, when both exist */
  difference: number | null;
  /** zh-CN, why a row could not be scored */
  unscorableReason?: string;
  /** qualitative: the allowed band for the tier; `max` is exclusive unless `maxInclusive` (the top tier) */
  band?: { tier: string; min: number; max: number; maxInclusive?: boolean };
  flags: ScoreFlag[];
}

/** Sum of a group of rows: one 一级指标 (category) or one 二级指标 (category + subcategory). */
export interface ScoreGroup {
  category: CategoryKey;
  subcategory?: SubcategoryKey;
  /** label as written in the report */
  label: string;
  weight: number;
  /** points stated in the heading, e.g. 产出指标（50分） */
  statedWeight: number | null;
  /** points the rule profile gives this 一级指标 (null for 二级 groups and when the profile fixes none) */
  profileWeight?: number | null;
  recomputed: number;
  selfScore: number | null;
  /** rows that could not be scored */
  unscorable: number;
}

export interface GradeResult {
  code: 'A' | 'B' | 'C' | 'D';
  name: '优' | '良' | '中' | '差';
  label: string;
}

export interface ScoreSheet {
  profileId: string;
  execution: ScoreItem;
  items: ScoreItem[];
  groups: ScoreGroup[];
  total: {
    weight: number;
    recomputed: number;
    /** 总分 得分 on the 自评表 */
    selfReportedTable: number | null;
    /** 自评分数 stated in the report's prose */
    selfReportedNarrative: number | null;
    /** sum of the self scores of all rows (execution + indicators) */
    selfScoreSum: number | null;
    /** rows (execution included) that could not be scored and count as 0 */
    unscorable?: number;
  };
  grade: {
    recomputed: GradeResult;
    /** grade stated in the report (prose first, then table), mapped to a band; null when absent or not a grade */
    selfReported: GradeResult | null;
    /** as written */
    selfReportedText: string | null;
  };
}
