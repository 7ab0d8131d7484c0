import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The seed report (../shared, beside the repository) and the bundled demo. */
export const SEED = fileURLToPath(new URL('../../../../shared/seed/beita-rongmeiti-2023.txt', import.meta.url));
export const DEMO = fileURLToPath(new URL('../../../examples/shili-rongmeiti-2024.txt', import.meta.url));

export const hasSeed = existsSync(SEED);
export const hasDemo = existsSync(DEMO);

/** Is a command on PATH? */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

export const hasSoffice = hasTool('soffice');
export const hasPoppler = hasTool('pdftotext') && hasTool('pdftoppm');
export const hasChromium = existsSync(process.env['JIXIAO_CHROMIUM'] ?? '/usr/bin/chromium');

/** Say out loud why a block of tests is skipped. */
export function warnSkip(skipped: boolean, why: string): boolean {
  if (skipped) console.warn(`[skip] ${why}`);
  return skipped;
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'jixiao-export-'));
}

/** Convert a document with LibreOffice (headless) and return the output file's path. */
export function sofficeConvert(file: string, to: string, outDir: string, outName?: string): string {
  const home = path.join(outDir, 'lo-home');
  const r = spawnSync('soffice', ['--headless', '--convert-to', to, '--outdir', outDir, file], {
    env: { ...process.env, HOME: home },
    encoding: 'utf8',
    timeout: 180_000,
  });
  const ext = to.split(':')[0]!;
  const out = path.join(outDir, outName ?? `${path.basename(file, path.extname(file))}.${ext}`);
  if (!existsSync(out)) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  return out;
}

/** Text of a PDF (pdftotext), all pages or one. */
export function pdfText(file: string, page?: number): string {
  const args = page ? ['-f', String(page), '-l', String(page)] : [];
  const r = spawnSync('pdftotext', [...args, '-layout', file, '-'], { encoding: 'utf8' });
  return r.stdout;
}

export function pdfPages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

/** Render one page to PNG (pdftoppm) and return the PNG path. */
export function pageToPng(pdf: string, page: number, outBase: string): string {
  spawnSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
  return `${outBase}.png`;
}

export function writeTemp(dir: string, name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

export function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

/** Kangxi radicals and CJK radical supplements: what CFF CJK faces extract as. */
export const RADICALS = /[\u2E80-\u2EFF\u2F00-\u2FDF]/u;
