import { describe, expect, it } from 'vitest';
import { docxToRaw } from '../../../src/formats/docx/import.js';
import type { RawTable } from '../../../src/formats/document.js';
import { DOCX_FONTS, evaluationToDocx } from '../../../src/formats/docx/export.js';
import { openZip } from '../../../src/formats/zip-guard.js';
import { sampleEvaluation } from './fixture.js';

describe('docx export', async () => {
  const bytes = await evaluationToDocx(sampleEvaluation());
  const zip = openZip(bytes, 'out.docx');
  const doc = zip.xml('word/document.xml');

  it('is an A4 document with the East-Asian fonts of official documents set explicitly', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    for (const face of [DOCX_FONTS.body, DOCX_FONTS.heading1, DOCX_FONTS.heading2, DOCX_FONTS.title]) {
      expect(doc).toContain(`w:eastAsia="${face}"`);
    }
    const fonts = zip.xml('word/fontTable.xml');
    expect(fonts).toContain(`<w:font w:name="${DOCX_FONTS.body}"><w:altName w:val="仿宋"/><w:charset w:val="86"/>`);
  });

  it('has a header with the unit and year, page numbers in the footer, 附件 labels in the forms’ first headers', () => {
    const parts = zip.names();
    const headers = parts.filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.xml(n));
    expect(headers.some((h) => h.includes('测试县测试中心') && h.includes('2030年度部门整体支出绩效自评报告'))).toBe(
      true,
    );
    expect(headers.some((h) => h.includes('附件1'))).toBe(true);
    expect(headers.some((h) => h.includes('附件2'))).toBe(true);
    const footers = parts.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => zip.xml(n));
    expect(footers.some((x) => /PAGE/.test(x))).toBe(true);
  });

  it('marks the narrative headings as Word headings', () => {
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>.*?一、部门（单位）基本情况/s);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>.*?（一）人员编制情况/s);
  });

  it('writes the forms as bordered tables with merged cells', () => {
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(doc).toContain('<w:vMerge w:val="continue"/>');
    expect(doc).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(doc).toMatch(/<w:tblBorders>.*<w:insideH w:val="single"/s);
  });

  it('reads back as the official forms: merged 一级/二级 cells, 万元 with two decimals', async () => {
    const raw = await docxToRaw(bytes, 'out.docx');
    const tables = raw.blocks.filter((b): b is RawTable => b.type === 'table');
    expect(tables).toHaveLength(2);
    const texts = (t: RawTable) => t.rows.map((r) => r.map((c) => c.text));
    const basic = texts(tables[0]!);
    expect(basic).toContainEqual(['三公经费', '2.80', '3.00', '2.60']);
    expect(basic).toContainEqual(['其中：公车购置', '0.00', '0.00', '0.00']);
    const self = tables[1]!;
    const output = self.rows.findIndex((r) => r.some((c) => c.text.startsWith('产出指标')));
    const col = self.rows[output]!.findIndex((c) => c.text.startsWith('产出指标'));
    for (let r = output + 1; r < output + 4; r++) expect(self.rows[r]![col]?.continued).toBe(true);
    expect(texts(self)).toContainEqual(['总分', '100', '97.81', '']);
    const paragraphs = raw.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('（2030年度）');
    expect(paragraphs).toContain('填报单位：测试县测试中心');
    expect(paragraphs).not.toContain('附件1');
  });
});
