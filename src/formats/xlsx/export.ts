import ExcelJS from 'exceljs';
import { Dec, type Evaluation } from '../../model/index.js';
import { buildReport, type BuildOptions } from '../report/build.js';
import { reviewFindingsTable } from '../report/review.js';
import type { AttachmentBlock, CellModel, FormulaSpec, ReportModel, TableModel } from '../report/types.js';

/*
 * The attached forms as a workbook (exceljs): one sheet per form in the official layout (基础数据表, 自评表), a sheet
 * 核查结果 with the findings of `jixiao check` (and 计分复核 with the score sheet when given). Every sum, rate and score
 * the forms imply is a LIVE formula, so the workbook recomputes when a clerk edits it, with the report's own figure
 * as the cached value. Where the report's figure disagrees with its formula, the figure is kept as written (a
 * constant), the cell is shaded and its note gives the formula and what it yields: the workbook never silently
 * changes what the report states.
 */

export type XlsxOptions = BuildOptions;

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } };

/** Column letters of a 1-based column index. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface Placement {
  cell: CellModel;
  /** 0-based row and column in the table grid */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** Place every cell of a table on its grid (HTML table rules: a cell takes the next column not covered from above). */
export function layoutGrid(table: TableModel): Placement[] {
  const taken = new Set<string>();
  const out: Placement[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      out.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return out;
}

/** The decimals a number format needs to print a value as written. */
const zeros = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');

function numFmtOf(cell: CellModel): string | undefined {
  const d = cell.decimals ?? 0;
  switch (cell.kind) {
    case 'money':
      return `0${zeros(Math.max(2, d))}`;
    case 'rate':
      // a rate the form computes prints with two decimals (0.00%); a rate someone wrote prints as written
      return `0${zeros(cell.formula ? Math.max(2, d) : d)}%`;
    case 'number':
    case 'score':
      return cell.value !== undefined ? `0${zeros(d)}` : 'General';
    default:
      return undefined;
  }
}

/** How close a figure must be to its formula's result to count as the same: half a unit of its last decimal. */
function toleranceOf(cell: CellModel): Dec {
  const written = cell.decimals ?? 0;
  const fractionDecimals = cell.kind === 'rate' ? written + 2 : written;
  return new Dec(10).pow(-fractionDecimals).div(2).add('1e-12');
}

interface Sheetable {
  placements: Placement[];
  byId: Map<string, Placement>;
  /** A1 address of a placement on the sheet */
  address: (p: Placement) => string;
}

/** The A1 references of some cells, contiguous runs down one column written as ranges. */
function references(ids: readonly string[], s: Sheetable): string[] {
  const places = ids.map((id) => s.byId.get(id)).filter((p): p is Placement => p !== undefined);
  const out: string[] = [];
  let i = 0;
  while (i < places.length) {
    const start = places[i]!;
    let j = i;
    while (
      j + 1 < places.length &&
      places[j + 1]!.col === start.col &&
      places[j + 1]!.row === places[j]!.row + places[j]!.rowSpan
    ) {
      j++;
    }
    out.push(j > i ? `${s.address(start)}:${s.address(places[j]!)}` : s.address(start));
    i = j + 1;
  }
  return out;
}

/** The Excel formula of a spec, or undefined when a cell it needs is not on the sheet. */
export function excelFormula(spec: FormulaSpec, s: Sheetable): string | undefined {
  const ref = (id: string) => {
    const p = s.byId.get(id);
    return p ? s.address(p) : undefined;
  };
  switch (spec.op) {
    case 'sum': {
      const refs = references(spec.of, s);
      if (refs.length === 0) return undefined;
      const args = refs.join(',');
      return `IF(COUNT(${args})=0,"",SUM(${args}))`;
    }
    case 'ratio': {
      const num = ref(spec.num);
      const den = ref(spec.den);
      if (!num || !den) return undefined;
      return `IF(OR(${num}="",${den}="",N(${den})=0),"",${num}/${den})`;
    }
    case 'executionScore': {
      const rate = ref(spec.rate);
      const weight = ref(spec.weight);
      if (!rate || !weight) return undefined;
      let share: string;
      if (spec.mode === 'tiered') {
        share = '0';
        for (const t of [...spec.tiers].reverse()) share = `IF(${rate}>=${t.minRate},${t.share},${share})`;
      } else {
        share = spec.cap ? `MIN(${rate},1)` : rate;
      }
      return `IF(OR(${rate}="",${weight}=""),"",ROUND(${share}*${weight},${spec.decimals}))`;
    }
  }
}

/** What a formula yields from the cells' values (each referenced cell's stated value, else its own result). */
export function evaluateFormula(spec: FormulaSpec, valueOf: (id: string) => Dec | undefined): Dec | undefined {
  switch (spec.op) {
    case 'sum': {
      const vals = spec.of.map(valueOf).filter((v): v is Dec => v !== undefined);
      return vals.length === 0 ? undefined : vals.reduce((a, b) => a.add(b), new Dec(0));
    }
    case 'ratio': {
      const num = valueOf(spec.num);
      const den = valueOf(spec.den);
      return num === undefined || den === undefined || den.isZero() ? undefined : num.div(den);
    }
    case 'executionScore': {
      const rate = valueOf(spec.rate);
      const weight = valueOf(spec.weight);
      if (rate === undefined || weight === undefined) return undefined;
      let share: Dec;
      if (spec.mode === 'tiered') {
        const tier = spec.tiers.find((t) => rate.gte(t.minRate));
        share = new Dec(tier?.share ?? 0);
      } else {
        share = spec.cap ? Dec.min(rate, 1) : rate;
      }
      return share.mul(weight).toDecimalPlaces(spec.decimals);
    }
  }
}

/** How a cell is written: its value (a constant, or a formula with a cached result), and whether it disagrees. */
export interface CellWrite {
  value: ExcelJS.CellValue;
  /** the report's figure disagrees with the formula the form implies */
  conflict?: { formula: string; computed: Dec };
}

/** Decide how to write one cell (see the module comment). */
export function cellWrite(p: Placement, s: Sheetable, valueOf: (id: string) => Dec | undefined): CellWrite {
  const cell = p.cell;
  const stated = cell.value !== undefined ? new Dec(cell.value) : undefined;
  const constant: ExcelJS.CellValue = stated !== undefined ? stated.toNumber() : cell.text === '' ? null : cell.text;
  if (!cell.formula) return { value: constant };
  const formula = excelFormula(cell.formula, s);
  if (!formula) return { value: constant };
  if (stated === undefined && cell.text !== '') return { value: cell.text }; // 无, ——, words
  const computed = evaluateFormula(cell.formula, valueOf);
  if (computed === undefined) {
    // nothing to compute from: keep a stated figure; a blank cell gets the live formula (blank until filled in)
    return stated !== undefined ? { value: constant } : { value: { formula } as ExcelJS.CellFormulaValue };
  }
  if (stated === undefined) return { value: { formula } as ExcelJS.CellFormulaValue };
  if (stated.sub(computed).abs().lte(toleranceOf(cell))) {
    return { value: { formula, result: stated.toNumber() } as ExcelJS.CellFormulaValue };
  }
  return { value: constant, conflict: { formula: `=${formula}`, computed } };
}

/** Width units a text takes in a spreadsheet column (CJK and full-width characters count twice). */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1.1;
  return n;
}

