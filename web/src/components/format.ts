/** Small display helpers (dates, scores) for the pages. */
import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : iso;
}

/** Days from now to a deadline (negative when past), by calendar day. */
export function daysUntil(iso: string, now: Date = new Date()): number {
  return dayjs(iso).startOf('day').diff(dayjs(now).startOf('day'), 'day');
}

/** A score as the pages show it: up to two decimals, no trailing zeros ("93.83", "95"). */
export function formatScore(n: number | string | null | undefined): string {
  if (n === null || n === undefined || n === '') return '—';
  const v = typeof n === 'number' ? n : Number(n);
  if (!Number.isFinite(v)) return String(n);
  return String(Math.round(v * 100) / 100);
}
