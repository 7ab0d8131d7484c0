/** Where an imported value came from, in words: "第 3 页" / "第 12 行" / "表格 2 第 3 行第 4 列" / "Sheet1!B5". Pure. */
import type { Source } from '../../../src/model/index.js';

export function describeSource(s: Source): string {
  const parts: string[] = [];
  if (s.sheet !== undefined || s.cell !== undefined) {
    parts.push(`工作表“${s.sheet ?? ''}”${s.cell ? ` ${s.cell} 单元格` : ''}`);
  }
  if (s.page !== undefined) parts.push(`第 ${s.page} 页`);
  if (s.table !== undefined) {
    let t = `表格 ${s.table}`;
    if (s.row !== undefined) t += ` 第 ${s.row} 行`;
    if (s.col !== undefined) t += `第 ${s.col} 列`;
    parts.push(t);
  } else if (s.row !== undefined && s.cell === undefined) {
    parts.push(`第 ${s.row} 行${s.col !== undefined ? `第 ${s.col} 列` : ''}`);
  }
  if (s.paragraph !== undefined) parts.push(`第 ${s.paragraph} 段`);
  if (s.line !== undefined) parts.push(`第 ${s.line} 行`);
  return parts.length > 0 ? parts.join('，') : '位置未记录';
}

/** The source of a field, or of its nearest ancestor that has one (a row's source stands for its cells). */
export function sourceOf(
  sources: Readonly<Record<string, Source>>,
  path: string,
): { path: string; source: Source } | undefined {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const s = sources[p];
    if (s) return { path: p, source: s };
  }
  return undefined;
}
