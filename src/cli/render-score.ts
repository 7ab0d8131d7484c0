import Table from 'cli-table3';
import type { ScoreItem, ScoreSheet } from '../scoring/types.js';

export interface RenderOptions {
  /** terminal width to fit the formula column into */
  width?: number;
  /** colour codes (only on a TTY) */
  colour?: boolean;
}

function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n);
}

function diff(item: ScoreItem): string {
  if (item.difference === null) return '';
  if (item.difference === 0) return '0';
  return item.difference > 0 ? `+${item.difference}` : String(item.difference);
}

/** The score sheet as a CJK-aligned table with the formula of every row, then the totals and grades. */
export function renderScoreSheet(sheet: ScoreSheet, title: string, options: RenderOptions = {}): string {
  const width = Math.max(100, options.width ?? 140);
  const formulaWidth = Math.max(30, width - 20 - 24 - 8 * 4 - 14);
  const style = options.colour ? {} : { head: [], border: [] };
  const table = new Table({
    head: ['一级 / 二级', '三级指标', '分值', '自评得分', '重算得分', '差异', '算式（计分方法、输入与结果）'],
    colWidths: [20, 24, 8, 10, 10, 8, formulaWidth],
    wordWrap: true,
    wrapOnWordBoundary: false,
    style,
  });
  const row = (group: string, item: ScoreItem): void => {
    const explanation = item.recomputed === null && item.unscorableReason ? item.unscorableReason : item.formula;
    table.push([
      group,
      item.label,
      num(item.weight),
      num(item.selfScore),
      num(item.recomputed),
      diff(item),
      explanation,
    ]);
  };
  row('预算执行', sheet.execution);
  const groupLabels = new Map<string, string>();
  for (const g of sheet.groups) {
    groupLabels.set(g.subcategory ? `${g.category}/${g.subcategory}` : g.category, g.label);
  }
  for (const item of sheet.items) {
    const cat = item.category ? (groupLabels.get(item.category) ?? '') : '';
    const sub =
      item.category && item.subcategory ? (groupLabels.get(`${item.category}/${item.subcategory}`) ?? '') : '';
    row(sub ? `${cat} / ${sub}` : cat, item);
  }
  const t = sheet.total;
  const lines = [title, table.toString()];
  const groupTable = new Table({ head: ['一级指标', '分值', '标明分值', '自评得分', '重算得分', '无法计分'], style });
  for (const g of sheet.groups.filter((x) => !x.subcategory)) {
    groupTable.push([
      g.label,
      num(g.weight),
      num(g.statedWeight),
      num(g.selfScore),
      num(g.recomputed),
      String(g.unscorable),
    ]);
  }
  lines.push(groupTable.toString());
  lines.push(
    `总分：重算 ${t.recomputed} / ${t.weight}；自评表填报 ${num(t.selfReportedTable)}；报告正文 ${num(t.selfReportedNarrative)}；各行自评得分合计 ${num(t.selfScoreSum)}`,
  );
  const self = sheet.grade.selfReported;
  lines.push(
    `等次：重算 ${sheet.grade.recomputed.label}（${sheet.grade.recomputed.name}）；自评 ${
      sheet.grade.selfReportedText ?? '未填写'
    }${self ? `（${self.name}）` : ''}`,
  );
  return lines.join('\n');
}
