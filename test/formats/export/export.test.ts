import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultOutputPath,
  EXPORT_FORMATS,
  exportEvaluation,
  ExportError,
  isExportFormat,
  runExport,
} from '../../../src/formats/export.js';
import { importFile } from '../../../src/formats/import.js';
import { evaluationToJson } from '../../../src/formats/json/export.js';
import { openZip } from '../../../src/formats/zip-guard.js';
import { differences, projectEvaluation } from './compare.js';
import { sampleEvaluation } from './fixture.js';
import { tempDir, writeTemp } from './tools.js';

describe('exportEvaluation', () => {
  it('knows its formats', () => {
    expect(EXPORT_FORMATS).toEqual(['docx', 'xlsx', 'pdf', 'html', 'json']);
    expect(isExportFormat('docx')).toBe(true);
    expect(isExportFormat('odt')).toBe(false);
  });

  it('gives bytes for .docx and .xlsx and text for HTML and JSON', async () => {
    const e = sampleEvaluation();
    const docx = await exportEvaluation(e, 'docx');
    expect(openZip(docx, 'x.docx').has('word/document.xml')).toBe(true);
    const xlsx = await exportEvaluation(e, 'xlsx');
    expect(openZip(xlsx, 'x.xlsx').has('xl/workbook.xml')).toBe(true);
    expect(await exportEvaluation(e, 'html')).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(await exportEvaluation(e, 'json'))).toMatchObject({ kind: 'department', year: 2030 });
  });

  it('adds the recomputed score and the findings with --with-review', async () => {
    const e = sampleEvaluation();
    const plain = await exportEvaluation(e, 'html');
    const reviewed = await exportEvaluation(e, 'html', { withReview: true });
    expect(plain).not.toContain('绩效自评计分复核表');
    expect(reviewed).toContain('绩效自评计分复核表');
    expect(reviewed).toContain('>核查结果</h2>');
    const json = JSON.parse(await exportEvaluation(e, 'json', { withReview: true })) as Record<string, unknown>;
    expect(json['review']).toMatchObject({ score: { recomputed: { total: expect.any(Number) } } });
  });

  it('writes JSON that imports back as the same Evaluation, review or not', async () => {
    const e = sampleEvaluation();
    for (const text of [evaluationToJson(e), await exportEvaluation(e, 'json', { withReview: true })]) {
      const back = (await importFile(new TextEncoder().encode(text), 'e.json')).evaluation;
      expect(differences(projectEvaluation(e), projectEvaluation(back))).toEqual([]);
    }
  });
});

describe('runExport (what `jixiao export` runs)', () => {
  it('reads an input, writes beside it with the format’s extension, never over the input', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'report.json', evaluationToJson(sampleEvaluation()));
    const r = await runExport(input, { to: 'docx' });
    expect(r).toMatchObject({ format: 'docx', output: path.join(dir, 'report.docx') });
    expect(existsSync(r.output)).toBe(true);
    expect(r.bytes).toBe(readFileSync(r.output).byteLength);
    expect(defaultOutputPath(input, 'json')).toBe(path.join(dir, 'report.导出.json'));
    const out = path.join(dir, 'named.xlsx');
    expect((await runExport(input, { to: '.XLSX', out, withReview: true })).output).toBe(out);
  });

  it('hands the output to the writer given (standard output for -o -)', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'report.json', evaluationToJson(sampleEvaluation()));
    const written: [string, Uint8Array | string][] = [];
    await runExport(input, { to: 'html', out: '-' }, async (file, data) => {
      written.push([file, data]);
    });
    expect(written[0]?.[0]).toBe('-');
    expect(String(written[0]?.[1])).toContain('<html lang="zh-CN">');
  });

  it('refuses an unknown format or profile in Chinese, naming the choices', async () => {
    const dir = tempDir();
    const input = writeTemp(dir, 'report.json', evaluationToJson(sampleEvaluation()));
    const bad = await runExport(input, { to: 'odt' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ExportError);
    expect((bad as ExportError).message).toContain('不支持导出为“odt”');
    expect((bad as ExportError).message).toContain('docx');
    const profile = await runExport(input, { to: 'docx', profile: 'atlantis' }).catch((e: unknown) => e);
    expect((profile as ExportError).message).toContain('未知的规则配置“atlantis”');
  });
});
