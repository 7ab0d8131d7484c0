import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import nzh from 'nzh/cn';
import { describe, expect, it } from 'vitest';
import { quantitySchema, type Comparator, type Quantity } from '../../src/model/figure.js';
import { cleanCellText, figure, formatQuantity, parseQuantity } from '../../src/model/quantity.js';

type Case = readonly [input: string, expected: Quantity];

const num = (value: string, extra: Partial<Extract<Quantity, { kind: 'number' }>> = {}): Quantity => ({
  kind: 'number',
  value,
  ...extra,
});
const range = (low: string, high: string, unit?: string): Quantity =>
  unit === undefined ? { kind: 'range', low, high } : { kind: 'range', low, high, unit };
const date = (d: string, extra: Partial<Extract<Quantity, { kind: 'date' }>> = {}): Quantity => ({
  kind: 'date',
  date: d,
  ...extra,
});
const words = (text: string, extra: Partial<Extract<Quantity, { kind: 'qualitative' }>> = {}): Quantity => ({
  kind: 'qualitative',
  text,
  ...extra,
});
const NONE: Quantity = { kind: 'none' };
const UNPARSED: Quantity = { kind: 'unparsed' };

function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    it.each(cases.map(([input, expected]) => ({ input, expected })))('$input', ({ input, expected }) => {
      const q = parseQuantity(input);
      expect(q).toEqual(expected);
      expect(quantitySchema.safeParse(q).success).toBe(true);
    });
  });
}

describe('cleanCellText', () => {
  it('strips ASCII, full-width, NBSP, zero-width padding and line breaks, keeps the inside', () => {
    expect(cleanCellText('\u3000 ≥95%\u00a0\t\r\n')).toBe('≥95%');
    expect(cleanCellText('\ufeff\u200b提 升\u200b')).toBe('提 升');
    expect(cleanCellText('\u3000\u3000')).toBe('');
    expect(cleanCellText('')).toBe('');
  });
});

describe('figure', () => {
  it('is undefined for nothing written, keeps the text as written otherwise', () => {
    expect(figure(undefined)).toBeUndefined();
    expect(figure(null)).toBeUndefined();
    expect(figure('')).toBeUndefined();
    expect(figure('\u3000 ')).toBeUndefined();
    expect(figure('　0.30　')).toEqual({ text: '0.30', q: num('0.30') });
    expect(figure('——')).toEqual({ text: '——', q: NONE });
    expect(figure('0')).toEqual({ text: '0', q: num('0') });
  });

  it('"0", "无" and empty are three different things', () => {
    expect(figure('0')?.q.kind).toBe('number');
    expect(figure('无')?.q.kind).toBe('none');
    expect(figure('')).toBeUndefined();
  });
});

table('comparators: symbols', [
  ['≥95%', num('95', { unit: '%', comparator: '>=' })],
  ['≤185.32万元', num('185.32', { unit: '万元', comparator: '<=' })],
  ['>90', num('90', { comparator: '>' })],
  ['<5%', num('5', { unit: '%', comparator: '<' })],
  ['=100%', num('100', { unit: '%', comparator: '=' })],
  ['＝100%', num('100', { unit: '%', comparator: '=' })],
  ['﹦5', num('5', { comparator: '=' })],
  ['＞80', num('80', { comparator: '>' })],
  ['＜3', num('3', { comparator: '<' })],
  ['≧90', num('90', { comparator: '>=' })],
  ['≦10', num('10', { comparator: '<=' })],
  ['>=95', num('95', { comparator: '>=' })],
  ['<=3', num('3', { comparator: '<=' })],
  ['＞＝９０', num('90', { comparator: '>=' })],
  ['> = 90', num('90', { comparator: '>=' })],
  ['=>95', num('95', { comparator: '>=' })],
  ['≮95%', num('95', { unit: '%', comparator: '>=' })],
  ['≯5', num('5', { comparator: '<=' })],
  ['　 ≥500', num('500', { comparator: '>=' })],
  ['≥ 95 %', num('95', { unit: '%', comparator: '>=' })],
]);

