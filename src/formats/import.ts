import { z } from 'zod';
import { evaluationSchema, type Evaluation } from '../model/index.js';
import { ImportError, type RawDocument } from './document.js';
import { docxToRaw } from './docx/import.js';
import { convertLegacy } from './legacy.js';
import { pdfToRaw } from './pdf/import.js';
import { recognizeWithSummary, type RecognizeOptions } from './recognize/index.js';
import { textToRaw } from './text/import.js';
import { xlsxToRaw } from './xlsx/import.js';
import { isOleCompoundFile, isZip, openZip, sniffKind } from './zip-guard.js';

/** Files larger than this are refused before anything is read. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export type DetectedFormat = 'docx' | 'xlsx' | 'pdf' | 'legacy-doc' | 'legacy-xls' | 'json' | 'text';

export interface ImportFileOptions extends RecognizeOptions {
  /** refuse larger inputs with ImportError('too-large'); default MAX_IMPORT_BYTES */
  maxBytes?: number;
}

function extensionOf(file: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(file);
  return m ? m[1]!.toLowerCase() : '';
}

/** Does a buffer contain `word` encoded as UTF-16LE (how OLE compound files name their streams)? */
function hasUtf16Name(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - pattern.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Does `word` (ASCII) occur within the first `limit` bytes? (A byte search: no string is built.) */
function containsAscii(bytes: Uint8Array, limit: number, word: string): boolean {
  const end = Math.min(bytes.length, limit) - word.length;
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < word.length; j++) if (bytes[i + j] !== word.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function startsWithJsonObject(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b;
}

/**
 * Which importer a file needs: magic bytes first (zip → word/ or xl/ inside; %PDF; OLE2 → legacy .doc/.xls;
 * a JSON object), the extension second, plain text otherwise.
 */
export function detectFormat(bytes: Uint8Array, file: string): DetectedFormat {
  const ext = extensionOf(file);
  if (isZip(bytes)) {
    const names = openZip(bytes, file).names();
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (ext === 'docx' || ext === 'xlsx') return ext;
    throw new ImportError(
      `${file}：这是一个 zip 压缩包，但其中既没有 Word 文档（word/）也没有 Excel 工作簿（xl/）`,
      file,
      '压缩包目录',
      'unsupported',
    );
  }
  if (containsAscii(bytes, 1024, '%PDF-')) return 'pdf';
  if (isOleCompoundFile(bytes)) {
    if (ext === 'xls' || ext === 'et') return 'legacy-xls';
    if (ext === 'doc' || ext === 'wps') return 'legacy-doc';
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return 'legacy-xls';
    return 'legacy-doc';
  }
  if (ext === 'json' || startsWithJsonObject(bytes)) return 'json';
  if (ext === 'docx' || ext === 'xlsx' || ext === 'pdf') return ext;
  const kind = sniffKind(bytes);
  if (kind) {
    throw new ImportError(`${file}：这不是绩效自评报告可用的格式，而是${kind}`, file, '文件开头', 'unsupported');
  }
  return 'text';
}

/** A JSON path in words: ["selfEvaluation", "indicators", 3, "weight"] → selfEvaluation.indicators[3].weight. */
function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '（根）' : out;
}

/** An Evaluation saved as JSON (by `jixiao convert`): parsed and validated, errors naming the JSON path in zh-CN. */
export function evaluationFromJson(bytes: Uint8Array, file: string): Evaluation {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, ''));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ImportError(`${file}：不是有效的 JSON（${why}）`, file, '整个文件', 'corrupt');
  }
  const r = evaluationSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${jsonPath(i.path)}：${i.message}`);
    const more = r.error.issues.length > 5 ? `（另有 ${r.error.issues.length - 5} 处）` : '';
    const first = r.error.issues[0];
    throw new ImportError(
      `${file}：不是有效的绩效评价 JSON。${issues.join('；')}${more}`,
      file,
      first ? jsonPath(first.path) : undefined,
      'corrupt',
    );
  }
  return r.data;
}

/**
 * Import any supported file (text, .docx, .xlsx, PDF, legacy .doc/.xls via LibreOffice, Evaluation JSON) into
 * an Evaluation, keeping the RawDocument it was recognised from. Throws ImportError: 'too-large', 'empty',
 * 'unsupported', the importers' own codes, and 'not-a-report' when neither a known table nor a known heading
 * was found.
 */
export async function importFile(
  bytes: Uint8Array,
  file: string,
  options: ImportFileOptions = {},
): Promise<{ evaluation: Evaluation; raw: RawDocument }> {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > max) {
    throw new ImportError(
      `${file}：文件大小 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${Math.round(max / 1024 / 1024)} MB，已拒绝读取`,
      file,
      '整个文件',
      'too-large',
    );
  }
  if (bytes.length === 0) throw new ImportError(`${file}：文件是空的`, file, '整个文件', 'empty');
  // pdf.js refuses Node Buffers; the other readers take any Uint8Array
  const plain = Buffer.isBuffer(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes;
  const format = detectFormat(plain, file);
  let raw: RawDocument;
  switch (format) {
    case 'json':
      return { evaluation: evaluationFromJson(plain, file), raw: { file, format: 'json', blocks: [] } };
    case 'docx':
      raw = await docxToRaw(plain, file);
      break;
    case 'xlsx':
      raw = await xlsxToRaw(plain, file);
      break;
    case 'pdf':
      raw = await pdfToRaw(new Uint8Array(plain), file);
      break;
    case 'legacy-doc':
      raw = await docxToRaw(await convertLegacy(plain, file, 'docx'), file);
      break;
    case 'legacy-xls':
      raw = await xlsxToRaw(await convertLegacy(plain, file, 'xlsx'), file);
      break;
    case 'text':
      raw = textToRaw(plain, file);
      break;
  }
  const { evaluation, summary } = recognizeWithSummary(raw, options);
  if (summary.tables === 0 && summary.knownHeadings === 0) {
    throw new ImportError(
      `${file}：没有找到绩效自评报告的内容——既没有基础数据表或自评表，也没有可识别的章节标题（如“部门基本情况”“存在的问题”）`,
      file,
      '整个文件',
      'not-a-report',
    );
  }
  return { evaluation, raw };
}
