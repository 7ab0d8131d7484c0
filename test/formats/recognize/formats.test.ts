import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawCell, RawDocument, RawTable } from '../../../src/formats/document.js';
import { recognize } from '../../../src/formats/recognize/index.js';
import { textToRaw } from '../../../src/formats/text/import.js';
import { Dec, type Evaluation, type Figure } from '../../../src/model/index.js';
import { OFFICE_FIXTURES, officeFixturesExist, readSeed, seedExists, warnMissing } from './helpers.js';

/**
 * The recogniser is format-neutral: the RawDocument contract (document.ts) is the same for text, .docx, .xlsx
 * and PDF, so the same report must give the same figures and the same indicator tree whatever it came from.
 */

/** A figure as a comparable value: numbers by value (0.30 = 0.3), everything else by its text. */
function value(f: Figure): string {
  if (f.q.kind === 'number') return `${new Dec(f.q.value).toString()}${f.q.unit ?? ''}`;
  return f.text;
}

/** The figures and labels of an Evaluation's tables, without provenance and without layout-dependent text. */
function tableFacts(e: Evaluation): unknown {
  return JSON.parse(
    JSON.stringify({ basicData: e.basicData, selfEvaluation: e.selfEvaluation }, (k, v: unknown) => {
      if (v && typeof v === 'object' && 'text' in v && 'q' in v) return value(v as Figure);
      return v;
    }),
  );
}

function indicatorTree(e: Evaluation): unknown[] {
  return (e.selfEvaluation?.indicators ?? []).map((i) => [
    i.category,
    i.categoryKey,
    i.subcategory,
    i.subcategoryKey,
    i.name,
    i.target && value(i.target),
    i.actual && value(i.actual),
    i.weight && value(i.weight),
    i.selfScore && value(i.selfScore),
    i.placeholder ?? false,
  ]);
}

// ------------------------------------------------------------------ synthetic: the contract's other shapes

const cell = (c: RawCell, extra: Partial<RawCell> = {}): RawCell => ({ ...c, ...extra });

/**
 * What a spreadsheet importer gives for the same tables: both tables in one, every cell of the first column two
 * grid columns wide, vertical merges as `continued` empty cells, one-line labels, numbers without trailing zeros.
 */
function asSpreadsheet(doc: RawDocument): RawDocument {
  const tables = doc.blocks.filter((b): b is RawTable => b.type === 'table');
  const rows: RawCell[][] = [];
  for (const t of tables) {
    t.rows.forEach((r, ri) => {
      rows.push(
        r.map((c, ci) => {
          let text = c.text.replace(/\n+/g, '');
          if (/^\d+\.\d*0$/.test(text)) text = String(Number(text));
          const above = ri > 0 ? t.rows[ri - 1]![ci] : undefined;
          const continued = c.text === '' && ci <= 2 && above !== undefined;
          return cell(c, { text, ...(ci === 0 ? { colSpan: 2 } : {}), ...(continued ? { continued: true } : {}) });
        }),
      );
    });
  }
  return { file: 'tables.xlsx', format: 'xlsx', blocks: [{ type: 'table', rows, source: tables[0]!.source }] };
}

/** What a word-processor importer gives: paragraphs as they are, each table padded with empty trailing cells. */
function asWordTables(doc: RawDocument): RawDocument {
  return {
    file: 'report.docx',
    format: 'docx',
    blocks: doc.blocks.map((b) => {
      if (b.type === 'paragraph') return { ...b, text: b.text.replace(/\s+/g, ' ') };
      const width = Math.max(...b.rows.map((r) => r.length)) + 2;
      return {
        ...b,
        rows: b.rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => cell(r[0]!, { text: '' }))]),
      };
    }),
  };
}

warnMissing('种子报告', seedExists);

