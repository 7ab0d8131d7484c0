import type { Source } from '../../model/index.js';
import { ImportError, type RawBlock, type RawCell, type RawDocument, type RawTable } from '../document.js';
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
import { openZip, type SafeZip } from '../zip-guard.js';
import { Numbering } from './numbering.js';
import { kid, kids, ownText, parseXml, type XmlElement } from './xml.js';

/**
 * Read a .docx (Office Open XML word-processing file) into a RawDocument: the body's paragraphs (with the
 * heading level their style gives and the automatic number they show) and its tables, in reading order.
 *
 * word/document.xml is read directly rather than through mammoth, because the table contract needs what
 * mammoth does not report: horizontal merges (`w:gridSpan`) and vertical merges (`w:vMerge`).
 */
export async function docxToRaw(bytes: Uint8Array, file: string, options?: ImportOptions): Promise<RawDocument> {
  const limits = resolveLimits(options);
  if (bytes.length === 0) throw new ImportError(`${file}：文件是空的`, file, undefined, 'empty');
  const zip = openZip(bytes, file, limits.zip);
  const mainPart = findMainPart(zip);
  const rels = readRelationships(zip, partRelsName(mainPart));
  const stylesPart = rels.byType('styles') ?? 'word/styles.xml';
  const numberingPart = rels.byType('numbering') ?? 'word/numbering.xml';
  for (const part of [mainPart, stylesPart, numberingPart]) {
    if (zip.size(part) > limits.maxXmlPartBytes) throw partTooLarge(file, part, zip.size(part), limits.maxXmlPartBytes);
  }

  const styles = new Styles(
    zip.has(stylesPart) ? parseXml(zip.xml(stylesPart), { file, part: stylesPart }) : undefined,
  );
  const numbering = new Numbering(
    zip.has(numberingPart) ? parseXml(zip.xml(numberingPart), { file, part: numberingPart }) : undefined,
  );
  const root = parseXml(zip.xml(mainPart), { file, part: mainPart });
  const body = kid(root, 'w:body');
  if (root.name !== 'w:document' || !body) {
    throw new ImportError(`${file}：${mainPart} 不是 Word 文档正文`, file, mainPart, 'corrupt');
  }
  const reader = new BodyReader(file, styles, numbering, limits);
  reader.readBlocks(body);
  if (reader.blocks.length === 0) {
    throw new ImportError(`${file}：文档中没有任何文字或表格`, file, mainPart, 'empty');
  }
  return { file, format: 'docx', blocks: reader.blocks };
}

// ---------------------------------------------------------------------------------------------------------
// Package structure

function findMainPart(zip: SafeZip): string {
  const rels = readRelationships(zip, '_rels/.rels');
  const main = rels.byType('officeDocument');
  if (main && zip.has(main)) return main;
  if (zip.has('word/document.xml')) return 'word/document.xml';
  const file = zip.file;
  if (zip.has('xl/workbook.xml')) {
    throw new ImportError(`${file}：这是 Excel 工作簿（.xlsx），不是 Word 文档`, file, undefined, 'unsupported');
  }
  if (zip.has('ppt/presentation.xml')) {
    throw new ImportError(`${file}：这是 PowerPoint 演示文稿，不是 Word 文档`, file, undefined, 'unsupported');
  }
  if (zip.has('content.xml') && zip.has('mimetype')) {
    throw new ImportError(
      `${file}：这是 OpenDocument 文件（.odt/.ods），请先另存为 .docx`,
      file,
      undefined,
      'unsupported',
    );
  }
  throw new ImportError(`${file}：压缩包里没有 Word 文档正文（word/document.xml）`, file, undefined, 'unsupported');
}

