/**
 * Fuzz runner, started by fuzz.test.ts in a child process (node --import tsx) so that a case that hangs can
 * be killed from outside. argv[2] is a JSON job; every case result is sent back over IPC as it finishes.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync } from 'node:fs';
import { ImportError, type RawDocument } from '../../../src/formats/document.js';
import { docxToRaw } from '../../../src/formats/docx/import.js';
import { pdfToRaw } from '../../../src/formats/pdf/import.js';
import { xlsxToRaw } from '../../../src/formats/xlsx/import.js';
import { docxPackage, para, table } from '../docx/ooxml.js';
import { buildPdf, ruledTable } from '../pdf/pdf-builder.js';
import { mutateBytes, mutateOoxml, rng } from './mutate.js';

export interface FuzzJob {
  name: string;
  format: 'docx' | 'xlsx' | 'pdf';
  /** a fixture file; a generated document is used when absent */
  fixture?: string;
  seed: number;
  count: number;
  /** share of cases mutated inside the zip's XML rather than as raw bytes */
  structural: number;
}

export interface FuzzResult {
  i: number;
  seed: number;
  outcome: 'document' | 'import-error' | 'crash';
  ms: number;
  detail?: string;
}

async function baseInput(job: FuzzJob): Promise<Uint8Array> {
  if (job.fixture && existsSync(job.fixture)) return new Uint8Array(readFileSync(job.fixture));
  if (job.format === 'docx') {
    return docxPackage({
      body:
        para('一、部门基本情况') +
        table([
          [{ text: '绩效指标', vMerge: 'restart' }, '一级指标', { text: '分值', gridSpan: 2 }],
          [{ vMerge: 'continue' }, '产出指标', '5', '5'],
        ]) +
        para(['编制', '7', '人']),
    });
  }
  if (job.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['部门整体支出绩效自评表']);
    ws.addRow(['指标', '分值', '得分']);
    ws.addRow(['产出', 0.3, { formula: 'B3*2', result: 0.6 }]);
    ws.mergeCells('A1:C1');
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const t = ruledTable(
    [50, 150, 250, 350],
    [700, 680, 660, 640],
    [
      ['指标', '分值', '得分'],
      ['产出指标', '50', '45'],
      [undefined, '⽬标', '12 万元'],
    ],
    [{ row: 1, col: 0, rowSpan: 2 }],
  );
  return buildPdf([
    { texts: [{ x: 50, y: 780, text: '一、部门 基本 情况 2023' }, ...t.texts], lines: t.lines },
    {
      texts: [
        { x: 50, y: 780, text: '第二页正文' },
        { x: 290, y: 30, text: '2' },
      ],
    },
  ]);
}

function checkDocument(doc: RawDocument): string | undefined {
  if (!Array.isArray(doc.blocks)) return 'blocks is not an array';
  for (const b of doc.blocks) {
    if (b.type === 'paragraph') {
      if (typeof b.text !== 'string' || b.source.file === undefined) return 'bad paragraph';
    } else if (b.type === 'table') {
      if (!Array.isArray(b.rows)) return 'bad table';
      for (const row of b.rows) for (const c of row) if (typeof c.text !== 'string') return 'bad cell';
    } else return 'unknown block';
  }
  return undefined;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as FuzzJob;
  const base = await baseInput(job);
  const importer = job.format === 'docx' ? docxToRaw : job.format === 'xlsx' ? xlsxToRaw : pdfToRaw;
  const parts = job.format === 'docx' ? /^word\/.*\.xml$/ : /^xl\/.*\.xml$/;
  for (let i = 0; i < job.count; i++) {
    const seed = job.seed + i;
    const r = rng(seed);
    const file = `fuzz-${job.name}-${seed}.${job.format}`;
    let bytes: Uint8Array;
    bytes = job.format !== 'pdf' && r() < job.structural ? mutateOoxml(base, r, parts) : mutateBytes(base, r);
    const t0 = performance.now();
    let result: FuzzResult;
    try {
      const doc = await importer(bytes, file);
      const bad = checkDocument(doc);
      result = { i, seed, outcome: bad ? 'crash' : 'document', ms: 0, ...(bad ? { detail: bad } : {}) };
    } catch (err) {
      if (err instanceof ImportError && err.message.includes(file) && err.file === file) {
        result = { i, seed, outcome: 'import-error', ms: 0 };
      } else {
        const detail = err instanceof Error ? `${err.name}: ${err.message}\n${err.stack ?? ''}` : String(err);
        result = { i, seed, outcome: 'crash', ms: 0, detail: detail.slice(0, 2000) };
      }
    }
    result.ms = performance.now() - t0;
    bytes = new Uint8Array();
    process.send!(result);
  }
}

main().then(
  () => process.disconnect?.(),
  (err: unknown) => {
    process.send!({ i: -1, seed: -1, outcome: 'crash', ms: 0, detail: String(err) } satisfies FuzzResult);
    process.disconnect?.();
  },
);
