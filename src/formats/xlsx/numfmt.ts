import { Dec } from '../../model/index.js';

/**
 * Render a number the way a spreadsheet shows it under its number format, so that 0.3 stored under '0.00'
 * reads "0.30" and 1 under '0%' reads "100%". Covers the formats financial tables use: fixed decimals,
 * optional digits (#), thousands separators, percentages, literal text ("万元"), colour and locale tags,
 * sign sections. Anything more exotic (fractions, scientific, conditions) falls back to General.
 */
export function formatCellNumber(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  const fmt = (numFmt ?? '').trim();
  if (fmt === '' || /^general$/i.test(fmt) || fmt === '@') return formatGeneral(value);
  const sections = splitSections(fmt);
  let section: string;
  let v = value;
  if (value > 0 || (value === 0 && sections.length < 3)) section = sections[0]!;
  else if (value < 0) {
    if (sections.length >= 2 && sections[1]!.trim() !== '') {
      section = sections[1]!;
      v = -value; // the negative section writes its own sign
    } else section = sections[0]!;
  } else section = sections[2]!;
  if (/\[[<>=]/.test(section)) return formatGeneral(value);
  const cleaned = section.replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, (_m, sym: string) => (sym ? `"${sym}"` : ''));
  const withoutTags = cleaned.replace(/\[[^\]]*\]/g, '');
  const tokens = tokenize(withoutTags);
  const code = tokens
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  const unquoted = withoutTags.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/[eE][+-]/.test(unquoted) || (/\//.test(code) && /[0#?]/.test(code))) return formatGeneral(value);
  if (/[yYmMdDhHsS]/.test(code.replace(/[eE][+-]/g, ''))) return excelSerialToIso(value);
  if (!/[0#?]/.test(code)) {
    // only literal text, e.g. a zero section "-"
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.text.replace(/[@]/g, ''))).join('');
  }
  return renderNumber(v, tokens, value < 0 && v === value);
}

/** Excel's General format: up to 15 significant digits, never in exponent form. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  return new Dec(value.toPrecision(15)).toFixed();
}

/** A spreadsheet date serial (1900 system) as ISO text. */
export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return dateToIso(new Date(ms));
}

/** A Date read from a workbook (exceljs builds them in UTC) as ISO text: date, date-time or time. */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  const time = s === 0 ? `${p(h)}:${p(m)}` : `${p(h)}:${p(m)}:${p(s)}`;
  // a time of day alone sits on the serial's day zero (1899-12-30/31)
  if (d.getUTCFullYear() === 1899) return time;
  return `${date}T${time}`;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '\\' && !quoted && i + 1 < fmt.length) {
      cur += c + fmt[++i]!;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') bracket = true;
    else if (!quoted && c === ']') bracket = false;
    if (c === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

interface Token {
  kind: 'code' | 'literal';
  text: string;
}

function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const lit = (t: string) => out.push({ kind: 'literal', text: t });
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end;
    } else if (c === '\\' && i + 1 < section.length) lit(section[++i]!);
    else if (c === '_' && i + 1 < section.length) {
      lit(' ');
      i++;
    } else if (c === '*' && i + 1 < section.length) i++;
    else if ('0#?.,%'.includes(c) || /[eE/]/.test(c) || /[yYmMdDhHsS]/.test(c)) out.push({ kind: 'code', text: c });
    else if (c === '@') continue;
    else lit(c);
  }
  return out;
}

function renderNumber(value: number, tokens: Token[], negative: boolean): string {
  // Locate the digit placeholders: integer part, decimal point, fraction part, percent signs, scaling commas.
  const codeIdx = tokens.map((t, i) => (t.kind === 'code' && /[0#?]/.test(t.text) ? i : -1)).filter((i) => i >= 0);
  const firstDigit = codeIdx[0]!;
  const lastDigit = codeIdx[codeIdx.length - 1]!;
  let intZeros = 0;
  let fracPlaces = 0;
  let fracZeros = 0;
  let afterPoint = false;
  let grouping = false;
  let scale = 0;
  let percents = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'code') continue;
    if (t.text === '%') percents++;
    else if (t.text === '.' && !afterPoint && i < lastDigit) afterPoint = true;
    else if (t.text === ',') {
      if (i > firstDigit && i < lastDigit && !afterPoint) grouping = true;
      else if (i > lastDigit) scale++;
    } else if (/[0#?]/.test(t.text)) {
      if (afterPoint) {
        fracPlaces++;
        if (t.text === '0') fracZeros = fracPlaces;
      } else if (t.text === '0') intZeros++;
    }
  }
  let d = new Dec(Math.abs(value).toPrecision(15));
  if (percents) d = d.mul(new Dec(100).pow(percents));
  if (scale) d = d.div(new Dec(1000).pow(scale));
  let fixed = d.toFixed(fracPlaces);
  let [intPart, fracPart = ''] = fixed.split('.');
  // optional decimal places (#) drop their trailing zeros
  while (fracPart.length > fracZeros && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  if (intPart === '0' && intZeros === 0) intPart = '';
  intPart = intPart!.padStart(intZeros, '0');
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = fracPart !== '' || (afterPoint && fracZeros > 0) ? `${intPart}.${fracPart}` : intPart;
  if (fixed === '') fixed = '0';
  const prefix = tokens
    .slice(0, firstDigit)
    .filter((t) => t.kind === 'literal')
    .map((t) => t.text)
    .join('');
  const suffix = tokens
    .slice(lastDigit + 1)
    .map((t) => (t.kind === 'literal' ? t.text : t.text === '%' ? '%' : ''))
    .join('');
  const sign = negative && /[1-9]/.test(fixed) ? '-' : '';
  return `${sign}${prefix}${fixed}${suffix}`;
}
