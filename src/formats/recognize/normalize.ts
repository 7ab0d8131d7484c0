/**
 * Text helpers shared by the recogniser. Cell and paragraph text arrives as written (line breaks inside cells,
 * full-width punctuation, numbering); these give (a) the text to store, with the breaks Word or a PDF put into a
 * label joined back, and (b) a matching key that ignores numbering, padding, brackets and quotes.
 */

function isPadding(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x3000 ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** Text without padding at either end: spaces, full-width spaces, tabs, line breaks, NBSP, BOM. */
export function pad(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isPadding(text.charCodeAt(a))) a++;
  while (b > a && isPadding(text.charCodeAt(b - 1))) b--;
  return a === 0 && b === text.length ? text : text.slice(a, b);
}

const FULL_WIDTH_DIGITS = /[\uff10-\uff19]/g;
const HAS_FULL_WIDTH_DIGIT = /[\uff10-\uff19]/;
const fullWidthToAscii = (c: string): string => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/** Full-width digits → ASCII digits (nothing else: Chinese punctuation stays as written). */
export function asciiDigits(text: string): string {
  return HAS_FULL_WIDTH_DIGIT.test(text) ? text.replace(FULL_WIDTH_DIGITS, fullWidthToAscii) : text;
}

const WORDISH = /[A-Za-z0-9]/;

/**
 * A cell's lines joined into one: "数量\n\n指标" → "数量指标", "年度预\n\n算申请\n（万元）" → "年度预算申请（万元）".
 * Pieces are joined without a space, except between two Latin letters or digits.
 */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return pad(text);
  let out = '';
  for (const raw of text.split('\n')) {
    const piece = pad(raw);
    if (piece === '') continue;
    if (out !== '' && WORDISH.test(out[out.length - 1]!) && WORDISH.test(piece[0]!)) out += ' ';
    out += piece;
  }
  return out;
}

/** Free text from a cell or several: lines padded, empty lines dropped, joined with "\n". */
export function freeText(text: string): string {
  return text
    .split('\n')
    .map(pad)
    .filter((l) => l !== '')
    .join('\n');
}

const QUOTES = new Set([0x22, 0x27, 0x201c, 0x201d, 0x2018, 0x2019, 0x300c, 0x300d, 0x300e, 0x300f]);

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e]/;

/** Full-width ASCII variants (！ to ～) → ASCII, for matching keys only. */
function halfWidth(text: string): string {
  return HAS_FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH, fullWidthToAscii) : text;
}

/** One pass: padding and quotes dropped, full-width ASCII folded. */
function squeeze(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isPadding(c) || QUOTES.has(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    out += String.fromCharCode(c);
  }
  return out;
}

const LEADING_NUMBERING =
  /^(?:\d{1,2}[、.](?!\d)|\(\d{1,2}\)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|[\u2460-\u2473]|[a-zA-Z][、.)])/;
const LEADING_OTHER = /^(?:其中[:：]?|\d{4}年度?)/;

/** labelKey results: labels repeat within and across documents; a pure function, so a bounded memo is safe. */
const KEYS = new Map<string, string>();
const MAX_KEYS = 20_000;

/**
 * Matching key of a label: no padding or line breaks, full-width ASCII folded, quotes removed, leading numbering
 * ("1、", "（一）", "①"), a leading 其中：, a leading year ("2023年"), bracketed notes ("（万元）", "（境）") and a
 * trailing colon removed. "   1、公务用车购置和维护经费" → "公务用车购置和维护经费"; "因公出国（境）费" → "因公出国费".
 */
export function labelKey(text: string): string {
  const hit = KEYS.get(text);
  if (hit !== undefined) return hit;
  let s = squeeze(text);
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LEADING_NUMBERING, '').replace(LEADING_OTHER, '');
    if (s === before) break;
  }
  if (s.includes('(')) s = s.replace(/\([^()]*\)/g, '');
  if (s.includes('[') || s.includes('【')) s = s.replace(/[[【][^\]】]*[\]】]/g, '');
  s = s.replace(/[:：]+$/, '');
  if (text.length <= 64) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    KEYS.set(text, s);
  }
  return s;
}

/** Points written in a heading cell: "产出指标（50分)" → "50", "预算执行情况(10分)" → "10". */
export function pointsOf(text: string): string | undefined {
  const s = halfWidth(asciiDigits(joinLines(text)));
  const m = /\(\s*(\d+(?:\.\d+)?)\s*分\s*\)?|(\d+(?:\.\d+)?)\s*分\s*$/.exec(s);
  if (!m) return undefined;
  return m[1] ?? m[2];
}

/** A label without its points note: "产出指标（50分)" → "产出指标". */
export function withoutPoints(text: string): string {
  return joinLines(text)
    .replace(/[（(]\s*[\d０-９]+(?:\.\d+)?\s*分\s*[)）]?\s*$/, '')
    .replace(/\s*[\d０-９]+(?:\.\d+)?\s*分\s*$/, '')
    .trim();
}

/** A template placeholder: "……", "…", "...", "。。。". */
export function isPlaceholderText(text: string): boolean {
  return /^[….。·．\-—\s\u3000]+$/.test(text) && /[….。·．]/.test(text);
}

/** Template notes printed in the forms ("（一个专项一行）"), removed from stored labels. */
const TEMPLATE_NOTES = [
  /[（(]\s*一个专项一行\s*[)）]/g,
  /[（(]\s*可根据实际情况增减\s*[)）]/g,
  /[（(]\s*自行添加\s*[)）]/g,
];

export function withoutTemplateNotes(text: string): string {
  let s = text;
  for (const re of TEMPLATE_NOTES) s = s.replace(re, '');
  return pad(s);
}

/** Does the text hold a number (the value cells of a table), as opposed to a label? */
export function looksNumeric(text: string): boolean {
  return /^[≥≤><=＝＞＜]?\s*-?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?\s*(?:%|％|万元|元|人|分)?$/.test(pad(text));
}

/** "——", "—", "-", "/", "无": a cell explicitly left without a value. */
export function looksNone(text: string): boolean {
  return /^(?:—+|-+|－+|\/|／|无|不适用)$/.test(pad(text));
}
