import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type RawDocument, type RawParagraph, type RawTable } from '../../../src/formats/document.js';
import { pdfToRaw } from '../../../src/formats/pdf/import.js';
import { buildPdf, ruledTable, textWidth, type PdfText } from './pdf-builder.js';

const paragraphs = (d: RawDocument) => d.blocks.filter((b): b is RawParagraph => b.type === 'paragraph');
const tables = (d: RawDocument) => d.blocks.filter((b): b is RawTable => b.type === 'table');
const shape = (t: RawTable) =>
  t.rows.map((r) =>
    r.map(
      (c) =>
        `${c.continued ? '^' : ''}${c.text}${c.colSpan ? `{c${c.colSpan}}` : ''}${c.rowSpan ? `{r${c.rowSpan}}` : ''}`,
    ),
  );

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** Lay out a paragraph of CJK text in lines of `perLine` characters from (x, y), 12 pt, 18 pt leading. */
function wrap(text: string, x: number, y: number, perLine: number, indent = 0): PdfText[] {
  const chars = [...text];
  const out: PdfText[] = [];
  let first = true;
  for (let i = 0, line = 0; i < chars.length; line++) {
    const n = first ? perLine - indent : perLine;
    out.push({ x: first ? x + indent * 12 : x, y: y - line * 18, text: chars.slice(i, i + n).join('') });
    i += n;
    first = false;
  }
  return out;
}

