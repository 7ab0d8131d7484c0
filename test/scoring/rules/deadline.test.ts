import { describe, expect, it } from 'vitest';
import { Dec, figure } from '../../../src/model/index.js';
import type { Figure } from '../../../src/model/index.js';
import { deadlineMet, periodEnd, scoreDeadline } from '../../../src/scoring/rules/deadline.js';

const date = (text: string, iso: string): Figure => ({ text, q: { kind: 'date', date: iso } });
const words = (text: string): Figure => figure(text)!;

describe('deadlines (时效指标)', () => {
  it('period ends compare as strings', () => {
    expect(periodEnd('2023', '2023')).toBe('2023-12-31');
    expect(periodEnd('2023-06', '2023')).toBe('2023-06-31');
    expect(periodEnd('--12-31', '2024')).toBe('2024-12-31');
    expect(periodEnd('2023-05-01', '2024')).toBe('2023-05-01');
  });

  it('an actual date on or before the deadline meets it', () => {
    expect(deadlineMet({ date: '2023-12-31' }, date('2023年11月30日', '2023-11-30'), 2023)).toBe(true);
    expect(deadlineMet({ date: '2023-12-31' }, date('2023年12月31日', '2023-12-31'), 2023)).toBe(true);
    expect(deadlineMet({ date: '2023-06-30' }, date('2023年7月', '2023-07'), 2023)).toBe(false);
    expect(deadlineMet({ date: '--12-31', comparator: '<=' }, date('11月', '--11'), 2023)).toBe(true);
  });

  it('words: on time, done within the year, late', () => {
    expect(deadlineMet({ date: '2023-12-31' }, words('当年已完成'), 2023)).toBe(true);
    expect(deadlineMet({ date: '2023-12-31' }, words('已完成'), undefined)).toBe(true);
    expect(deadlineMet({ date: '2023-06-30' }, words('按时完成'), 2023)).toBe(true);
    expect(deadlineMet({ date: '2023-06-30' }, words('延期至8月完成'), 2023)).toBe(false);
    expect(deadlineMet({ date: '2023-12-31' }, words('未按时完成'), 2023)).toBe(false);
  });

  it('undefined when the words say too little', () => {
    // done, but was it by the end of June?
    expect(deadlineMet({ date: '2023-06-30' }, words('已完成'), 2023)).toBeUndefined();
    expect(deadlineMet({ date: '2023-12-31' }, words('详见报告'), 2023)).toBeUndefined();
    // "not before" is no deadline
    expect(deadlineMet({ date: '2023-03-01', comparator: '>=' }, date('2023年4月', '2023-04'), 2023)).toBeUndefined();
  });

  it('scores full marks when met, 0 (to confirm) when missed', () => {
    const s = { actual: '当年已完成', target: '2023年12月31日', a: '', t: '', w: '10' };
    const met = scoreDeadline(true, new Dec(10), 2, s);
    expect(met.scoreText).toBe('10.00');
    expect(met.method).toBe('deadline');
    expect(met.formula).toBe('时效指标：目标 2023年12月31日，实际 当年已完成，按期完成，得满分 10');
    const missed = scoreDeadline(false, new Dec(10), 2, s);
    expect(missed.scoreText).toBe('0.00');
    expect(missed.flags).toEqual(['systemSuggested']);
  });
});
