import { Dec, amountInWan, ratioOf } from '../model/index.js';
import { HUNDRED, ONE, clamp0, dec, fixed, percent, roundTo, toUnits, unitsOf, ZERO } from './exact.js';

/**
 * The arithmetic the scoring rules need, over exact decimals of type `N` and exact rates of type `R`. The rules
 * are written once against this interface and run on one of two engines:
 * - DEC (below): decimal.js, any input. This is the reference: every result is defined by what DEC returns.
 * - FIX (fixed.ts): safe integers scaled by powers of ten. It returns exactly what DEC returns (same values, same
 *   strings) for the inputs it can do so provably, and throws `Fallback` for anything else, whereupon the caller
 *   does the row again on DEC.
 * Every operation is named after the Dec expression it stands for.
 */
export interface Arith<N, R> {
  readonly zero: N;
  readonly one: N;
  /** a decimal string as the model writes one ("312.95", "-3", "0.30") */
  num(text: string): N;
  /** a number written in a rule profile (0.8, 1.2, 10) */
  of(x: number): N;
  /** `a.isNegative()` */
  neg(a: N): boolean;
  /** `a.isZero()` */
  isZero(a: N): boolean;
  /** `a.cmp(b)` */
  cmp(a: N, b: N): number;
  /** `a.gte(t.mul(dec(factor)))`: a at least `factor` times t */
  atLeast(a: N, t: N, factor: number): boolean;
  add(a: N, b: N): N;
  sub(a: N, b: N): N;
  mul(a: N, b: N): N;
  abs(a: N): N;
  /** 10^-places */
  ulp(places: number): N;
  /** `roundTo(a, places)`: half up */
  round(a: N, places: number): N;
  /** `a.toDecimalPlaces(places, ROUND_CEIL)` */
  ceil(a: N, places: number): N;
  /** `a.toDecimalPlaces(places, ROUND_FLOOR)` */
  floor(a: N, places: number): N;
  /** `roundTo(clamp0(w.mul(x).div(y), w), places)`, for y > 0 */
  ratio(w: N, x: N, y: N, places: number): N;
  /** `roundTo(clamp0(w.mul(ONE.minus(d.div(s))), w), places)`, for s > 0 */
  rest(w: N, d: N, s: N, places: number): N;
  /** `a.toFixed(places)` */
  fixed(a: N, places: number): string;
  /** `a.toFixed()`: plain notation, no trailing zeros */
  plain(a: N): string;
  /** a score `a` already rounded to `places`, printed as `text`, as an integer count of 10^-places */
  units(a: N, text: string, places: number): number;
  /** `unitsOf(text, places)`: points written as `text` (whose value is `a`), rounded half up, in 10^-places */
  pointUnits(a: N, text: string, places: number): number;
  /** `amountInWan` of a value written in a money unit (元, 千元, 万元, 亿元); undefined for any other unit */
  wan(value: string, unit: string): N | undefined;
  /** `ratioOf(…).mul(HUNDRED)`: a value in % or ‰ as a percentage */
  percentage(value: string, unit: '%' | '‰'): N;
  /** `x.div(y)` for y > 0: an execution rate */
  rate(x: N, y: N): R;
  /** `rate.cmp(c)` */
  rateCmp(rate: R, c: N): number;
  /** `percent(rate)`: "97.7%" */
  ratePercent(rate: R): string;
  /** `plain(rate)` */
  ratePlain(rate: R): string;
  /** `roundTo(min(w.mul(rate), w), places)` */
  rateScore(w: N, rate: R, places: number): N;
}

/** The reference engine: decimal.js, exactly the expressions the operations are named after. */
export const DEC: Arith<Dec, Dec> = {
  zero: ZERO,
  one: ONE,
  num: dec,
  of: dec,
  neg: (a) => a.isNegative(),
  isZero: (a) => a.isZero(),
  cmp: (a, b) => a.cmp(b),
  atLeast: (a, t, factor) => a.gte(t.mul(dec(factor))),
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.mul(b),
  abs: (a) => a.abs(),
  ulp: (places) => dec(`1e-${places}`),
  round: roundTo,
  ceil: (a, places) => a.toDecimalPlaces(places, Dec.ROUND_CEIL),
  floor: (a, places) => a.toDecimalPlaces(places, Dec.ROUND_FLOOR),
  ratio: (w, x, y, places) => roundTo(clamp0(w.mul(x).div(y), w), places),
  rest: (w, d, s, places) => roundTo(clamp0(w.mul(ONE.minus(d.div(s))), w), places),
  fixed,
  plain: (a) => a.toFixed(),
  units: (_a, text, places) => toUnits(text, places),
  pointUnits: (_a, text, places) => unitsOf(text, places),
  wan: (value, unit) =>
    unit === '万元' ? dec(value) : amountInWan({ text: value, q: { kind: 'number', value, unit } }),
  percentage: (value, unit) => ratioOf({ text: value, q: { kind: 'number', value, unit } })!.mul(HUNDRED),
  rate: (x, y) => x.div(y),
  rateCmp: (rate, c) => rate.cmp(c),
  ratePercent: (rate) => percent(rate),
  ratePlain: (rate) => rate.toFixed(),
  rateScore: (w, rate, places) => {
    const raw = w.mul(rate);
    return roundTo(raw.gt(w) ? w : raw, places);
  },
};