describe('pdfToRaw: running text', () => {
  it('joins lines wrapped inside a sentence and keeps headings and items apart', async () => {
    const body = '本部门共有编制人数七人，实有人数七人，内设综合部、业务部两个股室，负责全区的宣传工作和有关事项。';
    const pdf = buildPdf([
      {
        texts: [
          { x: 50, y: 780, text: '一、部门基本情况' },
          ...wrap(body, 50, 760, 20),
          { x: 50, y: 670, text: '（一）机构设置' },
          ...wrap('内设两个股室，分别负责综合与业务工作，人员按编制配齐配强。', 50, 650, 20, 2),
          ...wrap('第二段首行缩进两个字，这一段也会折成两行才能写完。', 50, 614, 20, 2),
          { x: 50, y: 578, text: '1.第一项' },
          { x: 50, y: 560, text: '2.第二项' },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 'p.pdf');
    expect(doc.format).toBe('pdf');
    expect(paragraphs(doc).map((p) => p.text)).toEqual([
      '一、部门基本情况',
      body,
      '（一）机构设置',
      '内设两个股室，分别负责综合与业务工作，人员按编制配齐配强。',
      '第二段首行缩进两个字，这一段也会折成两行才能写完。',
      '1.第一项',
      '2.第二项',
    ]);
    expect(paragraphs(doc)[0]!.source).toEqual({ file: 'p.pdf', page: 1, x: 50, y: 50, text: '一、部门基本情况' });
  });

  it('removes the spaces PDF tools put between CJK characters and digits, keeps spaces between words', async () => {
    const pdf = buildPdf([
      {
        texts: [
          { x: 50, y: 780, text: '本 部 门 共 有 编 制 7 人 ， 实 有 7 人' },
          { x: 50, y: 740, text: 'Performance evaluation 2023' },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 's.pdf');
    expect(paragraphs(doc).map((p) => p.text)).toEqual(['本部门共有编制7人，实有7人', 'Performance evaluation 2023']);
  });

  it('keeps pieces of one line apart only by their gap, and ignores a space item between CJK and digits', async () => {
    const a = '北塔区融媒体中心';
    const pdf = buildPdf([
      {
        texts: [
          { x: 50, y: 780, text: a },
          { x: 50 + textWidth(a) + 1, y: 780, text: '2023' },
          { x: 50 + textWidth(a) + 1 + textWidth('2023') + 2, y: 780, text: '年报告' },
          { x: 50, y: 740, text: '填表人：张三' },
          { x: 50 + textWidth('填表人：张三') + 40, y: 740, text: '联系电话：123' },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 'g.pdf');
    expect(paragraphs(doc).map((p) => p.text)).toEqual(['北塔区融媒体中心2023年报告', '填表人：张三 联系电话：123']);
  });

  it('maps Kangxi radicals and CJK radical supplements back to ordinary characters', async () => {
    const pdf = buildPdf([{ texts: [{ x: 50, y: 780, text: '绩效⽬标⻓期⾼质量发展' }] }]);
    const doc = await pdfToRaw(pdf, 'k.pdf');
    expect(paragraphs(doc)[0]!.text).toBe('绩效目标长期高质量发展');
  });

  it('continues a paragraph over a page break and drops page numbers', async () => {
    const first = '这一段很长，一直写到第一页的最后一行还没有写完，所以它会在下一页接着再往下写，';
    const pdf = buildPdf([
      { texts: [...wrap(first, 50, 100, 20), { x: 290, y: 30, text: '- 1 -' }] },
      {
        texts: [
          { x: 50, y: 800, text: '接着写在第二页。' },
          { x: 290, y: 30, text: '2' },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 'b.pdf');
    expect(paragraphs(doc).map((p) => p.text)).toEqual([first + '接着写在第二页。']);
  });
});

describe('pdfToRaw: tables from ruling lines', () => {
  it('rebuilds cells, horizontal and vertical merges, with page positions', async () => {
    const t = ruledTable(
      [50, 150, 250, 350, 450],
      [700, 680, 660, 640, 620],
      [
        ['绩效指标', '一级指标', '分值'],
        [undefined, '产出指标', '5', '5'],
        [undefined, undefined, '10', '9'],
        ['总分', '100'],
      ],
      [
        { row: 0, col: 0, rowSpan: 3 },
        { row: 0, col: 2, colSpan: 2 },
        { row: 1, col: 1, rowSpan: 2 },
        { row: 3, col: 1, colSpan: 3 },
      ],
    );
    const pdf = buildPdf([{ texts: [{ x: 50, y: 740, text: '自评表' }, ...t.texts], lines: t.lines }]);
    const doc = await pdfToRaw(pdf, 't.pdf');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table']);
    const [table] = tables(doc);
    expect(shape(table!)).toEqual([
      ['绩效指标{r3}', '一级指标', '分值{c2}'],
      ['^', '产出指标{r2}', '5', '5'],
      ['^', '^', '10', '9'],
      ['总分', '100{c3}'],
    ]);
    expect(table!.source).toMatchObject({ file: 't.pdf', page: 1, x: 50, y: 142 });
    expect(table!.rows[1]![1]!.source).toEqual({ file: 't.pdf', page: 1, x: 150, y: 162, text: '产出指标' });
  });

  it('reads a wrapped cell as one text and a table drawn with thin filled bars', async () => {
    const xs = [50, 110, 200];
    const ys = [700, 660, 640];
    const rects = [
      ...ys.map((y) => ({ x: xs[0]!, y: y - 0.25, w: xs[2]! - xs[0]!, h: 0.5, fill: true })),
      ...xs.map((x) => ({ x: x - 0.25, y: ys[2]!, w: 0.5, h: ys[0]! - ys[2]!, fill: true })),
    ];
    const pdf = buildPdf([
      {
        rects,
        texts: [
          { x: 52, y: 688, text: '年度预算', size: 10 },
          { x: 52, y: 676, text: '申请（万', size: 10 },
          { x: 52, y: 664, text: '元）', size: 10 },
          { x: 112, y: 688, text: '312.95', size: 10 },
          { x: 52, y: 648, text: '合计', size: 10 },
          { x: 112, y: 648, text: '1', size: 10 },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 'w.pdf');
    expect(shape(tables(doc)[0]!)).toEqual([
      ['年度预算申请（万元）', '312.95'],
      ['合计', '1'],
    ]);
  });

  it('continues a table over a page break: repeated header dropped, merges and cut rows joined', async () => {
    const xs = [50, 150, 250, 350];
    const p1 = ruledTable(
      xs,
      [200, 180, 160, 100],
      [
        ['指标', '名称', '分值'],
        ['产出指标', '上稿数量', '5'],
        ['', '楼堂馆所（2022年', '投资（万'],
      ],
      [{ row: 1, col: 0, rowSpan: 2 }],
    );
    const p2 = ruledTable(
      xs,
      [800, 780, 760, 740, 720],
      [
        ['指标', '名称', '分值'],
        ['', '完工项目）', '元）'],
        ['', '满意度', '10'],
        ['效益指标', '社会效益', '9'],
      ],
      [{ row: 1, col: 0, rowSpan: 2 }],
    );
    const pdf = buildPdf([
      { texts: [{ x: 50, y: 230, text: '表一' }, ...p1.texts], lines: p1.lines },
      { texts: p2.texts, lines: p2.lines },
    ]);
    const doc = await pdfToRaw(pdf, 'c.pdf');
    expect(tables(doc)).toHaveLength(1);
    expect(shape(tables(doc)[0]!)).toEqual([
      ['指标', '名称', '分值'],
      ['产出指标{r3}', '上稿数量', '5'],
      ['^', '楼堂馆所（2022年完工项目）', '投资（万元）'],
      ['^', '满意度', '10'],
      ['效益指标', '社会效益', '9'],
    ]);
  });

  it('starts a new table when text comes between two tables', async () => {
    const a = ruledTable(
      [50, 150, 250],
      [700, 680, 660],
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    );
    const b = ruledTable(
      [50, 150, 250],
      [600, 580, 560],
      [
        ['e', 'f'],
        ['g', 'h'],
      ],
    );
    const pdf = buildPdf([
      { texts: [...a.texts, { x: 50, y: 630, text: '说明' }, ...b.texts], lines: [...a.lines, ...b.lines] },
    ]);
    const doc = await pdfToRaw(pdf, 'two.pdf');
    expect(doc.blocks.map((x) => x.type)).toEqual(['table', 'paragraph', 'table']);
  });
});

describe('pdfToRaw: tables printed without ruling lines', () => {
  it('finds them by the alignment of their columns', async () => {
    const row = (y: number, cells: (string | undefined)[]) =>
      cells.flatMap((text, c) => (text ? [{ x: [50, 200, 300][c]!, y, text, size: 10 }] : []));
    const pdf = buildPdf([
      {
        texts: [
          { x: 50, y: 780, text: '基础数据表' },
          ...row(750, ['项目', '2023年预算数', '2023年决算数']),
          ...row(735, ['三公经费', '0.30', '0']),
          ...row(720, ['其中：公车购置']),
          ...row(705, ['公用经费', '9.45', '220.21']),
          ...row(690, ['政府采购金额', '107.90', '210.99']),
          { x: 50, y: 660, text: '填表人：张三', size: 10 },
          { x: 200, y: 660, text: '联系电话：123', size: 10 },
        ],
      },
    ]);
    const doc = await pdfToRaw(pdf, 'u.pdf');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(shape(tables(doc)[0]!)).toEqual([
      ['项目', '2023年预算数', '2023年决算数'],
      ['三公经费', '0.30', '0'],
      ['其中：公车购置', '', ''],
      ['公用经费', '9.45', '220.21'],
      ['政府采购金额', '107.90', '210.99'],
    ]);
    expect(paragraphs(doc)[1]!.text).toBe('填表人：张三 联系电话：123');
  });
});

describe('pdfToRaw: refuses what it cannot read, with one ImportError naming the file', () => {
  it('an empty file, a non-PDF, a PDF without a text layer', async () => {
    expect((await importError(pdfToRaw(new Uint8Array(), 'e.pdf'))).code).toBe('empty');
    const zip = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
    const e = await importError(pdfToRaw(zip, 'z.pdf'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('z.pdf');
    const scanned = buildPdf([{ lines: [{ x1: 10, y1: 10, x2: 100, y2: 10 }] }]);
    const s = await importError(pdfToRaw(scanned, 'scan.pdf'));
    expect(s.code).toBe('empty');
    expect(s.message).toContain('OCR');
  });

  it('a broken PDF', async () => {
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF');
    const e = await importError(pdfToRaw(broken, 'broken.pdf'));
    expect(e.message).toContain('broken.pdf');
  });

  it('a table over the row limit', async () => {
    const ys = Array.from({ length: 12 }, (_, i) => 700 - i * 20);
    const t = ruledTable(
      [50, 150, 250],
      ys,
      Array.from({ length: 11 }, (_, i) => [`行${i}`, String(i)]),
    );
    const pdf = buildPdf([{ texts: t.texts, lines: t.lines }]);
    const e = await importError(pdfToRaw(pdf, 'rows.pdf', { maxTableRows: 10 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('11');
  });
});

const fixture = fileURLToPath(new URL('../../../../shared/fixtures/beita-rongmeiti-2023.pdf', import.meta.url));
const haveFixture = existsSync(fixture);
if (!haveFixture) console.warn(`skipping the PDF fixture tests: ${fixture} is absent`);

describe.skipIf(!haveFixture)('pdfToRaw: the office-made fixture', () => {
  it('reads the narrative and both tables, the first one over three pages', async () => {
    const doc = await pdfToRaw(new Uint8Array(readFileSync(fixture)), 'beita.pdf');
    const ts = tables(doc);
    expect(ts).toHaveLength(2);
    expect(ts[0]!.source.page).toBe(4);
    const pages = new Set(ts[0]!.rows.flat().map((c) => c.source.page));
    expect([...pages].sort()).toEqual([4, 5, 6]);
    expect(ts[0]!.rows[0]![0]).toMatchObject({ text: '财政供养人员情况', rowSpan: 2 });
    // the row cut by the page break is one row again
    expect(ts[0]!.rows.some((r) => r[0]!.text === '楼堂馆所控制情况（2022年完工项目）')).toBe(true);
    // the merged first column of the indicator block runs over the page break
    const header = ts[1]!.rows.findIndex((r) => r[0]!.text === '绩效指标');
    expect(ts[1]!.rows[header]![0]!.rowSpan).toBeGreaterThan(10);
    expect(ts[1]!.rows[header + 1]![0]!.continued).toBe(true);
    const ps = paragraphs(doc);
    expect(ps[0]!.text).toMatch(/^\S+2023年部门整体支出绩效自评报告$/);
    expect(ps.some((p) => /^2023年度一般公共预算财政拨款年初结转和结余0万元，.*财政运行整体良好。$/.test(p.text))).toBe(
      true,
    );
  });
});
