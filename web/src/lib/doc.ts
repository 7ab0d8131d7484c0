/**
 * Reading and writing an Evaluation by field path, immutably: every object on the way to the changed field is
 * copied, everything else keeps its identity (so memoised parts of the form do not re-render). Pure.
 */
import { figure as figureOf, type Figure } from '../../../src/model/index.js';
import type { MoneyInput } from './money.js';

type Container = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

function keysOf(path: string): string[] {
  return path === '' ? [] : path.split('.');
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const k of keysOf(path)) {
    if (!isContainer(cur)) return undefined;
    cur = Array.isArray(cur) ? cur[Number(k)] : cur[k];
  }
  return cur;
}

/**
 * A copy of `root` with `value` at `path` (missing objects and arrays on the way are created; a numeric key makes
 * an array). `undefined` removes an object's key. Returns `root` itself when the value is already there.
 */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const keys = keysOf(path);
  if (keys.length === 0) return value as T;
  const step = (node: unknown, i: number): unknown => {
    const k = keys[i]!;
    const last = i === keys.length - 1;
    const index = /^\d+$/.test(k) ? Number(k) : undefined;
    const base: Container = isContainer(node) ? node : index !== undefined ? [] : {};
    const current = Array.isArray(base) ? base[index ?? Number(k)] : base[k];
    const next = last ? value : step(current, i + 1);
    if (next === current && isContainer(node)) return node;
    if (Array.isArray(base)) {
      const copy = [...base];
      copy[index ?? Number(k)] = next;
      return copy;
    }
    const copy: Record<string, unknown> = { ...base };
    if (next === undefined) delete copy[k];
    else copy[k] = next;
    return copy;
  };
  return step(root, 0) as T;
}

/** A Figure for what was typed into a value cell (the model's own parser); undefined when left empty. */
export function figureFromText(text: string): Figure | undefined {
  return figureOf(text);
}

/**
 * A Figure for a money field. `withUnit`: the prose fields carry "万元" in their text ("312.95万元"), as the report
 * writes them; table cells (whose heading says 万元) hold the bare number. An invalid entry is kept as typed
 * (unparsed), so nothing typed is lost and the checks report it.
 */
export function moneyFigure(input: MoneyInput, raw: string, withUnit: boolean): Figure | undefined {
  switch (input.kind) {
    case 'empty':
      return undefined;
    case 'none':
      return { text: input.text, q: { kind: 'none' } };
    case 'amount':
      return withUnit
        ? { text: `${input.value}万元`, q: { kind: 'number', value: input.value, unit: '万元' } }
        : { text: input.value, q: { kind: 'number', value: input.value } };
    case 'invalid':
      return { text: raw.trim(), q: { kind: 'unparsed' } };
  }
}

/** What a money field shows for its Figure: the bare amount when it is a 万元 number, else the text as written. */
export function moneyText(f: Figure | undefined): string {
  if (!f) return '';
  if (f.q.kind === 'number' && (f.q.unit === undefined || f.q.unit === '万元') && !f.q.comparator && !f.q.approx) {
    return f.q.value;
  }
  return f.text;
}

/** Is a value "filled in" (for section progress)? Figures and strings count when non-empty; arrays when non-empty. */
export function isFilled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text).trim() !== '';
  return true;
}
