import type { Source } from '../../model/index.js';
import { ImportError, type RawBlock, type RawCell, type RawDocument, type RawTable } from '../document.js';
import { resolveLimits, tableTooLarge, tooManyBlocks, trimPadding, type ImportOptions } from '../import-limits.js';
import { sniffKind } from '../zip-guard.js';
import {
  findGrids,
  IDENTITY,
  multiply,
  pathSegments,
  type Grid,
  type Matrix,
  type Paint,
  type Segment,
} from './geometry.js';
import {
  buildLines,
  cellText,
  continues,
  findTextTables,
  isPageNumber,
  joinWrapped,
  margins,
  type Line,
  type Margins,
  textTableRow,
  type TextItem,
} from './layout.js';
import { mapRadicals } from './radicals.js';

/**
 * Read the text layer of a PDF into a RawDocument. Tables are rebuilt from the ruling lines the page draws
 * (cells merged where a line is missing), the rest of the text becomes paragraphs: lines wrapped inside a
 * sentence are joined back, headings and numbered items stay on their own, spaces that PDF producers put
 * between CJK characters and digits are removed, Kangxi radicals are mapped back to ordinary characters,
 * page numbers are dropped. A table that runs over a page break continues as one table.
 */
export async function pdfToRaw(bytes: Uint8Array, file: string, options?: ImportOptions): Promise<RawDocument> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) throw new ImportError(`${file}：文件是空的`, file, undefined, 'empty');
  if (bytes.length > limits.zip.maxInputBytes) {
    throw new ImportError(`${file}：文件过大，已拒绝读取`, file, '整个文件', 'too-large');
  }
  if (!hasPdfHeader(bytes)) {
    const kind = sniffKind(bytes);
    throw new ImportError(
      kind ? `${file}：这不是 PDF 文件，而是${kind}` : `${file}：这不是 PDF 文件（文件开头没有 %PDF- 标记）`,
      file,
      '文件开头',
      'unsupported',
    );
  }
  ensureTransferPolyfill();
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const pdfjs = await getResolvedPDFJS();
  const ops = opNames(pdfjs.OPS as Record<string, number>);

  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    doc = await getDocumentProxy(bytes.slice(), {
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    });
  } catch (err) {
    throw pdfError(err, file, '文件结构');
  }
  const pages: PageContent[] = [];
  try {
    if (doc.numPages > limits.maxPdfPages) {
      throw new ImportError(
        `${file}：共 ${doc.numPages} 页，超过上限 ${limits.maxPdfPages} 页，已拒绝读取`,
        file,
        '整个文件',
        'too-large',
      );
    }
    for (let p = 1; p <= doc.numPages; p++) pages.push(await readPage(doc, p, ops, file));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
  if (pages.every((p) => p.items.every((i) => i.str.trim() === ''))) {
    throw new ImportError(
      `${file}：PDF 没有文字层（可能是扫描件或图片），请先用文字识别（OCR）转成带文字的 PDF`,
      file,
      '整个文件',
      'empty',
    );
  }
  const blocks = assemble(pages, file);
  if (blocks.length > limits.maxBlocks) throw tooManyBlocks(file, limits.maxBlocks);
  for (const b of blocks) {
    if (b.type === 'table' && b.rows.length > limits.maxTableRows) {
      throw tableTooLarge(file, `第 ${b.source.page} 页起的表格`, b.rows.length, limits.maxTableRows);
    }
  }
  if (blocks.length === 0) throw new ImportError(`${file}：PDF 中没有可读的文字`, file, '整个文件', 'empty');
  return { file, format: 'pdf', blocks };
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function pdfError(err: unknown, file: string, place: string): ImportError {
  const name = (err as { name?: string } | undefined)?.name ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ImportError(`${file}：PDF 已加密（需要密码），无法读取`, file, place, 'unsupported');
  }
  return new ImportError(`${file}：${place}无法解析，PDF 已损坏（${message.slice(0, 100)}）`, file, place, 'corrupt');
}

/**
 * pdf.js (as bundled by unpdf 1.7) calls ArrayBuffer.prototype.transferToFixedLength when it compiles
 * font information for the operator list. Node 20 lacks it (Node 21+ has it); this is the standard
 * behaviour, except that the source buffer is not detached.
 */
