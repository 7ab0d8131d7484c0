import { figure, type Figure, type Source, type Unrecognised } from '../../model/index.js';
import type { CellView, RowView } from './grid.js';
import { rowText } from './grid.js';
import { freeText } from './normalize.js';

/** Collects provenance (FieldPath → Source) and the content that could not be placed. */
export class Recorder {
  private readonly sourceMap = new Map<string, Source>();
  readonly unrecognised: Unrecognised[] = [];
  /** figure() per distinct text of this document: forms repeat the same few values ("0", "10", "——") a lot */
  private readonly figures = new Map<string, Figure | undefined>();

  /** figure(text), each call returning its own copy. */
  figure(text: string): Figure | undefined {
    let f = this.figures.get(text);
    if (f === undefined && !this.figures.has(text)) {
      f = figure(text);
      this.figures.set(text, f);
    }
    return f ? { text: f.text, q: { ...f.q } } : undefined;
  }

  /** Record where the value at `path` came from; `text` replaces the source's text (e.g. the matched phrase). */
  at(path: string, source: Source, text?: string): void {
    this.sourceMap.set(path, text === undefined ? source : { ...source, text });
  }

  source(path: string): Source | undefined {
    return this.sourceMap.get(path);
  }

  has(path: string): boolean {
    return this.sourceMap.has(path);
  }

  forget(path: string): void {
    this.sourceMap.delete(path);
  }

  /** The provenance as the Evaluation stores it: FieldPath → Source. */
  sources(): Record<string, Source> {
    return Object.fromEntries(this.sourceMap);
  }

  /** A Figure from a cell (undefined for an empty cell), with its source recorded. */
  fig(path: string, cell: CellView | undefined): Figure | undefined {
    if (!cell || cell.text === '') return undefined;
    const f = this.figure(cell.text);
    if (f) this.at(path, cell.raw.source);
    return f;
  }

  /** Free text from a cell (line breaks kept, padding dropped), with its source recorded. */
  text(path: string, cell: CellView | undefined): string | undefined {
    if (!cell) return undefined;
    const t = freeText(cell.raw.text);
    if (t === '') return undefined;
    this.at(path, cell.raw.source);
    return t;
  }

  row(row: RowView, reason: string): void {
    const first = row.filled[0] ?? row.cells[0];
    this.unrecognised.push({
      what: 'row',
      text: rowText(row, 400),
      reason,
      ...(first ? { source: first.raw.source } : {}),
    });
  }

  cell(cell: CellView, reason: string): void {
    this.unrecognised.push({ what: 'cell', text: cell.text, reason, source: cell.raw.source });
  }

  column(header: CellView, reason: string): void {
    this.unrecognised.push({ what: 'column', text: header.text, reason, source: header.raw.source });
  }

  table(text: string, source: Source | undefined, reason: string): void {
    this.unrecognised.push({ what: 'table', text, reason, ...(source ? { source } : {}) });
  }

  paragraph(text: string, source: Source, reason: string): void {
    this.unrecognised.push({ what: 'paragraph', text, reason, source });
  }
}
