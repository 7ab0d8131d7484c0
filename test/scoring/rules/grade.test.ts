import { describe, expect, it } from 'vitest';
import { hunan } from '../../../src/rules/hunan.js';
import { national2020 } from '../../../src/rules/national-2020.js';
import { gradeFor, parseGrade } from '../../../src/scoring/rules/grade.js';

describe('R-6 grade bands (half-open)', () => {
  it.each([
    [100, '优'],
    [95, '优'],
    [90, '优'],
    [89.99, '良'],
    [89.5, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('%s → %s', (total, name) => {
    expect(gradeFor(total, national2020).name).toBe(name);
  });
  it('prints the profile label: 95 → 优 (national), 优秀 (hunan)', () => {
    expect(gradeFor(95, national2020)).toEqual({ code: 'A', name: '优', label: '优' });
    expect(gradeFor(95, hunan)).toEqual({ code: 'A', name: '优', label: '优秀' });
    expect(gradeFor(85, hunan).label).toBe('良好');
  });
  it('a negative total is 差', () => {
    expect(gradeFor(-1, national2020).name).toBe('差');
  });
});

describe('parseGrade', () => {
  it('reads labels, names and aliases of the profile', () => {
    expect(parseGrade('优秀', national2020)?.name).toBe('优');
    expect(parseGrade('优', hunan)?.label).toBe('优秀');
    expect(parseGrade('良好', national2020)?.name).toBe('良');
    expect(parseGrade('中等', national2020)?.name).toBe('中');
    expect(parseGrade('较差', hunan)?.name).toBe('差');
  });
  it('reads the wording around a grade', () => {
    expect(parseGrade('“优秀”', national2020)?.name).toBe('优');
    expect(parseGrade('绩效评价等次为“优秀”', hunan)?.name).toBe('优');
    expect(parseGrade('良好等次', hunan)?.name).toBe('良');
    expect(parseGrade(' 优秀。', hunan)?.name).toBe('优');
  });
  it('null for anything else', () => {
    expect(parseGrade('', national2020)).toBeNull();
    expect(parseGrade('95', national2020)).toBeNull();
    expect(parseGrade('优良', national2020)).toBeNull();
    expect(parseGrade('很好', national2020)).toBeNull();
  });
});
