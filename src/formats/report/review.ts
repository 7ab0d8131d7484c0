import type { Finding, Severity } from '../../checks/types.js';
import type { Source } from '../../model/index.js';
import type { ScoreSheet } from '../../scoring/types.js';
import type { CellModel, RowModel, TableModel } from './types.js';

/*
 * The optional review sections (--with-review): the score sheet beside the self scores, and the findings of the
 * check catalogue. They print what scoring and the checks produced; nothing is recomputed here.
 */

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Where a finding points, in words: the first place with a source, else the field path. */
export function placeText(finding: Finding): string {
  const withSource = finding.where.find((w) => w.source !== undefined);
  if (withSource?.source) return sourceText(withSource.source);
  return finding.where.map((w) => w.path).join('；');
}

/** A source location in words (zh-CN). */
export function sourceText(s: Source): string {
  const parts: string[] = [];
  if (s.sheet !== undefined) parts.push(s.cell !== undefined ? `工作表“${s.sheet}”${s.cell}` : `工作表“${s.sheet}”`);
  if (s.page !== undefined) parts.push(`第${s.page}页`);
  if (s.table !== undefined) {
    parts.push(`表${s.table}${s.row !== undefined ? `第${s.row}行` : ''}${s.col !== undefined ? `第${s.col}列` : ''}`);
  }
  if (s.paragraph !== undefined) parts.push(`第${s.paragraph}段`);
  if (s.line !== undefined) parts.push(`第${s.line}行`);
  return parts.length > 0 ? parts.join('，') : s.file;
}

const num = (n: number | null): string => (n === null ? '' : String(n));

const cell = (text: string, extra: Partial<CellModel> = {}): CellModel => ({ text, align: 'center', ...extra });
const head = (text: string): CellModel => ({ text, kind: 'header', align: 'center', bold: true });
const score = (n: number | null, extra: Partial<CellModel> = {}): CellModel => {
  const c: CellModel = { text: num(n), kind: 'score', align: 'center', ...extra };
  if (n !== null) c.value = String(n);
  return c;
};

/** 计分复核表: each scored row with its weight, self score, recomputed score, difference and formula in words. */
export function reviewScoreTable(sheet: ScoreSheet): TableModel {
  const rows: RowModel[] = [
    {
      cells: ['序号', '指标', '分值', '自评得分', '重算得分', '差异', '计分说明'].map(head),
      header: true,
      cantSplit: true,
    },
  ];
  [sheet.execution, ...sheet.items].forEach((item, i) => {
    const differs = item.difference !== null && item.difference !== 0;
    rows.push({
      cells: [
        cell(String(i + 1)),
        cell(item.label, { align: 'left' }),
        score(item.weight),
        score(item.selfScore),
        score(item.recomputed),
        score(item.difference, { highlight: differs }),
        cell(item.unscorableReason ? `${item.formula}（${item.unscorableReason}）` : item.formula, {
          align: 'left',
          kind: 'text',
        }),
      ],
      cantSplit: true,
    });
  });
  const t = sheet.total;
  const self = t.selfReportedTable ?? t.selfReportedNarrative;
  const diff = self === null ? null : Math.round((self - t.recomputed) * 100) / 100;
  rows.push({
    cells: [
      cell('总分', { colSpan: 2, bold: true }),
      score(t.weight, { bold: true }),
      score(self, { bold: true }),
      score(t.recomputed, { bold: true }),
      score(diff, { bold: true, highlight: diff !== null && diff !== 0 }),
      cell(`各行自评得分合计${num(t.selfScoreSum)}分`, { align: 'left', kind: 'text' }),
    ],
    cantSplit: true,
  });
  const grades = { self: sheet.grade.selfReportedText ?? '', recomputed: sheet.grade.recomputed.label };
  rows.push({
    cells: [
      cell('等次', { colSpan: 2, bold: true }),
      cell(''),
      cell(grades.self),
      cell(grades.recomputed),
      cell(grades.self !== '' && sheet.grade.selfReported?.code !== sheet.grade.recomputed.code ? '不一致' : '', {
        highlight: grades.self !== '' && sheet.grade.selfReported?.code !== sheet.grade.recomputed.code,
      }),
      cell('', { kind: 'text' }),
    ],
    cantSplit: true,
  });
  return { id: 'reviewScore', columns: [5, 20, 7, 8, 8, 7, 45], rows, headerRows: 1, freezeRows: 1 };
}

/** 核查结果: one row per finding, errors first (the order the check runner gives). */
export function reviewFindingsTable(findings: readonly Finding[], emptyText = '未发现问题。'): TableModel {
  const rows: RowModel[] = [
    {
      cells: ['序号', '级别', '规则', '问题', '位置', '修改建议'].map(head),
      header: true,
      cantSplit: true,
    },
  ];
  findings.forEach((f, i) => {
    rows.push({
      cells: [
        cell(String(i + 1)),
        cell(SEVERITY_LABELS[f.severity], { highlight: f.severity === 'error' }),
        cell(f.rule, { align: 'left' }),
        cell(f.message, { align: 'left', kind: 'text' }),
        cell(placeText(f), { align: 'left', kind: 'text' }),
        cell(f.fix ?? '', { align: 'left', kind: 'text' }),
      ],
      cantSplit: true,
    });
  });
  if (findings.length === 0) {
    rows.push({ cells: [cell(emptyText, { colSpan: 6 })] });
  }
  return { id: 'reviewFindings', columns: [5, 7, 16, 40, 16, 26], rows, headerRows: 1, freezeRows: 1 };
}
