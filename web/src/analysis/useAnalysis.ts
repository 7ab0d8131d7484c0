/**
 * Findings and score of the evaluation being edited, kept up to date as the user types: debounced, computed in a
 * worker (stale answers dropped), synchronously when workers are unavailable.
 */
import { useEffect, useRef, useState } from 'react';
import type { CheckResult } from '../../../src/checks/index.js';
import type { Evaluation } from '../../../src/model/index.js';
import { analyse, type AnalysisRequest, type AnalysisResponse } from './analyse.js';

export interface AnalysisState {
  result: CheckResult | null;
  profileId: string | null;
  profileName: string | null;
  /** computing a newer version than `result` */
  pending: boolean;
  error: string | null;
  /** milliseconds the last analysis took */
  ms: number | null;
}

let sharedWorker: Worker | null | undefined;

function worker(): Worker | null {
  if (sharedWorker !== undefined) return sharedWorker;
  try {
    sharedWorker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'jixiao-analysis' });
  } catch {
    sharedWorker = null;
  }
  return sharedWorker;
}

let nextId = 1;

/** Run one analysis (in the worker when there is one). */
export function runAnalysis(evaluation: Evaluation, fallbackProfile?: string): Promise<AnalysisResponse> {
  const req: AnalysisRequest = { id: nextId++, evaluation, ...(fallbackProfile ? { fallbackProfile } : {}) };
  const w = worker();
  if (!w) return Promise.resolve(analyse(req));
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<AnalysisResponse>) => {
      if (e.data.id !== req.id) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(e.data);
    };
    const onError = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(analyse(req));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.postMessage(req);
  });
}

export function useAnalysis(evaluation: Evaluation | null, delayMs = 200, fallbackProfile?: string): AnalysisState {
  const [state, setState] = useState<AnalysisState>({
    result: null,
    profileId: null,
    profileName: null,
    pending: evaluation !== null,
    error: null,
    ms: null,
  });
  const latest = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    if (!evaluation) return;
    const ticket = ++latest.current;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    // the first analysis runs at once; later ones wait for a pause in typing
    const wait = first.current ? 0 : delayMs;
    first.current = false;
    const timer = setTimeout(() => {
      void runAnalysis(evaluation, fallbackProfile).then((r) => {
        if (ticket !== latest.current) return;
        setState(
          r.ok
            ? {
                result: r.result,
                profileId: r.profileId,
                profileName: r.profileName,
                pending: false,
                error: null,
                ms: r.ms,
              }
            : (s) => ({ ...s, pending: false, error: r.message }),
        );
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [evaluation, delayMs, fallbackProfile]);

  return state;
}
