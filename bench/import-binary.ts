// Binary importers: .docx against mammoth.extractRawText on the same file (aim: within 2×), .xlsx against a
// bare exceljs load (aim: within 1.5×), and the PDF import time. Prints figures; asserts nothing.
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { docxToRaw } from '../src/formats/docx/import.js';
import { pdfToRaw } from '../src/formats/pdf/import.js';
import { xlsxToRaw } from '../src/formats/xlsx/import.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../shared/fixtures/${name}`, import.meta.url));

/** Median time of `fn` in ms, after warm-up runs. */
async function median(fn: () => Promise<unknown>, runs: number, warmup = 3): Promise<number> {
  const [t] = await medians([fn], runs, warmup);
  return t!;
}

/**
 * Median times of several functions measured in alternation (a, b, a, b, …), so that a busy machine slows
 * them alike and their ratio stays meaningful.
 */
async function medians(fns: (() => Promise<unknown>)[], runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < fns.length; k++) {
      const t0 = performance.now();
      await fns[k]!();
      times[k]!.push(performance.now() - t0);
    }
  }
  return times.map((ts) => ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)]!);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function verdict(ratio: number, aim: number): string {
  return ratio <= aim ? `within ${aim}× ✓` : `over ${aim}× ✗`;
}

export async function run(): Promise<void> {
  const docxPath = fixture('beita-rongmeiti-2023.docx');
  const xlsxPath = fixture('beita-rongmeiti-2023-tables.xlsx');
  const pdfPath = fixture('beita-rongmeiti-2023.pdf');

  if (existsSync(docxPath)) {
    const bytes = new Uint8Array(readFileSync(docxPath));
    const buffer = Buffer.from(bytes);
    const [ours, theirs] = (await medians(
      [() => docxToRaw(bytes, 'bench.docx'), () => mammoth.extractRawText({ buffer })],
      40,
    )) as [number, number];
    const ratio = ours / theirs;
    console.log(
      `.docx (${(bytes.length / 1024).toFixed(0)} KB): docxToRaw ${ms(ours)}, mammoth.extractRawText ${ms(theirs)} → ${ratio.toFixed(2)}× (${verdict(ratio, 2)})`,
    );
  } else console.log(`.docx: fixture ${docxPath} absent, skipped`);

  if (existsSync(xlsxPath)) {
    const bytes = new Uint8Array(readFileSync(xlsxPath));
    const buffer = bytes.slice().buffer;
    const [ours, theirs] = (await medians(
      [() => xlsxToRaw(bytes, 'bench.xlsx'), () => new ExcelJS.Workbook().xlsx.load(buffer)],
      60,
    )) as [number, number];
    const ratio = ours / theirs;
    console.log(
      `.xlsx (${(bytes.length / 1024).toFixed(0)} KB): xlsxToRaw ${ms(ours)}, bare exceljs load ${ms(theirs)} → ${ratio.toFixed(2)}× (${verdict(ratio, 1.5)})`,
    );
  } else console.log(`.xlsx: fixture ${xlsxPath} absent, skipped`);

  if (existsSync(pdfPath)) {
    const bytes = new Uint8Array(readFileSync(pdfPath));
    const doc = await pdfToRaw(bytes, 'bench.pdf');
    const pages = new Set(
      doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.source.page] : b.rows.flat().map((c) => c.source.page))),
    ).size;
    const t = await median(() => pdfToRaw(bytes, 'bench.pdf'), 8, 1);
    console.log(
      `PDF (${(bytes.length / 1024).toFixed(0)} KB, ${pages} pages): pdfToRaw ${ms(t)} (${ms(t / Math.max(1, pages))} per page)`,
    );
  } else console.log(`PDF: fixture ${pdfPath} absent, skipped`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
