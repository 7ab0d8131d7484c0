import type { EvaluationKind, SectionKey, Source } from '../../model/index.js';
import { asciiDigits, joinLines, labelKey, pad } from './normalize.js';
import { SECTION_TERMS, UNNUMBERED_HEADING_END } from './vocabulary.js';

/** A paragraph of the report's prose, as the recogniser keeps it. */
export interface Para {
  text: string;
  source: Source;
  /** heading level the format marked (Word heading styles) */
  headingLevel?: number;
  /** the text with full-width digits made ASCII, computed once when first needed */
  digits?: string;
}

export interface HeadingInfo {
  key: SectionKey;
  level: number;
  /** the heading without its numbering */
  rest: string;
}

/** Numbering styles and the nesting level each one stands for (一、 → 1, （一） → 2, 1. → 3, (1) → 4, ① → 5). */
const NUMBERING: readonly (readonly [RegExp, number])[] = [
  [/^第[一二三四五六七八九十百\d]{1,4}(?:部分|章|节)[\s\u3000、.．：:]*/, 1],
  [/^[一二三四五六七八九十]{1,3}[\s\u3000]*[、.．][\s\u3000]*/, 1],
  [/^[（(][\s\u3000]*[一二三四五六七八九十]{1,3}[\s\u3000]*[）)][\s\u3000、.．]*/, 2],
  [/^\d{1,2}[\s\u3000]*[、.．](?!\d)[\s\u3000]*/, 3],
  [/^[（(][\s\u3000]*\d{1,2}[\s\u3000]*[）)][\s\u3000、.．]*/, 4],
  [/^[\u2460-\u2473][\s\u3000、.．]*/, 5],
];

/** sectionTerm by labelKey: headings repeat from report to report (a bounded memo of a pure function). */
const TERMS = new Map<string, { key: SectionKey; level: number } | null>();
const MAX_TERMS = 20_000;

/** What every NUMBERING pattern starts with. */
const NUMBERING_START = /^[第一二三四五六七八九十（(\d\u2460-\u2473]/;

function sectionTerm(rest: string): { key: SectionKey; level: number } | undefined {
  const k = labelKey(rest);
  const hit = TERMS.get(k);
  if (hit !== undefined) return hit ?? undefined;
  let found: { key: SectionKey; level: number } | null = null;
  for (const t of SECTION_TERMS) {
    if (t.re.test(k)) {
      found = { key: t.key, level: t.level };
      break;
    }
  }
  if (k.length <= 64) {
    if (TERMS.size >= MAX_TERMS) TERMS.clear();
    TERMS.set(k, found);
  }
  return found ?? undefined;
}

/**
 * Is this paragraph a section heading, and which? Numbered lines (一、 （一） 1. (1) ① 第一部分) are headings when
 * they read like one: short, no sentence inside. A 1./(1)/① line must also name a known section (otherwise it is a
 * list item). Unnumbered lines are headings only when they name a known section and end like a heading does.
 * `previousLevel` (0 before the first heading) bounds the level of an unnumbered heading.
 */
export function headingOf(p: Para, previousLevel: number): HeadingInfo | undefined {
  const text = asciiDigits(pad(joinLines(p.text)));
  if (text === '') return undefined;
  // a heading style the format marks is trusted for any short line
  const marked = p.headingLevel !== undefined && text.length <= 60;
  // a line that cannot start any numbering skips the numbering patterns
  for (const [re, level] of NUMBERING_START.test(text) ? NUMBERING : []) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (rest === '') return undefined;
    const body = rest.replace(/[。.]$/, '');
    const sentence = /[。；;，,！？!?]/.test(body);
    const max = level <= 2 ? 40 : 30;
    if (!marked && (sentence || body.length > max)) return undefined;
    if (!marked && level >= 3 && /[。.]$/.test(rest)) return undefined;
    const term = sectionTerm(body);
    if (!marked && level >= 3 && !term) return undefined;
    if (term?.key === 'attachments') return { key: 'attachments', level: 1, rest: body };
    return { key: term?.key ?? 'unknown', level: p.headingLevel ?? level, rest: body };
  }
  const annex = /^附件\s*\d*\s*[：:]?\s*/.exec(text);
  if (annex && text.length <= 40 && !/[。；;，,]/.test(text)) {
    return { key: 'attachments', level: 1, rest: text.slice(annex[0].length) };
  }
  const body = text.replace(/[。.]$/, '');
  if (!marked && (body.length > 25 || /[。；;，,：:！？!?]/.test(body))) return undefined;
  const term = sectionTerm(body);
  if (!term) return marked ? { key: 'unknown', level: p.headingLevel!, rest: body } : undefined;
  if (!UNNUMBERED_HEADING_END.test(body) && !marked) return undefined;
  const level = p.headingLevel ?? Math.max(1, Math.min(term.level, previousLevel + 1));
  return { key: term.key, level, rest: body };
}