function partRelsName(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationships {
  byType(suffix: string): string | undefined;
}

/** Relationship targets, resolved to zip entry names. */
function readRelationships(zip: SafeZip, relsName: string): Relationships {
  const found: { type: string; target: string }[] = [];
  if (zip.has(relsName)) {
    const root = parseXml(zip.xml(relsName), { file: zip.file, part: relsName });
    // the folder the relationships are relative to: the rels file's grandparent folder
    const base = relsName.replace(/_rels\/[^/]*$/, '');
    for (const r of root.children) {
      if (typeof r === 'string' || !r.name.endsWith('Relationship')) continue;
      const target = r.attrs['Target'];
      const type = r.attrs['Type'] ?? '';
      if (!target || r.attrs['TargetMode'] === 'External') continue;
      found.push({ type, target: resolvePath(base, target) });
    }
  }
  return {
    byType: (suffix) => found.find((r) => r.type.endsWith(`/${suffix}`))?.target,
  };
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

// ---------------------------------------------------------------------------------------------------------
// Styles: heading levels and style-bound numbering

interface StyleInfo {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

class Styles {
  private readonly styles = new Map<string, StyleInfo>();
  private defaultParagraph: string | undefined;

  constructor(root?: XmlElement) {
    if (!root) return;
    for (const s of kids(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (id === undefined || (s.attrs['w:type'] ?? 'paragraph') !== 'paragraph') continue;
      const pPr = kid(s, 'w:pPr');
      const info: StyleInfo = { name: kid(s, 'w:name')?.attrs['w:val'] ?? id };
      const basedOn = kid(s, 'w:basedOn')?.attrs['w:val'];
      if (basedOn !== undefined) info.basedOn = basedOn;
      const outline = kid(pPr, 'w:outlineLvl')?.attrs['w:val'];
      if (outline !== undefined && /^\d$/.test(outline)) info.outlineLevel = Number(outline);
      const numPr = kid(pPr, 'w:numPr');
      const numId = kid(numPr, 'w:numId')?.attrs['w:val'];
      if (numId !== undefined) info.numId = numId;
      const ilvl = kid(numPr, 'w:ilvl')?.attrs['w:val'];
      if (ilvl !== undefined) info.ilvl = Number(ilvl);
      this.styles.set(id, info);
      const def = s.attrs['w:default'];
      if (def === '1' || def === 'true') this.defaultParagraph = id;
    }
  }

  /** The style and the styles it is based on, nearest first (cycles cut). */
  private chain(styleId: string | undefined): StyleInfo[] {
    const out: StyleInfo[] = [];
    let id = styleId ?? this.defaultParagraph;
    while (id !== undefined && out.length < 20) {
      const s = this.styles.get(id);
      if (!s || out.includes(s)) break;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  }

  /** Heading level 1–9 a paragraph style gives, by its name (Heading 2, 标题 2) or its outline level. */
  headingLevel(styleId: string | undefined): number | undefined {
    for (const s of this.chain(styleId)) {
      const m = /^(?:heading|标题)\s*(\d)$/i.exec(s.name.trim());
      if (m) return Number(m[1]);
      if (s.outlineLevel !== undefined) return s.outlineLevel <= 8 ? s.outlineLevel + 1 : undefined;
    }
    return undefined;
  }

  numbering(styleId: string | undefined): { numId: string; ilvl: number } | undefined {
    for (const s of this.chain(styleId)) {
      if (s.numId !== undefined) return { numId: s.numId, ilvl: s.ilvl ?? 0 };
    }
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The body

/** Elements that only wrap content: read through them. */
const WRAPPERS = new Set([
  'w:hyperlink',
  'w:smartTag',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
  'w:sdtContent',
]);

/** Elements whose content is not part of the visible text. */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:pPr', 'w:rPr', 'w:delText', 'w:instrText', 'w:delInstrText']);

class BodyReader {
  readonly blocks: RawBlock[] = [];
  private paragraphIndex = 0;
  private tableIndex = 0;

  constructor(
    private readonly file: string,
    private readonly styles: Styles,
    private readonly numbering: Numbering,
    private readonly limits: ImportLimits,
  ) {}

  private push(block: RawBlock): void {
    if (this.blocks.length >= this.limits.maxBlocks) throw tooManyBlocks(this.file, this.limits.maxBlocks);
    this.blocks.push(block);
  }

  /** Block-level content of the body (or of a content control / text box at body level). */
  readBlocks(container: XmlElement): void {
    for (const c of container.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:p') this.readParagraph(c);
      else if (c.name === 'w:tbl') this.readTable(c);
      else if (c.name === 'w:sdt') {
        const content = kid(c, 'w:sdtContent');
        if (content) this.readBlocks(content);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') this.readBlocks(c);
    }
  }

  private readParagraph(p: XmlElement): void {
    this.paragraphIndex++;
    const index = this.paragraphIndex;
    const boxes: XmlElement[] = [];
    const text = trimPadding(this.paragraphText(p, boxes));
    if (text !== '') {
      const pPr = kid(p, 'w:pPr');
      const styleId = kid(pPr, 'w:pStyle')?.attrs['w:val'];
      const source: Source = { file: this.file, paragraph: index, text };
      const block: RawBlock = { type: 'paragraph', text, source };
      const outline = kid(pPr, 'w:outlineLvl')?.attrs['w:val'];
      const level =
        outline !== undefined && /^\d$/.test(outline)
          ? Number(outline) <= 8
            ? Number(outline) + 1
            : undefined
          : this.styles.headingLevel(styleId);
      if (level !== undefined) block.headingLevel = level;
      this.push(block);
    }
    // Text boxes anchored in the paragraph follow it.
    for (const box of boxes) this.readBlocks(box);
  }

  /** The text a paragraph shows: its automatic number, then its runs. */
  private paragraphText(p: XmlElement, boxes: XmlElement[]): string {
    const pPr = kid(p, 'w:pPr');
    let prefix = '';
    const numPr = kid(pPr, 'w:numPr');
    const styleId = kid(pPr, 'w:pStyle')?.attrs['w:val'];
    const direct = numPr ? kid(numPr, 'w:numId')?.attrs['w:val'] : undefined;
    const fromStyle = this.styles.numbering(styleId);
    const numId = direct ?? fromStyle?.numId;
    if (numId !== undefined && numId !== '0') {
      const ilvlAttr = kid(numPr, 'w:ilvl')?.attrs['w:val'];
      const ilvl = ilvlAttr !== undefined ? Number(ilvlAttr) : (fromStyle?.ilvl ?? 0);
      prefix = this.numbering.next(numId, Number.isFinite(ilvl) ? ilvl : 0);
    }
    // A paragraph that is only a number (an empty list item) shows nothing worth keeping.
    const body = this.inlineText(p, boxes);
    return trimPadding(body) === '' ? '' : prefix + body;
  }

  private inlineText(el: XmlElement, boxes: XmlElement[]): string {
    let s = '';
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      const name = c.name;
      if (name === 'w:r') s += this.runText(c, boxes);
      else if (WRAPPERS.has(name)) s += this.inlineText(c, boxes);
      else if (name === 'w:sdt') {
        const content = kid(c, 'w:sdtContent');
        if (content) s += this.inlineText(content, boxes);
      } else if (name === 'm:oMathPara' || name === 'm:oMath') s += mathText(c);
      else if (name === 'mc:AlternateContent') {
        const choice = kid(c, 'mc:Choice');
        if (choice) s += this.inlineText(choice, boxes);
      }
    }
    return s;
  }

  private runText(r: XmlElement, boxes: XmlElement[]): string {
    let s = '';
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      switch (c.name) {
        case 'w:t':
          s += ownText(c);
          break;
        case 'w:tab':
        case 'w:ptab':
          s += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          s += '\n';
          break;
        case 'w:noBreakHyphen':
          s += '-';
          break;
        case 'w:sym': {
          const code = Number.parseInt(c.attrs['w:char'] ?? '', 16);
          // F000–F0FF are symbol-font glyphs (Wingdings…), not text.
          if (Number.isFinite(code) && code > 0 && (code < 0xe000 || code > 0xf8ff)) s += String.fromCodePoint(code);
          break;
        }
        case 'mc:AlternateContent': {
          const choice = kid(c, 'mc:Choice');
          if (choice) s += this.runText(choice, boxes);
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          collectTextBoxes(c, boxes);
          break;
        default:
          if (!SKIP.has(c.name) && WRAPPERS.has(c.name)) s += this.runText(c, boxes);
      }
    }
    return s;
  }

  private readTable(tbl: XmlElement): void {
    this.tableIndex++;
    const t = this.tableIndex;
    const place = `第 ${t} 个表格`;
    const rowsXml = unwrapRows(tbl);
    if (rowsXml.length > this.limits.maxTableRows) {
      throw tableTooLarge(this.file, place, rowsXml.length, this.limits.maxTableRows);
    }
    const rows: RawCell[][] = [];
    /** the open vertical merge starting at each grid column: its master cell */
    const openMerges = new Map<number, RawCell>();
    for (const tr of rowsXml) {
      const r = rows.length + 1;
      const trPr = kid(tr, 'w:trPr');
      let gridCol = Number(kid(trPr, 'w:gridBefore')?.attrs['w:val'] ?? '0') || 0;
      const row: RawCell[] = [];
      const cells = unwrapCells(tr);
      if (cells.length > this.limits.maxRowCells) {
        throw rowTooWide(this.file, `${place}第 ${r} 行`, cells.length, this.limits.maxRowCells);
      }
      const seenCols = new Set<number>();
      for (const tc of cells) {
        const tcPr = kid(tc, 'w:tcPr');
        const span = Math.max(1, Number.parseInt(kid(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? '1', 10) || 1);
        const hMerge = kid(tcPr, 'w:hMerge');
        const vMergeEl = kid(tcPr, 'w:vMerge');
        const vMerge = vMergeEl ? (vMergeEl.attrs['w:val'] ?? 'continue') : undefined;
        const text = this.cellText(tc);
        // Legacy horizontal merge: a continuation widens the cell to its left.
        if (hMerge && (hMerge.attrs['w:val'] ?? 'continue') === 'continue' && row.length > 0) {
          const left = row[row.length - 1]!;
          left.colSpan = (left.colSpan ?? 1) + span;
          gridCol += span;
          continue;
        }
        const col = row.length + 1;
        const source: Source = { file: this.file, table: t, row: r, col, text };
        const master = vMerge === 'continue' ? openMerges.get(gridCol) : undefined;
        let cell: RawCell;
        if (master) {
          cell = { text, source, continued: true };
          master.rowSpan = (master.rowSpan ?? 1) + 1;
        } else {
          cell = { text, source };
          if (vMerge === 'restart') openMerges.set(gridCol, cell);
          else openMerges.delete(gridCol);
        }
        if (span > 1) cell.colSpan = span;
        for (let g = gridCol; g < gridCol + span; g++) seenCols.add(g);
        row.push(cell);
        gridCol += span;
      }
      // A grid column this row does not fill ends any merge running through it.
      for (const g of [...openMerges.keys()]) if (!seenCols.has(g)) openMerges.delete(g);
      rows.push(row);
    }
    const first = rows.find((r) => r.some((c) => c.text !== ''))?.find((c) => c.text !== '')?.text ?? '';
    const table: RawTable = { type: 'table', rows, source: { file: this.file, table: t, text: first } };
    this.push(table);
  }

  /** A cell's paragraphs joined with line breaks; a nested table's rows become lines too. */
  private cellText(tc: XmlElement): string {
    const lines: string[] = [];
    const visit = (container: XmlElement) => {
      for (const c of container.children) {
        if (typeof c === 'string') continue;
        if (c.name === 'w:p') {
          const boxes: XmlElement[] = [];
          lines.push(this.paragraphText(c, boxes));
          for (const b of boxes) visit(b);
        } else if (c.name === 'w:tbl') {
          for (const tr of unwrapRows(c)) {
            lines.push(
              unwrapCells(tr)
                .map((cell) => trimPadding(this.cellText(cell)).replace(/\n/g, ' '))
                .filter((x) => x !== '')
                .join(' '),
            );
          }
        } else if (c.name === 'w:sdt') {
          const content = kid(c, 'w:sdtContent');
          if (content) visit(content);
        } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:moveTo') visit(c);
      }
    };
    visit(tc);
    return trimPadding(lines.join('\n'));
  }
}

function unwrapRows(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:tr') {
        const del = kid(kid(c, 'w:trPr'), 'w:del');
        if (!del) out.push(c);
      } else if (c.name === 'w:sdt') {
        const content = kid(c, 'w:sdtContent');
        if (content) visit(content);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins') visit(c);
    }
  };
  visit(tbl);
  return out;
}

function unwrapCells(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:tc') out.push(c);
      else if (c.name === 'w:sdt') {
        const content = kid(c, 'w:sdtContent');
        if (content) visit(content);
      } else if (c.name === 'w:customXml' || c.name === 'w:ins') visit(c);
    }
  };
  visit(tr);
  return out;
}

/** The text boxes (w:txbxContent) inside a drawing, taking the modern choice of alternate content only. */
function collectTextBoxes(el: XmlElement, out: XmlElement[]): void {
  for (const c of el.children) {
    if (typeof c === 'string' || c.name === 'mc:Fallback') continue;
    if (c.name === 'w:txbxContent') out.push(c);
    else collectTextBoxes(c, out);
  }
}

/** The plain text of an Office Math zone. */
function mathText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'm:t') s += ownText(c);
    else s += mathText(c);
  }
  return s;
}
