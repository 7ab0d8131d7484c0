/**
 * Scoring and checking on the server: which rule profile an evaluation is judged by, and the denormalised summary
 * (totals, grade, findings counts) stored beside each saved version for the bureau list.
 */
import { checkEvaluation, type CheckResult } from '../checks/index.js';
import { Dec, type Evaluation } from '../model/index.js';
import { getProfile } from '../rules/index.js';
import type { RuleProfile } from '../rules/types.js';
import type { EvaluationSummary } from '../store/index.js';

/** The evaluation's own profile when it names a known one, else the server's default. */
export function profileOf(document: Evaluation, fallback: RuleProfile): RuleProfile {
  return (document.profile ? getProfile(document.profile) : undefined) ?? fallback;
}

/** A score (a JS number rounded by the scorer) as an exact two-decimal string. */
export function scoreString(n: number | null | undefined, decimals = 2): string | null {
  if (n === null || n === undefined || !Number.isFinite(n)) return null;
  return new Dec(n).toFixed(decimals);
}

/** Score and check a document; the summary the store keeps with the version. */
export function analyse(
  document: Evaluation,
  profile: RuleProfile,
): { result: CheckResult; summary: EvaluationSummary } {
  const result = checkEvaluation(document, profile);
  const summary: EvaluationSummary = {
    totalSelf: scoreString(result.score.selfReported.total, profile.rounding),
    totalRecomputed: scoreString(result.score.recomputed.total, profile.rounding),
    grade: gradeName(result, profile),
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    infos: result.summary.infos,
  };
  return { result, summary };
}

/** The canonical grade name (优/良/中/差) of the recomputed total. */
function gradeName(result: CheckResult, profile: RuleProfile): string | null {
  const label = result.score.recomputed.grade;
  const band = profile.grades.find((g) => g.label === label || g.name === label);
  return band?.name ?? label ?? null;
}
