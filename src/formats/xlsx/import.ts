import ExcelJS from 'exceljs';
import type { Source } from '../../model/index.js';
import { ImportError, type RawBlock, type RawCell, type RawDocument } from '../document.js';
import { kid, kids, parseXml } from '../docx/xml.js';
import {
  partTooLarge,
  resolveLimits,
  rowTooWide,
  tableTooLarge,
  tooManyBlocks,
  trimPadding,
  type ImportLimits,
  type ImportOptions,
} from '../import-limits.js';
import { assertPlainXml, decodeXml, openZip, type SafeZip } from '../zip-guard.js';
import { dateToIso, formatCellNumber } from './numfmt.js';

/**
 * Read an .xlsx workbook into a RawDocument: every sheet, top to bottom. A sheet often holds several tables
 * (and their titles) one under another; they are split at blank rows, at single-cell title rows, and where
 * the column layout of merged cells changes. Merged cells follow the table contract: the master cell holds
 * the text with colSpan/rowSpan, the rows below a vertical merge hold an empty `continued` cell.
 *
 * The zip is checked and every part inflated by zip-guard under its limits (declared sizes, ratio, CRC,
 * no duplicate names), every XML part is checked for DOCTYPE / ENTITY declarations, and the sheets are
 * measured (rows, merged areas) before exceljs sees them, so that exceljs only ever inflates and parses
 * entries already proven to be of a bounded size.
 */
export async function xlsxToRaw(bytes: Uint8Array, file: string, options?: ImportOptions): Promise<RawDocument> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) throw new ImportError(`${file}：文件是空的`, file, undefined, 'empty');
  const zip = openZip(bytes, file, limits.zip);
  // Every part is inflated once under the limits (which also proves its declared size and CRC), and every
  // XML part is checked for entity declarations. exceljs then reads the same, now proven, entries.
  const parts = new Map<string, Uint8Array>();
  for (const name of zip.names()) {
    const data = zip.read(name);
    if (/\.(xml|rels|vml)$/i.test(name)) assertPlainXml(data, file, name);
    parts.set(name, data);
  }
  checkPackage(zip, parts, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes));
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const why = err instanceof Error ? err.message.slice(0, 120) : String(err).slice(0, 120);
    throw new ImportError(`${file}：工作簿内容已损坏，无法读取（${why}）`, file, undefined, 'corrupt');
  }

  const blocks: RawBlock[] = [];
  for (const ws of workbook.worksheets) {
    readSheet(ws, file, limits, blocks);
  }
  if (blocks.length === 0) {
    throw new ImportError(`${file}：工作簿中没有任何内容`, file, undefined, 'empty');
  }
  return { file, format: 'xlsx', blocks };
}

function toArrayBuffer(u8: Uint8Array): ArrayBuffer {
  return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength && u8.buffer instanceof ArrayBuffer
    ? u8.buffer
    : (u8.slice().buffer as ArrayBuffer);
}

/**
 * Check that this is a workbook and that no sheet is unreasonably large, before any sheet is parsed.
 */
