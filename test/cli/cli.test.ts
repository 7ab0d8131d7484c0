import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluationSchema } from '../../src/model/index.js';
import { DEMO_TXT, HAVE_SHARED, SEED_TXT, jixiao } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-'));

describe('jixiao schema', () => {
  it('prints the Evaluation JSON Schema', async () => {
    const r = await jixiao(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { type: string; properties: Record<string, unknown> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['kind', 'basicData', 'selfEvaluation']));
  });
});

describe('jixiao bad input', () => {
  it('a missing file: exit 2 and a zh-CN message naming it', async () => {
    const r = await jixiao(['score', 'no-such-report.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-report.json');
    expect(r.stderr).toContain('文件不存在');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an unknown profile: exit 2 listing the known ones', async () => {
    const r = await jixiao(['score', DEMO_TXT, '--profile', 'atlantis']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的规则配置“atlantis”');
    expect(r.stderr).toContain('national-2020');
  });

  it('JSON of the wrong shape: exit 2 naming the path and what was expected', async () => {
    const file = path.join(tmp, 'wrong.json');
    writeFileSync(file, JSON.stringify({ kind: 'department', year: '二〇二三', selfEvaluation: { indicators: [{}] } }));
    const r = await jixiao(['score', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wrong.json');
    expect(r.stderr).toMatch(/year/);
    expect(r.stderr).toMatch(/selfEvaluation\.indicators\[0\]|selfEvaluation\.indicators\.0/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('text that is not JSON in a .json file: exit 2', async () => {
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, '{"kind": "department", ');
    const r = await jixiao(['score', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.json');
  });

  it('an unknown option: exit 2 with usage help', async () => {
    const r = await jixiao(['score', DEMO_TXT, '--frobnicate']);
    expect(r.code).toBe(2);
  });
});

describe('jixiao score', () => {
  it('scores an Evaluation JSON and explains every row', async () => {
    const convert = await jixiao(['convert', DEMO_TXT]);
    expect(convert.code).toBe(0);
    const evaluation = evaluationSchema.parse(JSON.parse(convert.stdout));
    const file = path.join(tmp, 'demo.json');
    writeFileSync(file, JSON.stringify(evaluation));
    const r = await jixiao(['score', file, '--json']);
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.stdout) as { items: { formula: string }[]; total: { recomputed: number } };
    expect(sheet.items.length).toBe(evaluation.selfEvaluation?.indicators.filter((i) => !i.placeholder).length);
    for (const item of sheet.items) expect(item.formula.length).toBeGreaterThan(0);
    const table = await jixiao(['score', file]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('预算执行率');
    expect(table.stdout).toContain('总分');
  });

  it('npm start (jixiao demo) prints the demo score sheet', async () => {
    const r = await jixiao(['demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('示例');
    expect(r.stdout).toContain('等次');
  });
});

describe('jixiao check', () => {
  it('the demo has no errors: exit 0', async () => {
    const r = await jixiao(['check', DEMO_TXT]);
    expect(r.stdout).toContain('合计：0 个错误');
    expect(r.code).toBe(0);
  });

  it.skipIf(!HAVE_SHARED)('the seed has errors: exit 1, JSON contract', async () => {
    const r = await jixiao(['check', SEED_TXT, '--format', 'json']);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout) as Record<string, unknown> & {
      findings: { rule: string; severity: string; message: string; where: unknown[] }[];
      summary: { errors: number; warnings: number; infos: number };
      score: { selfReported: { total: number | null }; recomputed: { total: number } };
    };
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['file', 'evaluation', 'score', 'findings', 'summary']));
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(result.summary.errors).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(result.score.selfReported.total).toBe(95);
  });

  it('a directory, in parallel, with a CSV and an xlsx summary; an unreadable file gives exit 2', async () => {
    const dir = path.join(tmp, 'batch');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    copyFileSync(DEMO_TXT, path.join(dir, 'a.txt'));
    copyFileSync(DEMO_TXT, path.join(dir, 'b.txt'));
    const csv = path.join(tmp, 'summary.csv');
    const ok = await jixiao(['check', dir, '--jobs', '2', '--summary', csv]);
    expect(ok.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split(/\r\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('重算总分');

    writeFileSync(path.join(dir, 'c.pdf'), 'this is not a pdf');
    const xlsx = path.join(tmp, 'summary.xlsx');
    const bad = await jixiao(['check', dir, '--jobs', '2', '--summary', xlsx, '--format', 'json']);
    expect(bad.code).toBe(2);
    const results = JSON.parse(bad.stdout) as { file: string; error?: { message: string } }[];
    expect(results).toHaveLength(3);
    expect(results.find((x) => x.file.endsWith('c.pdf'))?.error?.message).toContain('c.pdf');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('核查汇总')?.rowCount).toBe(4);
  });
});
