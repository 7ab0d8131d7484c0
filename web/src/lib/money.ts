/**
 * Exact money input in 万元: what a clerk types ("1,234.5", "１２３．４", "312.95万元", "3129500元", "无") read as a
 * decimal string, never a float. Pure; uses the model's own Dec and 元→万元 conversion.
 */
import { Dec, yuanToWan } from '../../../src/model/money.js';

export type MoneyInput =
  /** an amount in 万元, as an exact decimal string ("312.95", "-0.5") */
  | { kind: 'amount'; value: string }
  /** the field left empty */
  | { kind: 'empty' }
  /** written as nothing: 无, —, 0 is NOT this */
  | { kind: 'none'; text: string }
  | { kind: 'invalid'; message: string };

const FULL_WIDTH = /[０-９．，－＋]/g;

/** Full-width digits and signs → ASCII (only those: never NFKC a whole text). */
export function halfWidthDigits(s: string): string {
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const NONE_WORDS = new Set(['无', '—', '——', '-', '--', '/', '不适用', '未发生']);

/** Read what was typed into a 万元 money field. */
export function parseMoneyInput(raw: string): MoneyInput {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (NONE_WORDS.has(text)) return { kind: 'none', text };
  let s = halfWidthDigits(text).replace(/\s+/g, '');
  s = s.replace(/^[¥￥]/, '');
  let unit: '万元' | '元' = '万元';
  if (/万元$|万$/.test(s)) s = s.replace(/万元$|万$/, '');
  else if (/元$/.test(s)) {
    s = s.replace(/元$/, '');
    unit = '元';
  }
  // thousands separators only in their proper places: 1,234,567.89
  if (s.includes(',')) {
    if (!/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) {
      return { kind: 'invalid', message: '千分位逗号的位置不对，请直接输入数字，如 1234.56' };
    }
    s = s.replace(/,/g, '');
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    return { kind: 'invalid', message: '请输入金额（万元），如 312.95；没有发生请填“无”' };
  }
  if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.startsWith('.')) s = `0${s}`;
  if (s.startsWith('-.')) s = `-0${s.slice(1)}`;
  if (unit === '元') {
    // 元 → 万元 exactly; keep at least two decimals as money is written
    const wan = yuanToWan(s);
    const places = Math.max(2, wan.decimalPlaces());
    return { kind: 'amount', value: wan.toFixed(places) };
  }
  // strip redundant leading zeros ("007.5" → "7.5") but keep the decimals as typed ("1.50" stays)
  const neg = s.startsWith('-');
  const body = (neg ? s.slice(1) : s).replace(/^0+(?=\d)/, '');
  const value = neg && new Dec(body).isZero() ? body : `${neg ? '-' : ''}${body}`;
  return { kind: 'amount', value };
}

/** A 万元 decimal string for display with thousands separators: "1234567.5" → "1,234,567.5". */
export function groupThousands(value: string): string {
  const [int = '', frac] = value.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Sum of decimal strings, exactly (undefined entries skipped); undefined when none is given. */
export function sumDecimals(values: readonly (string | undefined)[]): string | undefined {
  const present = values.filter((v): v is string => v !== undefined);
  if (present.length === 0) return undefined;
  return present.reduce((acc, v) => acc.plus(v), new Dec(0)).toString();
}
