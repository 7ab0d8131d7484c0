import ExcelJS from 'exceljs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEvaluation } from '../../../src/formats/export.js';
import { moneyText } from '../../../src/formats/report/index.js';
import { importFile } from '../../../src/formats/import.js';
import type { Evaluation } from '../../../src/model/index.js';
import {
  DEMO,
  hasDemo,
  hasPoppler,
  hasSeed,
  hasSoffice,
  pageToPng,
  pdfPages,
  pdfText,
  SEED,
  sofficeConvert,
  tempDir,
  warnSkip,
  writeTemp,
} from './tools.js';

/*
 * The exported .docx and .xlsx open in LibreOffice: converted to PDF they have the expected pages and text, and
 * page 1 and the 自评表 page render to PNGs (look at them: they must look like the official forms). The workbook's
 * formulas, recomputed by LibreOffice, give the figures the report states.
 */

const skip = warnSkip(!hasSoffice || !hasPoppler, 'rendering tests: LibreOffice (soffice) or poppler-utils is missing');

async function load(file: string): Promise<Evaluation> {
  return (await importFile(new Uint8Array(readFileSync(file)), file)).evaluation;
}

/** Pages (1-based) whose text contains a string. */
function pagesWith(pdf: string, text: string): number[] {
  const n = pdfPages(pdf);
  return Array.from({ length: n }, (_, i) => i + 1).filter((p) => pdfText(pdf, p).replace(/\s+/g, '').includes(text));
}

const reports = [
  { name: 'demo', file: DEMO, present: hasDemo },
  { name: 'seed', file: SEED, present: hasSeed },
];

for (const r of reports) {
  describe.skipIf(skip || warnSkip(!r.present, `rendering the ${r.name}: ${r.file} is absent`))(
    `rendering the ${r.name} in LibreOffice`,
    () => {
      it('.docx → PDF: the narrative, then each form on its own pages; PNGs of page 1 and the 自评表', async () => {
        const e = await load(r.file);
        const dir = tempDir();
        const docx = writeTemp(dir, `${r.name}.docx`, await exportEvaluation(e, 'docx'));
        const pdf = sofficeConvert(docx, 'pdf', dir);
        const pages = pdfPages(pdf);
        expect(pages).toBeGreaterThanOrEqual(4);
        const all = pdfText(pdf).replace(/\s+/g, '');
        expect(all).toContain((e.title ?? '').replace(/\s+/g, ''));
        for (const s of e.narrative.sections) expect(all).toContain(s.heading.replace(/\s+/g, ''));
        const basic = pagesWith(pdf, '财政供养人员情况');
        const self = pagesWith(pdf, '预算单位名称');
        expect(pagesWith(pdf, '部门整体支出绩效评价基础数据表')).toContain(basic[0]);
        expect(pagesWith(pdf, '部门整体支出绩效自评表')).toContain(self[0]);
        expect(basic.length).toBeGreaterThan(0);
        expect(self.length).toBeGreaterThan(0);
        const squeeze = (t: string) => t.replace(/\s+/g, '');
        expect(squeeze(pdfText(pdf, basic[0]!))).toContain('附件1');
        expect(squeeze(pdfText(pdf, self[0]!))).toContain('附件2');
        // the figures of the forms, printed as 万元 with two decimals
        const selfText = pdfText(pdf, self[0]!);
        const funding = e.selfEvaluation!.funding;
        for (const fig of [funding.adjustedBudget, funding.executed]) expect(selfText).toContain(moneyText(fig));
        const head = pdfText(pdf, 1);
        expect(head).toContain(e.year !== undefined ? `${e.year}` : '');
        expect(head).toMatch(/—\s*1\s*—/);
        for (const [page, name] of [
          [1, 'page1'],
          [self[0]!, 'self-evaluation'],
        ] as const) {
          const png = pageToPng(pdf, page, path.join(dir, `${r.name}-docx-${name}`));
          expect(existsSync(png) && statSync(png).size).toBeGreaterThan(10_000);
        }
      });

      it('.xlsx → PDF: the 基础数据表 on page 1, the 自评表 from page 2, the findings after them', async () => {
        const e = await load(r.file);
        const dir = tempDir();
        const xlsx = writeTemp(dir, `${r.name}.xlsx`, await exportEvaluation(e, 'xlsx'));
        const pdf = sofficeConvert(xlsx, 'pdf', dir);
        expect(pagesWith(pdf, '部门整体支出绩效评价基础数据表')).toEqual([1]);
        const self = pagesWith(pdf, '部门整体支出绩效自评表');
        expect(self[0]).toBe(2);
        // a long 自评表 continues on the next pages, its title rows repeated; then the findings
        self.forEach((p, i) => expect(p).toBe(2 + i));
        expect(pdfText(pdf, 2)).toContain('附件2');
        expect(pagesWith(pdf, '序号级别规则问题位置修改建议')[0]).toBe(self[self.length - 1]! + 1);
        const png = pageToPng(pdf, 2, path.join(dir, `${r.name}-xlsx-self-evaluation`));
        expect(statSync(png).size).toBeGreaterThan(10_000);
      });
    },
  );
}

/** CSV text into rows of fields (LibreOffice quotes fields holding commas, quotes or line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else if (ch !== '\r') cur += ch;
  }
  if (cur !== '' || row.length > 0) rows.push([...row, cur]);
  return rows;
}

describe.skipIf(skip || warnSkip(!hasDemo, `recomputing the demo workbook: ${DEMO} is absent`))(
  'the workbook recomputes in LibreOffice',
  () => {
    it('every formula, computed by LibreOffice without cached results, gives the figure the report states', async () => {
      const e = await load(DEMO);
      const bytes = await exportEvaluation(e, 'xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      // remember each formula's cached (stated) value, then drop the caches so LibreOffice has to compute
      const expected: { sheet: string; row: number; col: number; value: number }[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            const v = cell.value as ExcelJS.CellFormulaValue | null;
            if (v && typeof v === 'object' && 'formula' in v && cell.isMerged === cell.master.isMerged) {
              if (cell.master !== cell) return;
              if (typeof v.result === 'number') expected.push({ sheet: ws.name, row: r, col: c, value: v.result });
              cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
            }
          }),
        );
      }
      expect(expected.length).toBeGreaterThan(10);
      const dir = tempDir();
      const file = path.join(dir, 'nocache.xlsx');
      await wb.xlsx.writeFile(file);
      sofficeConvert(
        file,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        dir,
        'nocache-自评表.csv',
      );
      for (const x of expected) {
        const csv = parseCsv(readFileSync(path.join(dir, `nocache-${x.sheet}.csv`), 'utf8'));
        const field = csv[x.row - 1]?.[x.col - 1] ?? '';
        const got = field.endsWith('%') ? Number(field.slice(0, -1)) / 100 : Number(field);
        expect(Math.abs(got - x.value), `${x.sheet}!R${x.row}C${x.col}: ${field} vs ${x.value}`).toBeLessThan(
          0.00005 + Math.abs(x.value) * 1e-9,
        );
      }
    });
  },
);
