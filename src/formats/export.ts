import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkEvaluation, runChecks, type CheckResult } from '../checks/index.js';
import type { Evaluation } from '../model/index.js';
import { getProfile, profiles } from '../rules/index.js';
import type { RuleProfile } from '../rules/types.js';
import { score } from '../scoring/index.js';
import { evaluationToDocx } from './docx/export.js';
import { evaluationToHtml } from './html/export.js';
import { importFile } from './import.js';
import { evaluationToJson } from './json/export.js';
import { evaluationToPdf, type PdfPrinter } from './pdf/export.js';
import { profileFor, type BuildOptions, type ProseMode, type ReviewData } from './report/build.js';
import { ExportError } from './report/errors.js';
import { evaluationToXlsx } from './xlsx/export.js';

export { ExportError } from './report/errors.js';
export { PdfPrinter } from './pdf/export.js';
export type { ProseMode } from './report/build.js';

/** The formats `jixiao export --to` writes. */
export const EXPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'html', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FORMAT_NAMES: Record<ExportFormat, string> = {
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 工作簿（.xlsx）',
  pdf: 'PDF',
  html: '网页（.html）',
  json: 'Evaluation JSON',
};

export interface ExportOptions extends Omit<BuildOptions, 'review'> {
  /** add the recomputed score and the findings (`--with-review`) */
  withReview?: boolean;
  /** a warm browser for PDF (see PdfPrinter) */
  printer?: PdfPrinter;
}

/** Is this one of the export formats? */
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** The score sheet and the findings of an evaluation, as scoring and the checks produce them. */
export function reviewOf(evaluation: Evaluation, profile: RuleProfile, withSheet: boolean): ReviewData {
  const sheet = score(evaluation, profile);
  const review: ReviewData = { findings: runChecks(evaluation, profile, sheet), profileName: profile.name };
  if (withSheet) review.sheet = sheet;
  return review;
}

/**
 * Export an Evaluation: .docx / .xlsx / PDF as bytes, HTML / JSON as text. The workbook always carries the
 * 核查结果 sheet (the checks are run for it); the other formats add the score sheet and the findings only with
 * `withReview`.
 */
export async function exportEvaluation(
  evaluation: Evaluation,
  format: 'html' | 'json',
  options?: ExportOptions,
): Promise<string>;
export async function exportEvaluation(
  evaluation: Evaluation,
  format: 'docx' | 'xlsx' | 'pdf',
  options?: ExportOptions,
): Promise<Uint8Array>;
export async function exportEvaluation(
  evaluation: Evaluation,
  format: ExportFormat,
  options?: ExportOptions,
): Promise<Uint8Array | string>;
export async function exportEvaluation(
  evaluation: Evaluation,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Uint8Array | string> {
  const { withReview = false, printer, ...build } = options;
  const profile = profileFor(evaluation, build.profile);
  const withProfile: BuildOptions = { ...build, profile };
  switch (format) {
    case 'json': {
      let review: CheckResult | undefined;
      if (withReview) review = checkEvaluation(evaluation, profile);
      return evaluationToJson(evaluation, review);
    }
    case 'xlsx':
      return evaluationToXlsx(evaluation, { ...withProfile, review: reviewOf(evaluation, profile, withReview) });
    case 'docx':
    case 'html':
    case 'pdf': {
      const opts: BuildOptions = withReview
        ? { ...withProfile, review: reviewOf(evaluation, profile, true) }
        : withProfile;
      if (format === 'docx') return evaluationToDocx(evaluation, opts);
      if (format === 'html') return evaluationToHtml(evaluation, opts);
      return evaluationToPdf(evaluation, printer ? { ...opts, printer } : opts);
    }
  }
}

/** What `jixiao export` needs from the command line. */
export interface ExportCommandOptions {
  /** docx | xlsx | pdf | html | json */
  to: string;
  /** output file; '-' writes to standard output; default: beside the input, with the format's extension */
  out?: string;
  withReview?: boolean;
  /** rule profile id; default: the evaluation's own, else the default profile */
  profile?: string;
  prose?: ProseMode;
  outline?: string;
  completeOutline?: boolean;
}

export interface ExportCommandResult {
  format: ExportFormat;
  /** the file written, or '-' for standard output */
  output: string;
  bytes: number;
}

/** The default output file: the input's name with the format's extension, never the input itself. */
export function defaultOutputPath(input: string, format: ExportFormat): string {
  const dir = path.dirname(input);
  const base = path.basename(input, path.extname(input));
  const candidate = path.join(dir, `${base}.${format}`);
  return path.resolve(candidate) === path.resolve(input) ? path.join(dir, `${base}.导出.${format}`) : candidate;
}

/**
 * `jixiao export <input> --to docx|xlsx|pdf|html|json [-o file] [--with-review]`: read the input (any report file
 * or an Evaluation JSON), export it, write the result. Throws ExportError (unknown format or profile, no browser)
 * or the importer's ImportError.
 */
export async function runExport(
  input: string,
  options: ExportCommandOptions,
  write: (file: string, data: Uint8Array | string) => Promise<void> = writeOut,
): Promise<ExportCommandResult> {
  const format = options.to.toLowerCase().replace(/^\./, '');
  if (!isExportFormat(format)) {
    throw new ExportError(
      `不支持导出为“${options.to}”。可选格式：${EXPORT_FORMATS.map((f) => `${f}（${FORMAT_NAMES[f]}）`).join('、')}`,
      'unsupported',
    );
  }
  let profile: RuleProfile | undefined;
  if (options.profile !== undefined) {
    profile = getProfile(options.profile);
    if (!profile) {
      const known = profiles.map((p) => `${p.id}（${p.name}）`).join('、');
      throw new ExportError(`未知的规则配置“${options.profile}”。可用的配置：${known}`, 'unsupported');
    }
  }
  const bytes = await readFile(input);
  const { evaluation } = await importFile(bytes, input);
  const exportOptions: ExportOptions = { withReview: options.withReview === true };
  if (profile) exportOptions.profile = profile;
  if (options.prose) exportOptions.prose = options.prose;
  if (options.outline) exportOptions.outline = options.outline;
  if (options.completeOutline !== undefined) exportOptions.completeOutline = options.completeOutline;
  const data = await exportEvaluation(evaluation, format, exportOptions);
  const output = options.out ?? defaultOutputPath(input, format);
  await write(output, data);
  return { format, output, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength };
}

async function writeOut(file: string, data: Uint8Array | string): Promise<void> {
  if (file === '-') {
    await new Promise<void>((resolve, reject) => process.stdout.write(data, (err) => (err ? reject(err) : resolve())));
    return;
  }
  await writeFile(file, data);
}
