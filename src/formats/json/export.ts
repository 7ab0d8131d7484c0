import type { CheckResult } from '../../checks/index.js';
import type { Evaluation } from '../../model/index.js';

/**
 * The Evaluation as JSON (what `jixiao convert` writes; `importFile` reads it back). With a review, the result of
 * `jixiao check` (score, findings, summary) is added under `review`, a key the Evaluation schema ignores on import,
 * so the file stays importable.
 */
export function evaluationToJson(evaluation: Evaluation, review?: CheckResult): string {
  const doc = review ? { ...evaluation, review } : evaluation;
  return `${JSON.stringify(doc, null, 2)}\n`;
}
