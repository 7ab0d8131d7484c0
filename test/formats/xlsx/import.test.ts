import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type RawDocument, type RawParagraph, type RawTable } from '../../../src/formats/document.js';
import { xlsxToRaw } from '../../../src/formats/xlsx/import.js';
import { openZip } from '../../../src/formats/zip-guard.js';
import { docxPackage, makeZip, para, type ZipFile } from '../docx/ooxml.js';

const paragraphs = (d: RawDocument) => d.blocks.filter((b): b is RawParagraph => b.type === 'paragraph');
const tables = (d: RawDocument) => d.blocks.filter((b): b is RawTable => b.type === 'table');
const texts = (t: RawTable) => t.rows.map((r) => r.map((c) => c.text));

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** Rewrite some parts of a workbook package (to plant hostile content). */
function replaceParts(bytes: Uint8Array, replace: Record<string, string>): Uint8Array {
  const zip = openZip(bytes, 'x.xlsx');
  const files: ZipFile[] = zip.names().map((name) => ({ name, data: replace[name] ?? zip.read(name) }));
  return makeZip(files);
}

describe('xlsxToRaw: cell values as the sheet shows them', () => {
  it('renders numbers by their number format, formulas by their cached result, dates as ISO text', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('数据');
      ws.addRow(['项目', '金额', '比率', '日期', '合计', '富文本', '布尔', '链接']);
      const r = ws.addRow([
        '三公经费',
        0.3,
        1,
        new Date(Date.UTC(2024, 7, 15)),
        { formula: 'B2*2', result: 0.6 },
        { richText: [{ text: '2023' }, { text: '年决算数' }] },
        true,
        { text: '网站', hyperlink: 'https://example.org' },
      ]);
      r.getCell(2).numFmt = '0.00';
      r.getCell(3).numFmt = '0%';
      r.getCell(4).numFmt = 'yyyy-mm-dd';
      r.getCell(5).numFmt = '0.00';
      ws.addRow([
        '一般格式',
        0.1 + 0.2,
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { formula: 'B2-B2', result: 0 },
      ]);
    });
    const doc = await xlsxToRaw(bytes, 'v.xlsx');
    expect(doc.format).toBe('xlsx');
    const [t] = tables(doc);
    expect(texts(t!)[1]).toEqual(['三公经费', '0.30', '100%', '2024-08-15', '0.60', '2023年决算数', 'TRUE', '网站']);
    // a cached result of 0 is a value, not an empty cell
    expect(texts(t!)[2]!.slice(0, 4)).toEqual(['一般格式', '0.3', '#DIV/0!', '0']);
    expect(t!.rows[1]![1]!.source).toEqual({ file: 'v.xlsx', sheet: '数据', cell: 'B2', text: '0.30' });
  });

  it('follows the table contract for merged cells', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('自评表');
      ws.getCell('A1').value = '绩效指标';
      ws.getCell('B1').value = '一级指标';
      ws.getCell('C1').value = '分值';
      ws.mergeCells('C1:D1');
      ws.getCell('B2').value = '产出指标';
      ws.getCell('C2').value = 5;
      ws.getCell('D2').value = 5;
      ws.getCell('C3').value = 10;
      ws.getCell('D3').value = 9;
      ws.mergeCells('A1:A3');
      ws.mergeCells('B2:B3');
    });
    const doc = await xlsxToRaw(bytes, 'm.xlsx');
    const [t] = tables(doc);
    const shape = t!.rows.map((r) => r.map((c) => [c.text, c.colSpan ?? 1, c.rowSpan ?? 1, c.continued === true]));
    expect(shape).toEqual([
      [
        ['绩效指标', 1, 3, false],
        ['一级指标', 1, 1, false],
        ['分值', 2, 1, false],
      ],
      [
        ['', 1, 1, true],
        ['产出指标', 1, 2, false],
        ['5', 1, 1, false],
        ['5', 1, 1, false],
      ],
      [
        ['', 1, 1, true],
        ['', 1, 1, true],
        ['10', 1, 1, false],
        ['9', 1, 1, false],
      ],
    ]);
    expect(t!.rows[0]![2]!.source.cell).toBe('C1');
    expect(t!.rows[2]![1]!.source.cell).toBe('B3');
  });

  it('keeps line breaks inside a cell and trims padding', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['年度预\r\n算申请', '　7 ']);
      ws.addRow(['a', 'b']);
    });
    const [t] = tables(await xlsxToRaw(bytes, 'l.xlsx'));
    expect(texts(t!)[0]).toEqual(['年度预\n算申请', '7']);
  });
});

