import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalStringSchema } from '../../src/model/figure.js';
import {
  Dec,
  amountInWan,
  fenToWan,
  formatWan,
  numberOf,
  ratioOf,
  wanToFen,
  wanToYuan,
  yuanToWan,
} from '../../src/model/money.js';
import { figure } from '../../src/model/quantity.js';

/** A decimal string with up to `scale` decimals, possibly negative. */
const decimalArb = (scale: number) =>
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 0, max: scale }))
    .map(([negative, digits, places]) => {
      const text = digits.toString().padStart(places + 1, '0');
      const value = places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
      return negative && digits !== 0n ? `-${value}` : value;
    });

describe('Dec', () => {
  it('is exact where floats are not', () => {
    expect(new Dec('0.1').plus('0.2').toString()).toBe('0.3');
    expect(new Dec('1.005').toFixed(2)).toBe('1.01');
    expect(new Dec('312.95').mul(10000).toString()).toBe('3129500');
  });

  it('never writes exponents, so every Dec string is a model decimal string', () => {
    expect(yuanToWan('0.001').toString()).toBe('0.0000001');
    expect(new Dec('1e30').toString()).toBe('1000000000000000000000000000000');
    fc.assert(
      fc.property(decimalArb(12), fc.integer({ min: -30, max: 30 }), (v, exp) => {
        const d = new Dec(v).mul(new Dec(10).pow(exp));
        expect(decimalStringSchema.safeParse(d.toString()).success).toBe(true);
      }),
    );
  });

  it('rounds half up (四舍五入), away from zero for negatives', () => {
    expect(new Dec('2.345').toFixed(2)).toBe('2.35');
    expect(new Dec('-2.345').toFixed(2)).toBe('-2.35');
  });
});

describe('元 ↔ 万元 ↔ 分', () => {
  it('converts exactly', () => {
    expect(yuanToWan('3129500').toString()).toBe('312.95');
    expect(wanToYuan('312.95').toString()).toBe('3129500');
    expect(wanToYuan('0.30').toString()).toBe('3000');
    expect(wanToFen('312.95')).toBe(312_950_000n);
    expect(wanToFen('0.000001')).toBe(1n);
    expect(fenToWan(1n).toString()).toBe('0.000001');
    expect(fenToWan(312_950_000n).toString()).toBe('312.95');
    expect(fenToWan(-250n).toString()).toBe('-0.00025');
  });

  it('rounds to the nearest 分 half up', () => {
    expect(wanToFen('0.0000005')).toBe(1n); // 0.005 元 = 0.5 分
    expect(wanToFen('0.0000004')).toBe(0n);
    expect(wanToFen('-0.0000005')).toBe(-1n);
    expect(wanToFen('-0.000005')).toBe(-5n);
  });

  it('round trips: 分 → 万元 → 分', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (fen) => {
        expect(wanToFen(fenToWan(fen))).toBe(fen);
      }),
    );
  });

  it('round trips: 元 → 万元 → 元, and 万元 → 元 → 万元', () => {
    fc.assert(
      fc.property(decimalArb(8), (v) => {
        expect(wanToYuan(yuanToWan(v)).eq(v)).toBe(true);
        expect(yuanToWan(wanToYuan(v)).eq(v)).toBe(true);
      }),
    );
  });

  it('round trips: 万元 with at most 6 decimals → 分 → 万元', () => {
    fc.assert(
      fc.property(decimalArb(6), (wan) => {
        expect(fenToWan(wanToFen(wan)).eq(wan)).toBe(true);
      }),
    );
  });
});

describe('formatWan', () => {
  it('prints two decimals the way the forms do', () => {
    expect(formatWan('0.3')).toBe('0.30');
    expect(formatWan('312.95')).toBe('312.95');
    expect(formatWan('100')).toBe('100.00');
    expect(formatWan('0.005')).toBe('0.01');
    expect(formatWan('1.005')).toBe('1.01');
    expect(formatWan('-1.005')).toBe('-1.01');
    expect(formatWan('2.5', 0)).toBe('3');
  });

  it('never prints a negative zero', () => {
    expect(formatWan('-0.001')).toBe('0.00');
    expect(formatWan('-0')).toBe('0.00');
    expect(formatWan('-0.4', 0)).toBe('0');
    expect(formatWan('-0.005')).toBe('-0.01');
  });
});

describe('amounts, numbers and ratios of figures', () => {
  it('reads an amount in 万元 whatever money unit was written', () => {
    expect(amountInWan(figure('312.95'))?.toString()).toBe('312.95');
    expect(amountInWan(figure('182.32万元'))?.toString()).toBe('182.32');
    expect(amountInWan(figure('3129500元'))?.toString()).toBe('312.95');
    expect(amountInWan(figure('￥1,200'))?.toString()).toBe('0.12');
    expect(amountInWan(figure('1.5亿元'))?.toString()).toBe('15000');
    expect(amountInWan(figure('800千元'))?.toString()).toBe('80');
    expect(amountInWan(figure('3129500'), '元')?.toString()).toBe('312.95');
  });

  it('has no amount for nothing, words, ranges, percentages or counts', () => {
    expect(amountInWan(undefined)).toBeUndefined();
    expect(amountInWan(figure('无'))).toBeUndefined();
    expect(amountInWan(figure('提升'))).toBeUndefined();
    expect(amountInWan(figure('5-10万元'))).toBeUndefined();
    expect(amountInWan(figure('95%'))).toBeUndefined();
    expect(amountInWan(figure('1600篇'))).toBeUndefined();
  });

  it('reads plain numbers and ratios', () => {
    expect(numberOf(figure('≥95%'))?.toString()).toBe('95');
    expect(numberOf(figure('提升'))).toBeUndefined();
    expect(ratioOf(figure('95%'))?.toString()).toBe('0.95');
    expect(ratioOf(figure('5‰'))?.toString()).toBe('0.005');
    expect(ratioOf(figure('0.95'))?.toString()).toBe('0.95');
    expect(ratioOf(figure('百分之九十五'))?.toString()).toBe('0.95');
    expect(ratioOf(figure('95篇'))).toBeUndefined();
    expect(ratioOf(undefined)).toBeUndefined();
  });

  it('reads 元 amounts exactly for any value', () => {
    fc.assert(
      fc.property(decimalArb(2), (yuan) => {
        expect(amountInWan(figure(`${yuan}元`))?.eq(yuanToWan(yuan))).toBe(true);
      }),
    );
  });
});
