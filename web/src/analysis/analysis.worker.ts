/// <reference lib="webworker" />
/** The analysis worker: scoring and checking a 300-row evaluation takes longer than a frame, so it runs here. */
import { analyse, type AnalysisRequest } from './analyse.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  scope.postMessage(analyse(e.data));
};
