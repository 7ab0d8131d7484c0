import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands, halfWidthDigits, parseMoneyInput, sumDecimals } from '../../../web/src/lib/money.js';

describe('parseMoneyInput', () => {
  it('reads plain amounts exactly, keeping the decimals as typed', () => {
    expect(parseMoneyInput('312.95')).toEqual({ kind: 'amount', value: '312.95' });
    expect(parseMoneyInput(' 1.50 ')).toEqual({ kind: 'amount', value: '1.50' });
    expect(parseMoneyInput('0.1')).toEqual({ kind: 'amount', value: '0.1' });
    expect(parseMoneyInput('007.5')).toEqual({ kind: 'amount', value: '7.5' });
    expect(parseMoneyInput('.5')).toEqual({ kind: 'amount', value: '0.5' });
    expect(parseMoneyInput('12.')).toEqual({ kind: 'amount', value: '12' });
    expect(parseMoneyInput('-3.2')).toEqual({ kind: 'amount', value: '-3.2' });
    expect(parseMoneyInput('+3')).toEqual({ kind: 'amount', value: '3' });
  });

  it('accepts 万元 suffixes, currency signs, full-width digits and proper thousands separators', () => {
    expect(parseMoneyInput('312.95万元')).toEqual({ kind: 'amount', value: '312.95' });
    expect(parseMoneyInput('312.95万')).toEqual({ kind: 'amount', value: '312.95' });
    expect(parseMoneyInput('￥1,234.56')).toEqual({ kind: 'amount', value: '1234.56' });
    expect(parseMoneyInput('１２３．４')).toEqual({ kind: 'amount', value: '123.4' });
    expect(parseMoneyInput('1 234.5')).toEqual({ kind: 'amount', value: '1234.5' });
  });

  it('converts 元 to 万元 exactly', () => {
    expect(parseMoneyInput('3129500元')).toEqual({ kind: 'amount', value: '312.95' });
    expect(parseMoneyInput('1元')).toEqual({ kind: 'amount', value: '0.0001' });
    expect(parseMoneyInput('50000元')).toEqual({ kind: 'amount', value: '5.00' });
  });

  it('tells empty, written-as-nothing and invalid apart', () => {
    expect(parseMoneyInput('')).toEqual({ kind: 'empty' });
    expect(parseMoneyInput('   ')).toEqual({ kind: 'empty' });
    expect(parseMoneyInput('无')).toEqual({ kind: 'none', text: '无' });
    expect(parseMoneyInput('——')).toEqual({ kind: 'none', text: '——' });
    expect(parseMoneyInput('0')).toEqual({ kind: 'amount', value: '0' });
    expect(parseMoneyInput('12a').kind).toBe('invalid');
    expect(parseMoneyInput('1,23.4').kind).toBe('invalid');
    expect(parseMoneyInput('约3万元').kind).toBe('invalid');
    expect(parseMoneyInput('1.2.3').kind).toBe('invalid');
  });

  it('never goes through floats: any decimal string comes back unchanged', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }), (n, places) => {
        const s = n.toString().padStart(places + 1, '0');
        const value = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
        const r = parseMoneyInput(value);
        expect(r.kind).toBe('amount');
        if (r.kind === 'amount') expect(r.value).toBe(value.replace(/^0+(?=\d)/, ''));
      }),
    );
  });
});

describe('helpers', () => {
  it('maps only full-width digits and signs', () => {
    expect(halfWidthDigits('１２，３４５．６－')).toBe('12,345.6-');
    expect(halfWidthDigits('万元（')).toBe('万元（');
  });
  it('groups thousands', () => {
    expect(groupThousands('1234567.891')).toBe('1,234,567.891');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999')).toBe('999');
  });
  it('sums exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals([undefined, '1.005', '2'])).toBe('3.005');
    expect(sumDecimals([undefined])).toBeUndefined();
  });
});
