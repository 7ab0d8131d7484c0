import { describe, expect, it } from 'vitest';
import { dateToIso, excelSerialToIso, formatCellNumber, formatGeneral } from '../../../src/formats/xlsx/numfmt.js';

describe('formatCellNumber', () => {
  it.each([
    [0.3, '0.00', '0.30'],
    [0.3, 'General', '0.3'],
    [0.1 + 0.2, undefined, '0.3'],
    [1, '0%', '100%'],
    [0.955, '0.0%', '95.5%'],
    [0.95, '0.00%', '95.00%'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234.5, '#,##0', '1,235'],
    [2.675, '0.00', '2.68'],
    [1.005, '0.00', '1.01'],
    [-5.5, '0.00', '-5.50'],
    [-5.5, '0.00;(0.00)', '(5.50)'],
    [0, '0.00;-0.00;"-"', '-'],
    [7, '000', '007'],
    [1.5, '0.0#', '1.5'],
    [1.256, '0.0#', '1.26'],
    [0.5, '#.00', '.50'],
    [12.3, '0.00"万元"', '12.30万元'],
    [12.3, '[Red]0.00', '12.30'],
    [12.3, '[$¥-804]#,##0.00', '¥12.30'],
    [12.3, '0.00_);(0.00)', '12.30 '],
    [1500, '#,##0,"千"', '2千'],
    [1e21, 'General', '1000000000000000000000'],
    [0.00001234, 'General', '0.00001234'],
    [12.5, '0.00E+00', '12.5'],
    [45291, 'yyyy"年"m"月"d"日"', '2023-12-31'],
  ])('%s under %s reads %s', (value, fmt, expected) => {
    expect(formatCellNumber(value, fmt)).toBe(expected);
  });
});

describe('dates and General', () => {
  it('writes dates in ISO form, with time only when there is one', () => {
    expect(dateToIso(new Date(Date.UTC(2024, 7, 15)))).toBe('2024-08-15');
    expect(dateToIso(new Date(Date.UTC(2024, 7, 15, 9, 30)))).toBe('2024-08-15T09:30');
    expect(dateToIso(new Date(Date.UTC(1899, 11, 30, 8, 5, 7)))).toBe('08:05:07');
    expect(dateToIso(new Date(Number.NaN))).toBe('');
    expect(excelSerialToIso(45519)).toBe('2024-08-15');
  });

  it('General never uses exponent notation nor float noise', () => {
    expect(formatGeneral(312.95)).toBe('312.95');
    expect(formatGeneral(0)).toBe('0');
    expect(formatGeneral(-0.07)).toBe('-0.07');
    expect(formatGeneral(100.00000000000001)).toBe('100');
  });
});