// ---------------------------------------------------------------- title

export interface TitleFacts {
  unit?: string;
  year?: number;
  kind?: EvaluationKind;
  project?: string;
}

const TITLE_END = /(?:绩效自评报告|绩效评价报告|自评报告|绩效报告|绩效自评表|自评表|评价报告)$/;

/** Does a paragraph read like the report's (or a table's) title? */
export function isTitleLike(text: string): boolean {
  const s = joinLines(text).replace(/[\s\u3000]/g, '');
  return s.length <= 80 && TITLE_END.test(s) && !/[。；]/.test(s);
}

/**
 * Unit, year, kind and project from a title: "某县图书馆2023年部门整体支出绩效自评报告",
 * "2023年度某县图书馆部门整体支出绩效自评报告", "某局2023年度农田建设项目支出绩效自评报告".
 */
export function parseTitle(text: string): TitleFacts {
  let s = asciiDigits(joinLines(text)).replace(/[\s\u3000]/g, '');
  s = s.replace(/^关于/, '').replace(/[（(][^）)]*[）)]$/, '');
  const end = TITLE_END.exec(s);
  if (!end) return {};
  s = s.slice(0, end.index).replace(/的$/, '');
  const out: TitleFacts = {};
  const y = /(\d{4})年度?/.exec(s);
  let before = s;
  let after = '';
  if (y) {
    const year = Number(y[1]);
    if (year >= 1990 && year <= 2100) out.year = year;
    before = s.slice(0, y.index);
    after = s.slice(y.index + y[0].length);
  }
  const whole = before + after;
  if (/项目支出|项目/.test(whole) && !/整体/.test(whole)) out.kind = 'project';
  else if (/整体|部门/.test(whole)) out.kind = 'department';
  const kindWords = /(?:部门|单位)?整体支出$|(?:部门|单位)?整体$|部门支出$/;
  if (out.kind === 'project') {
    const pm = /^(.*?项目)(?:支出)?$/.exec(after) ?? /^(.*?项目)(?:支出)?$/.exec(whole);
    if (before !== '') {
      out.unit = before;
      const name = after.replace(/支出$/, '');
      if (name !== '' && name !== '项目') out.project = name;
    } else if (pm && pm[1] !== '项目') {
      out.project = pm[1];
    }
  } else {
    const unit = before !== '' ? before : after.replace(kindWords, '');
    if (unit !== '') out.unit = unit.replace(kindWords, '');
  }
  return out;
}

// ---------------------------------------------------------------- sections

export interface SectionNode {
  key: SectionKey;
  heading: string;
  level: number;
  source: Source;
  body: Para[];
  parent: number;
}

/** Paragraphs of the sections with one of `keys`, their sub-sections included, not descending into `exclude`. */
export function paragraphsIn(
  sections: readonly SectionNode[],
  keys: readonly SectionKey[],
  exclude: readonly SectionKey[] = [],
): Para[] {
  const out: Para[] = [];
  const inScope: boolean[] = [];
  sections.forEach((s, i) => {
    const parentIn = s.parent >= 0 && inScope[s.parent] === true;
    const mine = !exclude.includes(s.key) && (keys.includes(s.key) || parentIn);
    inScope[i] = mine;
    if (mine) out.push(...s.body);
  });
  return out;
}

/** Every body paragraph outside sections with one of `exclude` (and their sub-sections). */
export function paragraphsOutside(sections: readonly SectionNode[], exclude: readonly SectionKey[]): Para[] {
  const out: Para[] = [];
  const excluded: boolean[] = [];
  sections.forEach((s, i) => {
    const ex = exclude.includes(s.key) || (s.parent >= 0 && excluded[s.parent] === true);
    excluded[i] = ex;
    if (!ex) out.push(...s.body);
  });
  return out;
}
