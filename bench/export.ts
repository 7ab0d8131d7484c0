// Export benchmark: .docx, .xlsx and HTML generation time for the demo report after warm-up (aim: each under
// 200 ms), and PDF time with a warm browser. Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exportEvaluation, PdfPrinter, type ExportFormat } from '../src/formats/export.js';
import { importFile } from '../src/formats/import.js';
import { CHROMIUM_PATH } from '../src/formats/pdf/export.js';

const DEMO = fileURLToPath(new URL('../examples/shili-rongmeiti-2024.txt', import.meta.url));

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length);
  return `median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms, min ${(sorted[0] ?? 0).toFixed(1)} ms (n=${ms.length})`;
}

async function time(fn: () => Promise<unknown>, warmup: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<void> {
  if (!existsSync(DEMO)) {
    console.log(`demo report not found (${DEMO}); skipped`);
    return;
  }
  const { evaluation } = await importFile(new Uint8Array(readFileSync(DEMO)), DEMO);
  console.log(
    `demo: ${evaluation.selfEvaluation?.indicators.length ?? 0} indicators, ${evaluation.narrative.sections.length} sections`,
  );
  const formats: ExportFormat[] = ['docx', 'xlsx', 'html', 'json'];
  for (const format of formats) {
    const ms = await time(() => exportEvaluation(evaluation, format), 5, 20);
    const size = (await exportEvaluation(evaluation, format)).length;
    console.log(`${format.padEnd(5)} ${stats(ms)}, ${(size / 1024).toFixed(1)} KB`);
  }
  const reviewed = await time(() => exportEvaluation(evaluation, 'docx', { withReview: true }), 3, 10);
  console.log(`docx --with-review ${stats(reviewed)}`);

  if (!existsSync(process.env['JIXIAO_CHROMIUM'] ?? CHROMIUM_PATH)) {
    console.log(`pdf   skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return;
  }
  const printer = new PdfPrinter();
  try {
    const t0 = performance.now();
    await printer.start();
    console.log(`pdf   browser start ${(performance.now() - t0).toFixed(0)} ms`);
    const ms = await time(() => exportEvaluation(evaluation, 'pdf', { printer }), 2, 5);
    console.log(`pdf   warm browser: ${stats(ms)}`);
  } finally {
    await printer.close();
  }
}