table('comparators: words', [
  ['不低于95%', num('95', { unit: '%', comparator: '>=' })],
  ['不少于800篇', num('800', { unit: '篇', comparator: '>=' })],
  ['大于等于95%', num('95', { unit: '%', comparator: '>=' })],
  ['大于或等于95%', num('95', { unit: '%', comparator: '>=' })],
  ['达到95%', num('95', { unit: '%', comparator: '>=' })],
  ['至少3次', num('3', { unit: '次', comparator: '>=' })],
  ['不高于5%', num('5', { unit: '%', comparator: '<=' })],
  ['不超过182.32万元', num('182.32', { unit: '万元', comparator: '<=' })],
  ['小于等于3天', num('3', { unit: '天', comparator: '<=' })],
  ['控制在182万元以内', num('182', { unit: '万元', comparator: '<=' })],
  ['控制在5%以下', num('5', { unit: '%', comparator: '<=' })],
  ['控制在182万元', num('182', { unit: '万元', comparator: '<=' })],
  ['95%以上', num('95', { unit: '%', comparator: '>=' })],
  ['95分及以上', num('95', { unit: '分', comparator: '>=' })],
  ['95%（含）以上', num('95', { unit: '%', comparator: '>=' })],
  ['5%以下', num('5', { unit: '%', comparator: '<=' })],
  ['3天以内', num('3', { unit: '天', comparator: '<=' })],
  ['3个工作日内', num('3', { unit: '个工作日', comparator: '<=' })],
  ['大于95%', num('95', { unit: '%', comparator: '>' })],
  ['小于5%', num('5', { unit: '%', comparator: '<' })],
  ['不足10%', num('10', { unit: '%', comparator: '<' })],
  ['等于100%', num('100', { unit: '%', comparator: '=' })],
  // the same direction written twice is one comparator
  ['不低于95%以上', num('95', { unit: '%', comparator: '>=' })],
]);

table('approximation words', [
  ['1600余篇', num('1600', { unit: '篇', approx: 'more' })],
  ['4000多单', num('4000', { unit: '单', approx: 'more' })],
  ['100多个', num('100', { unit: '个', approx: 'more' })],
  ['1万余人', num('10000', { unit: '人', approx: 'more' })],
  ['约95%', num('95', { unit: '%', approx: 'about' })],
  ['大约3000人', num('3000', { unit: '人', approx: 'about' })],
  ['30%左右', num('30', { unit: '%', approx: 'about' })],
  ['近2万人', num('20000', { unit: '人', approx: 'nearly' })],
  ['将近50%', num('50', { unit: '%', approx: 'nearly' })],
  ['超20万元', num('20', { unit: '万元', approx: 'over' })],
  ['超过47万', num('470000', { approx: 'over' })],
  ['逾300篇', num('300', { unit: '篇', approx: 'over' })],
  ['超一万', num('10000', { approx: 'over' })],
  // DECISION: 不超过 is a comparator, 超过 alone an approximation
  ['不超过20万元', num('20', { unit: '万元', comparator: '<=' })],
  // DECISION: 约 … 余 says "about" twice: the first word is kept
  ['约1600余篇', num('1600', { unit: '篇', approx: 'about' })],
]);

table('digits, separators, signs', [
  ['0', num('0')],
  ['0.30', num('0.30')],
  ['100.00%', num('100.00', { unit: '%' })],
  ['０．３０', num('0.30')],
  ['１２３４５６７８９０', num('1234567890')],
  ['１００％', num('100', { unit: '%' })],
  ['1,600', num('1600')],
  ['1，600篇', num('1600', { unit: '篇' })],
  ['1,600,000.50', num('1600000.50')],
  ['-5%', num('-5', { unit: '%' })],
  ['－5', num('-5')],
  ['−12.5', num('-12.5')],
  ['+5', num('5')],
  ['-0', num('0')],
  ['007', num('7')],
  ['95％', num('95', { unit: '%' })],
  ['5‰', num('5', { unit: '‰' })],
  ['95%。', num('95', { unit: '%' })],
  ['≥95%；', num('95', { unit: '%', comparator: '>=' })],
]);

