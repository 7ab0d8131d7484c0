/**
 * A cache of serialised evaluation versions. Versions are immutable, so an entry keyed by (evaluation, version) is
 * never stale — in this process or any other sharing the database — and needs no invalidation: reading the
 * current version costs one small query for the evaluation's row, and the document's JSON comes from here.
 * Least-recently-used entries go first once the total size passes the budget.
 */
import type { EvaluationVersion, EvaluationVersionInfo } from '../store/index.js';

export interface CachedVersion {
  info: EvaluationVersionInfo;
  /** the document as JSON text */
  json: string;
}

export class VersionCache {
  readonly #entries = new Map<string, CachedVersion>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number = 64 * 1024 * 1024) {}

  static key(evaluationId: string, version: number): string {
    return `${evaluationId}@${version}`;
  }

  get(evaluationId: string, version: number): CachedVersion | undefined {
    const key = VersionCache.key(evaluationId, version);
    const hit = this.#entries.get(key);
    if (!hit) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit;
  }

  /** Serialise and keep a version read from the store; returns the entry. */
  put(version: EvaluationVersion): CachedVersion {
    const { document, ...info } = version;
    const entry: CachedVersion = { info, json: JSON.stringify(document) };
    const size = entry.json.length * 2;
    if (this.maxBytes <= 0 || size > this.maxBytes / 4) return entry;
    const key = VersionCache.key(info.evaluationId, info.version);
    const old = this.#entries.get(key);
    if (old) this.#bytes -= old.json.length * 2;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#bytes += size;
    for (const [k, v] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= v.json.length * 2;
    }
    return entry;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
