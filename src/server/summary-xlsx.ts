/** The bureau's summary workbook: one row per unit (or per evaluation), with totals, grade and findings counts. */
import ExcelJS from 'exceljs';
import { Dec } from '../model/index.js';
import type { EvaluationRecord, EvaluationState } from '../store/index.js';
import { STATE_LABELS } from './workflow.js';

export interface SummaryRow {
  departmentName: string | null;
  unitName: string;
  /** absent: the unit has not started its evaluation */
  evaluation?: EvaluationRecord;
  year: number;
}

const KIND_LABELS = { department: '部门整体支出', project: '项目支出' } as const;

function num(s: string | null | undefined): number | null {
  // a display cell: the exact decimal string rounded to the cell's two decimals by Excel's own number
  return s === null || s === undefined ? null : new Dec(s).toNumber();
}

function stateLabel(state: EvaluationState | undefined): string {
  return state ? STATE_LABELS[state] : '未填报';
}

/** Build the workbook. */
export async function summaryWorkbook(
  title: string,
  rows: readonly SummaryRow[],
  generatedAt: Date,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = generatedAt;
  const ws = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  const headers = [
    '序号',
    '主管部门',
    '单位',
    '年度',
    '类型',
    '项目',
    '状态',
    '自评总分',
    '重算总分',
    '等次',
    '错误',
    '警告',
    '提示',
    '最后更新',
  ];
  ws.mergeCells(1, 1, 1, headers.length);
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '宋体', size: 14, bold: true };
  titleCell.alignment = { horizontal: 'center' };
  const head = ws.getRow(2);
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { name: '宋体', bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
  });
  rows.forEach((r, i) => {
    const e = r.evaluation;
    ws.addRow([
      i + 1,
      r.departmentName ?? '',
      r.unitName,
      r.year,
      e ? KIND_LABELS[e.kind] : '',
      e?.projectName ?? '',
      stateLabel(e?.state),
      num(e?.totalSelf),
      num(e?.totalRecomputed),
      e?.grade ?? '',
      e?.errors ?? null,
      e?.warnings ?? null,
      e?.infos ?? null,
      e ? e.updatedAt.slice(0, 19).replace('T', ' ') : '',
    ]);
  });
  for (const col of [8, 9]) ws.getColumn(col).numFmt = '0.00';
  const widths = [6, 22, 30, 8, 14, 20, 12, 10, 10, 8, 8, 8, 8, 20];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
