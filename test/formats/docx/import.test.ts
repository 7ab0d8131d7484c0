import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type RawDocument, type RawParagraph, type RawTable } from '../../../src/formats/document.js';
import { docxToRaw } from '../../../src/formats/docx/import.js';
import { docxPackage, makeZip, para, table, W_NS } from './ooxml.js';

const paragraphs = (d: RawDocument) => d.blocks.filter((b): b is RawParagraph => b.type === 'paragraph');
const tables = (d: RawDocument) => d.blocks.filter((b): b is RawTable => b.type === 'table');

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('docxToRaw: paragraphs', () => {
  it('joins runs split at digits and keeps reading order with tables', async () => {
    const doc = await docxToRaw(
      docxPackage({
        body:
          para(['本部门共有编制人数', '7', '人，实有人数', '7', '人。']) + table([['a', 'b']]) + para('　　下一段　'),
      }),
      'r.docx',
    );
    expect(doc.format).toBe('docx');
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const [p1, p2] = paragraphs(doc);
    expect(p1!.text).toBe('本部门共有编制人数7人，实有人数7人。');
    expect(p1!.source).toEqual({ file: 'r.docx', paragraph: 1, text: p1!.text });
    // padding (full-width spaces) trimmed; paragraph index counts body paragraphs
    expect(p2!.text).toBe('下一段');
    expect(p2!.source.paragraph).toBe(2);
  });

  it('skips empty paragraphs but keeps counting them', async () => {
    const doc = await docxToRaw(docxPackage({ body: para('一') + '<w:p/>' + para('　') + para('二') }), 'r.docx');
    expect(paragraphs(doc).map((p) => [p.text, p.source.paragraph])).toEqual([
      ['一', 1],
      ['二', 4],
    ]);
  });

  it('takes heading levels from style names (Heading n, 标题 n), outline levels and based-on chains', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="zh2"><w:name w:val="标题 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="My Title"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="H1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body Text"/></w:style>';
    const doc = await docxToRaw(
      docxPackage({
        styles,
        body:
          para('一级', '<w:pStyle w:val="H1"/>') +
          para('二级', '<w:pStyle w:val="zh2"/>') +
          para('三级', '<w:pStyle w:val="Outline"/>') +
          para('派生', '<w:pStyle w:val="Derived"/>') +
          para('正文', '<w:pStyle w:val="Body"/>') +
          para('直接大纲', '<w:outlineLvl w:val="1"/>') +
          para('正文级别', '<w:outlineLvl w:val="9"/>'),
      }),
      'h.docx',
    );
    expect(paragraphs(doc).map((p) => p.headingLevel)).toEqual([1, 2, 3, 1, undefined, 2, undefined]);
  });

  it('renders automatic numbering as the reader sees it', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>' +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const num = (ilvl: number, id = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${id}"/></w:numPr>`;
    const doc = await docxToRaw(
      docxPackage({
        numbering,
        body:
          para('部门基本情况', num(0)) +
          para('机构设置', num(1)) +
          para('内设机构', num(2)) +
          para('人员', num(2)) +
          para('人员编制', num(1)) +
          para('预算执行情况', num(0)) +
          para('总体情况', num(1)) +
          para('要点', num(0, 2)) +
          para('不编号', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'),
      }),
      'n.docx',
    );
    expect(paragraphs(doc).map((p) => p.text)).toEqual([
      '一、部门基本情况',
      '（一）机构设置',
      '1. 内设机构',
      '2. 人员',
      '（二）人员编制',
      '二、预算执行情况',
      '（一）总体情况',
      '要点',
      '不编号',
    ]);
  });

  it('reads breaks, tabs, tracked changes, fields, hyperlinks and content controls', async () => {
    const body =
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
      '<w:p><w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:sdt><w:sdtContent><w:r><w:t>控件</w:t></w:r></w:sdtContent></w:sdt></w:p>' +
      '<w:sdt><w:sdtContent>' +
      para('块级控件') +
      '</w:sdtContent></w:sdt>' +
      '<w:p><w:r><w:t>A&amp;B &lt;&#x4E00;&#20108;&gt;</w:t></w:r></w:p>';
    const doc = await docxToRaw(docxPackage({ body }), 'f.docx');
    expect(paragraphs(doc).map((p) => p.text)).toEqual([
      '第一行\n第二行\t制表',
      '保留插入',
      '3',
      '链接控件',
      '块级控件',
      'A&B <一二>',
    ]);
  });

  it('reads text boxes once (the modern choice, not the VML fallback), after their paragraph', async () => {
    const box = `<w:txbxContent>${para('文本框内容')}</w:txbxContent>`;
    const body =
      `<w:p><w:r><w:t>锚点</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
      `<mc:Choice Requires="wps"><w:drawing><wps>${box}</wps></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const doc = await docxToRaw(docxPackage({ body }), 't.docx');
    expect(paragraphs(doc).map((p) => p.text)).toEqual(['锚点', '文本框内容']);
  });

  it('resolves namespaces whatever prefix the file uses', async () => {
    const body = '<ns0:p><ns0:r><ns0:t>前缀不同</ns0:t></ns0:r></ns0:p>';
    const doc = await docxToRaw(docxPackage({ body, prefix: 'ns0' }), 'ns.docx');
    expect(paragraphs(doc).map((p) => p.text)).toEqual(['前缀不同']);
  });
});