describe('xlsxToRaw: sheets holding several tables', () => {
  it('splits at blank rows, turns single-cell title rows into paragraphs, reads every sheet', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('附件');
      ws.getCell('A1').value = '部门整体支出绩效评价基础数据表';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = '填报单位：某某局';
      ws.addRow(['项目', '2023年预算数', '2023年决算数']);
      ws.addRow(['三公经费', 1, 2]);
      ws.addRow(['……', null, null]);
      ws.addRow(['公用经费', 3, 4]);
      ws.addRow(['填表人：张三 联系电话：123']);
      ws.addRow([]);
      ws.addRow(['部门整体支出绩效自评表']);
      ws.addRow(['指标', '分值', '得分']);
      ws.addRow(['产出', 50, 45]);
      const second = wb.addWorksheet('第二页');
      second.addRow(['甲', '乙']);
      second.addRow(['1', '2']);
    });
    const doc = await xlsxToRaw(bytes, 's.xlsx');
    expect(doc.blocks.map((b) => (b.type === 'paragraph' ? `P:${b.text}` : `T:${b.rows.length}`))).toEqual([
      'P:部门整体支出绩效评价基础数据表',
      'P:填报单位：某某局',
      'T:4',
      'P:填表人：张三 联系电话：123',
      'P:部门整体支出绩效自评表',
      'T:2',
      'T:2',
    ]);
    // a placeholder row inside a table stays a row
    expect(texts(tables(doc)[0]!)[2]).toEqual(['……', '', '']);
    expect(paragraphs(doc)[0]!.source).toEqual({
      file: 's.xlsx',
      sheet: '附件',
      cell: 'A1',
      text: '部门整体支出绩效评价基础数据表',
    });
    expect(tables(doc)[2]!.source).toMatchObject({ sheet: '第二页', cell: 'A1' });
  });

  it('splits two tables written one under the other when their merged layouts cross', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.getCell('A1').value = '经费控制情况';
      ws.getCell('C1').value = '2023年预算数';
      ws.mergeCells('A1:B1');
      ws.mergeCells('C1:D1');
      ws.getCell('A2').value = '三公经费';
      ws.getCell('C2').value = 1;
      ws.mergeCells('A2:B2');
      ws.mergeCells('C2:D2');
      ws.getCell('A3').value = '预算单位名称';
      ws.getCell('B3').value = '某某局';
      ws.mergeCells('B3:C3');
      ws.getCell('A4').value = '年度资金总额';
      ws.getCell('B4').value = 10;
      ws.mergeCells('B4:C4');
    });
    const doc = await xlsxToRaw(bytes, 'x.xlsx');
    expect(tables(doc).map((t) => texts(t).map((r) => r.filter((c) => c !== '')))).toEqual([
      [
        ['经费控制情况', '2023年预算数'],
        ['三公经费', '1'],
      ],
      [
        ['预算单位名称', '某某局'],
        ['年度资金总额', '10'],
      ],
    ]);
  });

  it('keeps a bordered empty row inside its table', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['a', 'b']);
      ws.addRow([]);
      ws.addRow(['c', 'd']);
      const thin = { style: 'thin' as const };
      for (const addr of ['A2', 'B2']) ws.getCell(addr).border = { top: thin, bottom: thin, left: thin, right: thin };
    });
    const doc = await xlsxToRaw(bytes, 'b.xlsx');
    expect(tables(doc)).toHaveLength(1);
    expect(texts(tables(doc)[0]!)).toEqual([
      ['a', 'b'],
      ['', ''],
      ['c', 'd'],
    ]);
  });
});

