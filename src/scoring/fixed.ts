import type { Arith } from './arith.js';

/**
 * FIX: the fast engine of `Arith`. A value is n × 10^-k with n a safe integer (|n| ≤ 2^53 − 1), so the operations
 * are exact integer arithmetic on plain numbers (BigInt only for the rare quotient whose scaled terms outgrow 2^53).
 * It returns exactly what the Dec engine returns — the same values, the same strings — and throws `Fallback`
 * whenever it cannot be sure of that: a number written with more than 15 digits or not in plain decimal notation,
 * an intermediate that leaves the safe-integer range, a negative zero (which Dec keeps and prints), a profile with
 * more than 6 decimals, or a result that Dec's intermediate roundings might tip (see `quotient`). The caller then
 * scores the row again on Dec. test/scoring/fixed.test.ts holds every operation to Dec's answer on random inputs.
 *
 * Dec rounds every division to 40 significant digits before the score is rounded to the profile's places; the
 * exact quotient rounded once agrees with that unless the 40-digit rounding crosses a half unit, and `quotient`
 * proves, case by case, that it cannot.
 */
export interface Fx {
  /** the digits, as a safe integer; never -0 */
  readonly n: number;
  /** decimals: the value is n × 10^-k */
  readonly k: number;
  /** `plain` of this value, once asked for (weights and figures are printed again and again) */
  p: string | undefined;
  /** `fixed` of this value with `fp` places, the last time it was asked for */
  f: string | undefined;
  fp: number;
}

/** An execution rate num ÷ den, both safe integers, num ≥ 0, den > 0. */
export interface FxRate {
  readonly num: number;
  readonly den: number;
}

/** (object literals of one shape: the cheapest objects the engine makes) */
const fx = (n: number, k: number): Fx => ({ n, k, p: undefined, f: undefined, fp: -1 });

/** Thrown by FIX when it cannot give Dec's result exactly: score the row on Dec instead. */
export class Fallback extends Error {
  constructor() {
    super('整数快速计算无法保证与十进制计算一致，改用十进制计算');
    this.name = 'Fallback';
  }
}
const FALLBACK = new Fallback();
function bail(): never {
  throw FALLBACK;
}

const MAX = Number.MAX_SAFE_INTEGER;
/** decimals an Fx may carry: 10^k stays an exact double up to 10^22 */
const MAX_K = 18;
/** the profile decimals the error bounds above were worked out for (the profiles' own limit) */
const MAX_PLACES = 6;
/** a digit string longer than this might not be an exact double */
const MAX_DIGITS = 15;
/** significant digits Dec keeps of a quotient (the Dec configuration's precision) */
const PRECISION = 40;
const P10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

const ZERO = fx(0, 0);
const ONE = fx(1, 0);

function safe(x: number): number {
  if (!(x <= MAX && x >= -MAX)) bail();
  return x;
}
const mulSafe = (a: number, b: number): number => safe(a * b);

function pow10(e: number): number {
  const p = P10[e];
  if (p === undefined) bail();
  return p;
}

/** A decimal string ("-312.95") as an Fx; anything else (exponents, signs, over 15 digits, "-0") falls back. */
function parse(text: string): Fx {
  const len = text.length;
  let i = 0;
  let neg = false;
  if (len > 0 && text.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  let n = 0;
  let k = 0;
  let digits = 0;
  let dot = -1;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (dot >= 0) k++;
    } else if (c === 46 && dot < 0 && digits > 0) {
      dot = i;
    } else {
      bail();
    }
  }
  if (digits === 0 || digits > MAX_DIGITS || dot === len - 1) bail();
  if (neg) {
    if (n === 0) bail();
    n = -n;
  }
  return fx(n, k);
}

const texts = new Map<string, Fx>();
const MAX_CACHED = 4096;

/**
 * `parse`, remembered per text: figures repeat across rows and scorings, and one object per text lets the rules
 * remember what they derived from a weight (qualitative bands) by identity.
 */
