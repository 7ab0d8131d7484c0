/**
 * Score and check an evaluation with the core's own modules (the same code the CLI, the API and the exports run),
 * for the browser. Used inside the worker, and directly where no worker is available.
 */
import { checkEvaluation, type CheckResult } from '../../../src/checks/index.js';
import type { Evaluation } from '../../../src/model/index.js';
import { DEFAULT_PROFILE_ID, getProfile, national2020 } from '../../../src/rules/index.js';
import type { RuleProfile } from '../../../src/rules/types.js';

/** The evaluation's own profile when it names a known one, else the given default (as the server does). */
export function profileFor(e: Evaluation, fallbackId: string = DEFAULT_PROFILE_ID): RuleProfile {
  return (e.profile ? getProfile(e.profile) : undefined) ?? getProfile(fallbackId) ?? national2020;
}

export interface AnalysisRequest {
  id: number;
  evaluation: Evaluation;
  fallbackProfile?: string;
}

export type AnalysisResponse =
  | { id: number; ok: true; result: CheckResult; profileId: string; profileName: string; ms: number }
  | { id: number; ok: false; message: string };

export function analyse(req: AnalysisRequest): AnalysisResponse {
  const t0 = performance.now();
  try {
    const profile = profileFor(req.evaluation, req.fallbackProfile);
    const result = checkEvaluation(req.evaluation, profile);
    return {
      id: req.id,
      ok: true,
      result,
      profileId: profile.id,
      profileName: profile.name,
      ms: performance.now() - t0,
    };
  } catch (e) {
    return { id: req.id, ok: false, message: `核查出错：${e instanceof Error ? e.message : String(e)}` };
  }
}