describe('xlsxToRaw: refuses what it cannot read, with one ImportError naming the file', () => {
  it('an empty file, random bytes, a document given as a workbook', async () => {
    expect((await importError(xlsxToRaw(new Uint8Array(), 'e.xlsx'))).code).toBe('empty');
    const random = new Uint8Array(512).map((_, i) => (i * 131 + 7) % 256);
    const e = await importError(xlsxToRaw(random, 'r.xlsx'));
    expect(e.message).toContain('r.xlsx');
    const docx = docxPackage({ body: para('x') });
    expect((await importError(xlsxToRaw(docx, 'd.xlsx'))).message).toContain('Word');
  });

  it('an empty workbook', async () => {
    const bytes = await workbook((wb) => void wb.addWorksheet('空'));
    expect((await importError(xlsxToRaw(bytes, 'blank.xlsx'))).code).toBe('empty');
  });

  it('entity declarations in any part', async () => {
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['x']));
    const bad = replaceParts(good, {
      'xl/sharedStrings.xml':
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>' +
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&b;</t></si></sst>',
    });
    const e = await importError(xlsxToRaw(bad, 'lol.xlsx'));
    expect(e.code).toBe('unsupported');
    expect(e.place).toBe('xl/sharedStrings.xml');
  });

  it('a sheet of 10,000 rows, before it is parsed', async () => {
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['x']));
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${rows}</sheetData></worksheet>`;
    const bad = replaceParts(good, { 'xl/worksheets/sheet1.xml': sheet });
    const t0 = performance.now();
    const e = await importError(xlsxToRaw(bad, 'big.xlsx'));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(e.code).toBe('too-large');
    expect(e.place).toContain('S');
    expect(e.message).toContain('10000');
  });

  it('a merged range that would make the reader create millions of cells', async () => {
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['x']));
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:Z1000000"/></mergeCells></worksheet>';
    const e = await importError(xlsxToRaw(replaceParts(good, { 'xl/worksheets/sheet1.xml': sheet }), 'm.xlsx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('A1:Z1000000');
  });

  it('a sheet with more cells than the limit, before it is parsed', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('宽表');
      ws.addRow([1, 2, 3, 4, 5]);
      ws.addRow([6, 7, 8, 9, 10]);
    });
    const e = await importError(xlsxToRaw(bytes, 'wide.xlsx', { maxSheetCells: 6 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('10 个单元格');
    expect(await xlsxToRaw(bytes, 'wide.xlsx', { maxSheetCells: 10 })).toBeDefined();
  });

  it('a corrupted sheet', async () => {
    const good = await workbook((wb) => wb.addWorksheet('S').addRow(['x']));
    const bad = replaceParts(good, { 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row><c' });
    const e = await importError(xlsxToRaw(bad, 'c.xlsx'));
    expect(e.message).toContain('c.xlsx');
  });
});

const fixture = fileURLToPath(new URL('../../../../shared/fixtures/beita-rongmeiti-2023-tables.xlsx', import.meta.url));
const haveFixture = existsSync(fixture);
if (!haveFixture) console.warn(`skipping the .xlsx fixture tests: ${fixture} is absent`);

describe.skipIf(!haveFixture)('xlsxToRaw: the office-made fixture', () => {
  it('splits the one sheet into the two attached tables and reads numbers stored as numbers', async () => {
    const doc = await xlsxToRaw(new Uint8Array(readFileSync(fixture)), 'tables.xlsx');
    const ts = tables(doc);
    expect(ts).toHaveLength(2);
    expect(ts[0]!.rows[0]![0]).toMatchObject({ text: '财政供养人员情况', rowSpan: 2 });
    expect(ts[1]!.rows[0]![0]!.text).toBe('预算单位名称');
    const filled = (t: RawTable) => t.rows.map((r) => r.map((c) => c.text).filter((x) => x !== ''));
    expect(filled(ts[0]!).find((r) => r[0] === '公用经费')).toEqual(['公用经费', '64.46', '9.45', '220.21']);
    const total = filled(ts[1]!).find((r) => r[0] === '总分');
    expect(total).toEqual(['总分', '100', '95']);
    // rich-text runs split at digits are joined back
    expect(filled(ts[0]!)[2]).toEqual(['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数']);
  });
});
