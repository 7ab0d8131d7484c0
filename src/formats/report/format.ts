import { amountInWan, Dec, ratioOf, type Figure } from '../../model/index.js';

/** Decimal places of an exact decimal (0 for integers). */
export function decimalsOf(value: Dec): number {
  return Math.max(0, value.decimalPlaces());
}

/**
 * An amount in 万元 the way the official forms print it: two decimals ("0.30", "104.00"). An amount written with
 * more decimals keeps them all, so printing never rounds a stated figure away.
 */
export function formatWanExact(wan: Dec): string {
  return wan.toFixed(Math.max(2, decimalsOf(wan)));
}

/** The text of a figure as written, '' when absent. */
export function figureText(figure: Figure | undefined): string {
  return figure?.text ?? '';
}

/** A plain amount the figure states (no comparator, no approximation), in 万元. */
export function plainAmount(figure: Figure | undefined): Dec | undefined {
  if (!figure || figure.q.kind !== 'number' || figure.q.comparator || figure.q.approx) return undefined;
  return amountInWan(figure);
}

/** A money cell: 万元 with two decimals when the figure is a plain amount, the text as written otherwise. */
export function moneyText(figure: Figure | undefined): string {
  const wan = plainAmount(figure);
  return wan ? formatWanExact(wan) : figureText(figure);
}

/** The exact value of a money cell in 万元, as a decimal string, when it states a plain amount. */
export function moneyValue(figure: Figure | undefined): string | undefined {
  return plainAmount(figure)?.toFixed();
}

/**
 * The exact value of a rate cell as a fraction ("100%" → "1", "91.67%" → "0.9167") and the decimals it was written
 * with in percent, when the figure states a plain rate.
 */
export function rateValue(figure: Figure | undefined): { value: string; decimals: number } | undefined {
  if (!figure || figure.q.kind !== 'number' || figure.q.comparator || figure.q.approx) return undefined;
  const ratio = ratioOf(figure);
  if (!ratio) return undefined;
  const written = new Dec(figure.q.value);
  const percentDecimals = figure.q.unit === '%' ? decimalsOf(written) : Math.max(0, decimalsOf(written) - 2);
  return { value: ratio.toFixed(), decimals: percentDecimals };
}

/**
 * The exact value of a plain number (a headcount, a score, a weight, an area) and its decimals, when stated; a unit
 * written with it must be one of `units` (no unit is always fine).
 */
export function numberValue(
  figure: Figure | undefined,
  units: readonly string[] = ['分', '人', '个'],
): { value: string; decimals: number } | undefined {
  if (!figure || figure.q.kind !== 'number' || figure.q.comparator || figure.q.approx) return undefined;
  if (figure.q.unit !== undefined && !units.includes(figure.q.unit)) return undefined;
  const v = new Dec(figure.q.value);
  return { value: v.toFixed(), decimals: decimalsOf(v) };
}

/** A number for prose: the value without trailing unit words ("95分" → "95", "7人" → "7"). */
export function plainNumberText(figure: Figure | undefined): string | undefined {
  if (!figure) return undefined;
  if (figure.q.kind === 'number' && !figure.q.comparator) return figure.q.value;
  return undefined;
}

/** Numbers written in a text (full-width digits read as ASCII), as exact decimals. */
export function numbersIn(text: string): Dec[] {
  const ascii = text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const out: Dec[] = [];
  for (const m of ascii.matchAll(/\d+(?:\.\d+)?/g)) out.push(new Dec(m[0]));
  return out;
}