describe.skipIf(!seedExists)('the same report in the shapes the other importers give', () => {
  let fromText: Evaluation;
  beforeAll(() => {
    fromText = recognize(textToRaw(readSeed(), 'seed.txt'));
  });

  it('spreadsheet shape (one table, colSpan, continued cells, 0.3 for 0.30): same tables and tree', () => {
    const e = recognize(asSpreadsheet(textToRaw(readSeed(), 'seed.txt')));
    expect(indicatorTree(e)).toEqual(indicatorTree(fromText));
    const a = tableFacts(e) as { basicData: { meta: unknown; notes?: unknown }; selfEvaluation: { meta: unknown } };
    const b = tableFacts(fromText) as typeof a;
    // the 填表人 / 说明 lines are paragraphs around the tables: a sheet of tables alone has none
    a.basicData.meta = b.basicData.meta = {};
    a.selfEvaluation.meta = b.selfEvaluation.meta = {};
    delete b.basicData.notes;
    expect(a).toEqual(b);
    expect(e.year).toBe(2023);
    expect(e.unit.name).toBe('邵阳市北塔区融媒体中心');
  });

  it('word-processor shape (padded rows, paragraphs): the same Evaluation apart from provenance', () => {
    const e = recognize(asWordTables(textToRaw(readSeed(), 'seed.txt')));
    expect(tableFacts(e)).toEqual(tableFacts(fromText));
    expect(e.finances).toEqual(fromText.finances);
    expect(e.selfReported).toEqual(fromText.selfReported);
    expect(e.narrative.sections.map((s) => s.key)).toEqual(fromText.narrative.sections.map((s) => s.key));
    expect(e.unrecognised).toEqual([]);
  });
});

// ------------------------------------------------------------------ the office-made fixtures

warnMissing('../shared/fixtures（Office 生成的 .docx/.xlsx/.pdf）', officeFixturesExist);

describe.skipIf(!seedExists || !officeFixturesExist)('the seed as .docx, .xlsx and PDF made by an office suite', () => {
  let fromText: Evaluation;
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`${OFFICE_FIXTURES}${name}`));
  beforeAll(() => {
    fromText = recognize(textToRaw(readSeed(), 'seed.txt'));
  });

  it('.docx gives the same figures, indicator tree, prose facts and sections', async () => {
    const { docxToRaw } = await import('../../../src/formats/docx/import.js');
    const e = recognize(await docxToRaw(read('beita-rongmeiti-2023.docx'), 'seed.docx'));
    expect(tableFacts(e)).toEqual(tableFacts(fromText));
    expect(indicatorTree(e)).toEqual(indicatorTree(fromText));
    expect(e.finances).toEqual(fromText.finances);
    expect(e.selfReported).toEqual(fromText.selfReported);
    expect([e.unit, e.year, e.kind]).toEqual([fromText.unit, fromText.year, fromText.kind]);
    expect(e.narrative.sections.map((s) => [s.key, s.level])).toEqual(
      fromText.narrative.sections.map((s) => [s.key, s.level]),
    );
  });

  it('.xlsx (the two tables on one sheet) gives the same table figures and indicator tree', async () => {
    const { xlsxToRaw } = await import('../../../src/formats/xlsx/import.js');
    const e = recognize(await xlsxToRaw(read('beita-rongmeiti-2023-tables.xlsx'), 'seed.xlsx'));
    expect(indicatorTree(e)).toEqual(indicatorTree(fromText));
    const a = tableFacts(e) as { basicData: { meta: unknown; notes?: unknown }; selfEvaluation: { meta: unknown } };
    const b = tableFacts(fromText) as typeof a;
    expect(a.selfEvaluation.meta).toEqual({ unitName: '邵阳市北塔区融媒体中心' });
    a.basicData.meta = b.basicData.meta = {};
    a.selfEvaluation.meta = b.selfEvaluation.meta = {};
    delete b.basicData.notes;
    expect(a).toEqual(b);
    expect(e.year).toBe(2023);
  });

  it('PDF gives the same table figures, indicator tree and prose facts', async () => {
    const { pdfToRaw } = await import('../../../src/formats/pdf/import.js');
    const e = recognize(await pdfToRaw(read('beita-rongmeiti-2023.pdf'), 'seed.pdf'));
    expect(indicatorTree(e)).toEqual(indicatorTree(fromText));
    expect(tableFacts(e)).toEqual(tableFacts(fromText));
    expect(e.finances).toEqual(fromText.finances);
    expect(e.selfReported).toEqual(fromText.selfReported);
  }, 60_000);
});
