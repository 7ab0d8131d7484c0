import type { Figure, Quantity } from './figure.js';

// NOTE: first cut; the full parser (Chinese numerals, dates, ranges, words) is being written.

/** Padding people put in cells: ASCII and full-width spaces, tabs, NBSP. */
const PADDING = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

export function cleanCellText(text: string): string {
  return text.replace(PADDING, '');
}

export function parseQuantity(raw: string): Quantity {
  const text = cleanCellText(raw);
  if (/^(无|—+|-+|\/|不适用)$/.test(text)) return { kind: 'none' };
  const m = /^(≥|≤|>|<|=)?\s*(-?\d+(?:\.\d+)?)\s*(%|万元|元|篇|个|次|人)?$/.exec(text);
  if (m) {
    const cmp = { '≥': '>=', '≤': '<=', '>': '>', '<': '<', '=': '=' } as const;
    const q: Quantity = { kind: 'number', value: m[2]! };
    if (m[3]) q.unit = m[3];
    if (m[1]) q.comparator = cmp[m[1] as keyof typeof cmp];
    return q;
  }
  return { kind: 'unparsed' };
}

/** A Figure for a written value, or undefined when nothing was written (blank or padding only). */
export function figure(raw: string | undefined | null): Figure | undefined {
  if (raw == null) return undefined;
  const text = cleanCellText(raw);
  if (text === '') return undefined;
  return { text, q: parseQuantity(text) };
}