function ensureTransferPolyfill(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value: function transferToFixedLength(this: ArrayBuffer, length?: number): ArrayBuffer {
      const out = new ArrayBuffer(length ?? this.byteLength);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(out.byteLength, this.byteLength)));
      return out;
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// One page: text items and ruling lines

interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  formBegin: number;
  formEnd: number;
  paint: Map<number, Paint>;
}

function opNames(OPS: Record<string, number>): OpCodes {
  const paint = new Map<number, Paint>();
  for (const k of ['stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke']) {
    if (OPS[k] !== undefined) paint.set(OPS[k]!, 'stroke');
  }
  for (const k of ['fill', 'eoFill']) if (OPS[k] !== undefined) paint.set(OPS[k]!, 'fill');
  return {
    save: OPS['save'] ?? -1,
    restore: OPS['restore'] ?? -1,
    transform: OPS['transform'] ?? -1,
    constructPath: OPS['constructPath'] ?? -1,
    formBegin: OPS['paintFormXObjectBegin'] ?? -1,
    formEnd: OPS['paintFormXObjectEnd'] ?? -1,
    paint,
  };
}

interface PageContent {
  page: number;
  /** the page box: x0, y0, x1, y1 */
  view: [number, number, number, number];
  items: TextItem[];
  grids: Grid[];
}

interface PdfPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): unknown;
}

interface PdfDoc {
  getPage(n: number): Promise<unknown>;
}

async function readPage(doc: PdfDoc, p: number, ops: OpCodes, file: string): Promise<PageContent> {
  let page: PdfPage;
  let content: { items: unknown[] };
  try {
    page = (await doc.getPage(p)) as PdfPage;
    content = await page.getTextContent();
  } catch (err) {
    throw pdfError(err, file, `第 ${p} 页`);
  }
  const v = Array.isArray(page.view) ? page.view : [];
  const view: [number, number, number, number] = [
    Number(v[0]) || 0,
    Number(v[1]) || 0,
    Number.isFinite(Number(v[2])) ? Number(v[2]) : 0,
    Number.isFinite(Number(v[3])) ? Number(v[3]) : 0,
  ];
  const items: TextItem[] = [];
  for (const raw of content.items) {
    const it = raw as { str?: unknown; transform?: unknown; width?: unknown; height?: unknown };
    if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
    const t = it.transform as number[];
    const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || Number(it.height) || 10;
    const x = Number(t[4]);
    const y = Number(t[5]);
    const w = Number(it.width) || 0;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(size) || !Number.isFinite(w)) continue;
    items.push({ str: mapRadicals(it.str), x, y, w: Math.max(0, w), size: Math.min(Math.abs(size), 1000) || 10 });
  }
  let segments: Segment[] = [];
  try {
    const list = await page.getOperatorList();
    segments = rulingLines(list, ops);
  } catch {
    // without drawing operators the page is still read as text; tables then come out as lines of text
    segments = [];
  }
  page.cleanup();
  return { page: p, view, items, grids: findGrids(segments) };
}

