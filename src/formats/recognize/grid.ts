import type { RawCell, RawTable } from '../document.js';
import { joinLines, labelKey } from './normalize.js';

/** A cell as the recogniser sees it: its text with line breaks joined, its matching key, its grid columns. */
export interface CellView {
  raw: RawCell;
  /** joinLines(raw.text) */
  text: string;
  /** labelKey(raw.text) */
  key: string;
  /** first grid column (0-based, counting colSpans of the cells before it) */
  start: number;
  /** one past the last grid column */
  end: number;
}

export interface RowView {
  cells: CellView[];
  /** the cells with text, in order */
  filled: CellView[];
  /** 1-based index of the RawTable in the document's tables, and of the row in it */
  table: number;
  row: number;
}

/** Longest text still read as a label (the longest known labels have about 15 characters). */
const MAX_LABEL = 48;

export function rowView(cells: readonly RawCell[], table: number, row: number): RowView {
  const out: CellView[] = [];
  let col = 0;
  for (const raw of cells) {
    const span = raw.colSpan && raw.colSpan > 1 ? raw.colSpan : 1;
    const text = joinLines(raw.text);
    // a label is short: longer cells (prose, notes) get their text as key, which matches no label
    const key = text === '' ? '' : text.length > MAX_LABEL ? text : labelKey(raw.text);
    out.push({ raw, text, key, start: col, end: col + span });
    col += span;
  }
  return { cells: out, filled: out.filter((c) => c.text !== ''), table, row };
}

export function tableRows(table: RawTable, tableIndex: number): RowView[] {
  return table.rows.map((cells, i) => rowView(cells, tableIndex, i + 1));
}

/** A column of a header row: the grid columns its header cell covers. */
export interface Column<K extends string> {
  field: K;
  start: number;
  end: number;
  header: CellView;
}

/**
 * The cell of `row` standing under `col`: the first cell that starts inside the column's span, else one that
 * covers the column's first grid column. Undefined when the row has nothing there.
 */
export function cellUnder<K extends string>(row: RowView, col: Column<K>): CellView | undefined {
  for (const c of row.cells) if (c.start >= col.start && c.start < col.end) return c;
  for (const c of row.cells) if (c.start <= col.start && c.end > col.start) return c;
  return undefined;
}

/** The filled cells of a row that no column of the header covers. */
export function cellsOutside<K extends string>(row: RowView, cols: readonly Column<K>[]): CellView[] {
  // a row has a dozen cells at most: a list beats a Set
  const used: CellView[] = [];
  for (const col of cols) {
    const c = cellUnder(row, col);
    if (c) used.push(c);
  }
  return row.filled.filter((c) => !used.includes(c));
}

export interface HeaderColumns<K extends string> {
  columns: Column<K>[];
  unmatched: CellView[];
}

/** Columns of a header row, from a lookup of header words. */
export function headerColumns<K extends string>(
  row: RowView,
  classify: (key: string) => K | undefined,
): HeaderColumns<K> {
  const columns: Column<K>[] = [];
  const unmatched: CellView[] = [];
  const seen = new Set<K>();
  for (const c of row.filled) {
    const field = classify(c.key);
    if (field !== undefined && !seen.has(field)) {
      seen.add(field);
      columns.push({ field, start: c.start, end: c.end, header: c });
    } else {
      unmatched.push(c);
    }
  }
  return { columns, unmatched };
}

/**
 * The fields of headerColumns(row, classify).columns, in the same order, without building the columns: for the
 * question "is this row a header?" asked of every row of every table.
 */
export function headerFields<K extends string>(row: RowView, classify: (key: string) => K | undefined): K[] {
  const fields: K[] = [];
  for (const c of row.filled) {
    const field = classify(c.key);
    if (field !== undefined && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** Text of a row for messages: its filled cells joined with " | ", shortened. */
export function rowText(row: RowView, max = 120): string {
  const s = row.filled.map((c) => c.text).join(' | ');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