function checkPackage(zip: SafeZip, parts: Map<string, Uint8Array>, limits: ImportLimits): void {
  const file = zip.file;
  if (!zip.has('xl/workbook.xml')) {
    if (zip.has('word/document.xml')) {
      throw new ImportError(`${file}：这是 Word 文档（.docx），不是 Excel 工作簿`, file, undefined, 'unsupported');
    }
    if (zip.has('xl/workbook.bin')) {
      throw new ImportError(
        `${file}：这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx`,
        file,
        undefined,
        'unsupported',
      );
    }
    throw new ImportError(`${file}：压缩包里没有 Excel 工作簿（xl/workbook.xml）`, file, undefined, 'unsupported');
  }
  const text = (name: string) => decodeXml(parts.get(name)!, file, name);
  const wb = parseXml(text('xl/workbook.xml'), { file, part: 'xl/workbook.xml' });
  const relsName = 'xl/_rels/workbook.xml.rels';
  const targets = new Map<string, string>();
  if (zip.has(relsName)) {
    const rels = parseXml(text(relsName), { file, part: relsName });
    for (const r of rels.children) {
      if (typeof r === 'string') continue;
      const id = r.attrs['Id'];
      const target = r.attrs['Target'];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  for (const sheet of kids(kid(wb, 'x:sheets') ?? wb, 'x:sheet')) {
    const name = sheet.attrs['name'] ?? '';
    const rid = sheet.attrs['r:id'];
    const part = rid ? targets.get(rid) : undefined;
    const data = part ? parts.get(part) : undefined;
    if (!data) continue;
    if (data.length > limits.maxXmlPartBytes) throw partTooLarge(file, part!, data.length, limits.maxXmlPartBytes);
    const cells = countTags(data, 'c');
    if (cells > limits.maxSheetCells) {
      throw new ImportError(
        `${file}：工作表“${name}”有 ${cells} 个单元格，超过上限 ${limits.maxSheetCells} 个，已拒绝读取`,
        file,
        `工作表“${name}”`,
        'too-large',
      );
    }
    const count = countTags(data, 'row');
    if (count > limits.maxTableRows) {
      throw tableTooLarge(file, `工作表“${name}”`, count, limits.maxTableRows);
    }
    checkMerges(data, file, name, limits);
  }
}

/** Refuse merged ranges that would make the sheet reader create an enormous number of cells. */
function checkMerges(data: Uint8Array, file: string, sheet: string, limits: ImportLimits): void {
  const text = new TextDecoder('utf-8').decode(data);
  let area = 0;
  for (const m of text.matchAll(/<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    const cols = Math.abs(columnNumber(m[3]!) - columnNumber(m[1]!)) + 1;
    if (rows > limits.maxTableRows)
      throw tableTooLarge(
        file,
        `工作表“${sheet}”的合并单元格 ${m[1]}${m[2]}:${m[3]}${m[4]}`,
        rows,
        limits.maxTableRows,
      );
    if (cols > limits.maxRowCells)
      throw rowTooWide(file, `工作表“${sheet}”的合并单元格 ${m[1]}${m[2]}:${m[3]}${m[4]}`, cols, limits.maxRowCells);
    area += rows * cols;
  }
  if (area > limits.maxTableRows * limits.maxRowCells) {
    throw new ImportError(
      `${file}：工作表“${sheet}”的合并单元格总面积过大（${area} 格），已拒绝读取`,
      file,
      `工作表“${sheet}”`,
      'too-large',
    );
  }
}

function columnNumber(name: string): number {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Count start tags `<name` (with or without a namespace prefix) in an XML part, without parsing it. */
function countTags(data: Uint8Array, name: string): number {
  const codes = [...name].map((c) => c.charCodeAt(0));
  let n = 0;
  for (let i = 0; i + codes.length + 1 < data.length; i++) {
    if (data[i] !== 0x3c) continue;
    let j = i + 1;
    // optional prefix "x:"
    let k = j;
    while (k < data.length && k - j < 16 && data[k] !== 0x3a && data[k] !== 0x20 && data[k] !== 0x3e) k++;
    if (data[k] === 0x3a) j = k + 1;
    if (!codes.every((c, m) => data[j + m] === c)) continue;
    const after = data[j + codes.length];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// A sheet as a grid

interface GridCell {
  row: number;
  col: number;
  text: string;
  address: string;
  /** the merge this cell belongs to, when it does */
  merge?: Merge;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
  master: string;
}

function columnName(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function readSheet(ws: ExcelJS.Worksheet, file: string, limits: ImportLimits, blocks: RawBlock[]): void {
  const sheet = ws.name;
  const grid = new Map<number, Map<number, GridCell>>();
  const merges = new Map<string, Merge>();
  const visit = (cell: ExcelJS.Cell, r: number, c: number) => {
    const merged = cell.isMerged;
    const text = !merged || cell.master === cell ? cellText(cell) : '';
    if (!merged && text === '' && !hasBorder(cell)) return;
    const line = grid.get(r) ?? new Map<number, GridCell>();
    grid.set(r, line);
    const g: GridCell = { row: r, col: c, text, address: cell.address };
    if (merged) {
      const master = cell.master;
      let m = merges.get(master.address);
      if (!m) {
        const mr = Number(master.row);
        const mc = Number(master.col);
        m = { top: mr, left: mc, bottom: mr, right: mc, master: master.address };
        merges.set(master.address, m);
      }
      m.top = Math.min(m.top, r);
      m.left = Math.min(m.left, c);
      m.bottom = Math.max(m.bottom, r);
      m.right = Math.max(m.right, c);
      g.merge = m;
    }
    line.set(c, g);
  };
  const lastRow = ws.rowCount;
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    if (row.cellCount <= 1024) {
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.findCell(c);
        if (cell) visit(cell, r, c);
      }
    } else row.eachCell({ includeEmpty: false }, (cell, c) => visit(cell, r, c));
  }
  const rowNumbers = [...grid.keys()].sort((a, b) => a - b);
  if (rowNumbers.length === 0) return;
  if (rowNumbers.length > limits.maxTableRows) {
    throw tableTooLarge(file, `工作表“${sheet}”`, rowNumbers.length, limits.maxTableRows);
  }

  // A row "has content" when a cell in it shows text, has a border, or belongs to a merge spanning rows.
  const hasText = (r: number) => (grid.get(r)?.size ?? 0) > 0;
  const inVerticalMerge = (r: number) =>
    [...(grid.get(r)?.values() ?? [])].some((g) => g.merge && g.merge.bottom > g.merge.top);

  // Segments: runs of consecutive non-blank rows.
  const segments: number[][] = [];
  let current: number[] = [];
  let prev = -1;
  for (const r of rowNumbers) {
    const live = hasText(r) || inVerticalMerge(r);
    if (!live || (prev >= 0 && r !== prev + 1 && !spansBetween(grid, prev, r))) {
      if (current.length) segments.push(current);
      current = [];
    }
    if (live) current.push(r);
    prev = r;
  }
  if (current.length) segments.push(current);

  for (const seg of segments) {
    for (const part of splitSegment(grid, seg)) {
      if (part.kind === 'paragraph') {
        const g = part.cell;
        if (blocks.length >= limits.maxBlocks) throw tooManyBlocks(file, limits.maxBlocks);
        blocks.push({ type: 'paragraph', text: g.text, source: { file, sheet, cell: g.address, text: g.text } });
      } else {
        if (blocks.length >= limits.maxBlocks) throw tooManyBlocks(file, limits.maxBlocks);
        blocks.push(buildTable(grid, part.rows, file, sheet, limits));
      }
    }
  }
}

/** Whether a vertical merge carries on across the gap between rows a and b (rows absent from the file). */
function spansBetween(grid: Map<number, Map<number, GridCell>>, a: number, b: number): boolean {
  for (const g of grid.get(a)?.values() ?? []) if (g.merge && g.merge.bottom >= b) return true;
  return false;
}

type Part = { kind: 'paragraph'; cell: GridCell } | { kind: 'table'; rows: number[] };

/** The cells of a row that start a cell of the layout: text cells and merge masters / merge left edges. */
function rowCells(grid: Map<number, Map<number, GridCell>>, r: number): { left: number; right: number; g: GridCell }[] {
  const out: { left: number; right: number; g: GridCell }[] = [];
  const line = grid.get(r);
  if (!line) return out;
  for (const c of [...line.keys()].sort((a, b) => a - b)) {
    const g = line.get(c)!;
    if (g.merge) {
      if (c !== g.merge.left) continue;
      out.push({ left: g.merge.left, right: g.merge.right, g });
    } else out.push({ left: c, right: c, g });
  }
  return out;
}

/** Split a run of rows into title paragraphs and tables. */
function splitSegment(grid: Map<number, Map<number, GridCell>>, seg: number[]): Part[] {
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (const r of seg) {
    for (const cell of rowCells(grid, r)) {
      minCol = Math.min(minCol, cell.left);
      maxCol = Math.max(maxCol, cell.right);
    }
  }
  const width = maxCol - minCol + 1;
  const info = seg.map((r) => {
    const cells = rowCells(grid, r);
    const filled = cells.filter((c) => c.g.text !== '');
    const vertical = cells.some((c) => c.g.merge && c.g.merge.bottom > c.g.merge.top);
    const single = filled.length === 1 && !vertical ? filled[0]! : undefined;
    const wide = single !== undefined && single.right - single.left + 1 >= Math.max(2, Math.ceil(width / 2));
    return { r, cells, single, wide };
  });
  const isPlaceholder = (t: string) => /^[.…·。\-—_\s]*$/.test(t);
  const firstMulti = info.findIndex((x) => !x.single);
  let lastMulti = -1;
  for (let i = info.length - 1; i >= 0; i--)
    if (!info[i]!.single) {
      lastMulti = i;
      break;
    }
  const parts: Part[] = [];
  let rows: number[] = [];
  const flush = () => {
    if (rows.length) parts.push({ kind: 'table', rows });
    rows = [];
  };
  for (let i = 0; i < info.length; i++) {
    const x = info[i]!;
    const outside = firstMulti < 0 || i < firstMulti || (i > lastMulti && !isPlaceholder(x.single?.g.text ?? ''));
    if (x.single && (x.wide || outside)) {
      flush();
      parts.push({ kind: 'paragraph', cell: x.single.g });
      continue;
    }
    if (rows.length > 0 && layoutBreak(info[i - 1]!.cells, x.cells, grid, rows[rows.length - 1]!, x.r)) flush();
    rows.push(x.r);
  }
  flush();
  return parts;
}

/**
 * Two adjacent rows belong to different tables when their cell edges cross both ways — each row has an
 * edge strictly inside a merged cell of the other — and no vertical merge joins them.
 */
function layoutBreak(
  above: { left: number; right: number }[],
  below: { left: number; right: number }[],
  grid: Map<number, Map<number, GridCell>>,
  ra: number,
  rb: number,
): boolean {
  if (spansBetween(grid, ra, rb) || above.length === 0 || below.length === 0) return false;
  const inside = (edge: number, cells: { left: number; right: number }[]) =>
    cells.some((c) => c.right > c.left && edge > c.left && edge <= c.right);
  const crossDown = above.slice(1).some((c) => inside(c.left, below));
  const crossUp = below.slice(1).some((c) => inside(c.left, above));
  return crossDown && crossUp;
}

function buildTable(
  grid: Map<number, Map<number, GridCell>>,
  rowNumbers: number[],
  file: string,
  sheet: string,
  limits: ImportLimits,
): RawBlock {
  let minCol = Infinity;
  let maxCol = -Infinity;
  for (const r of rowNumbers) {
    for (const cell of rowCells(grid, r)) {
      minCol = Math.min(minCol, cell.left);
      maxCol = Math.max(maxCol, cell.right);
    }
  }
  if (maxCol - minCol + 1 > limits.maxRowCells) {
    throw rowTooWide(file, `工作表“${sheet}”第 ${rowNumbers[0]} 行起的表格`, maxCol - minCol + 1, limits.maxRowCells);
  }
  const first = rowNumbers[0]!;
  const last = rowNumbers[rowNumbers.length - 1]!;
  const rows: RawCell[][] = [];
  for (const r of rowNumbers) {
    const line = grid.get(r);
    const row: RawCell[] = [];
    for (let c = minCol; c <= maxCol;) {
      const g = line?.get(c);
      const address = g?.address ?? `${columnName(c)}${r}`;
      const m = g?.merge;
      if (m) {
        const left = Math.max(m.left, minCol);
        const right = Math.min(m.right, maxCol);
        const span = right - c + 1;
        if (m.top === r || m.top < first) {
          // the master row (or the first row of this table that the merge reaches)
          const masterText = m.top === r ? (g!.text ?? '') : '';
          const cell: RawCell = { text: masterText, source: { file, sheet, cell: m.master, text: masterText } };
          if (span > 1) cell.colSpan = span;
          const rowSpan = Math.min(m.bottom, last) - r + 1;
          if (rowSpan > 1) cell.rowSpan = rowSpan;
          if (c === left) row.push(cell);
        } else if (c === left) {
          const cell: RawCell = { text: '', source: { file, sheet, cell: address, text: '' }, continued: true };
          if (span > 1) cell.colSpan = span;
          row.push(cell);
        }
        c = right + 1;
        continue;
      }
      const text = g?.text ?? '';
      const source: Source = { file, sheet, cell: address, text };
      row.push({ text, source });
      c++;
    }
    rows.push(row);
  }
  const firstText = rows.flat().find((c) => c.text !== '')?.text ?? '';
  return {
    type: 'table',
    rows,
    source: { file, sheet, cell: `${columnName(minCol)}${first}`, text: firstText },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cell text

type Value = ExcelJS.CellValue;

function hasBorder(cell: ExcelJS.Cell): boolean {
  const b = cell.style?.border;
  if (!b) return false;
  return [b.top, b.bottom, b.left, b.right].some((side) => side?.style !== undefined);
}

function cellText(cell: ExcelJS.Cell): string {
  let value = cell.value;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // exceljs's `value` drops a falsy cached result (0, FALSE, ""); `result` keeps it
    const result = (cell as { result?: unknown }).result;
    value = { formula: '', result: result as ExcelJS.CellFormulaValue['result'] };
  }
  return trimPadding(valueText(value, cell.numFmt).replace(/\r\n?/g, '\n'));
}

function richText(rt: { text?: unknown }[]): string {
  return rt.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

function valueText(v: Value, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatCellNumber(v, numFmt);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateToIso(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return richText(v.richText);
    if ('error' in v && typeof v.error === 'string') return v.error;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'object' && !(result instanceof Date)) {
        const err = (result as { error?: unknown }).error;
        return typeof err === 'string' ? err : '';
      }
      return valueText(result as Value, numFmt);
    }
    if ('hyperlink' in v) {
      const t = (v as { text?: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) return richText(t.richText);
      return '';
    }
  }
  return '';
}
