import type { Evaluation } from '../model/index.js';
import { checkEvaluation } from '../checks/index.js';
import { CliError } from './errors.js';
import { loadEvaluation, resolveProfile } from './load.js';

export type CheckReport = ReturnType<typeof checkEvaluation>;

/** One input's result: the public JSON contract of `jixiao check --format json` (docs/check-json.md). */
export type FileResult =
  ({ file: string; evaluation: Evaluation } & CheckReport) | { file: string; error: { message: string } };

export function isFailure(r: FileResult): r is { file: string; error: { message: string } } {
  return 'error' in r;
}

/** Import, score and check one file. Unreadable input becomes an `error` result, never an exception. */
export async function checkFile(file: string, profileId: string): Promise<FileResult> {
  const profile = resolveProfile(profileId);
  try {
    const { evaluation } = await loadEvaluation(file);
    return { file, evaluation, ...checkEvaluation(evaluation, profile) };
  } catch (e) {
    if (e instanceof CliError) return { file, error: { message: e.message } };
    throw e;
  }
}
