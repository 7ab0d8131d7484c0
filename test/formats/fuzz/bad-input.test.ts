import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportError, type RawDocument } from '../../../src/formats/document.js';
import { docxToRaw } from '../../../src/formats/docx/import.js';
import { pdfToRaw } from '../../../src/formats/pdf/import.js';
import { xlsxToRaw } from '../../../src/formats/xlsx/import.js';
import { openZip } from '../../../src/formats/zip-guard.js';
import { docxPackage, makeZip, para, W_NS, type ZipFile } from '../docx/ooxml.js';
import { buildPdf } from '../pdf/pdf-builder.js';
import { rng } from './mutate.js';

/**
 * The bad inputs the issue lists, for each binary format: each must end in one ImportError whose zh-CN
 * message names the file, quickly.
 */
type Importer = (bytes: Uint8Array, file: string) => Promise<RawDocument>;
const importers: Record<'docx' | 'xlsx' | 'pdf', Importer> = { docx: docxToRaw, xlsx: xlsxToRaw, pdf: pdfToRaw };

const TIME_LIMIT_MS = 3000;

async function expectImportError(
  format: keyof typeof importers,
  bytes: Uint8Array,
  file: string,
  code?: ImportError['code'],
) {
  const t0 = performance.now();
  let error: unknown;
  try {
    await importers[format](bytes, file);
  } catch (err) {
    error = err;
  }
  expect(performance.now() - t0).toBeLessThan(TIME_LIMIT_MS);
  expect(error).toBeInstanceOf(ImportError);
  const e = error as ImportError;
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  if (code) expect(e.code).toBe(code);
  return e;
}

const random = (n: number, seed: number) => {
  const r = rng(seed);
  return new Uint8Array(n).map(() => Math.floor(r() * 256));
};
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random(200, 9)]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...random(200, 10)]);

async function smallWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表').addRow(['指标', '分值']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function withPart(zipBytes: Uint8Array, name: string, data: string | Uint8Array): Uint8Array {
  const zip = openZip(zipBytes, 'x');
  const files: ZipFile[] = zip.names().map((n) => ({ name: n, data: n === name ? data : zip.read(n) }));
  if (!zip.has(name)) files.push({ name, data });
  return makeZip(files);
}

const lol =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>';

describe('bad input: one ImportError naming the file, never a crash or a hang', () => {
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    it(`${format}: an empty file`, async () => {
      await expectImportError(format, new Uint8Array(), `空.${format}`, 'empty');
    });

    it(`${format}: random bytes`, async () => {
      for (let seed = 1; seed <= 20; seed++)
        await expectImportError(format, random(1 + seed * 97, seed), `随机${seed}.${format}`);
    });

    it(`${format}: an image with the wrong extension`, async () => {
      const e = await expectImportError(format, png, `图片.${format}`, 'unsupported');
      expect(e.message).toContain('PNG');
      await expectImportError(format, jpeg, `照片.${format}`, 'unsupported');
    });
  }

  it('docx and xlsx: a truncated zip, at many lengths', async () => {
    const docx = docxPackage({ body: para('内容') });
    const xlsx = await smallWorkbook();
    for (const [format, bytes] of [
      ['docx', docx],
      ['xlsx', xlsx],
    ] as const) {
      for (const keep of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
        await expectImportError(format, bytes.subarray(0, Math.floor(bytes.length * keep)), `截断${keep}.${format}`);
      }
    }
  });

  it('pdf: a truncated file', async () => {
    const pdf = buildPdf([{ texts: [{ x: 50, y: 700, text: '正文' }] }]);
    await expectImportError('pdf', pdf.subarray(0, 100), '截断.pdf');
  });

  it('docx and xlsx: a zip bomb, refused from the directory before inflating', async () => {
    const zeros = new Uint8Array(16 * 1024 * 1024);
    const docx = makeZip([
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'word/document.xml', data: zeros },
    ]);
    const e = await expectImportError('docx', docx, 'bomb.docx', 'too-large');
    expect(e.place).toBe('word/document.xml');
    const xlsx = withPart(await smallWorkbook(), 'xl/worksheets/sheet1.xml', zeros);
    await expectImportError('xlsx', xlsx, 'bomb.xlsx', 'too-large');
  });

  it('docx and xlsx: a zip bomb that lies about its size, stopped while inflating', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const docx = makeZip([{ name: 'word/document.xml', data: zeros, declaredSize: 100 }]);
    await expectImportError('docx', docx, 'liar.docx', 'too-large');
    const base = await smallWorkbook();
    const zip = openZip(base, 'x');
    const files: ZipFile[] = zip
      .names()
      .map((n) =>
        n === 'xl/worksheets/sheet1.xml' ? { name: n, data: zeros, declaredSize: 100 } : { name: n, data: zip.read(n) },
      );
    await expectImportError('xlsx', makeZip(files), 'liar.xlsx', 'too-large');
  });

  it('docx and xlsx: XML entity expansion', async () => {
    const doc = `${lol}<w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    await expectImportError(
      'docx',
      withPart(docxPackage({ body: para('x') }), 'word/document.xml', doc),
      'lol.docx',
      'unsupported',
    );
    const styles = `${lol}<w:styles xmlns:w="${W_NS}"/>`;
    const withStyles = docxPackage({ body: para('x'), styles: '' });
    await expectImportError('docx', withPart(withStyles, 'word/styles.xml', styles), 'lol-styles.docx', 'unsupported');
    const sheet = `${lol}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
    await expectImportError(
      'xlsx',
      withPart(await smallWorkbook(), 'xl/worksheets/sheet1.xml', sheet),
      'lol.xlsx',
      'unsupported',
    );
  });

  it('docx and xlsx: a table with 10,000 rows', async () => {
    const row =
      '<w:tr><w:tc><w:p><w:r><w:t>行</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>';
    await expectImportError(
      'docx',
      docxPackage({ body: `<w:tbl>${row.repeat(10_000)}</w:tbl>` }),
      '万行.docx',
      'too-large',
    );
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    await expectImportError(
      'xlsx',
      withPart(await smallWorkbook(), 'xl/worksheets/sheet1.xml', sheet),
      '万行.xlsx',
      'too-large',
    );
  });
});
