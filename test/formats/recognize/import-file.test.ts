import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/formats/document.js';
import { detectFormat, evaluationFromJson, importFile } from '../../../src/formats/import.js';
import { storeZip } from '../../../src/formats/zip-guard.js';
import { LAYOUTS, OFFICE_FIXTURES, officeFixturesExist, readSeed, seedExists } from './helpers.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<ImportError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('detectFormat: magic bytes first, extension second', () => {
  it('looks inside a zip for word/ or xl/, whatever the file is called', () => {
    const docx = storeZip([{ name: 'word/document.xml', data: enc('<w:document/>') }]);
    const xlsx = storeZip([{ name: 'xl/workbook.xml', data: enc('<workbook/>') }]);
    expect(detectFormat(docx, 'report.bin')).toBe('docx');
    expect(detectFormat(xlsx, 'report.docx')).toBe('xlsx');
  });

  it('refuses a zip with neither', async () => {
    const zip = storeZip([{ name: 'a.txt', data: enc('x') }]);
    const e = await errorOf(() => detectFormat(zip, 'a.zip'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('a.zip');
  });

  it('knows PDF, legacy OLE2 files, JSON, pictures and text', () => {
    expect(detectFormat(enc('%PDF-1.7\n…'), 'x.txt')).toBe('pdf');
    expect(detectFormat(new Uint8Array([...OLE, 0, 0]), 'old.xls')).toBe('legacy-xls');
    expect(detectFormat(new Uint8Array([...OLE, 0, 0]), 'old.doc')).toBe('legacy-doc');
    const book = new Uint8Array([...OLE, ...[...'Workbook'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(detectFormat(book, 'noext')).toBe('legacy-xls');
    expect(detectFormat(enc(' {"kind":"department"}'), 'e.dat')).toBe('json');
    expect(detectFormat(enc('一、部门基本情况'), 'r.txt')).toBe('text');
    expect(detectFormat(enc('一、部门基本情况'), 'r.docx')).toBe('docx');
  });

  it('looks for %PDF- within the first 1024 bytes only', () => {
    const at = (offset: number): Uint8Array => enc(`${' '.repeat(offset)}%PDF-1.7\n`);
    expect(detectFormat(at(0), 'x.txt')).toBe('pdf');
    expect(detectFormat(at(1019), 'x.txt')).toBe('pdf');
    expect(detectFormat(at(1020), 'x.txt')).toBe('text');
    expect(detectFormat(enc('%PDF'), 'x.txt')).toBe('text');
  });

  it('refuses a picture with a message saying what it is', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    const e = await errorOf(() => detectFormat(png, 'scan.txt'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toMatch(/PNG/);
  });
});

describe('importFile', () => {
  it('refuses too large and empty files before reading them', async () => {
    const big = await errorOf(importFile(new Uint8Array(2048), 'big.txt', { maxBytes: 1024 }));
    expect([big.code, big.file]).toEqual(['too-large', 'big.txt']);
    expect(big.message).toMatch(/超过上限/);
    expect((await errorOf(importFile(new Uint8Array(0), 'e.txt'))).code).toBe('empty');
  });

  it('throws not-a-report for a text without any known table or heading', async () => {
    const e = await errorOf(importFile(enc('今天天气很好。\n我们去公园散步。\n'), 'diary.txt'));
    expect([e.code, e.file]).toEqual(['not-a-report', 'diary.txt']);
    expect(e.message).toContain('diary.txt');
  });

  it('takes a text with a known heading as a (thin) report, keeping what is there', async () => {
    const { evaluation, raw } = await importFile(
      enc('一、部门基本情况\n内设办公室。\n七、存在的问题\n无。\n'),
      'r.txt',
    );
    expect(raw.format).toBe('text');
    expect(evaluation.narrative.sections.map((s) => s.key)).toEqual(['basicInfo', 'problems']);
    expect(evaluation.organisation.internalDivisions).toBe('办公室');
  });

  it('reads an Evaluation saved as JSON, and names the JSON path of what is wrong in zh-CN', async () => {
    const { evaluation } = await importFile(readFileSync(`${LAYOUTS}central-anhui.txt`), 'central-anhui.txt');
    const json = enc(JSON.stringify(evaluation));
    const back = await importFile(json, 'evaluation.json');
    expect(back.evaluation).toEqual(evaluation);
    expect(back.raw).toEqual({ file: 'evaluation.json', format: 'json', blocks: [] });

    const broken = JSON.parse(JSON.stringify(evaluation)) as { selfEvaluation: { indicators: { weight: unknown }[] } };
    broken.selfEvaluation.indicators[3]!.weight = 10;
    const e = await errorOf(importFile(enc(JSON.stringify(broken)), 'bad.json'));
    expect(e.code).toBe('corrupt');
    expect(e.place).toBe('selfEvaluation.indicators[3].weight');
    expect(e.message).toContain('selfEvaluation.indicators[3].weight');
    expect(e.message).toMatch(/期望/);

    const syntax = await errorOf(() => evaluationFromJson(enc('{"kind":'), 'cut.json'));
    expect([syntax.code, syntax.file]).toEqual(['corrupt', 'cut.json']);
  });

  it('sends a legacy .doc to LibreOffice, or says how to install it', async () => {
    try {
      const r = await importFile(new Uint8Array([...OLE, ...new Uint8Array(512)]), 'old.doc');
      expect(r.evaluation).toBeDefined();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect(['needs-tool', 'corrupt', 'unreadable', 'unsupported']).toContain((e as ImportError).code);
    }
  }, 120_000);

  it.skipIf(!seedExists)('imports the seed text', async () => {
    const { evaluation, raw } = await importFile(readSeed(), 'seed.txt');
    expect(raw.format).toBe('text');
    expect(evaluation.selfEvaluation?.totalScore?.text).toBe('95');
  });

  it.skipIf(!officeFixturesExist)('chooses the .docx importer by content, even under another name', async () => {
    const bytes = readFileSync(`${OFFICE_FIXTURES}beita-rongmeiti-2023.docx`);
    const { evaluation, raw } = await importFile(bytes, 'report.dat');
    expect(raw.format).toBe('docx');
    expect(evaluation.selfEvaluation?.funding.initialBudget?.text).toBe('185.32');
  });

  it.skipIf(!officeFixturesExist)(
    'passes a Node Buffer of a PDF to the PDF importer',
    async () => {
      const { raw } = await importFile(readFileSync(`${OFFICE_FIXTURES}beita-rongmeiti-2023.pdf`), 'seed.pdf');
      expect(raw.format).toBe('pdf');
    },
    60_000,
  );
});
