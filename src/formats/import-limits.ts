import { ImportError } from './document.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard.js';

/**
 * Limits shared by the binary importers (.docx, .xlsx, PDF). A self-evaluation report has a few dozen
 * paragraphs and two tables of fewer than a hundred rows; these limits are far above that and exist so that
 * a hostile or broken file ends in an ImportError instead of a hang or an exhausted heap.
 */
export interface ImportLimits {
  /** rows in one table (or one sheet) */
  maxTableRows: number;
  /** cells in one table row */
  maxRowCells: number;
  /** paragraphs and tables in the whole document */
  maxBlocks: number;
  /** pages read from a PDF */
  maxPdfPages: number;
  /** an XML part that is parsed whole (document.xml, a worksheet), in bytes */
  maxXmlPartBytes: number;
  /** cells in one worksheet */
  maxSheetCells: number;
  /** the zip container of .docx / .xlsx */
  zip: ZipLimits;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxTableRows: 5000,
  maxRowCells: 512,
  maxBlocks: 50_000,
  maxPdfPages: 500,
  maxXmlPartBytes: 64 * 1024 * 1024,
  maxSheetCells: 500_000,
  zip: DEFAULT_ZIP_LIMITS,
};

export type ImportOptions = Partial<Omit<ImportLimits, 'zip'>> & { zip?: Partial<ZipLimits> };

export function resolveLimits(options?: ImportOptions): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...options, zip: { ...DEFAULT_ZIP_LIMITS, ...options?.zip } };
}

/** Padding people put around cell and paragraph text: spaces, full-width spaces, tabs, NBSP, line breaks. */
const PADDING = /^[\s\u3000\u00a0\u200b\ufeff]+|[\s\u3000\u00a0\u200b\ufeff]+$/g;

export function trimPadding(text: string): string {
  return text.replace(PADDING, '');
}

export function tableTooLarge(file: string, place: string, rows: number, limit: number): ImportError {
  return new ImportError(
    `${file}：${place}有 ${rows} 行，超过上限 ${limit} 行，不像是绩效自评报告的表格，已拒绝读取`,
    file,
    place,
    'too-large',
  );
}

export function rowTooWide(file: string, place: string, cells: number, limit: number): ImportError {
  return new ImportError(
    `${file}：${place}有 ${cells} 个单元格，超过上限 ${limit} 个，已拒绝读取`,
    file,
    place,
    'too-large',
  );
}

export function partTooLarge(file: string, part: string, bytes: number, limit: number): ImportError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new ImportError(
    `${file}：部件 ${part} 解压后有 ${mb(bytes)}，超过上限 ${mb(limit)}，不像是绩效自评报告，已拒绝读取`,
    file,
    part,
    'too-large',
  );
}

export function tooManyBlocks(file: string, limit: number): ImportError {
  return new ImportError(`${file}：段落和表格超过 ${limit} 个，已拒绝读取`, file, '整个文档', 'too-large');
}
