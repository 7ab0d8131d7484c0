/** Display helpers shared by the bureau and public pages (no arithmetic: values are shown as the API sent them). */
import type { EvaluationState } from '../../api/types.js';

/** A score or amount as sent ("95.50"), or a dash when absent. */
export function shown(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Shanghai',
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Asia/Shanghai',
});

/** An ISO timestamp in China time, "2025/04/30 09:12". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(new Date(t));
}

/** An ISO timestamp or a date ("2025-04-30") as a date in China time, "2025/04/30". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso.replace(/-/g, '/');
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateOnly.format(new Date(t));
}

/** antd tag colours for the four grades (and none). */
export function gradeColor(grade: string | null | undefined): string {
  if (!grade) return 'default';
  if (grade.startsWith('优')) return 'green';
  if (grade.startsWith('良')) return 'blue';
  if (grade.startsWith('中') || grade === '合格') return 'orange';
  return 'red';
}

/** Chart colours of the grades, in GRADE_NAMES order, then 未评定. */
export const GRADE_CHART_COLORS: Readonly<Record<string, string>> = {
  优: '#389e0d',
  良: '#1677ff',
  中: '#fa8c16',
  差: '#cf1322',
  未评定: '#bfbfbf',
};

/** States in which an evaluation is with the bureau (its review queue). */
export const WITH_BUREAU: readonly EvaluationState[] = ['unitApproved', 'returned', 'accepted', 'published'];
