import type { Source } from '../model/index.js';

/**
 * The format-neutral shape every importer produces first: the document's paragraphs and tables in reading
 * order, each piece with where it came from. `formats/recognize` turns it into an Evaluation, so that the
 * text, .docx, .xlsx and PDF importers share one recogniser and cannot disagree.
 *
 * Table normalisation, the same for every format:
 * - a row lists its cells left to right as they physically stand;
 * - a horizontally merged cell appears once, with `colSpan` > 1 when the format tells;
 * - a vertically merged cell has its text in its first row; in the rows below it stands as an empty cell
 *   with `continued: true` when the format tells (a plain-text table just leaves it empty);
 * - cell text keeps its own line breaks ("\n") and is trimmed of padding (spaces, full-width spaces, tabs).
 *
 * Clarifications (what the recogniser relies on):
 * - a paragraph's text is trimmed of padding the same way; empty paragraphs may be left out;
 * - a table the format breaks across pages may come as consecutive RawTables: the recogniser reads them as one
 *   when nothing but a page number ("- 3 -", "第3页") stands between them;
 * - several tables in one RawTable (both attached tables on one sheet) are fine: the recogniser finds where each
 *   starts from its row labels and header rows, and places cells by grid column (colSpan) rather than by index.
 */
export interface RawCell {
  text: string;
  source: Source;
  colSpan?: number;
  rowSpan?: number;
  /** the continuation of a vertical merge from the row above */
  continued?: boolean;
}

export interface RawParagraph {
  type: 'paragraph';
  text: string;
  source: Source;
  /** a heading level, when the format marks it (Word heading styles) */
  headingLevel?: number;
}

export interface RawTable {
  type: 'table';
  rows: RawCell[][];
  source: Source;
}

export type RawBlock = RawParagraph | RawTable;

export interface RawDocument {
  /** the file name as given by the user (used in every Source and error) */
  file: string;
  format: 'text' | 'docx' | 'xlsx' | 'pdf' | 'json';
  blocks: RawBlock[];
}

/** The one error an importer throws: what is wrong, in zh-CN, naming the file and the place. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    readonly file: string,
    /** where in the file, in words or as a Source-like location */
    readonly place?: string,
    readonly code:
      | 'unreadable'
      | 'unsupported'
      | 'too-large'
      | 'corrupt'
      | 'empty'
      | 'encoding'
      | 'not-a-report'
      | 'needs-tool' = 'unreadable',
  ) {
    super(message);
  }
}
