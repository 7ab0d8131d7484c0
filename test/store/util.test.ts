import { expect, it } from 'vitest';
import { InvalidInputError, MissingReferenceError, UniqueViolationError } from '../../src/store/index.js';
import { containsPattern, decimalKey, decimalString, mapDbError, timestamp, toInt } from '../../src/store/util.js';

it('accepts decimal strings unchanged and refuses everything else', () => {
  for (const ok of ['0.30', '12345678901234.56', '-0.01', '100', '0']) expect(decimalString(ok, 'x')).toBe(ok);
  for (const bad of ['1e3', '.5', '5.', '1,000', ' 1', '95分', '', 'NaN']) {
    expect(() => decimalString(bad, 'x')).toThrow(InvalidInputError);
  }
  expect(() => decimalString(0.3 as never, 'x')).toThrow(InvalidInputError);
});

it('makes integer keys that order decimals exactly to six places', () => {
  expect(decimalKey('90')).toBe(90_000_000);
  expect(decimalKey('89.999999')).toBe(89_999_999);
  expect(decimalKey('0.30')).toBe(300_000);
  expect(decimalKey('-0.01')).toBe(-10_000);
  expect(decimalKey('0.0000005')).toBe(1); // half up
  expect(decimalKey(null)).toBeNull();
  expect(decimalKey('99999999999999999999')).toBe(9e15);
  const values = ['100', '99.99', '90.000001', '90', '12', '0.3', '0', '-5'];
  const keys = values.map((v) => decimalKey(v) ?? 0);
  expect(keys).toEqual([...keys].sort((a, b) => b - a));
});

it('normalises timestamps so that TEXT order is time order', () => {
  expect(timestamp('2025-05-01T08:00:00+08:00')).toBe('2025-05-01T00:00:00.000Z');
  expect(timestamp('2025-05-01')).toBe('2025-05-01T00:00:00.000Z');
  expect(() => timestamp('tomorrow')).toThrow(InvalidInputError);
  expect(timestamp()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

it('maps driver constraint errors of both databases', () => {
  expect(mapDbError({ code: 'SQLITE_CONSTRAINT_UNIQUE' }, 'user')).toBeInstanceOf(UniqueViolationError);
  expect(mapDbError({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }, 'user')).toBeInstanceOf(UniqueViolationError);
  expect(mapDbError({ code: '23505' }, 'user')).toBeInstanceOf(UniqueViolationError);
  expect(mapDbError({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }, 'user')).toBeInstanceOf(MissingReferenceError);
  expect(mapDbError({ code: '23503' }, 'user')).toBeInstanceOf(MissingReferenceError);
  const other = new Error('x');
  expect(mapDbError(other, 'user')).toBe(other);
  expect((mapDbError({ code: '23505' }, 'user') as Error).message).toBe('用户已存在');
});

it('escapes LIKE wildcards', () => {
  expect(containsPattern('100%_达成!')).toBe('%100!%!_达成!!%');
  expect(containsPattern('ABC')).toBe('%abc%');
});

it('normalises counts', () => {
  expect(toInt('42')).toBe(42);
  expect(toInt(7)).toBe(7);
  expect(toInt(null)).toBe(0);
  expect(toInt(3n)).toBe(3);
});