table('units', [
  ['182.32万元', num('182.32', { unit: '万元' })],
  ['1.2万元', num('1.2', { unit: '万元' })],
  ['312.95元', num('312.95', { unit: '元' })],
  ['1.5亿元', num('1.5', { unit: '亿元' })],
  ['800千元', num('800', { unit: '千元' })],
  ['1050篇', num('1050', { unit: '篇' })],
  ['3个月', num('3', { unit: '个月' })],
  ['120㎡', num('120', { unit: '㎡' })],
  ['120平方米', num('120', { unit: '平方米' })],
  ['15公里', num('15', { unit: '公里' })],
  ['15km', num('15', { unit: 'km' })],
  ['95 km', num('95', { unit: 'km' })],
  ['2.5小时', num('2.5', { unit: '小时' })],
  ['30分钟', num('30', { unit: '分钟' })],
  ['≥90分', num('90', { unit: '分', comparator: '>=' })],
  ['3个百分点', num('3', { unit: '个百分点' })],
  ['50元/人', num('50', { unit: '元/人' })],
  ['12人次/年', num('12', { unit: '人次/年' })],
  ['10年', num('10', { unit: '年' })],
  ['1600年', num('1600', { unit: '年' })],
  ['99支', num('99', { unit: '支' })],
  ['3000枚', num('3000', { unit: '枚' })],
  // a measure word missing from the list is still kept when the cell ends with it
  ['5档', num('5', { unit: '档' })],
  ['2趟次', num('2', { unit: '趟次' })],
  // leading currency and parenthesised units
  ['￥1,200.50', num('1200.50', { unit: '元' })],
  ['¥100万元', num('100', { unit: '万元' })],
  ['人民币100万元', num('100', { unit: '万元' })],
  ['（万元）185.32', num('185.32', { unit: '万元' })],
  ['185.32（万元）', num('185.32', { unit: '万元' })],
  ['185.32(万元)', num('185.32', { unit: '万元' })],
]);

table('万/亿/千 multipliers', [
  ['12万', num('120000')],
  ['12万次', num('120000', { unit: '次' })],
  ['1.2万', num('12000')],
  ['1.25万人次', num('12500', { unit: '人次' })],
  ['1.5亿', num('150000000')],
  ['5千', num('5000')],
  ['2千万元', num('20000000', { unit: '元' })],
  ['0.0000001万', num('0.001')],
  // units that begin with a multiplier stay units
  ['3千米', num('3', { unit: '千米' })],
  ['3千克', num('3', { unit: '千克' })],
]);

table('Chinese numerals', [
  ['一万二千', num('12000')],
  ['两千', num('2000')],
  ['十二', num('12')],
  ['十', num('10')],
  ['一百零五', num('105')],
  ['十万零五', num('100005')],
  ['二十万', num('200000')],
  ['三千亿', num('300000000000')],
  ['九十五点五', num('95.5')],
  ['零点三零', num('0.30')],
  ['零', num('0')],
  ['壹仟贰佰元', num('1200', { unit: '元' })],
  // colloquial endings
  ['一万二', num('12000')],
  ['一百二', num('120')],
  ['两千五', num('2500')],
  ['百分之九十五', num('95', { unit: '%' })],
  ['百分之九十五点五', num('95.5', { unit: '%' })],
  ['百分之95', num('95', { unit: '%' })],
  ['百分之百', num('100', { unit: '%' })],
  ['百分百', num('100', { unit: '%' })],
  ['千分之五', num('5', { unit: '‰' })],
  ['九十五点五%', num('95.5', { unit: '%' })],
  ['十二万次', num('120000', { unit: '次' })],
  ['五百万元', num('500', { unit: '万元' })],
  ['一万二千元', num('12000', { unit: '元' })],
  ['一个', num('1', { unit: '个' })],
  ['两个', num('2', { unit: '个' })],
  ['十余个', num('10', { unit: '个', approx: 'more' })],
  ['一万多人', num('10000', { unit: '人', approx: 'more' })],
  ['不少于一千篇', num('1000', { unit: '篇', comparator: '>=' })],
  // words that contain numeral characters are words
  ['十分满意', words('十分满意')],
  ['一般', words('一般')],
  ['三生三世', words('三生三世')],
  ['一次性', words('一次性')],
  ['万', words('万')],
  ['十十', words('十十')],
]);

