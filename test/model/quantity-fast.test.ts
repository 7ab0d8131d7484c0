import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textToRaw } from '../../src/formats/text/import.js';
import { figure, parseQuantity } from '../../src/model/quantity.js';
import * as reference from './quantity-reference.js';

/**
 * The quantity parser was made fast (word lists looked up by first character, cheap tests before the regular
 * expression passes, a direct path for plain numbers). It must give exactly what it gave before: the previous
 * parser is kept verbatim in quantity-reference.ts and both are run on the same texts — every cell and paragraph
 * of the fixture reports, and random texts built from the pieces values are written with. Compared as JSON, so
 * the order of keys counts too.
 */

const same = (text: string): void => {
  const fast = parseQuantity(text);
  const slow = reference.parseQuantity(text);
  expect(JSON.stringify(fast), JSON.stringify(text)).toBe(JSON.stringify(slow));
  expect(JSON.stringify(figure(text))).toBe(JSON.stringify(reference.figure(text)));
};

/** Every cell and paragraph of the fixture reports (and of the seed, when present). */
function fixtureTexts(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files = [
    ...readdirSync(`${root}test/fixtures/layouts`).map((f) => `${root}test/fixtures/layouts/${f}`),
    `${root}examples/shili-rongmeiti-2024.txt`,
    `${root}../shared/seed/beita-rongmeiti-2023.txt`,
  ].filter((f) => existsSync(f));
  const out = new Set<string>();
  for (const f of files) {
    for (const b of textToRaw(new Uint8Array(readFileSync(f)), 'f.txt').blocks) {
      if (b.type === 'paragraph') out.add(b.text);
      else for (const row of b.rows) for (const c of row) out.add(c.text);
    }
  }
  return [...out];
}

/** Pieces values are written with: numbers in all notations, units, comparators, approximations, dates, words. */
const PIECES = [
  ...['0', '1', '5', '12', '95', '100', '2023', '0.30', '1.5', '312.95', '1,600', '1，600', '007', '-', '+', '.'],
  ...['０', '１', '９５', '．', '％', '﹪', '＋', '－', '−', '＜', '＞', '＝', '～', '〜', '／', '¥', '￥'],
  ...['一', '二', '两', '三', '十', '百', '千', '万', '亿', '零', '〇', '○', '壹', '贰', '拾', '佰', '点', '九十五'],
  ...['%', '‰', '万元', '元', '亿元', '千元', '人', '人次', '篇', '个', '次', '分', '个月', '月', '年', '日', '号'],
  ...['km', 'm', 'min', 'kWh', '㎡', '平方米', '亩', '枚', '档', '趟次', '元/人', '次/年', '/', '\\'],
  ...['≥', '≤', '>', '<', '=', '>=', '<=', '≥=', '≮', '≯', '≧', '≦', '⩾', '⩽'],
  ...['不低于', '不少于', '不超过', '超过', '超', '达到', '控制在', '至少', '最多', '低于', '等于', '不晚于', '截至'],
  ...['约', '近', '将近', '逾', '大约', '以上', '以下', '以内', '左右', '余', '多', '之间', '（含）', '(含)', '整'],
  ...['前', '之前', '后', '以后', '底', '末', '份', '度', '年度', '年底', '月底', '当年', '本年度', '年内'],
  ...['~', '-', '—', '——', '至', '到', '介于', '在', '百分之', '千分之', '百分百', '(', ')', '（', '）'],
  ...['完成', '提升', '已完成', '优', '良好', '较差', '无', '——', '/', '不适用', '……', 'N/A', '5G', 'H5', '第'],
  ...[' ', '\u3000', '\u00a0', '\n', '\t', '。', '；', '，', '、', '：', '“', '”', '"', '「', '」'],
];

const pieced = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

describe('the fast quantity parser gives what the previous one gave', () => {
  it('on every cell and paragraph of the fixture reports', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) same(t);
  });

  it('on plain numbers and percentages in every notation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '-', '+', '－'),
        fc.stringMatching(/^[0-9]{1,12}$/),
        fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
        fc.constantFrom('', '%', '％', ' %', '.', '. ', '%%'),
        fc.constantFrom('', ' ', '\u3000'),
        (sign, int, frac, unit, space) =>
          same(`${space}${sign}${int}${frac === undefined ? '' : `.${frac}`}${unit}${space}`),
      ),
      { numRuns: 3000 },
    );
  });

  it('on every combination of a comparator, a sign, a number and a unit', () => {
    const comparators = ['', '≥', '≤', '>', '<', '=', '>=', '≧', '＞', '不低于', '约'];
    // years, months and days too: 2023年 is a date, 10年 a number of years
    const numbers = ['0', '7', '12', '13', '31', '32', '95', '100', '007', '2023', '1900', '2199', '1899', '2200'];
    const fractions = ['', '.5', '.05', '.30'];
    const units = [
      ...['', '%', '‰', '篇', '个', '人', '人次', '万元', '亿元', '千元', '千米', '百分点', '个百分点', '元', '分'],
      ...['年', '月', '日', '个月', '天', 'km', 'm', 'min', 'kWh', '㎡', '万', '万人', '千', '亿', '百', '枚'],
      ...['元/人', '次/年', '余篇', '多', '以上', '左右', '月底', '年度', '号', '.', '%以上', '篇(含)'],
    ];
    for (const cmp of comparators)
      for (const sign of ['', '-', '+'])
        for (const n of numbers) for (const f of fractions) for (const u of units) same(`${cmp}${sign}${n}${f}${u}`);
  });

  it('on random texts built from the pieces values are written with', () => {
    fc.assert(
      fc.property(pieced, (text) => same(text)),
      { numRuns: 20_000 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (text) => same(text)),
      { numRuns: 3000 },
    );
  });
});
