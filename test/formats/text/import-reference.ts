// The plain-text reader as it was before it was made fast (src/formats/text/import.ts at commit 69792f8), kept
// verbatim as the oracle of test/formats/text/fast.test.ts: the fast reader must give exactly what this one gives.
import type { Source } from '../../../src/model/index.js';
import {
  ImportError,
  type RawBlock,
  type RawCell,
  type RawDocument,
  type RawTable,
} from '../../../src/formats/document.js';
import { decodeText } from './decode-reference.js';

/**
 * Plain text → RawDocument.
 *
 * Three table notations are read:
 * - the layout Word writes when a document with tables is saved as text: every cell on a line of its own that
 *   starts with a TAB, rows separated by a blank line, a cell's own line breaks (blank ones too) continuing the
 *   cell on lines that do not start with a TAB, merged cells left as empty TAB lines;
 * - pipe tables (`| a | b |`, with optional `|---|` separator rows);
 * - tab-separated rows (several cells on one line).
 * Every other non-blank line is one paragraph. Everything runs in one forward pass (each line is looked at a
 * bounded number of times), so a 50 MB text or a table of 10,000 rows costs time linear in its size.
 */

/** Padding around cell and paragraph text: spaces, full-width spaces, tabs, NBSP, BOM. */
const PAD_START = /^[\s\u3000\u00a0\ufeff]+/;
const PAD_END = /[\s\u3000\u00a0\ufeff]+$/;
const NOT_BLANK = /[^\s\u3000\u00a0\ufeff]/;

function pad(text: string): string {
  return text.replace(PAD_START, '').replace(PAD_END, '');
}

/** Nothing but padding, and not a (possibly empty) TAB cell line. */
function isBlank(line: string): boolean {
  return line.charCodeAt(0) !== 9 && !NOT_BLANK.test(line);
}

/** A Word-style cell line: one leading TAB. */
function isCellLine(line: string): boolean {
  return line.charCodeAt(0) === 9;
}

/** A pipe-table row: starts with | (after padding) and holds at least one more |. */
function isPipeRow(line: string): boolean {
  const m = /^[ \u3000]*[|｜]/.exec(line);
  if (!m) return false;
  const rest = line.slice(m[0].length);
  return rest.includes('|') || rest.includes('｜');
}

/** A tab-separated row: a TAB after some text, or a second TAB after a leading one. */
function isTsvRow(line: string): boolean {
  const first = line.indexOf('\t');
  if (first < 0) return false;
  if (first > 0) return NOT_BLANK.test(line.slice(0, first)) || line.indexOf('\t', first + 1) >= 0;
  return line.indexOf('\t', 1) >= 0;
}

/**
 * Lines that follow a table rather than continue one of its cells: a table or report title, the 填表人 /
 * 填报单位 / 说明 lines under or over a table, a first-level heading.
 */
const TABLE_EXIT =
  /^[\s\u3000]*(?:(?:填表人|填报人|制表人|填报单位|单位名称|联系电话|填报日期|说明|注|备注|金额单位|附件\d*)[：:]|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)/;
const TITLE_LINE = /^[^。；，]{2,40}(?:表|报告)[\s\u3000]*$/;

function looksLikeTableExit(line: string): boolean {
  return TABLE_EXIT.test(line) || TITLE_LINE.test(line);
}

const ENUMERATED = /^[\s\u3000]*(\d{1,2})[.、．](?!\d)/;

/**
 * When the cell's last line is item N of a numbered list and lines[from..to) are items N+1, N+2 … (blank lines
 * between allowed), the index after the last such item; otherwise `from`.
 */
function enumerationContinues(
  cellLines: readonly string[],
  lines: readonly string[],
  from: number,
  to: number,
): number {
  let last = '';
  for (let m = cellLines.length - 1; m >= 0 && last === ''; m--) last = cellLines[m]!;
  const start = ENUMERATED.exec(last);
  if (!start) return from;
  let expect = Number(start[1]) + 1;
  let end = from;
  for (let m = from; m < to; m++) {
    const l = lines[m]!;
    if (isBlank(l)) continue;
    const e = ENUMERATED.exec(l);
    if (!e || Number(e[1]) !== expect) return from;
    expect++;
    end = m + 1;
  }
  return end;
}

const PIPE_SEPARATOR =
  /^[ \u3000]*[|｜]?[ \u3000]*:?-{2,}:?[ \u3000]*([|｜][ \u3000]*:?-{2,}:?[ \u3000]*)*[|｜]?[ \u3000]*$/;

/** stands for "\\|" (a pipe inside a cell) while a row is split; a private-use character */
const ESCAPED_PIPE = '\ue000';

function splitPipeRow(line: string): string[] {
  let s = line.replace(PAD_START, '').replace(PAD_END, '');
  s = s.replace(/\\\|/g, ESCAPED_PIPE);
  if (s.startsWith('|') || s.startsWith('｜')) s = s.slice(1);
  if (s.endsWith('|') || s.endsWith('｜')) s = s.slice(0, -1);
  return s.split(/[|｜]/).map((c) =>
    c
      .split(ESCAPED_PIPE)
      .join('|')
      .replace(/<br\s*\/?>/gi, '\n'),
  );
}

interface Builder {
  file: string;
  blocks: RawBlock[];
  tables: number;
}

function newTable(b: Builder, line: number, text: string): RawTable {
  b.tables++;
  const table: RawTable = { type: 'table', rows: [], source: { file: b.file, line, table: b.tables, text } };
  b.blocks.push(table);
  return table;
}

