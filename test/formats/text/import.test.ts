import { describe, expect, it } from 'vitest';
import type { RawBlock, RawDocument, RawTable } from '../../../src/formats/document.js';
import { textToBlocks, textToRaw } from '../../../src/formats/text/import.js';
import { readSeed, seedExists, warnMissing } from '../recognize/helpers.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const tables = (blocks: readonly RawBlock[]): RawTable[] => blocks.filter((b): b is RawTable => b.type === 'table');
const texts = (t: RawTable): string[][] => t.rows.map((r) => r.map((c) => c.text));
const paras = (blocks: readonly RawBlock[]): string[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe('Word tab layout', () => {
  it('reads one cell per TAB line, rows split by blank lines, empty TAB lines as empty cells', () => {
    const b = textToBlocks('标题\n\ta\n\tb\n\n\t\n\t　7\n\n后文\n', 'x.txt');
    expect(paras(b)).toEqual(['标题', '后文']);
    expect(texts(tables(b)[0]!)).toEqual([
      ['a', 'b'],
      ['', '7'],
    ]);
  });

  it('continues a cell on lines without a TAB, blank lines inside the cell included', () => {
    const text = [
      '\t绩',
      '',
      '效',
      '',
      '指',
      '',
      '标',
      '\t一级指标',
      '',
      '\t',
      '\t年度预',
      '',
      '算申请',
      '（万元）',
      '\t2',
      '',
    ];
    const t = tables(textToBlocks(text.join('\n'), 'x.txt'))[0]!;
    expect(texts(t)).toEqual([
      ['绩\n\n效\n\n指\n\n标', '一级指标'],
      ['', '年度预\n\n算申请\n（万元）', '2'],
    ]);
  });

  it('ends a cell run by a blank line before the next row (a blank line is both in the cell and the row end)', () => {
    const text = ['\t偏差原因', '', '分析及', '', '改进措施', '', '\t', '\t产出指标', ''];
    expect(texts(tables(textToBlocks(text.join('\n'), 'x.txt'))[0]!)).toEqual([
      ['偏差原因\n\n分析及\n\n改进措施'],
      ['', '产出指标'],
    ]);
  });

  it('ends the table at two blank lines, at a 填表人 line, a title or a heading after one blank line', () => {
    const two = textToBlocks('\ta\n\tb\n\n\n说明：x\n', 'x.txt');
    expect(paras(two)).toEqual(['说明：x']);
    const meta = textToBlocks('\ta\n\n填表人：张三\n\n\tb\n', 'x.txt');
    expect(paras(meta)).toEqual(['填表人：张三']);
    expect(tables(meta)).toHaveLength(2);
    const title = textToBlocks('\ta\n\n项目支出绩效自评表\n\tb\n', 'x.txt');
    expect(paras(title)).toEqual(['项目支出绩效自评表']);
    const heading = textToBlocks('\ta\n\n二、部门预算执行情况\n\tb\n', 'x.txt');
    expect(paras(heading)).toEqual(['二、部门预算执行情况']);
  });

  it('takes prose after one blank line for prose when it does not run into a TAB line', () => {
    const b = textToBlocks('\ta\n\n这是表格后面的一段正文。\n\n另一段。\n', 'x.txt');
    expect(texts(tables(b)[0]!)).toEqual([['a']]);
    expect(paras(b)).toEqual(['这是表格后面的一段正文。', '另一段。']);
  });

  it('keeps the next items of a numbered list in the last cell', () => {
    const b = textToBlocks('\t措施\n\t1.第一条。\n\n2.第二条。\n\n\n说明：x\n', 'x.txt');
    expect(texts(tables(b)[0]!)).toEqual([['措施', '1.第一条。\n\n2.第二条。']]);
    expect(paras(b)).toEqual(['说明：x']);
  });

  it('records file, line, table, row and column for every cell, and file and line for every paragraph', () => {
    const doc = textToRaw(enc('前言\n\ta\n\tb\nb续\n\n\tc\n'), 'f.txt');
    expect(doc).toMatchObject({ file: 'f.txt', format: 'text' });
    const [p, t] = doc.blocks as [RawBlock, RawTable];
    expect(p.source).toEqual({ file: 'f.txt', line: 1, text: '前言' });
    expect(t.source).toMatchObject({ file: 'f.txt', line: 2, table: 1 });
    expect(t.rows[0]![1]!.source).toEqual({ file: 'f.txt', line: 3, table: 1, row: 1, col: 2, text: 'b\nb续' });
    expect(t.rows[1]![0]!.source).toMatchObject({ line: 6, row: 2, col: 1, text: 'c' });
  });

  it('trims padding (spaces, full-width spaces) but keeps the text between', () => {
    const t = tables(textToBlocks('\t   1、公务用车 购置\u3000\n\t\u3000\u30000.30\u3000\n', 'x.txt'))[0]!;
    expect(texts(t)).toEqual([['1、公务用车 购置', '0.30']]);
  });

  it('reads CRLF and CR line ends', () => {
    const crlf = textToBlocks('甲\r\n\ta\r\n\tb\r\n', 'x.txt');
    expect(texts(tables(crlf)[0]!)).toEqual([['a', 'b']]);
    const cr = textToBlocks('甲\r\ta\r\tb\r', 'x.txt');
    expect(texts(tables(cr)[0]!)).toEqual([['a', 'b']]);
  });
});

describe('pipe tables', () => {
  it('reads | a | b | rows, skips |---| separators, keeps empty cells, escaped pipes and <br>', () => {
    const text = [
      '前言',
      '| 一级指标 | 三级指标 | 分值 |',
      '|:---|---|---:|',
      '| 产出 | A\\|B | 10 |',
      '|  | 甲<br>乙 |  |',
      '后文',
    ];
    const b = textToBlocks(text.join('\n'), 'p.md');
    expect(paras(b)).toEqual(['前言', '后文']);
    const t = tables(b)[0]!;
    expect(texts(t)).toEqual([
      ['一级指标', '三级指标', '分值'],
      ['产出', 'A|B', '10'],
      ['', '甲\n乙', ''],
    ]);
    expect(t.rows[1]![2]!.source).toMatchObject({ line: 4, row: 2, col: 3, text: '10' });
  });

  it('accepts full-width ｜ and rows without the outer pipes on one side', () => {
    const t = tables(textToBlocks('｜甲｜乙｜\n| 丙 | 丁\n', 'p.txt'))[0]!;
    expect(texts(t)).toEqual([
      ['甲', '乙'],
      ['丙', '丁'],
    ]);
  });
});

describe('tab-separated rows', () => {
  it('reads several cells on one line; a leading TAB means an empty first cell', () => {
    const b = textToBlocks('表\n一级指标\t二级指标\t分值\n产出\t数量\t10\n\t质量\t5\n完\n', 't.tsv');
    expect(paras(b)).toEqual(['表', '完']);
    expect(texts(tables(b)[0]!)).toEqual([
      ['一级指标', '二级指标', '分值'],
      ['产出', '数量', '10'],
      ['', '质量', '5'],
    ]);
  });

  it('keeps a single line with a TAB inside as a paragraph', () => {
    const b = textToBlocks('前言\n填表人：张三\t联系电话：123\n后文\n', 't.txt');
    expect(paras(b)).toEqual(['前言', '填表人：张三 联系电话：123', '后文']);
  });
});

describe('large inputs', () => {
  it('reads a table of 10,000 rows', () => {
    const rows: string[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(`\t指标${i}\n\t${i}\n\t10`);
    const t0 = performance.now();
    const doc = textToRaw(enc(`表头\n${rows.join('\n\n')}\n`), 'big.txt');
    expect(performance.now() - t0).toBeLessThan(10_000);
    const t = tables(doc.blocks)[0]!;
    expect(t.rows).toHaveLength(10_000);
    expect(t.rows[9_999]!.map((c) => c.text)).toEqual(['指标9999', '9999', '10']);
    expect(t.rows[9_999]![0]!.source.line).toBe(2 + 9_999 * 4);
  });

  it('reads a 50 MB text in linear time', () => {
    const unit =
      '一、部门基本情况\n本部门共有编制人数7人，实有人数7人。\n\t三公经费\n\t0\n\t0.30\n\t0\n\n\t公用经费\n续行\n\n\t64.46\n';
    const bytes = enc(unit.repeat(Math.ceil((50 * 1024 * 1024) / enc(unit).length)));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const t0 = performance.now();
    const doc: RawDocument = textToRaw(bytes, 'fifty.txt');
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(60_000);
    expect(doc.blocks.length).toBeGreaterThan(1_000_000);
  }, 120_000);
});

warnMissing('种子报告', seedExists);

describe.skipIf(!seedExists)('the seed layout', () => {
  it('splits the seed into its paragraphs and two tables, cell for cell', () => {
    const doc = textToRaw(readSeed(), 'seed.txt');
    const [basic, self] = tables(doc.blocks);
    expect(basic!.rows).toHaveLength(24);
    expect(self!.rows).toHaveLength(31);
    expect(basic!.rows[0]!.map((c) => c.text)).toEqual(['财政供养人员情况', '编制数', '2023年实际在职人数', '控制率']);
    expect(basic!.rows[12]![0]!.text).toBe('3、市级专项资金\n\n（一个专项一行）');
    expect(basic!.rows[21]!.map((c) => c.text)[0]).toBe('楼堂馆所控制情况\n（2022年完工项目）');
    expect(self!.rows[10]!.map((c) => c.text)).toEqual([
      '绩\n\n效\n\n指\n\n标',
      '一级指标',
      '二级指标',
      '三级指标',
      '年度\n\n指标值',
      '实际\n\n完成值',
      '分值',
      '得分',
      '偏差原因\n\n分析及\n\n改进措施',
    ]);
    expect(self!.rows[11]!.map((c) => c.text)).toEqual([
      '',
      '产出指标\n\n（50分)',
      '数量\n\n指标',
      '向省、市电视台上稿',
      '≥800',
      '1050',
      '5',
      '5',
      '',
    ]);
    expect(self!.rows.every((r, i) => i < 10 || i === 30 || r.length === 9)).toBe(true);
    const ps = paras(doc.blocks);
    expect(ps[0]).toBe('北塔区融媒体中心2023年部门整体支出绩效自评报告');
    expect(ps).toContain('填报单位：');
    expect(ps[ps.length - 1]).toBe('填表人：李阳        填报日期：2024年8月15日      联系电话：18608492924');
  });
});