function num(text: string): Fx {
  let f = texts.get(text);
  if (f === undefined) {
    f = parse(text);
    if (texts.size >= MAX_CACHED) texts.clear();
    texts.set(text, f);
  }
  return f;
}

/** Profile numbers seen (0.8, 1.2 …): few, so a scan of a short list beats hashing a double. */
const ofKeys: number[] = [];
const ofValues: Fx[] = [];

/** A profile number (0.8): parsed from its shortest string, as `dec(x)` does. */
function of(x: number): Fx {
  for (let i = 0; i < ofKeys.length; i++) if (ofKeys[i] === x) return ofValues[i]!;
  const f = parse(String(x));
  if (ofKeys.length >= 32) {
    ofKeys.length = 0;
    ofValues.length = 0;
  }
  ofKeys.push(x);
  ofValues.push(f);
  return f;
}

/** a.n scaled to k ≥ a.k decimals */
const scaleTo = (a: Fx, k: number): number => (k === a.k ? a.n : mulSafe(a.n, pow10(k - a.k)));

function cmp(a: Fx, b: Fx): number {
  if (a.k === b.k) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  const sa = Math.sign(a.n);
  const sb = Math.sign(b.n);
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const k = Math.max(a.k, b.k);
  const x = scaleTo(a, k);
  const y = scaleTo(b, k);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a ≥ t × factor, compared on integers without making the product */
function atLeast(a: Fx, t: Fx, factor: number): boolean {
  const f = of(factor);
  // a.n × 10^-a.k against t.n × f.n × 10^-(t.k + f.k)
  const tk = t.k + f.k;
  const k = Math.max(a.k, tk);
  const x = a.n * (P10[k - a.k] ?? Infinity);
  const y = t.n * f.n * (P10[k - tk] ?? Infinity);
  if (!(x <= MAX && x >= -MAX && y <= MAX && y >= -MAX)) bail();
  return x >= y;
}

function add(a: Fx, b: Fx): Fx {
  const k = Math.max(a.k, b.k);
  return fx(safe(scaleTo(a, k) + scaleTo(b, k)) + 0, k);
}

function sub(a: Fx, b: Fx): Fx {
  const k = Math.max(a.k, b.k);
  return fx(safe(scaleTo(a, k) - scaleTo(b, k)) + 0, k);
}

/** n × 10^-k with trailing zeros dropped from n while k > 0 */
function trimmed(n: number, k: number): Fx {
  while (k > 0 && n % 10 === 0) {
    n /= 10;
    k--;
  }
  return fx(n, k);
}

function mul(a: Fx, b: Fx): Fx {
  const n = mulSafe(a.n, b.n);
  // Dec gives 0 × (−x) a negative zero
  if (n === 0) return a.n < 0 || b.n < 0 ? bail() : ZERO;
  const k = a.k + b.k;
  if (k <= MAX_K) return fx(n, k);
  const t = trimmed(n, k);
  return t.k <= MAX_K ? t : bail();
}

/** |n| ÷ 10^shift as an integer: rounded half up, towards +∞ or towards 0 */
function shiftDown(m: number, shift: number, mode: 'halfUp' | 'up' | 'down'): number {
  const d = pow10(shift);
  const r = m % d;
  const q = (m - r) / d;
  if (mode === 'halfUp') return 2 * r >= d ? q + 1 : q;
  if (mode === 'up') return r > 0 ? q + 1 : q;
  return q;
}

/** Round to `places` decimals: half up (away from 0), ceiling or floor; a itself when it has no more. */
function roundWith(a: Fx, places: number, mode: 'halfUp' | 'ceil' | 'floor'): Fx {
  if (a.k <= places) return a;
  const neg = a.n < 0;
  const m = neg ? -a.n : a.n;
  const away = mode === 'halfUp' ? 'halfUp' : (mode === 'ceil') !== neg ? 'up' : 'down';
  const q = shiftDown(m, a.k - places, away);
  if (!neg) return fx(q, places);
  // Dec keeps the sign of a negative value that rounds to zero
  return q === 0 ? bail() : fx(-q, places);
}

/** Greatest common divisor of two non-negative safe integers. */
function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Whether num ÷ den (num ≥ 0, den > 0) is a decimal with at most `decimals` decimals. */
function terminates(num: number, den: number, decimals: number): boolean {
  let d = den / gcd(num, den);
  let twos = 0;
  let fives = 0;
  while (d % 2 === 0) {
    d /= 2;
    twos++;
  }
  while (d % 5 === 0) {
    d /= 5;
    fives++;
  }
  return d === 1 && Math.max(twos, fives) <= decimals;
}

/** Digits of a non-negative safe integer. */
function digitCount(n: number): number {
  let d = 1;
  while (d < 16 && n >= P10[d]!) d++;
  return d;
}

/** 10^39 and 10^40, for the bounds below */
const E39 = 10n ** 39n;
const E40 = 10n ** 40n;

/**
 * w × x ÷ y in units of 10^-places, rounded half up; w, x ≥ 0, y > 0. On safe integers when the scaled
 * numerator and denominator are, else on BigInt. `chain` says how Dec computes it:
 * - false: w × x exactly, then one division rounded to 40 digits. Rounding that to `places` gives the exact
 *   quotient's rounding whenever the scaled numerator is below 10^39: a quotient X ÷ Y that is not a half unit
 *   lies at least 1 ÷ 2Y units from one, more than half a 40-digit unit of it (10^e ≤ X ÷ Y gives Y·10^e ≤ X);
 *   exactly half way Dec's division is exact.
 * - true: x ÷ y rounded to 40 digits, perhaps 1 − that rounded again, times w rounded again: at most
 *   0.6 × 10^(Ew − 39) off for w < 10^Ew, which cannot cross a half unit while 1.2 × Y × 10^(Ew + places) < 10^39.
 *   Exactly half way Dec lands on the half only when x ÷ y is a decimal short enough for every step to be exact;
 *   otherwise fall back.
 */
function quotient(w: Fx, x: number, xk: number, y: number, yk: number, places: number, chain: boolean): Fx {
  const s = places + yk - w.k - xk;
  // w < 10^ew (only chains need it)
  const ew = chain ? Math.max(0, digitCount(w.n) - w.k) : 0;
  let num = w.n * x;
  let den = y;
  if (s >= 0) num *= P10[s] ?? Infinity;
  else den *= P10[-s] ?? Infinity;
  let q: number;
  let half: boolean;
  if (num <= MAX && den <= MAX) {
    // exact: a product whose true value exceeds MAX is rounded to 2^53 or more
    if (chain && !(den * P10[ew + places]! < 8e38)) bail();
    const r = num % den;
    q = (num - r) / den;
    const twice = 2 * r;
    if (twice < den) return fx(q, places);
    half = twice === den;
  } else {
    let X = BigInt(w.n) * BigInt(x);
    let Y = BigInt(y);
    if (s >= 0) X *= 10n ** BigInt(s);
    else Y *= 10n ** BigInt(-s);
    if (chain ? 12n * Y * 10n ** BigInt(ew + places) >= E40 : X >= E39) bail();
    const r = X % Y;
    const qb = X / Y;
    if (qb >= BigInt(MAX)) bail();
    q = Number(qb);
    const twice = 2n * r;
    if (twice < Y) return fx(q, places);
    half = twice === Y;
  }
  if (half && chain && !terminates(x, y, PRECISION - digitCount(w.n))) bail();
  return fx(q + 1, places);
}

function ratio(w: Fx, x: Fx, y: Fx, places: number): Fx {
  if (places > MAX_PLACES || w.n < 0 || x.n < 0 || y.n <= 0) bail();
  // x ≥ y: w × x ÷ y ≥ w, clamped to w
  if (cmp(x, y) >= 0) return roundWith(w, places, 'halfUp');
  return quotient(w, x.n, x.k, y.n, y.k, places, false);
}

function rest(w: Fx, d: Fx, s: Fx, places: number): Fx {
  if (places > MAX_PLACES || w.n < 0 || d.n < 0 || s.n <= 0) bail();
  // d ≥ s: 1 − d ÷ s ≤ 0, clamped to 0
  if (cmp(d, s) >= 0) return ZERO;
  if (d.n === 0) return roundWith(w, places, 'halfUp');
  // w × (s − d) ÷ s
  const k = Math.max(d.k, s.k);
  const sn = scaleTo(s, k);
  return quotient(w, safe(sn - scaleTo(d, k)), k, sn, k, places, true);
}

const ZEROS: readonly string[] = Array.from({ length: 23 }, (_, i) => '0'.repeat(i));

/** m ≥ 0 × 10^-k printed with exactly k decimals: 5, 2 → "0.05" */
function printed(m: number, k: number): string {
  if (k === 0) return String(m);
  const scale = P10[k]!;
  const frac = m % scale;
  const f = String(frac);
  return `${(m - frac) / scale}.${f.length === k ? f : ZEROS[k - f.length]! + f}`;
}

function fixed(a: Fx, places: number): string {
  if (a.fp === places) return a.f!;
  const neg = a.n < 0;
  const m = neg ? -a.n : a.n;
  let text: string;
  if (a.k > places) text = printed(shiftDown(m, a.k - places, 'halfUp'), places);
  else {
    const scaled = m * P10[places - a.k]!;
    // (beyond the safe range the zeros are appended as text; places > a.k here, or nothing was scaled)
    text = scaled <= MAX ? printed(scaled, places) : `${printed(m, a.k)}${a.k === 0 ? '.' : ''}${ZEROS[places - a.k]!}`;
  }
  // Dec prints the sign of any negative value, even one that rounds to zero ("-0.00")
  if (neg) text = `-${text}`;
  a.f = text;
  a.fp = places;
  return text;
}

function plain(a: Fx): string {
  let text = a.p;
  if (text === undefined) {
    const t = a.k === 0 ? a : trimmed(a.n, a.k);
    text = t.n === 0 ? '0' : t.n < 0 ? `-${printed(-t.n, t.k)}` : printed(t.n, t.k);
    a.p = text;
  }
  return text;
}

function units(a: Fx, _text: string, places: number): number {
  if (a.k > places) bail();
  return scaleTo(a, places) + 0;
}

function pointUnits(a: Fx, _text: string, places: number): number {
  return units(roundWith(a, places, 'halfUp'), '', places);
}

function shift(a: Fx, decimals: number): Fx {
  const k = a.k + decimals;
  return k <= MAX_K ? fx(a.n, k) : bail();
}

function wan(value: string, unit: string): Fx | undefined {
  switch (unit) {
    case '万元':
      return num(value);
    case '元':
      return shift(num(value), 4);
    case '千元':
      return shift(num(value), 1);
    case '亿元': {
      const v = num(value);
      return v.k >= 4 ? fx(v.n, v.k - 4) : fx(mulSafe(v.n, 10_000), v.k);
    }
    default:
      return undefined;
  }
}

function rate(x: Fx, y: Fx): FxRate {
  if (x.n < 0 || y.n <= 0) bail();
  const k = Math.max(x.k, y.k);
  return { num: scaleTo(x, k), den: scaleTo(y, k) };
}

/**
 * `rate.cmp(c)` on Dec's 40-digit rate: the exact comparison, since a rate num ÷ den ≠ c differs from c by at least
 * 1 ÷ (den × 10^c.k), more than Dec's rounding of the rate while num × 10^c.k < 10^39.
 */
function rateCmp(r: FxRate, c: Fx): number {
  const lhs = r.num * P10[c.k]!;
  const rhs = c.n * r.den;
  if (lhs <= MAX && rhs <= MAX && rhs >= -MAX) return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
  const L = BigInt(r.num) * 10n ** BigInt(c.k);
  if (L >= E39) bail();
  const R = BigInt(c.n) * BigInt(r.den);
  return L < R ? -1 : L > R ? 1 : 0;
}

/** num ÷ den to 40 significant digits, rounded half up, in plain notation without trailing zeros (Dec's `div`). */
function ratePlain(r: FxRate): string {
  const { num, den } = r;
  let rem = num % den;
  let ip = (num - rem) / den;
  if (rem === 0) return String(ip);
  // long division, as many digits at a time as keep rem × 10^step a safe integer
  let step = 0;
  while (step < 15 && den * P10[step + 1]! <= MAX) step++;
  if (step === 0) bail();
  const scale = P10[step]!;
  const intDigits = ip === 0 ? 0 : String(ip).length;
  // fraction digits to keep; while the integer part is 0, leading zeros of the fraction do not count
  let keep = intDigits === 0 ? -1 : PRECISION - intDigits;
  let frac = '';
  while (rem !== 0 && (keep < 0 || frac.length <= keep)) {
    const x = rem * scale;
    rem = x % den;
    const chunk = String((x - rem) / den);
    frac += chunk.length === step ? chunk : '0'.repeat(step - chunk.length) + chunk;
    if (keep < 0) {
      // the first significant digit: keep 40 from there
      let lead = frac.length - step;
      while (lead < frac.length && frac.charCodeAt(lead) === 48) lead++;
      if (lead < frac.length) keep = lead + PRECISION;
    }
  }
  if (frac.length > keep) {
    // the first digit dropped decides: half up
    const up = frac.charCodeAt(keep) >= 53;
    frac = frac.slice(0, keep);
    if (up) {
      let i = frac.length - 1;
      while (i >= 0 && frac.charCodeAt(i) === 57) i--;
      if (i < 0) {
        ip++;
        frac = '';
      } else {
        frac = frac.slice(0, i) + String(frac.charCodeAt(i) - 47);
      }
    }
  }
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? String(ip) : `${ip}.${frac.slice(0, end)}`;
}

/** `percent(rate)`: the rate in % rounded half up to 2 decimals, as one quotient (see quotient, chain false). */
function ratePercent(r: FxRate): string {
  // the rate rounded to 4 decimals is the percentage rounded to 2
  return `${plain(fx(quotient(ONE, r.num, 0, r.den, 0, 4, false).n, 2))}%`;
}

function rateScore(w: Fx, r: FxRate, places: number): Fx {
  if (places > MAX_PLACES || w.n < 0) bail();
  // a rate of 1 or more: w × rate ≥ w, clamped to w
  if (r.num >= r.den) return roundWith(w, places, 'halfUp');
  return quotient(w, r.num, 0, r.den, 0, places, true);
}

export const FIX: Arith<Fx, FxRate> = {
  zero: ZERO,
  one: ONE,
  num,
  of,
  neg: (a) => a.n < 0,
  isZero: (a) => a.n === 0,
  cmp,
  atLeast,
  add,
  sub,
  mul,
  abs: (a) => (a.n < 0 ? fx(-a.n, a.k) : a),
  ulp: (places) => fx(1, places),
  round: (a, places) => roundWith(a, places, 'halfUp'),
  ceil: (a, places) => roundWith(a, places, 'ceil'),
  floor: (a, places) => roundWith(a, places, 'floor'),
  ratio,
  rest,
  fixed,
  plain,
  units,
  pointUnits,
  wan,
  percentage: (value, unit) => (unit === '%' ? num(value) : shift(num(value), 1)),
  rate,
  rateCmp,
  ratePercent,
  ratePlain,
  rateScore,
};