describe('docxToRaw: tables', () => {
  it('follows the table contract for horizontal and vertical merges', async () => {
    const doc = await docxToRaw(
      docxPackage({
        body: table([
          [{ text: '绩效指标', vMerge: 'restart' }, { text: '一级指标' }, { text: '分值', gridSpan: 2 }],
          [{ vMerge: 'continue' }, { text: '产出指标', vMerge: 'restart' }, '5', '5'],
          [{ vMerge: 'continue' }, { vMerge: 'continue' }, '10', '9'],
          ['总分', { text: '100', gridSpan: 3 }],
        ]),
      }),
      't.docx',
    );
    const [t] = tables(doc);
    expect(t!.source).toMatchObject({ file: 't.docx', table: 1, text: '绩效指标' });
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
      [
        ['总分', 1, 1, false],
        ['100', 3, 1, false],
      ],
    ]);
    expect(t!.rows[1]![1]!.source).toEqual({ file: 't.docx', table: 1, row: 2, col: 2, text: '产出指标' });
  });

  it('keeps a cell’s own line breaks and trims its padding', async () => {
    const doc = await docxToRaw(
      docxPackage({ body: table([[{ text: ['年度预', '算申请', '（万元）'] }, { text: ['　7 '] }]]) }),
      'c.docx',
    );
    const [t] = tables(doc);
    expect(t!.rows[0]!.map((c) => c.text)).toEqual(['年度预\n算申请\n（万元）', '7']);
  });

  it('does not continue a vertical merge that was interrupted', async () => {
    const doc = await docxToRaw(
      docxPackage({
        body: table([
          [{ text: 'A', vMerge: 'restart' }, 'x'],
          ['B', 'y'],
          [{ text: 'C', vMerge: 'continue' }, 'z'],
        ]),
      }),
      'v.docx',
    );
    const rows = tables(doc)[0]!.rows;
    expect(rows[0]![0]!.rowSpan).toBeUndefined();
    expect(rows[2]![0]).toMatchObject({ text: 'C' });
    expect(rows[2]![0]!.continued).toBeUndefined();
  });

  it('flattens a nested table into its cell’s text', async () => {
    const inner = table([
      ['甲', '乙'],
      ['丙', '丁'],
    ]);
    const body = `<w:tbl><w:tr><w:tc>${para('外')}${inner}</w:tc><w:tc>${para('右')}</w:tc></w:tr></w:tbl>`;
    const doc = await docxToRaw(docxPackage({ body }), 'n.docx');
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0]!.rows[0]!.map((c) => c.text)).toEqual(['外\n甲 乙\n丙 丁', '右']);
  });
});