table('dates', [
  ['2023年12月31日', date('2023-12-31')],
  ['2023年12月31号', date('2023-12-31')],
  ['2023年12月31', date('2023-12-31')],
  ['2023.12.31', date('2023-12-31')],
  ['2023-12-31', date('2023-12-31')],
  ['2023/12/31', date('2023-12-31')],
  ['2023年1月5日', date('2023-01-05')],
  ['2023年12月', date('2023-12')],
  ['2023年12月份', date('2023-12')],
  ['2023-12', date('2023-12')],
  ['2023/6', date('2023-06')],
  ['2023年', date('2023')],
  ['2023年度', date('2023')],
  ['2023年底', date('2023-12-31')],
  ['2023年末', date('2023-12-31')],
  ['2023年6月底', date('2023-06-30')],
  ['2024年2月29日', date('2024-02-29')],
  ['2023 年 12 月 31 日', date('2023-12-31')],
  ['２０２３年１２月３１日', date('2023-12-31')],
  ['二〇二三年十二月三十一日', date('2023-12-31')],
  ['二○二三年六月', date('2023-06')],
  // deadlines: DECISION 前 includes the day itself
  ['2023年12月31日前', date('2023-12-31', { comparator: '<=' })],
  ['2023年底前', date('2023-12-31', { comparator: '<=' })],
  ['≤2023年12月31日', date('2023-12-31', { comparator: '<=' })],
  ['不晚于2023年12月31日', date('2023-12-31', { comparator: '<=' })],
  ['截至2023年12月31日', date('2023-12-31', { comparator: '<=' })],
  ['2023年6月30日之后', date('2023-06-30', { comparator: '>=' })],
  ['不早于2023年7月1日', date('2023-07-01', { comparator: '>=' })],
  // DECISION: no year written → ISO 8601 year-less '--MM-DD' / '--MM'
  ['12月31日前', date('--12-31', { comparator: '<=' })],
  ['12月31日', date('--12-31')],
  ['12月底前', date('--12-31', { comparator: '<=' })],
  ['2月底', date('--02-29')],
  ['12月', date('--12')],
  ['3月份', date('--03')],
  ['十二月', date('--12')],
  // DECISION: 2023.12 stays a number (it is one); 2023 alone is a number
  ['2023.12', num('2023.12')],
  ['2023', num('2023')],
]);

table('ranges', [
  ['60%-80%', range('60', '80', '%')],
  ['60%～80%', range('60', '80', '%')],
  ['60%至80%', range('60', '80', '%')],
  ['60%到80%', range('60', '80', '%')],
  ['60-80%', range('60', '80', '%')],
  ['80~100个', range('80', '100', '个')],
  ['80—100', range('80', '100')],
  ['-10--5', range('-10', '-5')],
  ['1-2万人', range('10000', '20000', '人')],
  ['5-10万元', range('5', '10', '万元')],
  ['百分之六十至百分之八十', range('60', '80', '%')],
  ['在60%-80%之间', range('60', '80', '%')],
  ['控制在60%-80%', range('60', '80', '%')],
  ['1-12月', range('1', '12', '月')],
  // DECISION: a reversed range is not understood
  ['80-60%', UNPARSED],
  ['60个-80%', UNPARSED],
]);

table('nothing written as such', [
  ['无', NONE],
  ['没有', NONE],
  ['暂无', NONE],
  ['—', NONE],
  ['——', NONE],
  ['————', NONE],
  ['-', NONE],
  ['－', NONE],
  ['/', NONE],
  ['／', NONE],
  ['\\', NONE],
  ['不适用', NONE],
  ['不涉及', NONE],
  ['N/A', NONE],
  ['n/a', NONE],
  ['N / A', NONE],
  ['NA', NONE],
  ['ＮＡ', NONE],
  ['……', NONE],
  ['…', NONE],
  ['', NONE],
  ['\u3000\u3000', NONE],
]);

