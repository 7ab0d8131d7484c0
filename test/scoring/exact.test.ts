import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/index.js';
import { dec, fixed, fromUnits, percent, plain, roundTo, toUnits, unitsOf, withUnit } from '../../src/scoring/exact.js';

describe('exact helpers', () => {
  it('dec parses once and hands back the same value', () => {
    expect(dec('312.95')).toBe(dec('312.95'));
    expect(dec(0.8).toFixed()).toBe('0.8');
    expect(dec('0.30').toFixed(2)).toBe('0.30');
  });
  it('roundTo rounds half up and keeps a value that is already short enough', () => {
    const x = new Dec('9.5');
    expect(roundTo(x, 2)).toBe(x);
    expect(roundTo(new Dec('1.005'), 2).toFixed()).toBe('1.01');
    expect(roundTo(new Dec('2.675'), 2).toFixed()).toBe('2.68');
    expect(roundTo(new Dec('9.5238095'), 2).toFixed()).toBe('9.52');
  });
  it('units: exact integer counts of 10^-places', () => {
    expect(unitsOf('9.52', 2)).toBe(952);
    expect(unitsOf('10', 2)).toBe(1000);
    expect(unitsOf('0.3', 2)).toBe(30);
    expect(unitsOf('-0.5', 2)).toBe(-50);
    expect(unitsOf('-0', 2)).toBe(0);
    expect(unitsOf('1.005', 2)).toBe(101);
    expect(unitsOf('2.675', 2)).toBe(268);
    expect(unitsOf('7', 0)).toBe(7);
    expect(unitsOf('123456789012345.678', 2)).toBe(12345678901234568);
    expect(toUnits('9.52', 2)).toBe(952);
    expect(Object.is(toUnits('-0.00', 2), 0)).toBe(true);
    expect(fromUnits(952, 2)).toBe(9.52);
    expect(fromUnits(1000, 2)).toBe(10);
    // summing in units is exact where floats are not
    expect(fromUnits(unitsOf('0.1', 2) + unitsOf('0.2', 2), 2)).toBe(0.3);
  });
  it('prints plainly', () => {
    expect(plain(new Dec('1e-7'))).toBe('0.0000001');
    expect(fixed(dec('10'), 2)).toBe('10.00');
    expect(fixed(dec('10'), 1)).toBe('10.0');
    expect(percent(new Dec('0.97'))).toBe('97%');
    expect(percent(new Dec(2).div(3))).toBe('66.67%');
    expect(percent(1.2)).toBe('120%');
    expect(withUnit('126', '万元')).toBe('126 万元');
    expect(withUnit('95', '%')).toBe('95%');
    expect(withUnit('2859', undefined)).toBe('2859');
  });
});
