import { Decimal } from 'decimal.js';
import type { Figure } from './figure.js';

/**
 * A Decimal constructor of our own, so that nobody else's configuration can change our arithmetic.
 * toExpNeg/toExpPos keep `toString()` in plain notation ("0.0000001", never "1e-7"), so that any Dec's string is a
 * valid decimal string for the model.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Dec = Decimal;
export type DecValue = Decimal.Value;

export type MoneyUnit = '元' | '万元';

const TEN_THOUSAND = new Dec(10000);

/** Exact 元 → 万元: "3129500" → "312.95". */
export function yuanToWan(yuan: DecValue): Dec {
  return new Dec(yuan).div(TEN_THOUSAND);
}

/** Exact 万元 → 元: "312.95" → "3129500". */
export function wanToYuan(wan: DecValue): Dec {
  return new Dec(wan).mul(TEN_THOUSAND);
}

/** Exact 万元 → integer 分 (rounded half up to the nearest 分). */
export function wanToFen(wan: DecValue): bigint {
  return BigInt(wanToYuan(wan).mul(100).toDecimalPlaces(0).toFixed(0));
}

/** Integer 分 → 万元 as an exact Decimal. */
export function fenToWan(fen: bigint): Dec {
  return new Dec(fen.toString()).div(1_000_000);
}

/** Format an amount in 万元 the way the official forms print it: two decimals ("0.30"). */
export function formatWan(wan: DecValue, decimals = 2): string {
  const text = new Dec(wan).toFixed(decimals);
  // decimal.js keeps the sign of a value that rounds to zero ("-0.00"); the forms never print one.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * The amount a figure states, in 万元, or undefined when it states none (absent, 无, words, a range).
 * A bare number is taken to be in `defaultUnit` (the forms state 万元 in their headings).
 */
export function amountInWan(figure: Figure | undefined, defaultUnit: MoneyUnit = '万元'): Dec | undefined {
  if (!figure || figure.q.kind !== 'number') return undefined;
  const unit = figure.q.unit ?? defaultUnit;
  if (unit === '万元') return new Dec(figure.q.value);
  if (unit === '元') return yuanToWan(figure.q.value);
  if (unit === '亿元') return new Dec(figure.q.value).mul(10000);
  if (unit === '千元') return new Dec(figure.q.value).div(10);
  return undefined;
}

/** The plain number a figure states (any unit), or undefined. Percentages stay in percent (95% → 95). */
export function numberOf(figure: Figure | undefined): Dec | undefined {
  if (!figure || figure.q.kind !== 'number') return undefined;
  return new Dec(figure.q.value);
}

/** A ratio as a Decimal fraction: 95% → 0.95, 5‰ → 0.005, 0.95 (no unit) → 0.95. Undefined for anything else. */
export function ratioOf(figure: Figure | undefined): Dec | undefined {
  if (!figure || figure.q.kind !== 'number') return undefined;
  const v = new Dec(figure.q.value);
  if (figure.q.unit === '%') return v.div(100);
  if (figure.q.unit === '‰') return v.div(1000);
  if (figure.q.unit === undefined) return v;
  return undefined;
}