table('words', [
  ['提升', words('提升')],
  ['提高', words('提高')],
  ['明显提升', words('明显提升')],
  ['完成', words('完成')],
  ['已完成', words('已完成')],
  ['达成', words('达成')],
  ['达标', words('达标')],
  ['合格', words('合格')],
  ['好', words('好')],
  ['较好', words('较好')],
  ['有效', words('有效')],
  ['显著', words('显著')],
  ['及时', words('及时')],
  ['是', words('是')],
  ['否', words('否')],
  ['按时完成', words('按时完成')],
  ['达到预期', words('达到预期')],
  ['超额完成', words('超额完成')],
  ['数千余条', words('数千余条')],
  ['　提升　', words('提升')],
  ['“提升”', words('提升')],
  ['提升。', words('提升')],
  ['提 升', words('提升')],
  ['向广大群众第一时间传递声音', words('向广大群众第一时间传递声音')],
  ['　向广大群众第一时间传递区委政府声音', words('向广大群众第一时间传递区委政府声音')],
  ['5G网络全覆盖', words('5G网络全覆盖')],
  ['H5页面', words('H5页面')],
  ['good job', words('good job')],
  // grades
  ['优', words('优', { level: '优' })],
  ['良', words('良', { level: '良' })],
  ['中', words('中', { level: '中' })],
  ['低', words('低', { level: '低' })],
  ['差', words('差', { level: '差' })],
  ['优秀', words('优秀', { level: '优' })],
  ['良好', words('良好', { level: '良' })],
  ['较差', words('较差', { level: '差' })],
  // a target listing all grades is no grade
  ['优良中低差', words('优良中低差')],
  ['优/良/中/差', words('优/良/中/差')],
  // the evaluation year
  ['当年', words('当年', { relativeDate: 'currentYear' })],
  ['当年已完成', words('已完成', { relativeDate: 'currentYear' })],
  ['　当年已完成', words('已完成', { relativeDate: 'currentYear' })],
  ['年内', words('年内', { relativeDate: 'currentYear' })],
  ['年内完成', words('完成', { relativeDate: 'currentYear' })],
  ['本年度完成', words('完成', { relativeDate: 'currentYear' })],
  ['年底前完成', words('完成', { relativeDate: 'currentYear' })],
  ['于年底前完成', words('完成', { relativeDate: 'currentYear' })],
  // list numbering is not a value
  ['1、公务接待', words('1、公务接待')],
  ['（1）完成', words('（1）完成')],
  ['1.严格控制公务接待。2.严格控制会议经费支出。', words('1.严格控制公务接待。2.严格控制会议经费支出')],
]);

table('a value among words (context)', [
  ['完成1050篇', num('1050', { unit: '篇', context: '完成' })],
  ['1050完成', num('1050', { context: '完成' })],
  ['共计1600余篇稿件', num('1600', { unit: '篇', approx: 'more', context: '共计稿件' })],
  ['向省、市电视台上稿≥800篇', num('800', { unit: '篇', comparator: '>=', context: '向省、市电视台上稿' })],
  ['100%完成', num('100', { unit: '%', context: '完成' })],
  ['≥95%（抽样调查）', num('95', { unit: '%', comparator: '>=', context: '（抽样调查）' })],
  ['项目支出：0', num('0', { context: '项目支出' })],
  ['发稿量最高达到1600篇', num('1600', { unit: '篇', comparator: '>=', context: '发稿量最高' })],
  ['增长-5%', num('-5', { unit: '%', context: '增长' })],
  ['1、完成发稿1600篇', num('1600', { unit: '篇', context: '1、完成发稿' })],
  ['2023年12月31日前完成', date('2023-12-31', { comparator: '<=', context: '完成' })],
  ['于2023年12月31日前完成', date('2023-12-31', { comparator: '<=', context: '于完成' })],
  ['全年完成60%-80%', { kind: 'range', low: '60', high: '80', unit: '%', context: '全年完成' }],
]);

table('not understood', [
  ['12.3.4.5', UNPARSED],
  ['≥≥3', UNPARSED],
  ['≤≥3', UNPARSED],
  ['≤95%以上', UNPARSED],
  ['不超过95%以上', UNPARSED],
  ['60 80', UNPARSED],
  ['1,60', UNPARSED],
  ['.5', UNPARSED],
  ['1:2', UNPARSED],
  ['7*24小时', UNPARSED],
  ['1、2、3', UNPARSED],
  ['¥95%', UNPARSED],
  ['abc 95', UNPARSED],
  ['2023年2月30日', UNPARSED],
  ['2023年13月', UNPARSED],
  ['2023.2.29', UNPARSED],
  ['截至11月30日，共发布视频331个', UNPARSED],
]);

