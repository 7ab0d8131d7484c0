import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/formats/report/index.js';
import { escapeHtml, evaluationToHtml, reportToHtml } from '../../../src/formats/html/export.js';
import { evaluationToPdf, PdfPrinter } from '../../../src/formats/pdf/export.js';
import { ExportError } from '../../../src/formats/report/errors.js';
import { evaluationSchema } from '../../../src/model/index.js';
import { sampleEvaluation, sampleInput } from './fixture.js';
import { hasChromium, hasPoppler, pdfPages, pdfText, RADICALS, tempDir, warnSkip, writeTemp } from './tools.js';

describe('html export', () => {
  const html = evaluationToHtml(sampleEvaluation());

  it('is one self-contained page: inline CSS, no external assets, no scripts', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<link\b|<script\b|src=|url\(|https?:\/\//i);
    expect(html).toMatch(/<style>[\s\S]*@page \{ size: A4;/);
  });

  it('prints on A4 with the unit and year in the running header and page numbers', () => {
    expect(html).toContain('@top-center { content: "测试县测试中心\u30002030年度部门整体支出绩效自评报告"');
    expect(html).toContain('counter(page)');
    expect(html).toMatch(/section\.attachment \{ page: form; break-before: page;/);
  });

  it('holds the same content as the report model: headings, prose, forms with merged cells', () => {
    expect(html).toContain('<h2>一、部门（单位）基本情况</h2>');
    expect(html).toContain('<p class="body">本中心核定编制人数12人，实有人数11人。</p>');
    expect(html).toMatch(/<td class="c b" rowspan="2">财政供养人员情况<\/td>/);
    expect(html).toMatch(/<td class="c" rowspan="4">产出指标<br>（50分）<\/td>/);
    expect(html).toContain('<p class="att-label">附件2</p><h2 class="form-title">部门整体支出绩效自评表</h2>');
  });

  it('escapes what the report says', () => {
    const input = sampleInput();
    input.narrative!.sections![1]!.text = '<b>编制</b> & "实有"';
    const out = evaluationToHtml(evaluationSchema.parse(input));
    expect(out).toContain('&lt;b&gt;编制&lt;/b&gt; &amp; &quot;实有&quot;');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });

  it('puts TrueType CJK faces first for PDF printing', () => {
    const pdfHtml = reportToHtml(buildReport(sampleEvaluation()), 'pdf');
    for (const m of pdfHtml.matchAll(/font-family: ([^;]+);/g)) expect(m[1]).toMatch(/^'WenQuanYi Micro Hei'/);
  });
});

describe.skipIf(warnSkip(!hasChromium, 'PDF tests: /usr/bin/chromium is not installed'))('pdf export', () => {
  const printer = new PdfPrinter();
  afterAll(() => printer.close());

  it.skipIf(warnSkip(!hasPoppler, 'PDF text checks: poppler-utils (pdftotext) is not installed'))(
    'prints the report with its forms, the text extracting as ordinary characters',
    async () => {
      const pdf = await evaluationToPdf(sampleEvaluation(), { printer });
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      const file = writeTemp(tempDir(), 'sample.pdf', pdf);
      const pages = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(5);
      const text = pdfText(file);
      expect(text).not.toMatch(RADICALS);
      expect(text).toContain('测试县测试中心2030年部门整体支出绩效自'); // the title wraps
      expect(text).toContain('部门整体支出绩效评价基础数据表');
      expect(text).toContain('部门整体支出绩效自评表');
      expect(text).toMatch(/三公经费\s+2\.80\s+3\.00\s+2\.60/);
      expect(pdfText(file, 1)).toMatch(/—\s*1\s*—/);
      // each form starts a page of its own
      const selfPage = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
        pdfText(file, p).includes('部门整体支出绩效自评表'),
      );
      expect(pdfText(file, selfPage!)).toContain('附件2');
      expect(pdfText(file, selfPage!)).not.toContain('基础数据表');
    },
  );

  it('prints again with the warm browser', async () => {
    const a = await printer.print('<html><body><p>一</p></body></html>');
    const b = await printer.print('<html><body><p>二</p></body></html>');
    expect(a.byteLength).toBeGreaterThan(500);
    expect(b.byteLength).toBeGreaterThan(500);
  });
});

describe('pdf export without a browser', () => {
  it('says in Chinese which package to install', async () => {
    const missing = new PdfPrinter(path.join(tempDir(), 'no-chromium'));
    const err = await missing.print('<p>x</p>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExportError);
    expect((err as ExportError).code).toBe('needs-tool');
    expect((err as ExportError).message).toContain('未找到 Chromium 浏览器');
    expect((err as ExportError).message).toContain('apt-get install chromium');
  });
});
