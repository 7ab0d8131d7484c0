/**
 * The quantity parser: what a written cell value means ("≥95%", "1600余篇", "不超过182.32万元", "2023年12月31日前",
 * "当年已完成", "提升", "——").
 *
 * Design (decisions are marked DECISION and pinned by test/model/quantity.test.ts):
 * - The text is first cleaned of padding, then only the characters the grammar needs are mapped to ASCII
 *   (full-width digits/letters, ．％＋－＜＞＝～／, ≧≦): the whole text is never NFKC-normalised, so Chinese
 *   punctuation in kept text (qualitative wording, context) is untouched.
 * - Whitespace is dropped unless it sits between two ASCII letters/digits (PDF text puts spaces between CJK and digits).
 * - A hand-written scanner (no backtracking regular expressions over the input) tries the whole cell as one value:
 *   `prefix* (date | range | number) suffix*`. Prefixes are comparator symbols and words, approximation words,
 *   currency signs, a parenthesised unit; suffixes are 以上/以下/以内/左右/余/多/前/后… .
 * - When the whole cell is not one value but it holds exactly one number, range or date among words
 *   ("完成1050篇", "2023年12月31日前完成"), that value is returned with the words in `context`.
 * - Text without digits that is not a value is qualitative (提升, 已完成, 优); text with digits that cannot be
 *   understood ("12.3.4.5", "≥≥3", several numbers in one sentence) is unparsed.
 * - Values are exact decimal strings as written (thousands separators removed, leading zeros dropped, trailing zeros
 *   kept: "0.30" stays "0.30"); 万/亿/千 multipliers are applied exactly with Dec ("1.2万次" → "12000" 次).
 */
import nzh from 'nzh/cn';
import type { Approx, Comparator, Figure, Quantity } from './figure.js';
import { Dec } from './money.js';

// ---------------------------------------------------------------------------------------------------------------
// Cleaning

/** Padding people put in cells: whitespace (ASCII, full-width, NBSP, line breaks), zero-width characters, BOM. */
function isPadding(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The cell text without the padding around it (inner text untouched). Linear time, no regular expression. */
export function cleanCellText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPadding(text.charCodeAt(start))) start++;
  while (end > start && isPadding(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiAlnumCode = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigitAt = (s: string, i: number): boolean => i < s.length && isDigitCode(s.charCodeAt(i));
const isAsciiAlnumAt = (s: string, i: number): boolean => i >= 0 && i < s.length && isAsciiAlnumCode(s.charCodeAt(i));
const isAsciiLetterAt = (s: string, i: number): boolean => isAsciiAlnumAt(s, i) && !isDigitAt(s, i);
function isIdeograph(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** A table lookup that ignores Object.prototype ("toString" is not a key of ours). */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Characters mapped for parsing only (one UTF-16 unit to one, so positions stay aligned). */
const CHAR_MAP: Readonly<Record<string, string>> = {
  '．': '.',
  '％': '%',
  '﹪': '%',
  '＋': '+',
  '－': '-',
  '−': '-',
  '﹣': '-',
  '＜': '<',
  '＞': '>',
  '＝': '=',
  '﹤': '<',
  '﹥': '>',
  '﹦': '=',
  '≧': '≥',
  '≦': '≤',
  '⩾': '≥',
  '⩽': '≤',
  '～': '~',
  '〜': '~',
  '∼': '~',
  '／': '/',
  '＼': '\\',
  '¥': '￥',
};

const MAPPED = new RegExp(
  `[\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a${Object.keys(CHAR_MAP)
    .join('')
    .replace(/[\\\]^-]/g, '\\$&')}]`,
  'g',
);

function mapChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 0x30);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  return own(CHAR_MAP, ch) ?? ch;
}

/** MAPPED without the global flag, to test (most cells hold nothing to map). */
const HAS_MAPPED = new RegExp(MAPPED.source);

function mapChars(s: string): string {
  return HAS_MAPPED.test(s) ? s.replace(MAPPED, mapChar) : s;
}

/** Whitespace runs (same set as isPadding). A single character class with `+`: linear, no backtracking. */
const SPACE_RUN = /[\t-\r \u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+/g;
const HAS_SPACE = new RegExp(SPACE_RUN.source);

/** Drop whitespace, except one space between two ASCII letters/digits ("N A", "60 80" stay apart). */
function squeezeSpaces(s: string): string {
  if (!HAS_SPACE.test(s)) return s;
  return s.replace(SPACE_RUN, (run: string, offset: number) =>
    isAsciiAlnumAt(s, offset - 1) && isAsciiAlnumAt(s, offset + run.length) ? ' ' : '',
  );
}

const TRAILING_PUNCTUATION = '。；;，,、！!？?：:';
const WRAPPING_QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['"', '"'],
  ['‘', '’'],
  ["'", "'"],
  ['「', '」'],
  ['『', '』'],
];

/** Strip sentence punctuation at the end and quotes around the whole text ("提升。" → 提升, “提升” → 提升). */
function trimWording(s: string): string {
  if (s === '') return s;
  // nothing to trim (the common case): no sentence punctuation at the end, no quote at the start, no padding
  const first = s[0]!;
  const last = s[s.length - 1]!;
  if (
    !TRAILING_PUNCTUATION.includes(last) &&
    !WRAPPING_QUOTES.some(([open]) => open === first) &&
    !isPadding(s.charCodeAt(0)) &&
    !isPadding(s.charCodeAt(s.length - 1))
  ) {
    return s;
  }
  let t = s;
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    let end = t.length;
    while (end > 0 && TRAILING_PUNCTUATION.includes(t[end - 1]!)) end--;
    t = t.slice(0, end);
    for (const [open, close] of WRAPPING_QUOTES) {
      if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) t = t.slice(1, -1);
    }
    t = cleanCellText(t);
    if (t === before) break;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Word tables. Lists are matched longest first, so 不超过 wins over 超过 and 个月 over 个.

/** A word list, longest first, with its entries grouped by first character (one lookup instead of a scan). */
interface WordList<T extends readonly [string, ...unknown[]]> {
  readonly entries: readonly T[];
  readonly byFirst: ReadonlyMap<number, readonly T[]>;
}

function byFirstChar<T>(list: readonly T[], word: (entry: T) => string): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const entry of list) {
    const c = word(entry).charCodeAt(0);
    const bucket = map.get(c);
    if (bucket) bucket.push(entry);
    else map.set(c, [entry]);
  }
  return map;
}