describe('formatQuantity', () => {
  it('writes values the way the forms do', () => {
    expect(formatQuantity(num('95', { unit: '%', comparator: '>=' }))).toBe('≥95%');
    expect(formatQuantity(num('1600', { unit: '篇', approx: 'more' }))).toBe('1600余篇');
    expect(formatQuantity(num('20', { unit: '万元', approx: 'over' }))).toBe('超20万元');
    expect(formatQuantity(range('60', '80', '%'))).toBe('60～80%');
    expect(formatQuantity(date('2023-12-31', { comparator: '<=' }))).toBe('2023年12月31日前');
    expect(formatQuantity(date('--12-31'))).toBe('12月31日');
    expect(formatQuantity(words('已完成', { relativeDate: 'currentYear' }))).toBe('当年已完成');
    expect(formatQuantity(NONE)).toBe('无');
    expect(formatQuantity(UNPARSED)).toBe('');
  });

  it('parseQuantity(formatQuantity(q)) gives q back for every understood example above', () => {
    const inputs = [
      '≥95%',
      '1600余篇',
      '≤185.32万元',
      '约95%',
      '近2万人',
      '超20万元',
      '60%-80%',
      '1-2万人',
      '2023年12月31日前',
      '12月31日前',
      '2023年12月',
      '2023年',
      '当年已完成',
      '年内',
      '提升',
      '优秀',
      '—',
      '-10--5',
      '50元/人',
      '3天以内',
      '2023年6月30日之后',
    ];
    for (const input of inputs) {
      const q = parseQuantity(input);
      expect(parseQuantity(formatQuantity(q)), input).toEqual(q);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

/** A canonical decimal string: no leading zeros, trailing zeros kept as generated. */
const decimalArb = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
  )
  .map(([negative, int, frac]) => {
    const isZero = int === 0n && (frac === undefined || /^0+$/.test(frac));
    return `${negative && !isZero ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`;
  });

const COMPARATOR_RENDERINGS: ReadonlyArray<readonly [string, Comparator | undefined, 'prefix' | 'suffix']> = [
  ['', undefined, 'prefix'],
  ['≥', '>=', 'prefix'],
  ['≤', '<=', 'prefix'],
  ['>', '>', 'prefix'],
  ['<', '<', 'prefix'],
  ['=', '=', 'prefix'],
  ['＝', '=', 'prefix'],
  ['﹦', '=', 'prefix'],
  ['＞', '>', 'prefix'],
  ['＜', '<', 'prefix'],
  ['≧', '>=', 'prefix'],
  ['≦', '<=', 'prefix'],
  ['>=', '>=', 'prefix'],
  ['<=', '<=', 'prefix'],
  ['不低于', '>=', 'prefix'],
  ['不少于', '>=', 'prefix'],
  ['大于等于', '>=', 'prefix'],
  ['达到', '>=', 'prefix'],
  ['不高于', '<=', 'prefix'],
  ['不超过', '<=', 'prefix'],
  ['小于等于', '<=', 'prefix'],
  ['控制在', '<=', 'prefix'],
  ['大于', '>', 'prefix'],
  ['小于', '<', 'prefix'],
  ['等于', '=', 'prefix'],
  ['以上', '>=', 'suffix'],
  ['及以上', '>=', 'suffix'],
  ['以下', '<=', 'suffix'],
  ['以内', '<=', 'suffix'],
];

// 年/月/日 are left out on purpose: "2023年" and "12月" are dates (see the date table)
const UNIT_RENDERINGS: readonly string[] = [
  '',
  '%',
  '‰',
  '万元',
  '元',
  '亿元',
  '千元',
  '篇',
  '个',
  '次',
  '人',
  '人次',
  '家',
  '户',
  '天',
  '个月',
  '㎡',
  '平方米',
  '条',
  '场',
  '期',
  '项',
  '件',
  '辆',
  '台',
  '套',
  '份',
  '所',
  '座',
  '公里',
  'km',
  '小时',
  '分钟',
  '分',
  '个百分点',
  '元/人',
];

const FULL_WIDTH: Readonly<Record<string, string>> = { '.': '．', '-': '－' };
const toFullWidth = (s: string): string =>
  [...s].map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : (FULL_WIDTH[c] ?? c))).join('');
const withThousands = (s: string, sep: string): string => {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(s)!;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, sep)}${m[3] ?? ''}`;
};

describe('properties', () => {
  it('parse(render(n)) gives back n, its unit and its comparator exactly', () => {
    fc.assert(
      fc.property(
        decimalArb,
        fc.constantFrom(...COMPARATOR_RENDERINGS),
        fc.constantFrom(...UNIT_RENDERINGS),
        fc.constantFrom('plain', 'fullwidth', 'thousands', 'thousands-cjk'),
        fc.constantFrom('', ' ', '\u3000', '\u00a0 '),
        (n, [cmpText, cmp, where], unit, style, pad) => {
          let digits = n;
          if (style === 'fullwidth') digits = toFullWidth(n);
          if (style === 'thousands') digits = withThousands(n, ',');
          if (style === 'thousands-cjk') digits = withThousands(n, '，');
          const text =
            where === 'prefix' ? `${pad}${cmpText}${digits}${unit}${pad}` : `${pad}${digits}${unit}${cmpText}${pad}`;
          const q = parseQuantity(text);
          const expected: Quantity = { kind: 'number', value: n };
          if (unit !== '') expected.unit = unit;
          if (cmp !== undefined) expected.comparator = cmp;
          expect(q).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('万/亿 multipliers are applied exactly', () => {
    fc.assert(
      fc.property(decimalArb, fc.constantFrom(['万', 4] as const, ['亿', 8] as const), (n, [word, exp]) => {
        const q = parseQuantity(`${n}${word}次`);
        const expected = scaleExact(n, exp);
        expect(q).toEqual({ kind: 'number', value: expected, unit: '次' });
      }),
      { numRuns: 1000 },
    );
  });

  it('Chinese numerals written by nzh read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (n) => {
        expect(parseQuantity(nzh.encodeS(n))).toEqual({ kind: 'number', value: String(n) });
        expect(parseQuantity(nzh.encodeB(n))).toEqual({ kind: 'number', value: String(n) });
      }),
      { numRuns: 2000 },
    );
  });

  it('ranges read back in every separator', () => {
    fc.assert(
      fc.property(
        decimalArb,
        decimalArb,
        fc.constantFrom('-', '~', '～', '至', '到', '—'),
        fc.constantFrom('', '%', '个', '万元'),
        (a, b, sep, unit) => {
          const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
          // exact comparison for the expectation: equal values in different writing are both fine
          fc.pre(!(Number(a) === Number(b) && a !== b));
          const q = parseQuantity(`${low}${unit}${sep}${high}${unit}`);
          const expected: Quantity = { kind: 'range', low, high };
          if (unit !== '') expected.unit = unit;
          expect(q).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('valid dates read back in every writing, invalid days are never dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom('年月日', '.', '-', '/'),
        fc.constantFrom('', '前', '之后'),
        (y, m, d, style, suffix) => {
          const text = style === '年月日' ? `${y}年${m}月${d}日${suffix}` : `${y}${style}${m}${style}${d}${suffix}`;
          const q = parseQuantity(text);
          const valid = new Date(Date.UTC(y, m - 1, d)).getUTCMonth() === m - 1;
          if (!valid) {
            expect(q.kind).not.toBe('date');
            return;
          }
          const expected: Quantity = { kind: 'date', date: `${y}-${pad2(m)}-${pad2(d)}` };
          if (suffix === '前') expected.comparator = '<=';
          if (suffix === '之后') expected.comparator = '>=';
          expect(q).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  const vocabulary = fc.constantFrom(
    ...['1', '0', '12', '1600', '2023', '.', '-', '~', '至', '%', '％', '‰', '≥', '≤', '>', '<', '=', '＝'],
    ...['不低于', '不超过', '超过', '超', '约', '近', '余', '多', '以上', '以下', '以内', '左右', '万', '亿'],
    ...['千', '万元', '元', '篇', '个', '次', '年', '月', '日', '底', '前', '后', '当年', '已完成', '提升', '优'],
    ...['无', '—', '/', '，', ',', '（万元）', '(含)', '百分之', '九十五', '一万二千', '两', '十', '点', '〇'],
    ...['在', '之间', '控制在', '达到', '截至', '￥', ' ', '　', '１', '．', '个百分点', '第', '5G', '、', '。'],
  );

  it('never throws and always returns a schema-valid Quantity (arbitrary text)', () => {
    const check = (s: string): void => {
      const q = parseQuantity(s);
      const r = quantitySchema.safeParse(q);
      if (!r.success) throw new Error(`${JSON.stringify(s)} → ${JSON.stringify(q)}`);
      expect(parseQuantity(s)).toEqual(q); // deterministic
      const f = figure(s);
      if (f) expect(f.text).toBe(cleanCellText(s));
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 2000 });
    fc.assert(
      fc.property(
        fc.array(vocabulary, { maxLength: 10 }).map((a) => a.join('')),
        check,
      ),
      {
        numRuns: 20000,
      },
    );
  });

  it('formatQuantity(q) reads back as q for grammar-built cells', () => {
    const cell = fc
      .tuple(
        fc.constantFrom('', '≥', '≤', '不低于', '不超过', '约', '超过', '近'),
        decimalArb,
        fc.constantFrom('', '余', '万'),
        fc.constantFrom(...UNIT_RENDERINGS),
        fc.constantFrom('', '以上', '以内', '左右'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(cell, (text) => {
        const q = parseQuantity(text);
        if (q.kind === 'unparsed') return; // contradictions such as ≤…以上
        expect(parseQuantity(formatQuantity(q))).toEqual(q);
      }),
      { numRuns: 5000 },
    );
  });
});

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** n × 10^exp by moving the decimal point in the string (independent of the parser's Dec arithmetic). */
function scaleExact(n: string, exp: number): string {
  const negative = n.startsWith('-');
  const [int = '', frac = ''] = (negative ? n.slice(1) : n).split('.');
  const point = int.length + exp;
  const all = (int + frac).padEnd(point, '0');
  const intPart = all.slice(0, point).replace(/^0+(?=\d)/, '');
  const fracPart = all.slice(point).replace(/0+$/, '');
  const isZero = /^0+$/.test(intPart) && fracPart === '';
  return `${negative && !isZero ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Speed

describe('speed', () => {
  it('a 1 MB cell of any shape returns quickly', () => {
    const M = 1_000_000;
    const shapes = [
      '1'.repeat(M),
      ' '.repeat(M) + 'x' + ' '.repeat(M),
      'a' + ' '.repeat(M) + 'b',
      '1' + ',000'.repeat(M / 4),
      '一'.repeat(M),
      '≥'.repeat(M),
      '。'.repeat(M),
      '完成1600余篇，'.repeat(M / 8),
      '1.'.repeat(M / 2),
      '１'.repeat(M),
      '\u200b'.repeat(M) + '5',
    ];
    for (const s of shapes) {
      const t = performance.now();
      const q = parseQuantity(s);
      expect(quantitySchema.safeParse(q).success).toBe(true);
      expect(performance.now() - t).toBeLessThan(1000);
    }
  });

  it('100 000 ordinary cells in well under a second each batch', () => {
    const cells = ['≥95%', '1600余篇', '提升', '2023年12月31日', '当年已完成', '　182.32万元', '60%-80%', '——'];
    const t = performance.now();
    for (let i = 0; i < 100_000; i++) parseQuantity(cells[i % cells.length]!);
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The seed report's table cells

const SEED = new URL('../../../shared/seed/beita-rongmeiti-2023.txt', import.meta.url);
const haveSeed = existsSync(SEED);
if (!haveSeed) console.warn(`skipped: the seed report is not at ${SEED.pathname}`);

describe.skipIf(!haveSeed)('the seed report', () => {
  const cells = haveSeed
    ? readFileSync(SEED, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.startsWith('\t'))
        .map((line) => line.slice(1))
    : [];

  it('has table cells to read', () => {
    expect(cells.length).toBeGreaterThan(100);
  });

  it('every table cell is understood (no unparsed cell) and schema-valid', () => {
    const unparsed = cells.filter((c) => parseQuantity(c).kind === 'unparsed');
    expect(unparsed).toEqual([]);
    for (const c of cells) expect(quantitySchema.safeParse(parseQuantity(c)).success).toBe(true);
  });

  it('reads the 自评表 targets and actuals as the form means them', () => {
    const find = (text: string): string => {
      const c = cells.find((x) => cleanCellText(x) === text);
      if (c === undefined) throw new Error(`cell ${text} not in the seed`);
      return c;
    };
    expect(parseQuantity(find('≥800'))).toEqual(num('800', { comparator: '>=' }));
    expect(parseQuantity(find('≥95%'))).toEqual(num('95', { unit: '%', comparator: '>=' }));
    expect(parseQuantity(find('2023年12月31日'))).toEqual(date('2023-12-31'));
    expect(parseQuantity(find('当年已完成'))).toEqual(words('已完成', { relativeDate: 'currentYear' }));
    expect(parseQuantity(find('182.32万元'))).toEqual(num('182.32', { unit: '万元' }));
    expect(parseQuantity(find('0.30'))).toEqual(num('0.30'));
    expect(parseQuantity(find('——'))).toEqual(NONE);
    expect(parseQuantity(find('提升'))).toEqual(words('提升'));
  });
});
