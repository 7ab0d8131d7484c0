/**
 * A field-path level JSON diff between two versions of a document: one entry per leaf that was added, removed or
 * changed. Paths use the model's FieldPath form (`selfEvaluation.indicators.3.actual`). A Figure ({ text, q }) is
 * one value: its text and meaning change together.
 */
export type JsonLike = string | number | boolean | null | undefined | JsonLike[] | { [key: string]: JsonLike };

export interface Change {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** null when added */
  before: unknown;
  /** null when removed */
  after: unknown;
}

export interface DiffOptions {
  /** top-level keys left out (default: `sources`, the provenance map) */
  ignore?: readonly string[];
  /** stop after this many changes (the result says so with `truncated`) */
  limit?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A Figure: exactly `text` (string) and `q` (object) — compared as one value. */
function isAtomic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 2 && typeof v['text'] === 'string' && isRecord(v['q']);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
}

export function diffDocuments(
  before: unknown,
  after: unknown,
  options: DiffOptions = {},
): { changes: Change[]; truncated: boolean } {
  const ignore = new Set(options.ignore ?? ['sources']);
  const limit = options.limit ?? Infinity;
  const changes: Change[] = [];
  let truncated = false;

  const push = (c: Change): void => {
    if (changes.length >= limit) truncated = true;
    else changes.push(c);
  };

  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (truncated) return;
    if (a === undefined && b === undefined) return;
    if (a === undefined) return push({ path, kind: 'added', before: null, after: b });
    if (b === undefined) return push({ path, kind: 'removed', before: a, after: null });
    const join = (k: string | number): string => (path === '' ? String(k) : `${path}.${k}`);
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], join(i), depth + 1);
      return;
    }
    if (isRecord(a) && isRecord(b) && !isAtomic(a) && !isAtomic(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of keys) {
        if (depth === 0 && ignore.has(k)) continue;
        walk(a[k], b[k], join(k), depth + 1);
      }
      return;
    }
    if (!equal(a, b)) push({ path, kind: 'changed', before: a, after: b });
  };

  walk(before, after, '', 0);
  return { changes, truncated };
}
