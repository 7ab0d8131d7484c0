import type { Evaluation } from '../model/index.js';
import { Dec } from '../model/index.js';
import { asciiDigits, memo } from './util.js';

// Claims in the report's prose: numbers with their unit and subject, breakdowns of a whole into parts
// ("共举办培训N期，其中…a期…b期"), stated scores, grades, execution rates and data cut-off dates.
// Everything here is general wording of the field; nothing depends on one report.

/** A number written in a sentence with its unit. */
export interface ProseNumber {
  readonly value: Dec;
  unit: string;
  /** 余/多/近/约/超: the number is not exact */
  approx: boolean;
  /** the number as written, unit included */
  text: string;
  /** offsets in the sentence */
  start: number;
  end: number;
  /** the clause before the number (after the last comma, enumeration mark or colon): its subject */
  subject: string;
  /** inside brackets （…） */
  bracketed: boolean;
}

export interface ProseSentence {
  /** index in evaluation.narrative.sections */
  section: number;
  text: string;
  /** the text with full-width digits read as ASCII */
  ascii: string;
  numbers: ProseNumber[];
}

/** A stated whole and the parts listed as its breakdown. */
export interface Breakdown {
  section: number;
  sentence: string;
  whole: ProseNumber;
  parts: ProseNumber[];
  /** introduced by 其中: the parts may be a subset of the whole */
  subset: boolean;
  /** the noun the whole counts (培训), when the breakdown is an enumerated list that repeats it */
  noun: string;
  /** how the whole was introduced: 共/合计… ('total'), a number followed by 其中 ('qizhong'), or a bracket */
  kind: 'total' | 'qizhong' | 'bracket';
  /** 其中 does not follow the whole directly (another figure stands between): only parts above it are judged */
  distant?: boolean;
}

const COUNT_UNITS = [
  '万人次',
  '人次',
  '万人',
  '万次',
  '万个',
  '万篇',
  '万条',
  '万元',
  '亿元',
  '千元',
  '元',
  '个',
  '篇',
  '条',
  '次',
  '人',
  '支',
  '场',
  '期',
  '件',
  '项',
  '户',
  '家',
  '所',
  '名',
  '位',
  '台',
  '辆',
  '套',
  '份',
  '张',
  '部',
  '集',
  '幅',
  '处',
  '座',
  '批',
  '本',
  '册',
  '起',
  '栏',
  '档',
  '小时',
  '天',
  '分',
  '%',
  '％',
  '万',
];
const CN_DIGITS = '零〇一二两三四五六七八九十百千';
const APPROX_BEFORE = ['超过', '不到', '不足', '近', '约', '超', '逾'];
/** units by their first character, longest first, so that 万人次 wins over 万 */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of [...COUNT_UNITS].sort((x, y) => y.length - x.length)) {
  const list = UNITS_BY_FIRST.get(u[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0]!, list);
}
// character classes for the scanner, looked up by char code
const DIGIT = 1;
const CN = 2;
const BREAK = 4;
const OPEN = 8;
const CLOSE = 16;
const CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (const c of CN_DIGITS) CLASS[c.charCodeAt(0)] = CN;
for (const c of '，,、；;：:') CLASS[c.charCodeAt(0)] = BREAK;
for (const c of '（(') CLASS[c.charCodeAt(0)] = BREAK | OPEN;
for (const c of '）)') CLASS[c.charCodeAt(0)] = BREAK | CLOSE;

const classAt = (text: string, i: number): number => (i < text.length ? CLASS[text.charCodeAt(i)]! : 0);

