import type { Comparator, Dec, Figure } from '../../model/index.js';
import { ZERO, fixed, roundTo } from '../exact.js';
import type { RuleResult, Shown } from './result.js';

/**
 * The last day an ISO date, month or year stands for, comparable as a string: '2023' → '2023-12-31',
 * '2023-06' → '2023-06-31'; year-less forms ('--12-31', '--06') take `year`.
 */
export function periodEnd(date: string, year: string): string {
  const d = date.startsWith('--') ? `${year}${date.slice(1)}` : date;
  if (/^\d{4}$/.test(d)) return `${d}-12-31`;
  if (/^\d{4}-\d{2}$/.test(d)) return `${d}-31`;
  return d;
}

const yearOf = (date: string): string | undefined => (/^\d{4}/.test(date) ? date.slice(0, 4) : undefined);

function containsAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
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
  const text = actual.text.replace(/\s/g, '');
  if (containsAny(text, MISSED)) return false;
  if (containsAny(text, ON_TIME)) return true;
  const done = containsAny(text, DONE) || (actual.q.kind === 'qualitative' && actual.q.relativeDate === 'currentYear');
  if (!done) return undefined;
  const yearEnd = `${y}-12-31`;
  return deadline >= yearEnd ? true : undefined;
}

/**
 * R-3 applied to a deadline: full marks when met, 0 when missed (a suggestion for a person to confirm).
 * `s` shows the target and actual as written.
 */
export function scoreDeadline(met: boolean, weight: Dec, places: number, s: Shown): RuleResult {
  const score = roundTo(met ? weight : ZERO, places);
  const scoreText = fixed(score, places);
  return {
    method: 'deadline',
    score,
    scoreText,
    flags: met ? [] : ['systemSuggested'],
    formula: met
      ? `时效指标：目标 ${s.target}，实际 ${s.actual}，按期完成，得满分 ${s.w}`
      : `时效指标：目标 ${s.target}，实际 ${s.actual}，未按期完成，得 0 分（系统建议分，请复核）`,
  };
}