describe('docxToRaw: refuses what it cannot read, with one ImportError naming the file', () => {
  it('an empty file', async () => {
    const e = await importError(docxToRaw(new Uint8Array(), 'empty.docx'));
    expect(e.code).toBe('empty');
    expect(e.message).toContain('empty.docx');
  });

  it('an image renamed to .docx', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const e = await importError(docxToRaw(png, '报告.docx'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('报告.docx');
    expect(e.message).toContain('PNG');
  });

  it('a workbook given as a document', async () => {
    const zip = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const e = await importError(docxToRaw(zip, 'a.docx'));
    expect(e.message).toContain('Excel');
  });

  it('XML with entity declarations (billion laughs)', async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>' +
      `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const zip = makeZip([{ name: 'word/document.xml', data: bomb }]);
    const e = await importError(docxToRaw(zip, 'lol.docx'));
    expect(e.code).toBe('unsupported');
    expect(e.place).toBe('word/document.xml');
    expect(e.message).toMatch(/DOCTYPE|ENTITY/);
  });

  it('malformed XML', async () => {
    const zip = makeZip([
      { name: 'word/document.xml', data: `<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>断</w:t>` },
    ]);
    const e = await importError(docxToRaw(zip, 'cut.docx'));
    expect(e.code).toBe('corrupt');
    expect(e.place).toBe('word/document.xml');
  });

  it('a table with 10,000 rows', async () => {
    const row = '<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>';
    const zip = docxPackage({ body: `<w:tbl>${row.repeat(10_000)}</w:tbl>` });
    const t0 = performance.now();
    const e = await importError(docxToRaw(zip, 'big.docx'));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('10000');
    expect(e.place).toContain('第 1 个表格');
  });

  it('an XML part larger than the limit, before it is parsed', async () => {
    const zip = docxPackage({ body: para('很长的段落'.repeat(200)) });
    const e = await importError(docxToRaw(zip, 'long.docx', { maxXmlPartBytes: 1000 }));
    expect(e.code).toBe('too-large');
    expect(e.place).toBe('word/document.xml');
  });

  it('a document with no text at all', async () => {
    const e = await importError(docxToRaw(docxPackage({ body: '<w:p/>' }), 'blank.docx'));
    expect(e.code).toBe('empty');
  });
});

const fixture = fileURLToPath(new URL('../../../../shared/fixtures/beita-rongmeiti-2023.docx', import.meta.url));
const haveFixture = existsSync(fixture);
if (!haveFixture) console.warn(`skipping the .docx fixture tests: ${fixture} is absent`);

describe.skipIf(!haveFixture)('docxToRaw: the office-made fixture', () => {
  it('reads the narrative and both attached tables with their merges', async () => {
    const doc = await docxToRaw(new Uint8Array(readFileSync(fixture)), 'beita.docx');
    const ts = tables(doc);
    expect(ts).toHaveLength(2);
    const ps = paragraphs(doc);
    expect(ps.length).toBeGreaterThan(40);
    expect(ps[0]!.text).toMatch(/^\S+2023年部门整体支出绩效自评报告$/);
    // the first column of the basic data sheet merges two rows
    expect(ts[0]!.rows[0]![0]).toMatchObject({ text: '财政供养人员情况', rowSpan: 2 });
    expect(ts[0]!.rows[1]![0]).toMatchObject({ text: '', continued: true });
    // the indicator block: 一级 and 二级 columns merged vertically
    const header = ts[1]!.rows.findIndex((r) => r.some((c) => c.text === '三级指标'));
    expect(header).toBeGreaterThan(0);
    const firstIndicator = ts[1]!.rows[header + 1]!;
    expect(firstIndicator[1]!.rowSpan).toBeGreaterThan(1);
    expect(ts[1]!.rows[header + 2]![1]!.continued).toBe(true);
  });
});