const CN_VALUE: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SCALE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三百二十一 → 321, 十二 → 12, 两 → 2; undefined for what is not a plain Chinese numeral. */
export function chineseNumber(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const c of text) {
    if (c === '零' || c === '〇') {
      if (digit !== undefined) return undefined;
    } else if (c in CN_VALUE) {
      if (digit !== undefined) return undefined;
      digit = CN_VALUE[c];
    } else if (c in CN_SCALE) {
      total += (digit ?? 1) * (CN_SCALE[c] ?? 1);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/** The numbers of a sentence (full-width digits read as ASCII; offsets stay those of the sentence). */
export function numbersIn(sentence: string): ProseNumber[] {
  const text = asciiDigits(sentence);
  const out: ProseNumber[] = [];
  let clauseStart = 0;
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const k0 = CLASS[text.charCodeAt(i)]!;
    if ((k0 & (DIGIT | CN)) === 0) {
      if (k0 & BREAK) {
        clauseStart = i + 1;
        if (k0 & OPEN) depth++;
        else if (k0 & CLOSE) depth--;
      }
      i++;
      continue;
    }
    // the run of digits (with one decimal point) or of Chinese numerals
    const ascii = k0 === DIGIT;
    const numberStart = i;
    let j = i + 1;
    if (ascii) {
      while (classAt(text, j) === DIGIT) j++;
      if (text.charCodeAt(j) === 46 && classAt(text, j + 1) === DIGIT) {
        j++;
        while (classAt(text, j) === DIGIT) j++;
      }
    } else {
      while (classAt(text, j) === CN) j++;
    }
    i = j;
    if (numberStart > 0 && text.charCodeAt(numberStart - 1) === 46) continue;
    let k = j;
    const suffix = text[k] === '余' || text[k] === '多';
    if (suffix) k++;
    const units = UNITS_BY_FIRST.get(text[k] ?? '');
    if (units === undefined) continue;
    const unit = units.find((u) => text.startsWith(u, k));
    if (unit === undefined) continue;
    // 十分重视 / 一分钱: a Chinese numeral before 分 is not a score
    if (unit === '分' && !ascii) continue;
    const digits = text.slice(numberStart, j);
    if (!ascii && chineseNumber(digits) === undefined) continue;
    const prefix = APPROX_BEFORE.find((p) => text.endsWith(p, numberStart));
    const start = numberStart - (prefix?.length ?? 0);
    const end = k + unit.length;
    out.push(
      new Found(
        digits,
        unit === '％' ? '%' : unit,
        prefix !== undefined || suffix,
        text.slice(start, end),
        start,
        end,
        text.slice(clauseStart, numberStart),
        depth > 0,
      ),
    );
    i = end;
  }
  return out;
}

/** A number found in prose; its exact value is read only when a comparison needs it. */
class Found implements ProseNumber {
  #value: Dec | undefined;
  constructor(
    private readonly digits: string,
    readonly unit: string,
    readonly approx: boolean,
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly subject: string,
    readonly bracketed: boolean,
  ) {}

  get value(): Dec {
    this.#value ??= new Dec(this.digits.charCodeAt(0) <= 57 ? this.digits : (chineseNumber(this.digits) ?? 0));
    return this.#value;
  }
}

/** Split a text into sentences: at 。！？；and line breaks. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number): void => {
    const t = text.slice(start, end).trim();
    if (t !== '') out.push(t);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      push(i);
      start = i + 1;
    } else if (c === '。' || c === '！' || c === '？' || c === '!' || c === '?' || c === '；' || c === ';') {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** Every sentence of the prose with its numbers (computed once per run of the catalogue). */
export function proseSentences(ev: Evaluation): ProseSentence[] {
  return memo(ev, 'proseSentences', () => {
    const out: ProseSentence[] = [];
    ev.narrative.sections.forEach((section, i) => {
      for (const text of splitSentences(section.text)) {
        out.push({ section: i, text, ascii: asciiDigits(text), numbers: numbersIn(text) });
      }
    });
    return out;
  });
}

const TOTAL_WORD = /(共计|合计|总计|累计|总共|一共|共有|(?<![公中])共(?![同享建识产青性赢治用商]))/;
/** after 共: a preposition means 共 spans a list of parallel clauses (共在A…a，B…b), not one whole */
const PREPOSITION = /^[在向于从对为]/;
/** function words trimmed from the end of a subject before taking its noun */
const TRAILING = /[达为有了约近计共是到超逾等的]+$/;

/** The noun a clause counts: the last two CJK characters of its subject (举办培训 → 培训). */
export function nounOf(subject: string): string {
  const cjk = subject.replace(/[^\u4e00-\u9fff]/g, '').replace(TRAILING, '');
  return cjk.length >= 2 ? cjk.slice(-2) : cjk;
}

function sameUnit(a: ProseNumber, b: ProseNumber): boolean {
  return a.unit === b.unit;
}

/** The parts listed after a whole, up to a nested 其中 (a breakdown of the last part) or the sentence end. */
function partsAfter(
  sentence: string,
  numbers: readonly ProseNumber[],
  whole: ProseNumber,
  from: number,
): ProseNumber[] {
  const parts: ProseNumber[] = [];
  let pos = from;
  for (const n of numbers) {
    if (n.start < from || n === whole) continue;
    const between = sentence.slice(pos, n.start);
    if (parts.length > 0 && /其中|另外|此外|同时/.test(between)) break;
    pos = n.end;
    if (n.bracketed || !sameUnit(n, whole)) continue;
    parts.push(n);
  }
  return parts;
}

/** The offset of the bracket closing the one `text` opens with, or -1. */
function matchingClose(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** How deep in brackets the end of `text` stands. */
function depthAt(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth--;
  }
  return depth;
}

/** Breakdowns of a whole into parts, in one sentence. */
export function breakdownsIn(section: number, sentence: string, numbers: readonly ProseNumber[]): Breakdown[] {
  const out: Breakdown[] = [];
  const used = new Set<ProseNumber>();
  const text = asciiDigits(sentence);
  for (const whole of numbers) {
    if (whole.bracketed) continue;
    const after = text.slice(whole.end);
    // (b) "N个，其中a个、b个"
    const qizhong = /^[）)]?[，,：:\s]*其中[，,：:\s]*/.exec(after);
    if (qizhong) {
      const from = whole.end + qizhong[0].length;
      const parts = partsAfter(text, numbers, whole, from).filter((p) => !used.has(p));
      if (parts.length > 0) {
        out.push({ section, sentence, whole, parts, subset: true, noun: nounOf(whole.subject), kind: 'qizhong' });
        parts.forEach((p) => used.add(p));
        continue;
      }
      // "支出N万元，控制率x%，其中a万元、b万元": the whole is the last earlier number in the parts' unit
      const first = numbers.find((n) => n.start >= from && !n.bracketed);
      const earlier = first
        ? numbers.filter((n) => n.end <= whole.end && !n.bracketed && n.unit === first.unit && !used.has(n))
        : [];
      const distantWhole = earlier[earlier.length - 1];
      if (first && distantWhole) {
        const distantParts = partsAfter(text, numbers, distantWhole, from).filter((p) => !used.has(p));
        if (distantParts.length > 0) {
          out.push({
            section,
            sentence,
            whole: distantWhole,
            parts: distantParts,
            subset: true,
            noun: nounOf(distantWhole.subject),
            kind: 'qizhong',
            distant: true,
          });
          distantParts.forEach((p) => used.add(p));
          continue;
        }
      }
    }
    // (c) "N万元（a万元、b万元）"
    if (/^[（(]/.test(after)) {
      const close = matchingClose(after);
      const inside = numbers.filter(
        (n) => n.start > whole.end && (close < 0 || n.start < whole.end + close) && sameUnit(n, whole),
      );
      // only the bracket's own level: skip numbers inside a nested bracket
      const level = inside.filter((n) => depthAt(text.slice(whole.end, n.start)) === 1);
      if (level.length >= 2) {
        const subset = /^[（(]\s*其中/.test(after);
        out.push({ section, sentence, whole, parts: level, subset, noun: nounOf(whole.subject), kind: 'bracket' });
        continue;
      }
    }
    // (a) "共…N个，a个，b个，c个"
    const m = TOTAL_WORD.exec(whole.subject);
    if (!m || used.has(whole)) continue;
    const rest = whole.subject.slice(m.index + m[0].length);
    if (PREPOSITION.test(rest)) continue;
    const noun = nounOf(rest || whole.subject);
    if (noun.length < 2) continue;
    const parts = partsAfter(text, numbers, whole, whole.end).filter((p) => !used.has(p));
    const listed = parts.filter((p) => p.subject.includes(noun));
    // an enumerated list repeats the whole's noun in every part; stop at the first part that does not
    const run: ProseNumber[] = [];
    for (const p of parts) {
      if (!listed.includes(p)) break;
      run.push(p);
    }
    out.push({ section, sentence, whole, parts: run, subset: false, noun, kind: 'total' });
    run.forEach((p) => used.add(p));
  }
  return out;
}

/** Every breakdown in the prose. */
export function proseBreakdowns(ev: Evaluation): Breakdown[] {
  return memo(ev, 'proseBreakdowns', () =>
    proseSentences(ev).flatMap((s) => (s.numbers.length > 1 ? breakdownsIn(s.section, s.text, s.numbers) : [])),
  );
}

/** A score the prose states for the whole report: 自评分数为88分, 自评总分90.5分, 综合得分… */
export interface ScoreClaim {
  section: number;
  sentence: string;
  value: Dec;
  text: string;
}

const SCORE_RE =
  /(自评(?:总)?(?:分数|得分|分)|综合(?:评分|得分|评定得分)|总得分|总分)\s*(?:为|是|达到?|[:：])?\s*(\d+(?:\.\d+)?)\s*分/g;

export function scoreClaims(ev: Evaluation): ScoreClaim[] {
  const out: ScoreClaim[] = [];
  for (const s of proseSentences(ev)) {
    if (!s.ascii.includes('分')) continue;
    for (const m of s.ascii.matchAll(SCORE_RE)) {
      out.push({ section: s.section, sentence: s.text, value: new Dec(m[2]!), text: m[0] });
    }
  }
  return out;
}

/** An execution rate the prose states: 预算执行率100%, 执行率为97.7%. */
export interface RateClaim {
  section: number;
  sentence: string;
  /** a fraction: 100% → 1 */
  value: Dec;
  text: string;
}

const RATE_RE = /预算执行率\s*(?:为|是|达到?|[:：])?\s*(\d+(?:\.\d+)?)\s*[%％]/g;

export function executionRateClaims(ev: Evaluation): RateClaim[] {
  const out: RateClaim[] = [];
  for (const s of proseSentences(ev)) {
    if (!s.ascii.includes('执行率')) continue;
    for (const m of s.ascii.matchAll(RATE_RE)) {
      out.push({ section: s.section, sentence: s.text, value: new Dec(m[1]!).div(100), text: m[0] });
    }
  }
  return out;
}

/** "截至10月31日" / "截止2023年10月底" / "1-11月": the data stops at that point. */
export interface CutoffClaim {
  /** index in narrative.sections, or -1 for the 自评表's 年度总体目标 */
  section: number;
  sentence: string;
  year?: number;
  month: number;
  day?: number;
  text: string;
}

const CUTOFF_RE =
  /(?:截至|截止(?:到|至)?|截到)\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(底|末))?/g;
const MONTH_SPAN_RE = /(?:((?:19|20)\d{2})\s*年)?\s*(?:1|一)\s*(?:[-—–~～至到])\s*(\d{1,2})\s*月(?:份)?/g;

/** Cut-off dates stated in a text. */
export function cutoffsIn(section: number, text: string): CutoffClaim[] {
  const out: CutoffClaim[] = [];
  if (!text.includes('月')) return out;
  for (const sentence of splitSentences(text)) {
    if (!sentence.includes('月')) continue;
    const t = asciiDigits(sentence);
    for (const m of t.matchAll(CUTOFF_RE)) {
      const c: CutoffClaim = { section, sentence, month: Number(m[2]), text: m[0] };
      if (m[1]) c.year = Number(m[1]);
      if (m[3]) c.day = Number(m[3]);
      else if (m[4]) c.day = 31;
      out.push(c);
    }
    for (const m of t.matchAll(MONTH_SPAN_RE)) {
      const month = Number(m[2]);
      if (month < 2 || month > 12) continue;
      const c: CutoffClaim = { section, sentence, month, day: 31, text: m[0] };
      if (m[1]) c.year = Number(m[1]);
      out.push(c);
    }
  }
  return out;
}

/** The words of a breakdown as written, from the whole's clause to its last part, shortened for a message. */
export function excerpt(b: Breakdown, max = 90): string {
  const start = Math.max(0, b.whole.start - b.whole.subject.length);
  const end = b.parts.length > 0 ? b.parts[b.parts.length - 1]!.end : b.whole.end;
  const text = b.sentence.slice(start, end);
  if (text.length <= max) return text;
  const head = Math.floor(max / 2);
  return `${text.slice(0, head)}……${text.slice(text.length - (max - head - 2))}`;
}
