import type { Comparator, Dec, Figure } from '../../model/index.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import type { RuleResult, Shown } from './result.js';

/**
 * The last day an ISO date, month or year stands for, comparable as a string: '2023' → '2023-12-31',
 * '2023-06' → '2023-06-31'; year-less forms ('--12-31', '--06') take `year`.
 */
export function periodEnd(date: string, year: string): string {
  const d = date.startsWith('--') ? `${year}${date.slice(1)}` : date;
  if (d.length === 4 && digitsAt(d, 0, 4)) return `${d}-12-31`;
  if (d.length === 7 && digitsAt(d, 0, 4) && d.charCodeAt(4) === 45 && digitsAt(d, 5, 7)) return `${d}-31`;
  return d;
}

/** Whether text[from, to) are all ASCII digits. */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const yearOf = (date: string): string | undefined => (/^\d{4}/.test(date) ? date.slice(0, 4) : undefined);

function containsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/** What the words of an actual say about a deadline; remembered per text (a few texts repeat a lot). */
type Said = 'missed' | 'onTime' | 'done' | 'nothing';
const said = new Map<string, Said>();

function wordsOf(actualText: string): Said {
  let known = said.get(actualText);
  if (known === undefined) {
    const text = actualText.replace(/\s/g, '');
    known = containsAny(text, MISSED)
      ? 'missed'
      : containsAny(text, ON_TIME)
        ? 'onTime'
        : containsAny(text, DONE)
          ? 'done'
          : 'nothing';
    if (said.size >= 1024) said.clear();
    said.set(actualText, known);
  }
  return known;
}

const MISSED = ['未完成', '未按', '未及时', '不及时', '尚未', '延期', '逾期', '滞后', '推迟', '延迟'];
const ON_TIME = ['按时', '如期', '按期', '及时', '提前', '年底前'];
const DONE = ['完成', '办结', '实现'];

/**
 * Whether a date target (时效指标, "≤ 2023-12-31") was met by the actual: an actual date at or before
 * the deadline, or words. 按时/如期完成 meets any deadline; a plain 已完成/当年已完成 meets a deadline at
 * the end of the evaluation year (or later), since the report is written after the year; otherwise the
 * words say too little and the answer is undefined (also for a "not before" `>=`/`>` date).
 */
export function deadlineMet(
  target: { date: string; comparator?: Comparator | undefined },
  actual: Figure,
  year: number | undefined,
): boolean | undefined {
  // "not before a date" is no deadline: leave it to a person
  if (target.comparator === '>=' || target.comparator === '>') return undefined;
  const actualDate = actual.q.kind === 'date' ? actual.q.date : undefined;
  // a year-less date (12月31日前) belongs to the evaluation year, else to the other side's year
  const y =
    year === undefined
      ? (yearOf(target.date) ?? (actualDate === undefined ? undefined : yearOf(actualDate)) ?? '0000')
      : String(year);
  const deadline = periodEnd(target.date, y);
  if (actualDate !== undefined) return periodEnd(actualDate, y) <= deadline;
  const said = wordsOf(actual.text);
  if (said === 'missed') return false;
  if (said === 'onTime') return true;
  const done = said === 'done' || (actual.q.kind === 'qualitative' && actual.q.relativeDate === 'currentYear');
  if (!done) return undefined;
  const yearEnd = `${y}-12-31`;
  return deadline >= yearEnd ? true : undefined;
}

/** R-3 applied to a deadline on any engine: see scoreDeadline. */
export function deadlineWith<N, R>(E: Arith<N, R>, met: boolean, weight: N, places: number, s: Shown): RuleResult<N> {
  const score = E.round(met ? weight : E.zero, places);
  return {
    method: 'deadline',
    score,
    scoreText: E.fixed(score, places),
    flags: met ? [] : ['systemSuggested'],
    formula: met
      ? `时效指标：目标 ${s.target}，实际 ${s.actual}，按期完成，得满分 ${s.w}`
      : `时效指标：目标 ${s.target}，实际 ${s.actual}，未按期完成，得 0 分（系统建议分，请复核）`,
  };
}

/**
 * R-3 applied to a deadline: full marks when met, 0 when missed (a suggestion for a person to confirm).
 * `s` shows the target and actual as written.
 */
export const scoreDeadline = (met: boolean, weight: Dec, places: number, s: Shown): RuleResult =>
  deadlineWith(DEC, met, weight, places, s);
