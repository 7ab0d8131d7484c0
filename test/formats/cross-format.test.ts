import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dec, type Evaluation } from '../../src/model/index.js';
import { docxToRaw } from '../../src/formats/docx/import.js';
import { pdfToRaw } from '../../src/formats/pdf/import.js';
import { recognize } from '../../src/formats/recognize/index.js';
import { textToRaw } from '../../src/formats/text/import.js';
import { xlsxToRaw } from '../../src/formats/xlsx/import.js';

/**
 * The same report read from text, .docx, .xlsx and PDF gives the same figures and the same indicator tree.
 * The fixtures were made from the text seed by an office suite (not by jixiao). The .xlsx holds only the two
 * tables, and stores numbers as numbers under the General format (0.3 for "0.30"), so its figures are
 * compared by value; the .docx and the PDF are compared by the text of every figure.
 */
const shared = (path: string) => fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
const files = {
  text: shared('seed/beita-rongmeiti-2023.txt'),
  docx: shared('fixtures/beita-rongmeiti-2023.docx'),
  xlsx: shared('fixtures/beita-rongmeiti-2023-tables.xlsx'),
  pdf: shared('fixtures/beita-rongmeiti-2023.pdf'),
};
const missing = Object.values(files).filter((f) => !existsSync(f));
if (missing.length) console.warn(`skipping the cross-format test: ${missing.join(', ')} absent`);

const read = (path: string) => new Uint8Array(readFileSync(path));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isFigure(v: unknown): v is { text: string; q: { kind: string; value?: string; unit?: string } } {
  return typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string' && 'q' in v;
}

/** A deep copy where every Figure is its text — or, `byValue`, its meaning (number and unit) when it is a number. */
function canonical(v: unknown, byValue: boolean): Json {
  if (isFigure(v)) {
    if (byValue && v.q.kind === 'number' && v.q.value !== undefined) {
      return { ...(v.q as Record<string, string>), value: new Dec(v.q.value).toString() };
    }
    return v.text;
  }
  if (Array.isArray(v)) return v.map((x) => canonical(x, byValue));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = canonical(x, byValue);
    return out;
  }
  return v as Json;
}

/** What must agree: the two tables (figures, labels, indicator tree, funding rows, totals), and with `withMeta` the lines around them. */
function tablesProjection(e: Evaluation, byValue: boolean, withMeta: boolean): Json {
  const { meta: basicMeta, notes, ...basic } = e.basicData ?? { meta: {}, notes: undefined };
  const { meta: selfMeta, ...self } = e.selfEvaluation ?? { meta: {} };
  const indicators = (e.selfEvaluation?.indicators ?? []).map(({ id: _id, ...rest }) => rest);
  return canonical(
    {
      // the 说明 under the basic data sheet is a paragraph, which the .xlsx does not hold
      basicData: withMeta ? { ...basic, notes } : basic,
      selfEvaluation: { ...self, indicators },
      meta: withMeta ? { basicMeta, selfMeta } : { unitName: selfMeta?.unitName },
    },
    byValue,
  );
}

/** What the narrative adds for the formats that hold it. */
function narrativeProjection(e: Evaluation): Json {
  return canonical(
    {
      kind: e.kind,
      title: e.title,
      unit: e.unit,
      year: e.year,
      organisation: e.organisation,
      finances: e.finances,
      selfReported: e.selfReported,
      sections: e.narrative.sections.map((s) => ({
        key: s.key,
        heading: s.heading,
        level: s.level,
        text: s.text.replace(/\s+/g, ''),
      })),
    },
    false,
  );
}

describe.skipIf(missing.length > 0)('cross-format: text, .docx, .xlsx and PDF give the same report', () => {
  it('reads the same tables, figures and indicator tree from every format', { timeout: 60_000 }, async () => {
    const text = recognize(textToRaw(read(files.text), 'seed.txt'));
    const docx = recognize(await docxToRaw(read(files.docx), 'report.docx'));
    const xlsx = recognize(await xlsxToRaw(read(files.xlsx), 'tables.xlsx'));
    const pdf = recognize(await pdfToRaw(read(files.pdf), 'report.pdf'));

    // the reference holds what the comparison is about
    const indicators = text.selfEvaluation?.indicators ?? [];
    expect(indicators.length).toBeGreaterThanOrEqual(9);
    expect(text.basicData?.publicFunds.total?.currentFinal?.text).toBeDefined();
    expect(text.selfEvaluation?.funding.adjustedBudget?.text).toBeDefined();

    expect(tablesProjection(docx, false, true)).toEqual(tablesProjection(text, false, true));
    expect(tablesProjection(pdf, false, true)).toEqual(tablesProjection(text, false, true));
    expect(tablesProjection(xlsx, true, false)).toEqual(tablesProjection(text, true, false));

    expect(narrativeProjection(docx)).toEqual(narrativeProjection(text));
    expect(narrativeProjection(pdf)).toEqual(narrativeProjection(text));
  });

  it('remembers where each figure came from, in the terms of its format', async () => {
    const docx = recognize(await docxToRaw(read(files.docx), 'report.docx'));
    const xlsx = recognize(await xlsxToRaw(read(files.xlsx), 'tables.xlsx'));
    const pdf = recognize(await pdfToRaw(read(files.pdf), 'report.pdf'));
    const sources = (e: Evaluation) => Object.values(e.sources);
    expect(sources(docx).some((s) => s.table !== undefined && s.row !== undefined && s.col !== undefined)).toBe(true);
    expect(sources(xlsx).some((s) => s.sheet !== undefined && /^[A-Z]+\d+$/.test(s.cell ?? ''))).toBe(true);
    expect(sources(pdf).some((s) => s.page !== undefined && s.x !== undefined && s.y !== undefined)).toBe(true);
    for (const e of [docx, xlsx, pdf]) expect(sources(e).every((s) => typeof s.text === 'string')).toBe(true);
  });
});