function byLengthDesc<T extends readonly [string, ...unknown[]]>(list: readonly T[]): WordList<T> {
  const entries = [...list].sort((a, b) => b[0].length - a[0].length);
  return { entries, byFirst: byFirstChar(entries, (e) => e[0]) };
}

/** The first entry (longest first) of `list` written at s[i]. */
function matchList<T extends readonly [string, ...unknown[]]>(s: string, i: number, list: WordList<T>): T | undefined {
  const bucket = list.byFirst.get(s.charCodeAt(i));
  if (bucket === undefined) return undefined;
  for (const entry of bucket) if (s.startsWith(entry[0], i)) return entry;
  return undefined;
}

/** Comparator symbols (after mapChars). "≥≥" is not a comparator: a second symbol makes the cell unparsed. */
const COMPARATOR_SYMBOLS = byLengthDesc<readonly [string, Comparator]>([
  ['>=', '>='],
  ['=>', '>='],
  ['≥=', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['≤=', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['≮', '>='],
  ['≯', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
]);

/**
 * Comparator words written before a value.
 * DECISION: 达到 is '>=' (a target "达到95%"); 控制在 is '<=' (and also allows a range: 控制在60%-80%);
 * 不超过 is '<=' while a bare 超过/超 is the approximation 'over' (see APPROX_PREFIXES).
 */
const COMPARATOR_WORDS = byLengthDesc<readonly [string, Comparator]>([
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不得低于', '>='],
  ['不得少于', '>='],
  ['不应低于', '>='],
  ['应不低于', '>='],
  ['大于等于', '>='],
  ['大于或等于', '>='],
  ['高于或等于', '>='],
  ['达到', '>='],
  ['至少', '>='],
  ['最少', '>='],
  ['最低', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不超出', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['不得超过', '<='],
  ['不得高于', '<='],
  ['不应超过', '<='],
  ['小于等于', '<='],
  ['小于或等于', '<='],
  ['低于或等于', '<='],
  ['控制在', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['最高', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['不足', '<'],
  ['不到', '<'],
  ['不满', '<'],
  ['等于', '='],
]);

/** Comparator words that only make sense before a date (deadline words). */
const DATE_PREFIX_WORDS = byLengthDesc<readonly [string, Comparator]>([
  ['不晚于', '<='],
  ['不迟于', '<='],
  ['不早于', '>='],
  ['截至', '<='],
  ['截止', '<='],
  ['截止到', '<='],
  ['截至到', '<='],
  ['早于', '<'],
  ['晚于', '>'],
]);

/**
 * Approximation words written before a number.
 * DECISION: 超/超过/超出/逾 are 'over' (prose: "超20万元", "点击量超一万"), never a comparator; a target written
 * "超过95%" therefore reads as number 95 % with approx 'over', which scoring may treat as '>'.
 */
const APPROX_PREFIXES = byLengthDesc<readonly [string, Approx]>([
  ['约', 'about'],
  ['约为', 'about'],
  ['大约', 'about'],
  ['大概', 'about'],
  ['大致', 'about'],
  ['近', 'nearly'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['超', 'over'],
  ['超过', 'over'],
  ['超出', 'over'],
  ['逾', 'over'],
]);

interface SuffixEffect {
  comparator?: Comparator;
  approx?: Approx;
  /** 之间: only after a range */
  between?: true;
}

/** Words after a number (after its unit). 余/多 may also stand between the number and its unit (1600余篇). */
const NUMBER_SUFFIXES = byLengthDesc<readonly [string, SuffixEffect]>([
  ['以上', { comparator: '>=' }],
  ['及以上', { comparator: '>=' }],
  ['或以上', { comparator: '>=' }],
  ['以下', { comparator: '<=' }],
  ['及以下', { comparator: '<=' }],
  ['或以下', { comparator: '<=' }],
  ['以内', { comparator: '<=' }],
  ['之内', { comparator: '<=' }],
  ['内', { comparator: '<=' }],
  ['左右', { approx: 'about' }],
  ['上下', { approx: 'about' }],
  ['余', { approx: 'more' }],
  ['多', { approx: 'more' }],
  ['之间', { between: true }],
  ['(含)', {}],
  ['（含）', {}],
  ['整', {}],
]);

/** Words after a date. DECISION: 前 means "by", the day itself included: '<='. */
const DATE_SUFFIXES = byLengthDesc<readonly [string, SuffixEffect]>([
  ['前', { comparator: '<=' }],
  ['之前', { comparator: '<=' }],
  ['以前', { comparator: '<=' }],
  ['及以前', { comparator: '<=' }],
  ['内', { comparator: '<=' }],
  ['以内', { comparator: '<=' }],
  ['之内', { comparator: '<=' }],
  ['后', { comparator: '>=' }],
  ['之后', { comparator: '>=' }],
  ['以后', { comparator: '>=' }],
  ['及以后', { comparator: '>=' }],
  ['以上', { comparator: '>=' }],
  ['以下', { comparator: '<=' }],
  ['止', {}],
  ['(含)', {}],
  ['（含）', {}],
]);

/** Units that begin with a multiplier character and stay units: "1.2万元" is 1.2 万元, not 12000 元. */
const MULTIPLIER_UNITS: readonly string[] = ['万元', '亿元', '千元', '千米', '千克', '千瓦时', '千瓦', '百分点'];

/** Multipliers after an Arabic number: "12万" → 120000, "1.5亿" → 150000000. */
const MULTIPLIERS = byLengthDesc<readonly [string, number]>([
  ['千万', 7],
  ['百万', 6],
  ['亿', 8],
  ['万', 4],
  ['千', 3],
]);

/** Known units (CJK and ASCII). Any other single CJK measure word after a number is accepted in a whole cell. */
const UNIT_LIST: readonly string[] = [
  ...MULTIPLIER_UNITS,
  ...['元', '%', '‰', '个百分点', '分', '倍', '成'],
  ...['个', '次', '人', '人次', '户次', '家次', '家', '户', '名', '位', '篇', '条', '场', '场次', '期', '期次'],
  ...['项', '件', '辆', '台', '台次', '套', '份', '所', '座', '处', '间', '栋', '幢', '层', '部', '集', '本', '册'],
  ...['张', '页', '块', '头', '只', '株', '棵', '批', '批次', '支', '站', '单', '枚', '档', '版', '幅', '首', '组'],
  ...['类', '种', '村', '节', '门', '轮', '届', '例', '宗', '起', '笔', '票', '封', '道', '片', '对', '双', '架次'],
  ...['车次', '课时', '学时', '级', '星', '岁', '字', '人日', '工日', '个工作日', '工作日'],
  ...['天', '日', '周', '个月', '月', '年', '季度', '个季度', '小时', '分钟', '秒'],
  ...['㎡', '㎞', '㎏', '平方米', '平米', '平方公里', '平方千米', '亩', '公顷', '公里', '米', '厘米', '毫米'],
  ...['吨', '公斤', '克', '斤', '升', '毫升', '立方米', '方', '度', '瓦', '兆瓦', '户籍'],
  ...['km', 'cm', 'mm', 'm2', 'm²', 'm3', 'm³', 'm', 'kg', 't', 'h', 'min', 'GB', 'MB', 'TB', 'KB'],
  ...['kWh', 'kW', 'MW', 'Mbps', 'M'],
].sort((a, b) => b.length - a.length);

/** Second halves of compound units: 元/人, 次/年, 人次/月. */
const PER_UNITS: readonly string[] = [
  ...['人次', '人', '天', '日', '周', '月', '年', '次', '个', '件', '户', '项', '份', '辆', '台', '季度', '小时'],
  ...['㎡', '平方米', '亩', 'km', '公里', 'h'],
].sort((a, b) => b.length - a.length);

/** Characters that never start a guessed unit: suffix words, verbs and particles (1050完成 is not unit 完). */
const NOT_A_UNIT =
  '以左上下内之前后余多整及或约近超完达已的是否和与等为在至到间含共不未每均年月日零一二三四五六七八九十百千万亿两点';

const UNITS_BY_FIRST = byFirstChar(UNIT_LIST, (u) => u);

function matchUnit(s: string, i: number): string | undefined {
  const bucket = UNITS_BY_FIRST.get(s.charCodeAt(i));
  if (bucket === undefined) return undefined;
  for (const u of bucket) {
    if (!s.startsWith(u, i)) continue;
    // ASCII units must end at a word boundary ("5m" yes, "5min" is min, "5mx" no)
    if (isAsciiLetterAt(s, i + u.length) && /^[A-Za-z]/.test(u)) continue;
    return u;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

interface NumberToken {
  /** canonical decimal string, multiplier applied */
  value: string;
  /** value before a multiplier (for "1-2万": the low end borrows the high end's multiplier) */
  raw: string;
  exponent: number;
  end: number;
}

function canonicalDecimal(negative: boolean, intPart: string, fracPart: string): string {
  let k = 0;
  while (k < intPart.length - 1 && intPart[k] === '0') k++;
  const int = intPart.slice(k);
  const isZero = /^0*$/.test(int) && /^0*$/.test(fracPart);
  return `${negative && !isZero ? '-' : ''}${int}${fracPart ? `.${fracPart}` : ''}`;
}

function scaled(value: string, exponent: number): string {
  if (exponent === 0) return value;
  const text = new Dec(value).mul(new Dec(10).pow(exponent)).toFixed();
  return text === '-0' ? '0' : text;
}

/** An Arabic number: sign, digits with optional thousands separators (1,600 / 1，600), decimals. */
function scanArabic(s: string, i: number): { value: string; end: number } | undefined {
  let j = i;
  let negative = false;
  if (s[j] === '-' || s[j] === '+') {
    negative = s[j] === '-';
    j++;
  }
  const intStart = j;
  while (isDigitAt(s, j)) j++;
  if (j === intStart) return undefined;
  let intPart = s.slice(intStart, j);
  if (intPart.length <= 3) {
    let k = j;
    let grouped = intPart;
    while (
      (s[k] === ',' || s[k] === '，') &&
      isDigitAt(s, k + 1) &&
      isDigitAt(s, k + 2) &&
      isDigitAt(s, k + 3) &&
      !isDigitAt(s, k + 4)
    ) {
      grouped += s.slice(k + 1, k + 4);
      k += 4;
    }
    if (k !== j) {
      intPart = grouped;
      j = k;
    }
  }
  let fracPart = '';
  if (s[j] === '.' && isDigitAt(s, j + 1)) {
    let k = j + 1;
    while (isDigitAt(s, k)) k++;
    fracPart = s.slice(j + 1, k);
    j = k;
  }
  return { value: canonicalDecimal(negative, intPart, fracPart), end: j };
}

// Chinese numerals: scanned and checked here, decoded by nzh.

const CN_FORMS: Readonly<Record<string, string>> = {
  两: '二',
  〇: '零',
  '○': '零',
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  萬: '万',
  億: '亿',
};
const CN_DIGITS = '零一二三四五六七八九';
const CN_NUMERAL_CHARS = `${CN_DIGITS}十百千万亿点${Object.keys(CN_FORMS).join('')}`;
const D = '[一二三四五六七八九]';
const SECTION = `(?:${D}千)?(?:零?${D}百)?(?:零?${D}?十)?(?:零?${D})?`;
/** Well-formed Chinese integers up to 亿 (the run is at most 40 characters; no nested quantifiers). */
const CN_INTEGER = new RegExp(`^(?:${SECTION}亿)?(?:零?${SECTION}万)?(?:零?${SECTION})?$`);
const CN_NEXT_UNIT: Readonly<Record<string, string>> = { 百: '十', 千: '百', 万: '千', 亿: '千万' };
const MAX_CN_RUN = 40;
const isChineseNumeralChar = (ch: string | undefined): boolean => ch !== undefined && CN_NUMERAL_CHARS.includes(ch);
const isSmallChineseChar = (ch: string | undefined): boolean =>
  ch !== undefined && '〇零一二两三四五六七八九十'.includes(ch);

type NzhDecode = (text: string, options: { outputString: boolean }) => string;
const decodeChinese = nzh.decodeS as unknown as NzhDecode;

/** Decode a normalised Chinese numeral, or undefined when it is not one ("十十", "一般"). */
function decodeChineseNumeral(text: string): string | undefined {
  if (text === '') return undefined;
  const [intText = '', fracText, extra] = text.split('点');
  if (extra !== undefined) return undefined;
  if (fracText !== undefined && !/^[零一二三四五六七八九]+$/.test(fracText)) return undefined;
  let intValue: string;
  if (/^[零一二三四五六七八九]+$/.test(intText) && (intText.length > 1 || fracText === undefined)) {
    // digit by digit: 二零二三 → 2023, 九五 → 95 (nzh drops the zeros of such sequences)
    intValue = [...intText].map((c) => String(CN_DIGITS.indexOf(c))).join('');
  } else if (intText === '零') {
    intValue = '0';
  } else {
    // colloquial endings: 一万二 = 一万二千, 一百二 = 一百二十, 两千五 = 两千五百
    let full = intText;
    const last = full[full.length - 1];
    const unit = full[full.length - 2];
    if (last !== undefined && unit !== undefined && CN_DIGITS.includes(last) && last !== '零') {
      const next = own(CN_NEXT_UNIT, unit);
      if (next !== undefined) full += next;
    }
    if (!/[一二三四五六七八九十]/.test(full) || !CN_INTEGER.test(full)) return undefined;
    if (/(^|[亿万零])[万亿]/.test(full) || /零$/.test(full)) return undefined;
    intValue = decodeChinese(full, { outputString: true });
  }
  const frac = fracText === undefined ? '' : [...fracText].map((c) => String(CN_DIGITS.indexOf(c))).join('');
  if (!/^\d+$/.test(intValue)) return undefined;
  return canonicalDecimal(false, intValue, frac);
}

/** A Chinese numeral at i: 十二, 一万二千, 两千, 九十五点五, 二〇二三, 壹仟贰佰. */
function scanChinese(s: string, i: number): { value: string; end: number } | undefined {
  let j = i;
  while (j - i < MAX_CN_RUN && isChineseNumeralChar(s[j])) j++;
  if (j === i) return undefined;
  if (s.slice(i, j) === '○') return undefined; // a lone circle is a mark, not zero
  // 五百万元 is 五百 万元 (the report's money unit), not 5000000 元
  if (j - i > 1 && (s[j - 1] === '万' || s[j - 1] === '亿') && s[j] === '元') j--;
  for (let end = j; end > i; end--) {
    if (s[end - 1] === '点') continue;
    const normalised = [...s.slice(i, end)].map((c) => own(CN_FORMS, c) ?? c).join('');
    const value = decodeChineseNumeral(normalised);
    if (value !== undefined) return { value, end };
  }
  return undefined;
}

interface NumberItem extends NumberToken {
  unit?: string;
  approx?: Approx;
  arabic: boolean;
}

interface ScanOptions {
  /** Chinese numerals allowed (whole cells only: in prose 一 and 十 are too often words) */
  chinese: boolean;
  /** guess a unit that is not in the list when only suffix words follow it (whole cells only) */
  guessUnit: boolean;
}

/** A number with its multiplier, 余/多 and unit: "1600余篇", "1.2万次", "百分之九十五", "12万", "50元/人". */
const PER_WORDS = [
  ['百分之', '%'],
  ['千分之', '‰'],
] as const;

function scanNumberItem(s: string, i: number, opts: ScanOptions): NumberItem | undefined {
  let item: NumberItem | undefined;
  for (const [word, unit] of PER_WORDS) {
    if (!s.startsWith(word, i)) continue;
    const k = i + word.length;
    if (opts.chinese && s.startsWith('百', k) && !isChineseNumeralChar(s[k + 1])) {
      return { value: '100', raw: '100', exponent: 0, end: k + 1, unit, arabic: false }; // 百分之百
    }
    const inner = scanArabic(s, k) ?? (opts.chinese ? scanChinese(s, k) : undefined);
    if (!inner) return undefined;
    item = { value: inner.value, raw: inner.value, exponent: 0, end: inner.end, unit, arabic: false };
    break;
  }
  if (!item && opts.chinese && s.startsWith('百分百', i)) {
    item = { value: '100', raw: '100', exponent: 0, end: i + 3, unit: '%', arabic: false };
  }
  if (!item) {
    const arabic = scanArabic(s, i);
    if (arabic) {
      item = { value: arabic.value, raw: arabic.value, exponent: 0, end: arabic.end, arabic: true };
      if (!MULTIPLIER_UNITS.some((u) => s.startsWith(u, arabic.end))) {
        const mult = matchList(s, arabic.end, MULTIPLIERS);
        if (mult) {
          item.exponent = mult[1];
          item.value = scaled(arabic.value, mult[1]);
          item.end += mult[0].length;
        }
      }
    } else if (opts.chinese) {
      const cn = scanChinese(s, i);
      if (!cn) return undefined;
      item = { value: cn.value, raw: cn.value, exponent: 0, end: cn.end, arabic: false };
    } else {
      return undefined;
    }
  }
  return finishNumberItem(s, item, opts);
}

/** 余/多, then the unit (known, guessed, or compound 元/人), then 余/多 again (10年多). */
function finishNumberItem(s: string, item: NumberItem, opts: ScanOptions): NumberItem {
  const takeMore = (): void => {
    if (item.approx === undefined && (s[item.end] === '余' || s[item.end] === '多')) {
      item.approx = 'more';
      item.end++;
    }
  };
  takeMore();
  if (item.unit === undefined) {
    const unit = matchUnit(s, item.end);
    // an ASCII unit may follow one space ("95 km"); the space between ASCII characters survives squeezeSpaces
    const spaced = unit || s[item.end] !== ' ' ? undefined : matchUnit(s, item.end + 1);
    if (unit) {
      item.unit = unit;
      item.end += unit.length;
    } else if (spaced && /^[A-Za-z]/.test(spaced)) {
      item.unit = spaced;
      item.end += 1 + spaced.length;
    } else if (opts.guessUnit && item.arabic) {
      const guess = guessUnit(s, item.end);
      if (guess) {
        item.unit = guess;
        item.end += guess.length;
      }
    }
    if (item.unit !== undefined && item.unit !== '%' && item.unit !== '‰' && s[item.end] === '/') {
      const per = PER_UNITS.find((u) => s.startsWith(u, item.end + 1));
      if (per) {
        item.unit = `${item.unit}/${per}`;
        item.end += 1 + per.length;
      }
    }
  }
  takeMore();
  return item;
}

/**
 * DECISION: a measure word missing from UNIT_LIST is still a unit when the cell ends right after it (suffix words
 * aside): one CJK character not in NOT_A_UNIT, optionally followed by 次 ("3000枚", "5档", "2趟次").
 */
function guessUnit(s: string, i: number): string | undefined {
  const first = s[i];
  if (!isIdeograph(first) || NOT_A_UNIT.includes(first!)) return undefined;
  const candidates = s[i + 1] === '次' ? [`${first}次`, first!] : [first!];
  for (const unit of candidates) {
    if (suffixesReachEnd(s, i + unit.length)) return unit;
  }
  return undefined;
}

function suffixesReachEnd(s: string, i: number): boolean {
  let k = i;
  for (let guard = 0; guard < 8 && k < s.length; guard++) {
    const entry = matchList(s, k, NUMBER_SUFFIXES);
    if (!entry) return false;
    k += entry[0].length;
  }
  return k === s.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function scanYear(s: string, i: number): { year: number; end: number } | undefined {
  if (isDigitAt(s, i) && isDigitAt(s, i + 1) && isDigitAt(s, i + 2) && isDigitAt(s, i + 3) && !isDigitAt(s, i + 4)) {
    const year = Number(s.slice(i, i + 4));
    return year >= 1900 && year <= 2199 ? { year, end: i + 4 } : undefined;
  }
  const chars = s.slice(i, i + 4);
  if (chars.length === 4 && [...chars].every((c) => '零〇○一二三四五六七八九'.includes(c))) {
    const digits = [...chars].map((c) => String(CN_DIGITS.indexOf(own(CN_FORMS, c) ?? c))).join('');
    const year = Number(digits);
    return year >= 1900 && year <= 2199 ? { year, end: i + 4 } : undefined;
  }
  return undefined;
}

/** A month or day number: 1–2 Arabic digits or a small Chinese numeral (十二, 三十一). */
function scanSmall(s: string, i: number, chinese: boolean): { n: number; end: number } | undefined {
  if (isDigitAt(s, i)) {
    const end = isDigitAt(s, i + 1) ? i + 2 : i + 1;
    if (isDigitAt(s, end)) return undefined;
    return { n: Number(s.slice(i, end)), end };
  }
  if (!chinese) return undefined;
  let j = i;
  while (j - i < 3 && isSmallChineseChar(s[j])) j++;
  for (let end = j; end > i; end--) {
    const value = decodeChineseNumeral([...s.slice(i, end)].map((c) => own(CN_FORMS, c) ?? c).join(''));
    if (value !== undefined && /^\d+$/.test(value)) return { n: Number(value), end };
  }
  return undefined;
}

interface DateToken {
  date: string;
  end: number;
}

function scanDate(s: string, i: number, chinese: boolean): DateToken | undefined {
  const y = scanYear(s, i);
  if (y && (chinese || isDigitAt(s, i))) {
    const { year } = y;
    const sep = s[y.end];
    if (sep === '年') {
      let k = y.end + 1;
      if (s[k] === '度') return { date: String(year), end: k + 1 };
      if (s[k] === '底' || s[k] === '末' || s[k] === '终') return { date: `${year}-12-31`, end: k + 1 };
      const m = scanSmall(s, k, chinese);
      if (m && s[m.end] === '月' && m.n >= 1 && m.n <= 12) {
        k = m.end + 1;
        const ym = `${year}-${pad2(m.n)}`;
        if (s[k] === '底' || s[k] === '末') return { date: `${ym}-${daysInMonth(year, m.n)}`, end: k + 1 };
        if (s[k] === '份') return { date: ym, end: k + 1 };
        const d = scanSmall(s, k, chinese);
        if (d && d.n >= 1 && d.n <= daysInMonth(year, m.n)) {
          const end = s[d.end] === '日' || s[d.end] === '号' ? d.end + 1 : d.end;
          if (!isDigitAt(s, end)) return { date: `${ym}-${pad2(d.n)}`, end };
        }
        return { date: ym, end: k };
      }
      return { date: String(year), end: k };
    }
    if ((sep === '.' || sep === '-' || sep === '/') && isDigitAt(s, y.end + 1)) {
      const m = scanSmall(s, y.end + 1, false);
      if (m && m.n >= 1 && m.n <= 12) {
        const ym = `${year}-${pad2(m.n)}`;
        if (s[m.end] === sep && isDigitAt(s, m.end + 1)) {
          const d = scanSmall(s, m.end + 1, false);
          if (d && d.n >= 1 && d.n <= daysInMonth(year, m.n)) {
            return { date: `${ym}-${pad2(d.n)}`, end: s[d.end] === '日' ? d.end + 1 : d.end };
          }
          return undefined;
        }
        // DECISION: 2023-12 and 2023/12 are months; 2023.12 stays the number 2023.12
        if (sep !== '.' && s[m.end] !== '.' && !isAsciiAlnumAt(s, m.end)) return { date: ym, end: m.end };
      }
    }
    return undefined;
  }
  // no year: 12月31日 → --12-31, 12月底 → --12-31, 12月 → --12
  const m = scanSmall(s, i, chinese);
  if (!m || s[m.end] !== '月' || m.n < 1 || m.n > 12) return undefined;
  const k = m.end + 1;
  if (s[k] === '底' || s[k] === '末') return { date: `--${pad2(m.n)}-${daysInMonth(undefined, m.n)}`, end: k + 1 };
  const d = scanSmall(s, k, chinese);
  if (d && (s[d.end] === '日' || s[d.end] === '号') && d.n >= 1 && d.n <= daysInMonth(undefined, m.n)) {
    return { date: `--${pad2(m.n)}-${pad2(d.n)}`, end: d.end + 1 };
  }
  if (s[k] === '份') return { date: `--${pad2(m.n)}`, end: k + 1 };
  if (isDigitAt(s, k) || (chinese && isSmallChineseChar(s[k]))) return undefined;
  return { date: `--${pad2(m.n)}`, end: k };
}

// ---------------------------------------------------------------------------------------------------------------
// One value: prefix* (date | range | number) suffix*

interface Prefix {
  comparator?: Comparator;
  /** 控制在: a range may follow */
  control?: boolean;
  /** a deadline word (不晚于, 截至): only a date may follow */
  dateOnly?: boolean;
  /** 在 / 介于: a range followed by 之间 */
  between?: boolean;
  approx?: Approx;
  /** ￥ / 人民币 */
  currency?: boolean;
  /** (万元) written before the number */
  unit?: string;
  end: number;
}

function scanParenUnit(s: string, i: number): { unit: string; end: number } | undefined {
  const open = s[i];
  if (open !== '(' && open !== '（') return undefined;
  const unit = matchUnit(s, i + 1);
  if (!unit) return undefined;
  const close = s[i + 1 + unit.length];
  if (close !== ')' && close !== '）') return undefined;
  return { unit, end: i + unit.length + 2 };
}

function scanPrefix(s: string, i: number): Prefix | undefined {
  const p: Prefix = { end: i };
  for (let guard = 0; guard < 6; guard++) {
    const k = p.end;
    const symbol = matchList(s, k, COMPARATOR_SYMBOLS);
    const word = symbol ? undefined : matchList(s, k, COMPARATOR_WORDS);
    const dateWord = symbol || word ? undefined : matchList(s, k, DATE_PREFIX_WORDS);
    const cmp = symbol ?? word ?? dateWord;
    if (cmp) {
      if (p.comparator !== undefined) return undefined; // "≥≥3", "不低于≥3"
      p.comparator = cmp[1];
      if (cmp[0] === '控制在') p.control = true;
      if (dateWord) p.dateOnly = true;
      p.end += cmp[0].length;
      continue;
    }
    const approx = matchList(s, k, APPROX_PREFIXES);
    if (approx) {
      if (p.approx !== undefined) return undefined;
      p.approx = approx[1];
      p.end += approx[0].length;
      continue;
    }
    if (s[k] === '￥' || s.startsWith('人民币', k)) {
      if (p.currency) return undefined;
      p.currency = true;
      p.end += s[k] === '￥' ? 1 : 3;
      continue;
    }
    const between = s.startsWith('介于', k) ? 2 : s[k] === '在' ? 1 : 0;
    if (between && !p.between) {
      p.between = true;
      p.end += between;
      continue;
    }
    const paren = scanParenUnit(s, k);
    if (paren && p.unit === undefined) {
      p.unit = paren.unit;
      p.end = paren.end;
      continue;
    }
    break;
  }
  return p;
}

interface Parsed {
  q: Quantity;
  end: number;
}

type Mode = 'whole' | 'embedded';

/** Merge a comparator; false on a contradiction ("≤95%以上"). */
function mergeComparator(current: Comparator | undefined, next: Comparator): Comparator | false {
  return current === undefined || current === next ? next : false;
}

interface Tail {
  comparator?: Comparator;
  approx?: Approx;
  unit?: string;
  between?: boolean;
  end: number;
}

/** Suffix words (and a parenthesised unit) after a value; undefined on a contradiction. */
function scanSuffixes(
  s: string,
  i: number,
  table: WordList<readonly [string, SuffixEffect]>,
  start: Omit<Tail, 'end'>,
  units = true,
): Tail | undefined {
  const t: Tail = {
    comparator: start.comparator,
    approx: start.approx,
    unit: start.unit,
    between: start.between,
    end: i,
  };
  for (let guard = 0; guard < 8 && t.end < s.length; guard++) {
    const entry = matchList(s, t.end, table);
    if (entry) {
      const effect = entry[1];
      if (effect.comparator) {
        const merged = mergeComparator(t.comparator, effect.comparator);
        if (merged === false) return undefined;
        t.comparator = merged;
      }
      if (effect.approx) {
        if (t.approx !== undefined && t.approx !== effect.approx) return undefined;
        t.approx = effect.approx;
      }
      if (effect.between) t.between = true;
      t.end += entry[0].length;
      continue;
    }
    const paren = units ? scanParenUnit(s, t.end) : undefined;
    if (paren) {
      if (t.unit !== undefined && t.unit !== paren.unit) return undefined;
      t.unit = paren.unit;
      t.end = paren.end;
      continue;
    }
    break;
  }
  return t;
}

const MONEY_UNITS = new Set(['元', '万元', '亿元', '千元']);

/** The unit of a number once the prefix (￥, (万元)) and the number's own unit are put together. */
function resolveUnit(prefix: Prefix, own: string | undefined, tail: string | undefined): string | undefined | false {
  let unit = own;
  for (const other of [prefix.unit, tail]) {
    if (other === undefined) continue;
    if (unit !== undefined && unit !== other) return false;
    unit = other;
  }
  if (prefix.currency) {
    if (unit === undefined) return '元';
    if (!MONEY_UNITS.has(unit)) return false;
  }
  return unit;
}

function tryDate(s: string, p: Prefix, mode: Mode): Parsed | undefined {
  if (p.approx || p.currency || p.unit) return undefined;
  const d = scanDate(s, p.end, mode === 'whole');
  if (!d) return undefined;
  const tail = scanSuffixes(s, d.end, DATE_SUFFIXES, p.comparator ? { comparator: p.comparator } : {}, false);
  if (!tail) return undefined;
  const q: Quantity = { kind: 'date', date: d.date };
  if (tail.comparator) q.comparator = tail.comparator;
  return { q, end: tail.end };
}

const RANGE_SEPARATORS = byLengthDesc<readonly [string]>([['~'], ['-'], ['—'], ['——'], ['–'], ['―'], ['至'], ['到']]);

function tryRange(s: string, p: Prefix, mode: Mode): Parsed | undefined {
  if (p.approx || p.dateOnly || (p.comparator && !p.control)) return undefined;
  const opts: ScanOptions = { chinese: mode === 'whole', guessUnit: false };
  const low = scanNumberItem(s, p.end, opts);
  if (!low || low.approx) return undefined;
  const sep = matchList(s, low.end, RANGE_SEPARATORS);
  if (!sep) return undefined;
  const high = scanNumberItem(s, low.end + sep[0].length, { ...opts, guessUnit: mode === 'whole' });
  if (!high || high.approx) return undefined;
  if (low.unit !== undefined && high.unit !== undefined && low.unit !== high.unit) return undefined;
  const tail = scanSuffixes(s, high.end, NUMBER_SUFFIXES, {});
  if (!tail || tail.comparator || tail.approx) return undefined;
  const unit = resolveUnit(p, high.unit ?? low.unit, tail.unit);
  if (unit === false) return undefined;
  // "1-2万人": the low end takes the high end's multiplier
  const lowValue = low.exponent === 0 && high.exponent !== 0 ? scaled(low.raw, high.exponent) : low.value;
  if (new Dec(lowValue).gt(high.value)) return undefined; // DECISION: a reversed range is not understood
  const q: Quantity = { kind: 'range', low: lowValue, high: high.value };
  if (unit !== undefined) q.unit = unit;
  return { q, end: tail.end };
}

function tryNumber(s: string, p: Prefix, mode: Mode): Parsed | undefined {
  if (p.dateOnly) return undefined;
  const item = scanNumberItem(s, p.end, { chinese: mode === 'whole', guessUnit: mode === 'whole' });
  if (!item) return undefined;
  // DECISION: what reads as a date (12月, 2023年) is a date or nothing, never the number 12 with unit 月
  if ((item.unit === '年' || item.unit === '月' || item.unit === '日') && scanDate(s, p.end, mode === 'whole')) {
    return undefined;
  }
  // DECISION: "约1600余篇" says "about" twice; the word written first (约) is kept
  const start: Omit<Tail, 'end'> = {};
  if (p.comparator) start.comparator = p.comparator;
  const approx = p.approx ?? item.approx;
  if (approx) start.approx = approx;
  const tail = scanSuffixes(s, item.end, NUMBER_SUFFIXES, start);
  if (!tail || tail.between) return undefined;
  const unit = resolveUnit(p, item.unit, tail.unit);
  if (unit === false) return undefined;
  const q: Quantity = { kind: 'number', value: item.value };
  if (unit !== undefined) q.unit = unit;
  if (tail.comparator) q.comparator = tail.comparator;
  if (tail.approx) q.approx = tail.approx;
  return { q, end: tail.end };
}

/** The value starting at i: in 'whole' mode it must reach the end of s; in 'embedded' mode the longest wins. */
function parseValueAt(s: string, i: number, mode: Mode): Parsed | undefined {
  const p = scanPrefix(s, i);
  if (!p || p.end >= s.length) return undefined;
  let best: Parsed | undefined;
  for (const attempt of [tryDate, tryRange, tryNumber]) {
    const r = attempt(s, p, mode);
    if (!r) continue;
    if (mode === 'whole') {
      if (r.end === s.length) return r;
    } else if (!best || r.end > best.end) {
      best = r;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// A value among words

const ITEM_BREAK = '。；;：:，,、！!？?';

/**
 * DECISION: list numbering is not a value: "1、" or "1." before words, "(1)" / "（1）", at the start of the text or
 * after sentence punctuation ("1、公务接待", "1.严格控制…。2.严格控制…").
 */
function isEnumerator(s: string, start: number, end: number): boolean {
  const before = s[start - 1];
  const after = s[end];
  if (before === undefined || ITEM_BREAK.includes(before)) {
    return after === '、' || (after === '.' && isIdeograph(s[end + 1]));
  }
  if ((before === '(' || before === '（') && (after === ')' || after === '）')) {
    const outer = s[start - 2];
    return outer === undefined || ITEM_BREAK.includes(outer);
  }
  return false;
}

/** Start positions of digit runs that are numbers: not parts of names (5G, H5, MP4), not list numbering. */
function digitTokenStarts(s: string): number[] {
  const starts: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isAsciiAlnumAt(s, i)) {
      i++;
      continue;
    }
    let j = i;
    let letters = false;
    while (isAsciiAlnumAt(s, j)) {
      if (!isDigitAt(s, j)) letters = true;
      j++;
    }
    if (!letters && !isEnumerator(s, i, j)) starts.push(i);
    i = j;
  }
  return starts;
}

const MAX_PREFIX_LENGTH = 10;
const CONTEXT_FORBIDDEN = /[<>=≥≤≮≯~%‰]/;

/** Where the value may not continue: another digit, a decimal/thousands continuation, a letter. */
function endsCleanly(s: string, end: number): boolean {
  if (isAsciiAlnumAt(s, end) || (s[end] === ' ' && isAsciiAlnumAt(s, end + 1))) return false;
  const c = s[end];
  return !((c === '.' || c === ',' || c === '，' || c === '-' || c === '~') && isDigitAt(s, end + 1));
}

function startsCleanly(s: string, start: number): boolean {
  const c = s[start - 1];
  return c === undefined || !(isAsciiAlnumAt(s, start - 1) || '.,+-/:'.includes(c));
}

/**
 * DECISION: a cell that holds exactly one value among words ("完成1050篇", "向省市电视台上稿≥800篇",
 * "2023年12月31日前完成") gives that value with the words as `context`; two or more values, or words that are
 * operators, give undefined (the caller returns unparsed). Chinese numerals are not looked for among words.
 */
function parseEmbedded(s: string): Quantity | undefined {
  const starts = digitTokenStarts(s);
  let found: (Parsed & { start: number }) | undefined;
  for (const p of starts) {
    if (found && p < found.end) continue;
    if (found) return undefined;
    // The value starts where the longest run of prefix words before the digits starts (不超过, not 超过); when the
    // value cannot be read from there, it is not read from a shorter prefix either ("不超过95%以上" stays unparsed).
    const coreStart = p > 0 && (s[p - 1] === '-' || s[p - 1] === '+') ? p - 1 : p;
    let start = coreStart;
    for (let j = Math.max(0, coreStart - MAX_PREFIX_LENGTH); j < coreStart; j++) {
      if (scanPrefix(s, j)?.end === coreStart) {
        start = j;
        break;
      }
    }
    if (!startsCleanly(s, start)) return undefined;
    const r = parseValueAt(s, start, 'embedded');
    if (!r || r.end <= p || !endsCleanly(s, r.end)) return undefined;
    found = { ...r, start };
  }
  if (!found) return undefined;
  const context = trimWording(s.slice(0, found.start) + s.slice(found.end));
  // the words must be words: no operators, and some Chinese (digits cannot be left: any other number was refused)
  if (CONTEXT_FORBIDDEN.test(context) || ![...context].some((c) => isIdeograph(c))) return undefined;
  const q = found.q;
  if (q.kind === 'number' || q.kind === 'range' || q.kind === 'date') q.context = context;
  return q;
}

// ---------------------------------------------------------------------------------------------------------------
// Words

/** Explicitly nothing. DECISION: "……" (a template's placeholder) is nothing too; "0" is the number 0. */
const NONE = /^(?:[-—–―─━‐‑‒_]+|[/\\]+|[.…。·]+|无|没有|暂无|无此项|不适用|不涉及|未涉及|空|n\/?a|null|none|nil)$/i;

const LEVELS: Readonly<Record<string, '优' | '良' | '中' | '低' | '差'>> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  低: '低',
  差: '差',
  较差: '差',
};

/** Words that place a qualitative value in the evaluation year (当年已完成 = done within the year). */
const CURRENT_YEAR_WORDS = byLengthDesc<readonly [string]>([
  ['当年'],
  ['当年度'],
  ['当年内'],
  ['本年'],
  ['本年度'],
  ['本年内'],
  ['今年'],
  ['今年内'],
  ['年内'],
  ['年度内'],
  ['年底前'],
  ['年末前'],
  ['年终前'],
  ['年底'],
  ['年末'],
  ['年终'],
]);

function qualitative(original: string): Quantity {
  const text = trimWording(squeezeSpaces(original));
  const q: Quantity = { kind: 'qualitative', text };
  const level = own(LEVELS, text);
  if (level) q.level = level;
  const lead = text.startsWith('于') || text.startsWith('在') ? 1 : 0;
  const rel = matchList(text, lead, CURRENT_YEAR_WORDS);
  if (rel) {
    q.relativeDate = 'currentYear';
    const rest = text.slice(lead + rel[0].length);
    if (rest !== '') q.text = rest;
  }
  return q;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Longer cells are prose: they are not scanned for a value (this bounds the work per cell). */
const MAX_VALUE_LENGTH = 1000;

/**
 * The commonest cells — a number, with a comparator symbol before it and a unit after it or not ("312.95", "0",
 * "100%", "≥95%", "≥2400篇", "182.32万元") — read without the general scanner, which gives the same:
 * test/model/quantity-fast.test.ts compares both. Units that could start a date (年/月/日), ASCII units (word
 * boundaries), and units starting with a multiplier character (万人 is 10000 人) are left to the scanner.
 */
const SIMPLE_NUMBER = /^([≥≤<>]?)(-?)(\d+)(?:\.(\d+))?(.*)$/;
const SIMPLE_COMPARATORS: Readonly<Record<string, Comparator>> = { '≥': '>=', '≤': '<=', '>': '>', '<': '<' };
const SIMPLE_UNITS: ReadonlySet<string> = new Set(
  UNIT_LIST.filter(
    (u) =>
      !/^[A-Za-z]/.test(u) &&
      u !== '年' &&
      u !== '月' &&
      u !== '日' &&
      (!/^[千百万亿]/.test(u) || MULTIPLIER_UNITS.includes(u)),
  ),
);

function simpleNumber(s: string): Quantity | undefined {
  const m = SIMPLE_NUMBER.exec(s);
  if (!m) return undefined;
  const unit = m[5]!;
  if (unit !== '' && !SIMPLE_UNITS.has(unit)) return undefined;
  const q: Quantity = { kind: 'number', value: canonicalDecimal(m[2] === '-', m[3]!, m[4] ?? '') };
  if (unit !== '') q.unit = unit;
  if (m[1] !== '') q.comparator = own(SIMPLE_COMPARATORS, m[1]!);
  return q;
}

/**
 * What a written cell value means. Never throws; always returns a Quantity valid for `quantitySchema`.
 * An empty (or padding-only) text gives { kind: 'none' }: use `figure()` to tell "left empty" (undefined) apart.
 */
export function parseQuantity(raw: string): Quantity {
  const cleaned = cleanCellText(raw);
  if (cleaned === '') return { kind: 'none' };
  const s = trimWording(squeezeSpaces(mapChars(cleaned)));
  if (s === '') return { kind: 'none' };
  const plain = simpleNumber(s);
  if (plain) return plain;
  if (NONE.test(s)) return { kind: 'none' };
  if (s.length > MAX_VALUE_LENGTH) return digitTokenStarts(s).length > 0 ? { kind: 'unparsed' } : qualitative(cleaned);
  const whole = parseValueAt(s, 0, 'whole');
  if (whole) return whole.q;
  if (digitTokenStarts(s).length === 0) return qualitative(cleaned);
  return parseEmbedded(s) ?? { kind: 'unparsed' };
}

/** A Figure for a written value, or undefined when nothing was written (blank or padding only). */
export function figure(raw: string | undefined | null): Figure | undefined {
  if (raw == null) return undefined;
  const text = cleanCellText(raw);
  if (text === '') return undefined;
  return { text, q: parseQuantity(text) };
}

const COMPARATOR_TEXT: Partial<Record<Comparator, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };
const APPROX_PREFIX_TEXT: Partial<Record<Approx, string>> = { about: '约', nearly: '近', over: '超' };

/** A date string of the model in words: 2023-12-31 → 2023年12月31日, --12-31 → 12月31日. */
function formatDate(date: string): string {
  const m = /^(?:(\d{4})|-)-?(\d{2})?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, year, month, day] = m;
  return `${year ? `${year}年` : ''}${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

/**
 * A Quantity written back the way the forms write it (for messages and exports): ≥95%, 约20万元, 1600余篇,
 * 60%～80%, 2023年12月31日前, 当年已完成, 无. `parseQuantity(formatQuantity(q))` gives q back (context aside);
 * an unparsed quantity has no wording of its own and gives "" (use Figure.text).
 */
export function formatQuantity(q: Quantity): string {
  switch (q.kind) {
    case 'number': {
      const cmp = q.comparator ? (COMPARATOR_TEXT[q.comparator] ?? '') : '';
      const approx = q.approx ? (APPROX_PREFIX_TEXT[q.approx] ?? '') : '';
      const more = q.approx === 'more' ? '余' : '';
      return `${cmp}${approx}${q.value}${more}${q.unit ?? ''}`;
    }
    case 'range':
      return `${q.low}～${q.high}${q.unit ?? ''}`;
    case 'date': {
      const words = formatDate(q.date);
      if (q.comparator === '<=') return `${words}前`;
      if (q.comparator === '>=') return `${words}后`;
      return `${q.comparator ? (COMPARATOR_TEXT[q.comparator] ?? '') : ''}${words}`;
    }
    case 'qualitative':
      if (q.relativeDate !== 'currentYear' || CURRENT_YEAR_WORDS.entries.some(([w]) => q.text === w)) return q.text;
      // 当年 + 度…/内… would read as 当年度/当年内: write 年内 then
      return `${/^[度内]/.test(q.text) ? '年内' : '当年'}${q.text}`;
    case 'none':
      return '无';
    case 'unparsed':
      return '';
  }
}
