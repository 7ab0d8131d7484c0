import { Dec, amountInWan, numberOf } from '../model/index.js';
import type { Evaluation, FieldPath, Figure, Indicator, Source } from '../model/index.js';
import type { Check, CheckContext, Finding, Severity } from './types.js';

// A run of the catalogue reads the same figures and texts many times: while `withMemo` runs, what is derived from
// the evaluation is computed once. Outside a run (a check called on its own) everything is computed afresh, so
// an evaluation changed between two runs is never judged by stale values.
interface Memo {
  ev: Evaluation;
  values: Map<string, unknown>;
  amounts: Map<Figure, Dec | undefined>;
  numbers: Map<Figure, Dec | undefined>;
}
let active: Memo | undefined;

/** Run `fn` with a memo for `ev`: derived values are computed once during the call. */
export function withMemo<T>(ev: Evaluation, fn: () => T): T {
  const previous = active;
  active = { ev, values: new Map(), amounts: new Map(), numbers: new Map() };
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** A value derived from `ev`, computed once per run. */
export function memo<T>(ev: Evaluation, key: string, compute: () => T): T {
  if (active?.ev !== ev) return compute();
  if (active.values.has(key)) return active.values.get(key) as T;
  const value = compute();
  active.values.set(key, value);
  return value;
}

const constants = new Map<string, Dec>();

/** A config number as an exact Decimal (thresholds are written as short decimals in the profiles). */
export function D(n: number | string): Dec {
  const key = String(n);
  let d = constants.get(key);
  if (d === undefined) {
    d = new Dec(key);
    if (constants.size < 1000) constants.set(key, d);
  }
  return d;
}

/** The amount a figure states, in 万元 (a bare number is taken to be 万元, as the forms' headings say). */
export function amt(fig: Figure | undefined): Dec | undefined {
  if (!fig || !active) return amountInWan(fig);
  if (active.amounts.has(fig)) return active.amounts.get(fig);
  const d = amountInWan(fig);
  active.amounts.set(fig, d);
  return d;
}

/** The plain number a figure states, or undefined. */
export function num(fig: Figure | undefined): Dec | undefined {
  if (!fig || !active) return numberOf(fig);
  if (active.numbers.has(fig)) return active.numbers.get(fig);
  const d = numberOf(fig);
  active.numbers.set(fig, d);
  return d;
}

/** a and b differ by more than tol */
export function differ(a: Dec, b: Dec, tol: number | Dec): boolean {
  return a.minus(b).abs().gt(tol);
}

/** A computed amount for people: two decimals, as the forms print 万元. */
export function fmtWan(d: Dec): string {
  return d.toFixed(2);
}

/** A computed number for people: at most two decimals, no trailing zeros. */
export function fmtNum(d: Dec | number): string {
  return new Dec(d).toDecimalPlaces(2).toString();
}

/** A fraction as a percentage for people: 0.7165 → "71.65%". */
export function fmtPct(d: Dec): string {
  return `${d.mul(100).toDecimalPlaces(2).toString()}%`;
}

/** An amount figure as written, with 万元 added when the text carries no unit. */
export function wanText(fig: Figure | undefined): string {
  if (!fig) return '（空）';
  if (fig.q.kind === 'number' && fig.q.unit === undefined) return `${fig.text}万元`;
  return fig.text;
}

/** Text that says nothing: absent, padding, or a dash / 无 / slash. */
export function isBlank(text: string | undefined | null): boolean {
  if (text == null) return true;
  const t = text.replace(/[\s\u3000\u00a0]/g, '');
  return t === '' || /^(无|—+|-+|\/|／|不适用|暂无)$/.test(t);
}

/** Ellipses and similar marks a template leaves in a row to say "more rows here". */
export function isEllipsis(text: string | undefined | null): boolean {
  if (text == null) return false;
  const t = text.replace(/[\s\u3000\u00a0]/g, '');
  return /^([.…。·．⋯]{2,}|…+|⋯+|(等等)+)$/.test(t);
}

/** A 三级指标 row the unit actually set: not a template placeholder, not a blank row. */
export function isRealIndicator(ind: Indicator): boolean {
  return ind.placeholder !== true && ind.name.trim() !== '' && !isEllipsis(ind.name);
}

export interface IndexedIndicator {
  ind: Indicator;
  index: number;
  path: FieldPath;
}

/** The indicators the unit set, with their index and path. */
export function realIndicators(ev: Evaluation): IndexedIndicator[] {
  return memo(ev, 'realIndicators', () => {
    const list = ev.selfEvaluation?.indicators ?? [];
    const out: IndexedIndicator[] = [];
    list.forEach((ind, index) => {
      if (isRealIndicator(ind)) out.push({ ind, index, path: `selfEvaluation.indicators.${index}` });
    });
    return out;
  });
}

const splitPaths = new Map<string, string[]>();

/** The value at a field path, or undefined. */
export function valueAt(ev: Evaluation, path: FieldPath): unknown {
  let parts = splitPaths.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    if (splitPaths.size < 20000) splitPaths.set(path, parts);
  }
  let cur: unknown = ev;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function isFigure(v: unknown): v is Figure {
  return typeof v === 'object' && v !== null && 'text' in v && 'q' in v;
}

/** The value at a path as it would be shown in `values`: a figure's text, a string, a number, or null. */
export function valueText(ev: Evaluation, path: FieldPath): string | number | null {
  const v = valueAt(ev, path);
  if (isFigure(v)) return v.text;
  if (typeof v === 'string' || typeof v === 'number') return v;
  return null;
}

/** Where the value at a path came from: its own source, else the nearest recorded parent's. */
export function sourceOf(ev: Evaluation, path: FieldPath): Source | undefined {
  const section = /^narrative\.sections\.(\d+)/.exec(path);
  if (section) {
    const s = ev.sources[path] ?? ev.sources[section[0]];
    if (s) return s;
    const key = ev.narrative.sections[Number(section[1])]?.sourceKey;
    return key !== undefined ? ev.sources[key] : undefined;
  }
  let p = path;
  for (;;) {
    const s = ev.sources[p];
    if (s) return s;
    const i = p.lastIndexOf('.');
    if (i < 0) return undefined;
    p = p.slice(0, i);
  }
}

export interface Draft {
  /** lower than the check's own severity for a milder case */
  severity?: Severity;
  message: string;
  paths: FieldPath[];
  /** extra or derived values; each path's own value is added unless given here */
  values?: Record<string, string | number | null>;
  fix?: string;
}

/** Build a finding of a check: sources looked up for every path, each path's value recorded. */
export function emit(ctx: CheckContext, check: Pick<Check, 'id' | 'severity'>, draft: Draft): Finding {
  const ev = ctx.evaluation;
  const values: Record<string, string | number | null> = {};
  const where = [...new Set(draft.paths)].map((path) => {
    if (!(path in (draft.values ?? {}))) values[path] = valueText(ev, path);
    const source = sourceOf(ev, path);
    return source ? { path, source } : { path };
  });
  Object.assign(values, draft.values);
  const finding: Finding = {
    rule: check.id,
    severity: draft.severity ?? check.severity,
    message: draft.message,
    where,
    values,
  };
  if (draft.fix !== undefined) finding.fix = draft.fix;
  return finding;
}

/** The years (4 digits followed by 年) written in a text. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/g)) out.push(Number(m[1]));
  return out;
}

/** Full-width digits to ASCII (only digits: Chinese punctuation stays as it is). */
const FULL_WIDTH_DIGIT = /[０-９]/;

export function asciiDigits(text: string): string {
  if (!FULL_WIDTH_DIGIT.test(text)) return text;
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A date written as 2024年8月15日 / 2024-08-15 / 2024.8.15 / 2024/8/15, or undefined. */
export function parseDate(text: string | undefined): { year: number; month?: number; day?: number } | undefined {
  if (!text) return undefined;
  const t = asciiDigits(text);
  const m = /((?:19|20)\d{2})\s*(?:年|[-./])\s*(?:(\d{1,2})\s*(?:月|[-./])\s*(?:(\d{1,2})\s*日?)?)?/.exec(t);
  if (!m) return undefined;
  const out: { year: number; month?: number; day?: number } = { year: Number(m[1]) };
  if (m[2]) out.month = Number(m[2]);
  if (m[3]) out.day = Number(m[3]);
  return out;
}

export const MONEY_COLUMNS = ['initialBudget', 'adjustedBudget', 'executed'] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

/** The one money column a 自评表 funding row fills, when it fills exactly one. */
export function singleColumn(row: Partial<Record<MoneyColumn, Figure>> | undefined): MoneyColumn | undefined {
  if (!row) return undefined;
  const filled = MONEY_COLUMNS.filter((c) => row[c] !== undefined);
  return filled.length === 1 ? filled[0] : undefined;
}

/**
 * A split of the 年度资金总额 written one figure per line ("其中：基本支出：150.00"): the form does not say
 * which column (budget or spending) the figures belong to, so they are compared with every column.
 */
export function isSingleValueSplit(rows: readonly (Partial<Record<MoneyColumn, Figure>> | undefined)[]): boolean {
  const filled = rows.filter((r) => r && MONEY_COLUMNS.some((c) => r[c] !== undefined));
  return filled.length > 0 && filled.every((r) => singleColumn(r) !== undefined);
}
