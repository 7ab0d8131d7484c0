import { Dec, type Evaluation } from '../../../src/model/index.js';

/** A figure reduced to what it means: numbers by exact value (104 = 104.00), other kinds as parsed. */
function figureKey(q: Record<string, unknown>): string {
  if (q['kind'] === 'number') {
    const v = new Dec(String(q['value'])).toFixed();
    return `number:${q['comparator'] ?? ''}${v}${q['unit'] ?? ''}${q['approx'] ? `~${String(q['approx'])}` : ''}`;
  }
  if (q['kind'] === 'range') {
    return `range:${new Dec(String(q['low'])).toFixed()}-${new Dec(String(q['high'])).toFixed()}${q['unit'] ?? ''}`;
  }
  return JSON.stringify(q);
}

function project(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(project);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['text'] === 'string' && o['q'] && typeof o['q'] === 'object' && Object.keys(o).length === 2) {
      return figureKey(o['q'] as Record<string, unknown>);
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      if (o[k] === undefined) continue;
      out[k] = project(o[k]);
    }
    return out;
  }
  return value;
}

/**
 * What a round trip must keep: every figure by meaning, every label and text, the indicator tree and the narrative
 * sections (key, heading, level, text). Provenance (`sources`) and unplaced content (`unrecognised`) describe the
 * file, not the report, and are left out.
 */
export function projectEvaluation(e: Evaluation): Record<string, unknown> {
  const { sources: _s, unrecognised: _u, ...rest } = e;
  return project(rest) as Record<string, unknown>;
}

/** Paths where two projections differ (for readable failures). */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}