function rulingLines(list: { fnArray: number[]; argsArray: unknown[] }, ops: OpCodes): Segment[] {
  const out: Segment[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const asMatrix = (a: unknown): Matrix | undefined =>
    Array.isArray(a) || ArrayBuffer.isView(a)
      ? (Array.from(a as ArrayLike<number>).slice(0, 6) as Matrix).length === 6
        ? (Array.from(a as ArrayLike<number>).slice(0, 6) as Matrix)
        : undefined
      : undefined;
  for (let k = 0; k < list.fnArray.length; k++) {
    const fn = list.fnArray[k]!;
    const args = list.argsArray[k] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) {
      const m = asMatrix(args);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.formBegin) {
      stack.push(ctm);
      const m = asMatrix(args?.[0]);
      if (m) ctm = multiply(ctm, m);
    } else if (fn === ops.formEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.constructPath && args) {
      // pdf.js 5: [paint operator, [path data], bounds]
      const paintOp = args[0];
      const data = Array.isArray(args[1]) ? (args[1] as unknown[])[0] : undefined;
      if (typeof paintOp !== 'number' || !data || !ArrayBuffer.isView(data)) continue;
      const paint = ops.paint.get(paintOp) ?? 'none';
      out.push(...pathSegments(data as unknown as ArrayLike<number>, ctm, paint));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Page elements: lines of running text and tables

interface TableCell {
  text: string;
  region: { top: number; left: number; bottom: number; right: number };
  /** top-left corner, PDF space */
  x: number;
  y: number;
  /** lowest text bottom in the cell, PDF space (undefined when empty) */
  textBottom?: number;
  size: number;
}

interface PageTable {
  kind: 'table';
  page: number;
  grid: Grid;
  cells: TableCell[];
  top: number;
  /** drawn with ruling lines (rather than found by aligned text) */
  ruled: boolean;
}

interface PageLine {
  kind: 'line';
  page: number;
  line: Line;
  top: number;
}

type Element = PageTable | PageLine;

/** Split an item into single characters with estimated positions (for items that straddle cell borders). */
function splitItem(it: TextItem): TextItem[] {
  const chars = [...it.str];
  if (chars.length <= 1) return [it];
  const weight = (c: string) => (c.charCodeAt(0) <= 0x024f ? 0.55 : 1);
  const total = chars.reduce((s, c) => s + weight(c), 0);
  const out: TextItem[] = [];
  let x = it.x;
  for (const c of chars) {
    const w = (it.w * weight(c)) / total;
    out.push({ str: c, x, y: it.y, w, size: it.size });
    x += w;
  }
  return out;
}

function pageElements(pc: PageContent): { elements: Element[]; margins: Margins } {
  const [, vy0, , vy1] = pc.view;
  const height = vy1 - vy0;
  const tables = pc.grids.map((grid) => ({ grid, items: new Map<number, TextItem[]>() }));
  const free: TextItem[] = [];
  const locate = (it: TextItem, cx: number, cy: number) => {
    for (const t of tables) {
      const g = t.grid;
      if (cx < g.box.x0 - 1 || cx > g.box.x1 + 1 || cy < g.box.y0 - 1 || cy > g.box.y1 + 1) continue;
      let col = g.xs.findIndex((x, k) => k + 1 < g.xs.length && cx >= x - 1 && cx <= g.xs[k + 1]! + 1);
      let row = g.ys.findIndex((y, k) => k + 1 < g.ys.length && cy <= y + 1 && cy >= g.ys[k + 1]! - 1);
      if (col < 0) col = cx < g.xs[0]! ? 0 : g.xs.length - 2;
      if (row < 0) row = cy > g.ys[0]! ? 0 : g.ys.length - 2;
      const reg = g.region[row]![col]!;
      const list = t.items.get(reg) ?? [];
      list.push(it);
      t.items.set(reg, list);
      return true;
    }
    return false;
  };
  for (const it of pc.items) {
    if (it.str === '') continue;
    const cy = it.y + 0.3 * it.size;
    const inside = tables.find(
      (t) => it.x + it.w > t.grid.box.x0 && it.x < t.grid.box.x1 && cy > t.grid.box.y0 && cy < t.grid.box.y1,
    );
    if (inside && it.str.length > 1) {
      const g = inside.grid;
      const crosses = g.xs.some((x) => x > it.x + 0.5 && x < it.x + it.w - 0.5);
      if (crosses) {
        for (const part of splitItem(it)) locate(part, part.x + part.w / 2, cy);
        continue;
      }
    }
    if (!locate(it, it.x + it.w / 2, cy)) free.push(it);
  }
  const lines = buildLines(free).filter((l) => {
    const inMargin = l.y > vy1 - 0.08 * height || l.y < vy0 + 0.08 * height;
    return !(inMargin && isPageNumber(l.text));
  });
  // tables printed without ruling lines, found by the alignment of their columns
  const inTextTable = new Set<number>();
  const elements: Element[] = [];
  for (const tt of findTextTables(lines)) {
    for (let k = tt.start; k < tt.end; k++) inTextTable.add(k);
    elements.push(textTable(lines.slice(tt.start, tt.end), tt.columns, pc.page));
  }
  const running = lines.filter((_, k) => !inTextTable.has(k));
  for (const line of running) elements.push({ kind: 'line', page: pc.page, line, top: line.y + line.size });
  for (const t of tables) {
    const g = t.grid;
    const cells: TableCell[] = g.regions.map((region, reg) => {
      const its = t.items.get(reg) ?? [];
      const cl = buildLines(its);
      const cell: TableCell = {
        text: trimPadding(cellText(cl)),
        region,
        x: g.xs[region.left]!,
        y: g.ys[region.top]!,
        size: cl.length ? Math.max(...cl.map((l) => l.size)) : 0,
      };
      if (cl.length) cell.textBottom = Math.min(...cl.map((l) => l.y - 0.25 * l.size));
      return cell;
    });
    elements.push({ kind: 'table', page: pc.page, grid: g, cells, top: g.box.y1, ruled: true });
  }
  elements.sort((a, b) => b.top - a.top);
  return { elements, margins: margins(running) };
}

/** A table without ruling lines as a grid: one grid row per line, one column per aligned chunk position. */
function textTable(rows: Line[], columns: number[], page: number): PageTable {
  const last = rows[rows.length - 1]!;
  const xs = [...columns, Math.max(...rows.map((l) => l.x1), columns[columns.length - 1]! + 1) + 1];
  const ys = [...rows.map((l) => l.y + l.size), last.y - 0.5 * last.size];
  for (let k = 1; k < ys.length; k++) if (ys[k]! >= ys[k - 1]!) ys[k] = ys[k - 1]! - 0.01;
  const regions: Grid['regions'] = [];
  const region: number[][] = [];
  const cells: TableCell[] = [];
  rows.forEach((line, r) => {
    const texts = textTableRow(line, columns);
    region.push(
      texts.map((text, c) => {
        regions.push({ top: r, left: c, bottom: r, right: c });
        cells.push({
          text: trimPadding(text),
          region: regions[regions.length - 1]!,
          x: xs[c]!,
          y: ys[r]!,
          size: line.size,
        });
        return regions.length - 1;
      }),
    );
  });
  const grid: Grid = {
    xs,
    ys,
    region,
    regions,
    box: { x0: xs[0]!, y0: ys[ys.length - 1]!, x1: xs[xs.length - 1]!, y1: ys[0]! },
  };
  return { kind: 'table', page, grid, cells, top: ys[0]!, ruled: false };
}

// ---------------------------------------------------------------------------------------------------------
// Blocks across pages

interface OpenTable {
  block: RawTable;
  /** grid of the part on the last page it reached */
  grid: Grid;
  page: number;
  /** the master cell of each region of the last part, for continuing merges across the page break */
  lastRowMasters: { left: number; right: number; cell: RawCell; vertical: boolean }[];
  /** whether the last row looks cut by the page break */
  lastRowCut: boolean;
}

function assemble(pages: PageContent[], file: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let para: { lines: Line[]; page: number; source: Source } | undefined;
  let last: { kind: 'line' | 'table'; page: number; margins: Margins } | undefined;
  let open: OpenTable | undefined;

  const src = (pc: PageContent, x: number, y: number, text: string): Source => ({
    file,
    page: pc.page,
    x: round(x - pc.view[0]),
    y: round(pc.view[3] - y),
    text,
  });
  const flush = () => {
    if (!para) return;
    let text = '';
    for (const l of para.lines) text = joinWrapped(text, l.text);
    text = trimPadding(text);
    if (text !== '') {
      para.source.text = text;
      blocks.push({ type: 'paragraph', text, source: para.source });
    }
    para = undefined;
  };

  for (const pc of pages) {
    const { elements, margins: m } = pageElements(pc);
    for (let k = 0; k < elements.length; k++) {
      const el = elements[k]!;
      if (el.kind === 'line') {
        const first = k === 0;
        const prevLine = para?.lines[para.lines.length - 1];
        const samePage = last?.page === pc.page;
        if (
          para &&
          prevLine &&
          last?.kind === 'line' &&
          (samePage || (first && last.page === pc.page - 1)) &&
          continues(prevLine, el.line, samePage ? m : last.margins, samePage)
        ) {
          para.lines.push(el.line);
        } else {
          flush();
          para = { lines: [el.line], page: pc.page, source: src(pc, el.line.x0, el.line.y + el.line.size, '') };
        }
        last = { kind: 'line', page: pc.page, margins: m };
        open = undefined;
        continue;
      }
      flush();
      const continuing =
        open !== undefined &&
        k === 0 &&
        last?.kind === 'table' &&
        last.page === pc.page - 1 &&
        sameColumns(open.grid, el.grid);
      if (continuing) appendTable(open!, el, pc, file);
      else {
        open = newTable(el, pc, file);
        blocks.push(open.block);
      }
      last = { kind: 'table', page: pc.page, margins: m };
    }
  }
  flush();
  return blocks;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function sameColumns(a: Grid, b: Grid): boolean {
  const tol = 3;
  if (Math.abs(a.box.x0 - b.box.x0) > tol || Math.abs(a.box.x1 - b.box.x1) > tol) return false;
  // most inner column edges of the shorter list are found in the other
  const [short, long] = a.xs.length <= b.xs.length ? [a.xs, b.xs] : [b.xs, a.xs];
  const found = short.filter((x) => long.some((y) => Math.abs(x - y) <= tol)).length;
  return found >= Math.ceil(short.length * 0.6);
}

/** The rows of a page table part, in the table contract's shape. */
function partRows(t: PageTable, pc: PageContent, file: string): { rows: RawCell[][]; masters: Map<number, RawCell> } {
  const g = t.grid;
  const rows: RawCell[][] = [];
  const masters = new Map<number, RawCell>();
  const rowCount = g.ys.length - 1;
  const colCount = g.xs.length - 1;
  for (let r = 0; r < rowCount; r++) {
    const row: RawCell[] = [];
    for (let c = 0; c < colCount; c++) {
      const reg = g.region[r]![c]!;
      const region = g.regions[reg]!;
      if (region.left !== c) continue;
      const cell = t.cells[reg]!;
      const span = region.right - region.left + 1;
      const x = round(g.xs[c]! - pc.view[0]);
      const y = round(pc.view[3] - g.ys[r]!);
      let raw: RawCell;
      if (region.top === r) {
        raw = { text: cell.text, source: { file, page: pc.page, x, y, text: cell.text } };
        const rowSpan = region.bottom - region.top + 1;
        if (rowSpan > 1) raw.rowSpan = rowSpan;
        masters.set(reg, raw);
      } else {
        raw = { text: '', source: { file, page: pc.page, x, y, text: '' }, continued: true };
      }
      if (span > 1) raw.colSpan = span;
      row.push(raw);
    }
    rows.push(row);
  }
  return { rows, masters };
}

function lastRowInfo(t: PageTable, masters: Map<number, RawCell>): OpenTable['lastRowMasters'] {
  const g = t.grid;
  const r = g.ys.length - 2;
  const out: OpenTable['lastRowMasters'] = [];
  for (let c = 0; c < g.xs.length - 1; c++) {
    const reg = g.region[r]![c]!;
    const region = g.regions[reg]!;
    if (region.left !== c) continue;
    const cell = masters.get(reg);
    if (!cell) continue;
    out.push({ left: g.xs[region.left]!, right: g.xs[region.right + 1]!, cell, vertical: region.bottom > region.top });
  }
  return out;
}

/**
 * Whether the page break cut the table's last row: its text runs closer to the bottom border than the
 * table's other rows leave as padding.
 */
function lastRowCut(t: PageTable): boolean {
  if (!t.ruled) return false;
  const g = t.grid;
  const bottomRow = g.ys.length - 2;
  // per grid row: the smallest gap between a cell's text and the bottom border of a cell ending there
  const rowGap = new Map<number, number>();
  for (const cell of t.cells) {
    if (cell.textBottom === undefined) continue;
    const row = cell.region.bottom;
    const gap = cell.textBottom - g.ys[row + 1]!;
    rowGap.set(row, Math.min(rowGap.get(row) ?? Infinity, gap));
  }
  const lastGap = rowGap.get(bottomRow);
  const others = [...rowGap].filter(([row]) => row !== bottomRow).map(([, gap]) => gap);
  if (lastGap === undefined || others.length < 2) return false;
  others.sort((a, b) => a - b);
  const usual = others[Math.floor(others.length / 2)]!;
  const size = Math.max(...t.cells.map((c) => c.size));
  return lastGap < usual - 0.5 * size;
}

function newTable(t: PageTable, pc: PageContent, file: string): OpenTable {
  const { rows, masters } = partRows(t, pc, file);
  const firstText = rows.flat().find((c) => c.text !== '')?.text ?? '';
  const block: RawTable = {
    type: 'table',
    rows,
    source: {
      file,
      page: pc.page,
      x: round(t.grid.box.x0 - pc.view[0]),
      y: round(pc.view[3] - t.grid.box.y1),
      text: firstText,
    },
  };
  return { block, grid: t.grid, page: pc.page, lastRowMasters: lastRowInfo(t, masters), lastRowCut: lastRowCut(t) };
}

function appendTable(open: OpenTable, t: PageTable, pc: PageContent, file: string): void {
  const { rows, masters } = partRows(t, pc, file);
  const tol = 3;
  /** cells of this part that now live on in a cell of the previous part */
  const alias = new Map<RawCell, RawCell>();
  const matchOf = (cell: RawCell) => {
    const x = (cell.source.x ?? 0) + pc.view[0];
    return open.lastRowMasters.find((m) => Math.abs(m.left - x) <= tol);
  };
  // a header row repeated at the top of the page
  if (rows[0] && sameTexts(open.block.rows[0], rows[0])) rows.shift();
  const first = rows[0];
  if (first && (open.lastRowCut || textLooksCut(first, matchOf))) {
    // The row was cut by the page break: its continuation belongs to the same row.
    for (const cell of first) {
      const m = matchOf(cell);
      if (!m || cell.continued) continue;
      m.cell.text = joinWrapped(m.cell.text, cell.text);
      m.cell.source.text = m.cell.text;
      if (cell.rowSpan && cell.rowSpan > 1) m.cell.rowSpan = (m.cell.rowSpan ?? 1) + cell.rowSpan - 1;
      alias.set(cell, m.cell);
    }
    rows.shift();
  } else if (first) {
    // A vertical merge running over the page break: the empty top cell below it continues it.
    for (let i = 0; i < first.length; i++) {
      const cell = first[i]!;
      const m = matchOf(cell);
      if (!m || cell.text !== '' || cell.continued || !(m.vertical || (cell.rowSpan ?? 1) > 1)) continue;
      if (m.cell.text === '' && !m.vertical) continue;
      const continued: RawCell = { text: '', source: { ...cell.source }, continued: true };
      if (cell.colSpan) continued.colSpan = cell.colSpan;
      first[i] = continued;
      m.cell.rowSpan = (m.cell.rowSpan ?? 1) + (cell.rowSpan ?? 1);
      alias.set(cell, m.cell);
    }
  }
  open.block.rows.push(...rows);
  open.grid = t.grid;
  open.page = pc.page;
  open.lastRowMasters = lastRowInfo(t, masters).map((m) => {
    const cell = alias.get(m.cell);
    return cell ? { ...m, cell, vertical: true } : m;
  });
  open.lastRowCut = lastRowCut(t);
}

const OPENERS = '（(《“【「〔［[';
const CLOSERS = '）)》”】」〕］]';
/** Characters a line cannot start with in Chinese typesetting: what follows them was cut from a line before. */
const NO_LINE_START = /^[，。、；：？！）)》」』】”’〕］]/;

function unbalanced(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * Whether the first row of a table part continues the last row of the previous page's part: some cell
 * there ends inside brackets that the cell below closes, or the cell below starts with punctuation that
 * cannot begin a line.
 */
function textLooksCut(
  first: RawCell[],
  matchOf: (cell: RawCell) => OpenTable['lastRowMasters'][number] | undefined,
): boolean {
  for (const cell of first) {
    if (cell.text === '' || cell.continued) continue;
    const m = matchOf(cell);
    if (!m || m.cell.text === '') continue;
    if (NO_LINE_START.test(cell.text)) return true;
    if (unbalanced(m.cell.text) > 0 && unbalanced(m.cell.text + cell.text) < unbalanced(m.cell.text)) return true;
  }
  return false;
}

function sameTexts(a: RawCell[] | undefined, b: RawCell[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  const ta = a.map((c) => c.text);
  if (ta.every((t) => t === '')) return false;
  return ta.every((t, i) => t === b[i]!.text);
}
