/**
 * The bureau's review (财政复核): its score per row (复核得分) beside the unit's self score and jixiao's recomputed
 * score, the review total, and the R-14 flag — |self total − review total| ≥ profile.reviewGapWarning → 自评不实.
 */
import type { Finding } from '../checks/index.js';
import { Dec } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import type { ScoreItem, ScoreSheet } from '../scoring/types.js';
import type { ReviewScore } from '../store/index.js';
import { scoreString } from './analysis.js';

/** The id under which the 预算执行率 row's review score is kept (indicator ids come from the document). */
export const EXECUTION_ROW_ID = 'execution';

export interface ReviewRow {
  indicatorId: string;
  label: string;
  category: string | null;
  weight: string | null;
  selfScore: string | null;
  recomputed: string | null;
  reviewScore: string | null;
  note: string | null;
  reviewerId: string | null;
  updatedAt: string | null;
}

export interface ReviewSummary {
  rows: ReviewRow[];
  /** the unit's stated total (自评表 总分, else the prose's, else the sum of the self scores) */
  selfTotal: string | null;
  /** Σ review scores, unreviewed rows counted at their self score (so the gap covers only what was reviewed) */
  reviewTotal: string;
  reviewedRows: number;
  complete: boolean;
  /** |selfTotal − reviewTotal| */
  gap: string | null;
  threshold: string;
  /** the 自评不实 warning when the gap reaches the threshold */
  findings: Finding[];
}

export function rowId(item: ScoreItem): string {
  return item.indicatorId ?? EXECUTION_ROW_ID;
}

function dec(n: number | null): Dec | null {
  return n === null || !Number.isFinite(n) ? null : new Dec(n);
}

export function summariseReview(
  sheet: ScoreSheet,
  scores: readonly ReviewScore[],
  profile: RuleProfile,
): ReviewSummary {
  const byId = new Map(scores.map((s) => [s.indicatorId, s]));
  const items = [sheet.execution, ...sheet.items];
  const decimals = profile.rounding;
  let reviewTotal = new Dec(0);
  let reviewed = 0;
  const rows: ReviewRow[] = items.map((item) => {
    const id = rowId(item);
    const r = byId.get(id);
    if (r) {
      reviewed++;
      reviewTotal = reviewTotal.plus(r.reviewScore);
    } else {
      reviewTotal = reviewTotal.plus(dec(item.selfScore) ?? 0);
    }
    return {
      indicatorId: id,
      label: item.label,
      category: item.category ?? null,
      weight: scoreString(item.weight, decimals),
      selfScore: scoreString(item.selfScore, decimals),
      recomputed: scoreString(item.recomputed, decimals),
      reviewScore: r?.reviewScore ?? null,
      note: r?.note ?? null,
      reviewerId: r?.reviewerId ?? null,
      updatedAt: r?.updatedAt ?? null,
    };
  });
  const self = dec(sheet.total.selfReportedTable ?? sheet.total.selfReportedNarrative ?? sheet.total.selfScoreSum);
  const gap = self ? self.minus(reviewTotal).abs() : null;
  const threshold = new Dec(profile.reviewGapWarning);
  const findings: Finding[] = [];
  if (self && gap && reviewed > 0 && gap.gte(threshold)) {
    findings.push({
      rule: 'review.self-assessment-gap',
      severity: 'warning',
      message: `自评不实：自评总分 ${self.toFixed(decimals)} 分，复核总分 ${reviewTotal.toFixed(decimals)} 分，相差 ${gap.toFixed(
        decimals,
      )} 分，达到 ${threshold.toString()} 分的警示线（R-14）`,
      where: [{ path: 'selfEvaluation.totalScore' }],
      values: {
        selfTotal: self.toFixed(decimals),
        reviewTotal: reviewTotal.toFixed(decimals),
        gap: gap.toFixed(decimals),
        threshold: threshold.toString(),
      },
      fix: '请单位说明自评得分依据，或按复核意见修改自评表后重新提交',
    });
  }
  return {
    rows,
    selfTotal: self ? self.toFixed(decimals) : null,
    reviewTotal: reviewTotal.toFixed(decimals),
    reviewedRows: reviewed,
    complete: reviewed === items.length,
    gap: gap ? gap.toFixed(decimals) : null,
    threshold: threshold.toString(),
    findings,
  };
}

/**
 * zh-CN problems with a review score for a row: unknown row, negative, above the row's weight. Undefined when
 * acceptable.
 */
export function reviewScoreProblem(sheet: ScoreSheet, indicatorId: string, value: string): string | undefined {
  const item = [sheet.execution, ...sheet.items].find((i) => rowId(i) === indicatorId);
  if (!item) return `自评表中没有编号为“${indicatorId}”的指标`;
  const v = new Dec(value);
  if (v.isNegative()) return `“${item.label}”的复核得分不能为负数`;
  if (item.weight !== null && v.gt(new Dec(item.weight))) {
    return `“${item.label}”的复核得分 ${value} 超过该指标分值 ${new Dec(item.weight).toString()}`;
  }
  return undefined;
}
