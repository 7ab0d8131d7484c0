import nzhcn from 'nzh/cn';
import { kid, kids, type XmlElement } from './xml.js';

/**
 * Word's automatic numbering (word/numbering.xml): the "一、", "（一）", "1." a paragraph shows but does not
 * contain. Reports often number their section headings this way, so the importer renders the number text
 * in front of the paragraph, as a reader sees it.
 */
interface Level {
  start: number;
  format: string;
  text: string;
  /** what follows the number: tab (default), space or nothing */
  suffix: 'tab' | 'space' | 'nothing';
  /** render every level's counter in decimal (legal numbering) */
  legal: boolean;
  /** this level restarts after a higher level (1-based) or never (0); default: after any higher level */
  restartAfter?: number;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

const ATTR = 'w:val';

function parseLevel(lvl: XmlElement): Level {
  const val = (name: string) => kid(lvl, name)?.attrs[ATTR];
  const start = Number.parseInt(val('w:start') ?? '1', 10);
  const suff = val('w:suff');
  const restart = val('w:lvlRestart');
  const legal = kid(lvl, 'w:isLgl');
  const level: Level = {
    start: Number.isFinite(start) ? start : 1,
    format: val('w:numFmt') ?? 'decimal',
    text: val('w:lvlText') ?? '',
    suffix: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    legal: legal !== undefined && legal.attrs[ATTR] !== '0' && legal.attrs[ATTR] !== 'false',
  };
  if (restart !== undefined && Number.isFinite(Number(restart))) level.restartAfter = Number(restart);
  return level;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: A..Z, AA..ZZ, AAA..
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in one of Word's number formats. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return n > 0 ? nzhcn.encodeS(n) : String(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return n > 0 ? nzhcn.encodeB(n) : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? STEMS[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? BRANCHES[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalHalfWidth':
      return String(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();
  /** counters per abstract numbering definition, per level */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();

  constructor(root?: XmlElement) {
    if (!root) return;
    for (const a of kids(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of kids(a, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? '0'), parseLevel(lvl));
      this.abstracts.set(id, levels);
    }
    for (const n of kids(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractId = kid(n, 'w:abstractNumId')?.attrs[ATTR];
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of kids(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? '0');
        const so = kid(o, 'w:startOverride')?.attrs[ATTR];
        const lvl = kid(o, 'w:lvl');
        const entry: { start?: number; level?: Level } = {};
        if (so !== undefined && Number.isFinite(Number(so))) entry.start = Number(so);
        if (lvl) entry.level = parseLevel(lvl);
        overrides.set(ilvl, entry);
      }
      this.nums.set(id, { abstractId, overrides });
    }
  }

  private level(num: Num, ilvl: number): Level | undefined {
    return num.overrides.get(ilvl)?.level ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /**
   * Advance the list `numId` at level `ilvl` and return the number text the paragraph shows ("一、"), with
   * the separator that follows it; '' when the paragraph is not numbered or shows a bullet.
   */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    if (!num || ilvl < 0 || ilvl > 8) return '';
    const lvl = this.level(num, ilvl);
    if (!lvl) return '';
    let counters = this.counters.get(num.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
    if (!this.seenNums.has(numId)) {
      // A list instance with start overrides restarts those levels when it is first used.
      this.seenNums.add(numId);
      for (const [l, o] of num.overrides) if (o.start !== undefined) counters[l] = o.start - 1;
    }
    const startOf = (l: number) => this.level(num, l)?.start ?? 1;
    counters[ilvl] = (counters[ilvl] ?? startOf(ilvl) - 1) + 1;
    for (let l = ilvl + 1; l <= 8; l++) {
      const deeper = this.level(num, l);
      const restartAfter = deeper?.restartAfter;
      if (restartAfter === 0) continue;
      if (restartAfter === undefined || restartAfter >= ilvl + 1) counters[l] = undefined;
    }
    if (lvl.format === 'bullet' || lvl.format === 'none') return '';
    const text = lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      const fmt = l === ilvl || !lvl.legal ? (this.level(num, l)?.format ?? 'decimal') : 'decimal';
      return formatNumber(value, lvl.legal && l !== ilvl ? 'decimal' : fmt);
    });
    if (text === '') return '';
    if (lvl.suffix === 'space') return `${text} `;
    if (lvl.suffix === 'tab') return /[\x21-\x7e]$/.test(text) ? `${text} ` : text;
    return text;
  }
}