function conflictNote(cell: CellModel, w: CellWrite): string | undefined {
  if (!w.conflict) return cell.note;
  const shown =
    cell.kind === 'rate'
      ? `${w.conflict.computed.mul(100).toDecimalPlaces(2).toFixed()}%`
      : w.conflict.computed.toDecimalPlaces(4).toFixed();
  return (
    `报告填写为 ${cell.text}，按公式 ${w.conflict.formula} 计算为 ${shown}，二者不一致。` +
    '此格保留报告原值、未写入公式；核实后可改为公式。'
  );
}

/** Write one attached form (or review table) as a worksheet laid out like the printed form. */
function addSheet(wb: ExcelJS.Workbook, a: AttachmentBlock, model: ReportModel): ExcelJS.Worksheet {
  const table = a.table;
  const ncol = table.columns.length;
  const totalWidth = table.columns.reduce((x, y) => x + y, 0);
  const ws = wb.addWorksheet(a.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: a.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&12${a.label.replace(/&/g, '&&')}&C&9${model.headerText.replace(/&/g, '&&')}`,
      oddFooter: '&C— &P —',
    },
  });
  const widthScale = (a.landscape ? 150 : 105) / totalWidth;
  const widths = table.columns.map((c) => Math.max(4, Math.round(c * widthScale * 10) / 10));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const font = (size = 10, bold = false): Partial<ExcelJS.Font> => ({ name: FONT, size, bold });

  // the lines above the table: the title, the year, the meta lines (the label 附件N is in the page header: as a
  // line of its own, readers would take it for a heading)
  let r = 1;
  const fullRow = (text: string, f: Partial<ExcelJS.Font>, align: 'left' | 'center' | 'right', height?: number) => {
    ws.mergeCells(r, 1, r, ncol);
    const c = ws.getCell(r, 1);
    c.value = text;
    c.font = f;
    c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
    if (height) ws.getRow(r).height = height;
    r++;
  };
  fullRow(a.title, font(16, true), 'center', 30);
  if (a.subtitle !== undefined) fullRow(a.subtitle, font(11), 'center');
  if (a.metaLeft !== undefined) fullRow(a.metaLeft, font(), 'left');
  if (a.metaRight !== undefined) fullRow(a.metaRight, font(), 'right');
  const top = r;

  const placements = layoutGrid(table);
  const s: Sheetable = {
    placements,
    byId: new Map(placements.filter((p) => p.cell.id !== undefined).map((p) => [p.cell.id!, p])),
    address: (p) => `${columnLetter(p.col + 1)}${top + p.row}`,
  };
  // each cell's value as the workbook holds it: the stated figure, else what its formula yields
  const memo = new Map<string, Dec | undefined>();
  const valueOf = (id: string): Dec | undefined => {
    if (memo.has(id)) return memo.get(id);
    memo.set(id, undefined); // a cycle yields nothing
    const p = s.byId.get(id);
    let v: Dec | undefined;
    if (p?.cell.value !== undefined) v = new Dec(p.cell.value);
    else if (p?.cell.formula) v = evaluateFormula(p.cell.formula, valueOf);
    memo.set(id, v);
    return v;
  };

  const lines = new Map<number, number>();
  for (const p of placements) {
    const row = top + p.row;
    const col = p.col + 1;
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(row, col, row + p.rowSpan - 1, col + p.colSpan - 1);
    const w = cellWrite(p, s, valueOf);
    const c = ws.getCell(row, col);
    c.value = w.value;
    c.font = font(10, p.cell.bold === true);
    c.alignment = {
      horizontal: p.cell.align ?? 'center',
      vertical: 'middle',
      wrapText: true,
      indent: p.cell.indent ?? 0,
    };
    const fmt = numFmtOf(p.cell);
    if (fmt) c.numFmt = fmt;
    const note = conflictNote(p.cell, w);
    if (note) c.note = note;
    const shade = p.cell.highlight === true || w.conflict !== undefined;
    for (let dr = 0; dr < p.rowSpan; dr++) {
      for (let dc = 0; dc < p.colSpan; dc++) {
        const m = ws.getCell(row + dr, col + dc);
        m.border = BORDER;
        if (shade) m.fill = HIGHLIGHT;
      }
    }
    // row height: the lines the text needs in its (merged) width, spread over the rows it spans
    const width = widths.slice(p.col, p.col + p.colSpan).reduce((x, y) => x + y, 0);
    const need = p.cell.text
      .split('\n')
      .reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / Math.max(1, width - 1.5))), 0);
    const perRow = Math.ceil(need / p.rowSpan);
    for (let dr = 0; dr < p.rowSpan; dr++) lines.set(row + dr, Math.max(lines.get(row + dr) ?? 1, perRow));
  }
  for (const [row, n] of lines) ws.getRow(row).height = Math.max(18, n * 14 + 5);
  r = top + table.rows.length;

  for (const note of a.notes) {
    ws.mergeCells(r, 1, r, ncol);
    const c = ws.getCell(r, 1);
    c.value = note;
    c.font = font();
    c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(r).height = Math.max(18, Math.ceil(textUnits(note) / widths.reduce((x, y) => x + y, 0)) * 13.5 + 4);
    r++;
  }

  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: top - 1 + (table.freezeRows ?? 0) }];
  ws.pageSetup.printTitlesRow = `1:${top - 1 + Math.max(table.headerRows, 0)}`;
  ws.pageSetup.printArea = `A1:${columnLetter(ncol)}${r - 1}`;
  return ws;
}

/** Render a report model's attached forms (and review tables) as .xlsx bytes. */
export async function reportToXlsx(model: ReportModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = model.title;
  wb.calcProperties.fullCalcOnLoad = true;
  const attachments = model.blocks.filter((b): b is AttachmentBlock => b.type === 'attachment');
  const forms = attachments.filter((a) => a.table.id === 'basicData' || a.table.id === 'selfEvaluation');
  const findings = attachments.find((a) => a.table.id === 'reviewFindings');
  const score = attachments.find((a) => a.table.id === 'reviewScore');
  for (const a of forms) addSheet(wb, a, model);
  addSheet(
    wb,
    findings ?? {
      type: 'attachment',
      label: '',
      title: '核查结果',
      table: reviewFindingsTable([], '导出时未运行核查（jixiao check）。'),
      notes: [],
      sheetName: '核查结果',
      landscape: true,
    },
    model,
  );
  if (score) addSheet(wb, score, model);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The 基础数据表, the 自评表 and the findings of an Evaluation as a workbook with live formulas. */
export async function evaluationToXlsx(evaluation: Evaluation, options: XlsxOptions = {}): Promise<Uint8Array> {
  return reportToXlsx(buildReport(evaluation, options));
}
