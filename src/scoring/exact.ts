import { Dec } from '../model/index.js';

/**
 * Exact-number helpers for scoring on `Dec`, the reference engine (arith.ts DEC; fixed.ts is the integer engine held
 * to it). Scores, once rounded to the profile's places, are summed as integers of 10^-places (e.g. 分 of a point for
 * 2 places), which is exact and cheap. Plain JS numbers appear only as the rounded output of the score sheet.
 */

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

const parsed = new Map<string, Dec>();
const numbers = new Map<number, Dec>();
const MAX_CACHED = 4096;

/**
 * The Dec for a decimal string, or for a number written in a profile (0.8, 1.2). Dec values are
 * immutable, so the parse is cached.
 */
export function dec(value: string | number): Dec {
  const memo = typeof value === 'number' ? numbers : parsed;
  let d = (memo as Map<string | number, Dec>).get(value);
  if (d === undefined) {
    d = new Dec(typeof value === 'number' ? String(value) : value);
    if (memo.size >= MAX_CACHED) memo.clear();
    (memo as Map<string | number, Dec>).set(value, d);
  }
  return d;
}

const fixedMemo: WeakMap<Dec, string>[] = [];

/**
 * `d.toFixed(places)`, remembered per Dec: for the cached Decs (weights, self scores, 0) that full-marks
 * and kept-score rows print again and again.
 */
export function fixed(d: Dec, places: number): string {
  const memo = (fixedMemo[places] ??= new WeakMap());
  let text = memo.get(d);
  if (text === undefined) {
    text = d.toFixed(places);
    memo.set(d, text);
  }
  return text;
}

/** Round half up to `places` decimals; returns `d` itself when it already has no more decimals. */
export function roundTo(d: Dec, places: number): Dec {
  return d.decimalPlaces() <= places ? d : d.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** Clamp into [0, max]. */
export function clamp0(d: Dec, max: Dec): Dec {
  if (d.isNegative()) return ZERO;
  return d.gt(max) ? max : d;
}

/** A score printed with exactly `places` decimals (toFixed) as an integer count of 10^-places: "9.52" → 952. */
export function toUnits(fixed: string, places: number): number {
  // + 0 turns the -0 of "-0.00" into 0
  return Number(places === 0 ? fixed : fixed.replace('.', '')) + 0;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const unitsMemo: Map<string, number>[] = [];

/** A decimal string as an integer count of 10^-places, rounded half up; exact (15 digits or fewer by string, else by Dec). */
export function unitsOf(value: string, places: number): number {
  const memo = (unitsMemo[places] ??= new Map());
  let units = memo.get(value);
  if (units === undefined) {
    units = parseUnits(value, places);
    if (memo.size >= MAX_CACHED) memo.clear();
    memo.set(value, units);
  }
  return units;
}

function parseUnits(value: string, places: number): number {
  const m = DECIMAL.exec(value);
  if (m) {
    const frac = m[3] ?? '';
    const digits = m[2]! + frac.padEnd(places, '0');
    if (frac.length <= places && digits.length <= 15) {
      const n = Number(digits);
      return m[1] === '-' && n !== 0 ? -n : n;
    }
  }
  return toUnits(new Dec(value).toFixed(places, Dec.ROUND_HALF_UP), places);
}

const SCALES = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** An integer count of 10^-places as the number it stands for (952 → 9.52). */
export function fromUnits(units: number, places: number): number {
  return units / (SCALES[places] ?? 10 ** places);
}

/** Plain decimal notation, never exponential ("0.0000001", not "1e-7"). */
export function plain(d: Dec): string {
  return d.toFixed();
}

const percentMemo = new Map<number, string>();

/** A fraction as a percentage for people: 0.97 → "97%", 0.96666… → "96.67%". */
export function percent(rate: Dec | number): string {
  if (typeof rate === 'number') {
    let text = percentMemo.get(rate);
    if (text === undefined) {
      text = percent(dec(rate));
      percentMemo.set(rate, text);
    }
    return text;
  }
  return `${rate.mul(HUNDRED).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed()}%`;
}

/** A value with its unit the way the forms print it: "126 万元", "95%", "2859". */
export function withUnit(value: string, unit: string | undefined): string {
  if (!unit) return value;
  return unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
}
