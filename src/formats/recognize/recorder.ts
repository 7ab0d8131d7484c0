import { figure, type Figure, type Source, type Unrecognised } from '../../model/index.js';
import type { CellView, RowView } from './grid.js';
import { rowText } from './grid.js';
import { largeObject } from './materialize.js';
import { freeText } from './normalize.js';

/** Bound of the joinPath memo (paths of the documents seen; cleared when reached). */
const MAX_PATHS = 20_000;
const PATHS = new Map<string, Map<string | number, string>>();
let pathCount = 0;
let lastBase: string | undefined;
let lastParts: Map<string | number, string> | undefined;

/**
 * `${base}.${part}`, the same string object every time for the same pieces. Provenance is keyed by field path: a
 * path built anew (a template string) has to be flattened, hashed and looked up each time it is used as a key,
 * which costs several times more than using one that was used before. Forms repeat the same paths document after
 * document, so paths are built through this memo, from literal or memoised bases.
 */
export function joinPath(base: string, part: string | number): string {
  // the same base comes several times in a row (the fields of one indicator): remembered apart
  let parts = base === lastBase ? lastParts : PATHS.get(base);
  if (parts === undefined) {
    parts = new Map();
    PATHS.set(base, parts);
  }
  lastBase = base;
  lastParts = parts;
  let path = parts.get(part);
  if (path === undefined) {
    if (pathCount >= MAX_PATHS) {
      PATHS.clear();
      pathCount = 0;
      parts = new Map();
      PATHS.set(base, parts);
      lastParts = parts;
    }
    path = `${base}.${part}`;
    parts.set(part, path);
    pathCount++;
  }
  return path;
}

/** Collects provenance (FieldPath → Source) and the content that could not be placed. */
export class Recorder {
  /** FieldPath → Source, in the order first recorded */
  private readonly sourceMap = new Map<string, Source>();
  readonly unrecognised: Unrecognised[] = [];
  /** figure() per distinct text of this document: forms repeat the same few values ("0", "10", "——") a lot */
  private readonly figures = new Map<string, Figure | undefined>();

  /**
   * figure(text); the same object for the same text. Nothing in the recogniser changes a Figure, and the Evaluation
   * is parsed into fresh objects at the end, so an Evaluation never shares one between two fields.
   */
  figure(text: string): Figure | undefined {
    let f = this.figures.get(text);
    if (f === undefined && !this.figures.has(text)) {
      f = figure(text);
      this.figures.set(text, f);
    }
    return f;
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

  /** The provenance as the Evaluation stores it: FieldPath → Source, in the order recorded. */
  sources(): Record<string, Source> {
    return Object.fromEntries(this.sourceMap);
  }

  /**
   * What parsing `sources()` with `record` (the Evaluation's `sources` schema) gives, built straight from the
   * recorded entries: each Source through `parseSource`, the keys in the same order (an object orders its keys by
   * the order they were added in, as the record it would be copied from did), `__proto__` left out as zod leaves it
   * out. Undefined when a Source is not valid (then zod is to say why). Spares building the record only to copy it.
   */
  parsedSources(parseSource: (source: Source) => { value: Source } | undefined): Record<string, Source> | undefined {
    const out = (this.sourceMap.size > 32 ? largeObject() : {}) as Record<string, Source>;
    for (const [path, source] of this.sourceMap) {
      if (path === '__proto__') continue;
      const parsed = parseSource(source);
      if (parsed === undefined) return undefined;
      out[path] = parsed.value;
    }
    return out;
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