function cellOf(b: Builder, text: string, line: number, row: number, col: number): RawCell {
  const t = pad(text);
  const source: Source = { file: b.file, line, table: b.tables, row, col, text: t };
  return { text: t, source };
}

/** Word-style table starting at lines[start] (a TAB line). Returns the index of the first line after it. */
function readWordTable(b: Builder, lines: readonly string[], start: number): number {
  const n = lines.length;
  const table = newTable(b, start + 1, pad(lines[start]!));
  let row: RawCell[] = [];
  /** the current cell's lines and where it started */
  let cellLines: string[] = [];
  let cellLine = 0;
  let newRowPending = false;

  const flushCell = (): void => {
    if (cellLine === 0) return;
    row.push(cellOf(b, cellLines.join('\n'), cellLine, table.rows.length + 1, row.length + 1));
    cellLines = [];
    cellLine = 0;
  };
  const flushRow = (): void => {
    flushCell();
    if (row.length > 0) table.rows.push(row);
    row = [];
  };

  let i = start;
  while (i < n) {
    const line = lines[i]!;
    if (isCellLine(line)) {
      flushCell();
      if (newRowPending) {
        flushRow();
        newRowPending = false;
      }
      cellLines = [line.slice(1).replace(/\t/g, ' ')];
      cellLine = i + 1;
      i++;
      continue;
    }
    if (isBlank(line)) {
      let j = i;
      while (j < n && isBlank(lines[j]!)) j++;
      if (j >= n || j - i >= 2) {
        i = j;
        break;
      }
      if (isCellLine(lines[j]!)) {
        newRowPending = true;
        i = j;
        continue;
      }
      // One blank line, then text without a TAB: the cell goes on (a blank line inside a cell) when that text
      // runs into the next TAB line, straight or after one blank line, and nothing in it reads like what
      // follows a table (a title, a 填表人 line, a heading); otherwise the table has ended.
      let k = j;
      let continues = false;
      while (k < n) {
        const l = lines[k]!;
        if (isCellLine(l)) {
          continues = true;
          break;
        }
        if (isBlank(l)) {
          if (k + 1 < n && isBlank(lines[k + 1]!)) break;
        } else if (isPipeRow(l) || isTsvRow(l) || looksLikeTableExit(l)) {
          break;
        }
        k++;
      }
      if (!continues) {
        // The last cell of the table may go on with the next items of its own numbered list ("1.…" then,
        // after a blank line, "2.…"): those lines are the cell's, the table ends after them.
        const taken = enumerationContinues(cellLines, lines, j, k);
        if (taken > j) {
          for (let m = i; m < taken; m++) cellLines.push(isBlank(lines[m]!) ? '' : lines[m]!);
          i = taken;
        }
        break;
      }
      const endsWithBlank = isBlank(lines[k - 1]!);
      const last = endsWithBlank ? k - 1 : k;
      for (let m = i; m < last; m++) cellLines.push(isBlank(lines[m]!) ? '' : lines[m]!);
      if (endsWithBlank) newRowPending = true;
      i = k;
      continue;
    }
    if (looksLikeTableExit(line)) break;
    // text right under a cell line: the cell's own next line
    cellLines.push(line);
    i++;
  }
  flushRow();
  return i;
}

function readPipeTable(b: Builder, lines: readonly string[], start: number): number {
  const table = newTable(b, start + 1, pad(lines[start]!));
  let i = start;
  while (i < lines.length && isPipeRow(lines[i]!)) {
    const line = lines[i]!;
    if (!PIPE_SEPARATOR.test(line)) {
      const r = table.rows.length + 1;
      table.rows.push(splitPipeRow(line).map((c, k) => cellOf(b, c, i + 1, r, k + 1)));
    }
    i++;
  }
  return i;
}

function readTsvTable(b: Builder, lines: readonly string[], start: number): number {
  const table = newTable(b, start + 1, pad(lines[start]!));
  let i = start;
  while (i < lines.length && isTsvRow(lines[i]!)) {
    const r = table.rows.length + 1;
    table.rows.push(lines[i]!.split('\t').map((c, k) => cellOf(b, c, i + 1, r, k + 1)));
    i++;
  }
  return i;
}

/** Split decoded text into RawDocument blocks (exported for tests and for other importers that yield text). */
export function textToBlocks(text: string, file: string): RawBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const b: Builder = { file, blocks: [], tables: 0 };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
    } else if (isCellLine(line) && !isTsvRow(line)) {
      i = readWordTable(b, lines, i);
    } else if (isPipeRow(line) && i + 1 < lines.length && isPipeRow(lines[i + 1]!)) {
      i = readPipeTable(b, lines, i);
    } else if (isTsvRow(line) && i + 1 < lines.length && isTsvRow(lines[i + 1]!)) {
      i = readTsvTable(b, lines, i);
    } else if (isCellLine(line)) {
      // a lone line of several TABs: a one-row Word table
      i = readWordTable(b, lines, i);
    } else {
      const t = pad(line.replace(/\t/g, ' '));
      b.blocks.push({ type: 'paragraph', text: t, source: { file, line: i + 1, text: t } });
      i++;
    }
  }
  return b.blocks;
}

/** Read a plain-text report (UTF-8, UTF-16 with BOM, GB18030/GBK). Throws ImportError('encoding' | 'empty'). */
export function textToRaw(bytes: Uint8Array, file: string): RawDocument {
  const { text } = decodeText(bytes, file);
  if (!NOT_BLANK.test(text)) {
    throw new ImportError(`文件“${file}”是空的：没有任何文字。`, file, '整个文件', 'empty');
  }
  return { file, format: 'text', blocks: textToBlocks(text, file) };
}
