/**
 * Text layout for the PDF importer: text items into lines, lines into paragraphs and cell texts. Pure
 * functions on plain numbers (PDF user space: points, y up, `y` is the baseline).
 */

export interface TextItem {
  str: string;
  x: number;
  /** baseline */
  y: number;
  w: number;
  /** font size */
  size: number;
}

export interface Line {
  items: TextItem[];
  x0: number;
  x1: number;
  /** baseline */
  y: number;
  size: number;
  text: string;
}

/** CJK ideographs, radicals, CJK punctuation and full-width forms. */
const CJK =
  /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{2fa1f}]/u;
const WORDISH = /[A-Za-z0-9\u00c0-\u024f]/;

export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}

/** Spaces that PDF producers put between CJK characters, and between CJK characters and digits. */
export function removeCjkSpacing(text: string): string {
  return text
    .replace(
      /([\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]) +(?=[\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef0-9])/gu,
      '$1',
    )
    .replace(/([0-9]) +(?=[\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])/gu, '$1');
}

/** The separator between two pieces of text on one line, from the gap between them. */
function gapSeparator(prev: string, next: string, gap: number, size: number): string {
  const a = prev[prev.length - 1] ?? '';
  const b = next[0] ?? '';
  if (a === ' ' || b === ' ' || a === '' || b === '') return '';
  if (WORDISH.test(a) && WORDISH.test(b)) return gap > 0.15 * size ? ' ' : '';
  return gap > 0.6 * size ? ' ' : '';
}

/** Items on one line, left to right, as text. Items that are only spaces give no text: gaps decide. */
export function lineText(items: TextItem[]): string {
  const sorted = [...items].sort((p, q) => p.x - q.x);
  let s = '';
  let end = -Infinity;
  let last: TextItem | undefined;
  for (const it of sorted) {
    if (it.str.trim() === '') continue;
    // the same text drawn twice at almost the same place (simulated bold)
    if (last && last.str === it.str && Math.abs(last.x - it.x) < 1 && Math.abs(last.y - it.y) < 1) continue;
    const str = removeCjkSpacing(it.str);
    if (s !== '') s += gapSeparator(s, str, it.x - end, it.size);
    s += str;
    end = Math.max(end, it.x + it.w);
    last = it;
  }
  return s;
}

/** Group items into lines by baseline, top to bottom. */
export function buildLines(items: TextItem[]): Line[] {
  const sorted = items.filter((i) => i.str !== '').sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: TextItem[][] = [];
  let base = NaN;
  for (const it of sorted) {
    const g = groups[groups.length - 1];
    const tol = 0.4 * Math.max(1, it.size);
    if (g && Math.abs(base - it.y) <= tol) g.push(it);
    else {
      groups.push([it]);
      base = it.y;
    }
  }
  const lines: Line[] = [];
  for (const g of groups) {
    const visible = g.filter((i) => i.str.trim() !== '');
    if (visible.length === 0) continue;
    const text = lineText(g);
    if (text.trim() === '') continue;
    lines.push({
      items: g,
      x0: Math.min(...visible.map((i) => i.x)),
      x1: Math.max(...visible.map((i) => i.x + i.w)),
      y: visible.reduce((s, i) => s + i.y, 0) / visible.length,
      size: Math.max(...visible.map((i) => i.size)),
      text,
    });
  }
  return lines;
}

/** Join two wrapped pieces of one sentence: nothing between CJK text, a space between words. */
export function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const x = a[a.length - 1]!;
  const y = b[0]!;
  return WORDISH.test(x) && WORDISH.test(y) && !/[0-9]/.test(x + y) ? `${a} ${b}` : a + b;
}

/** The text of a table cell from its lines: wrapped lines joined, a wide vertical gap kept as a line break. */
export function cellText(lines: Line[]): string {
  let s = '';
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (k === 0) s = l.text;
    else {
      const prev = lines[k - 1]!;
      const gap = prev.y - l.y;
      s = gap > 1.9 * Math.max(prev.size, l.size) ? `${s}\n${l.text}` : joinWrapped(s, l.text);
    }
  }
  return s;
}

/** A line that starts a numbered item or heading: 一、 （一） 1. 1、 (1) ① 第一章 … */
const MARKER =
  /^(?:[（(][一二三四五六七八九十百]+[）)]|[一二三四五六七八九十百]+[、．.]|[0-9０-９]+[、．](?![0-9])|[0-9]+\.(?![0-9])|[（(][0-9０-９]+[）)]|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十百0-9]+[章节部分条项])/;

export function startsItem(text: string): boolean {
  return MARKER.test(text.trim());
}

/** The body's left and right edges on a page, from its lines. */
export interface Margins {
  left: number;
  right: number;
}

export function margins(lines: Line[]): Margins {
  if (lines.length === 0) return { left: 0, right: 0 };
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  // the most common left edge (within 2pt), and a high percentile of right edges
  let best = lefts[0]!;
  let bestCount = 0;
  for (const x of lefts) {
    const count = lefts.filter((y) => Math.abs(y - x) <= 2).length;
    if (count > bestCount) {
      best = x;
      bestCount = count;
    }
  }
  const right = rights[Math.min(rights.length - 1, Math.floor(rights.length * 0.9))]!;
  return { left: best, right };
}

/**
 * Whether `next` continues the paragraph that `prev` ends: `prev` runs to the right margin (it wrapped),
 * the gap is an ordinary line step, and `next` neither is indented nor starts a numbered item.
 * `samePage` false skips the gap test (the paragraph runs across a page break).
 */
export function continues(prev: Line, next: Line, m: Margins, samePage: boolean): boolean {
  const size = Math.max(prev.size, next.size);
  if (Math.abs(prev.size - next.size) > 0.15 * size) return false;
  if (samePage && prev.y - next.y > 1.75 * size) return false;
  // the line wrapped when the next line's first word would not have fitted after it
  if (prev.x1 + firstWordWidth(next) < m.right - 1.5 * size) return false;
  if (next.x0 > m.left + 1.2 * size) return false;
  if (startsItem(next.text)) return false;
  return true;
}

/** The width of the unbreakable run a line starts with: one CJK character, or a word or number. */
export function firstWordWidth(line: Line): number {
  const first = [...line.items].filter((i) => i.str.trim() !== '').sort((p, q) => p.x - q.x)[0];
  if (!first) return 0;
  const m = /^[A-Za-z0-9.,%‰+\-/:()（）“”"'《》、，。；：！？]+/.exec(first.str.trim());
  const chars = [...first.str.trim()];
  if (!m || chars.length === 0) return first.size;
  const share = [...m[0]].length / chars.length;
  return Math.max(first.size, first.w * share);
}

/** A page number or a running "第 3 页 / 共 8 页" line. */
export function isPageNumber(text: string): boolean {
  return /^[-—–\s]*(?:第\s*)?[0-9０-９]+\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]+\s*页?)?[-—–\s]*$/.test(
    text.trim(),
  );
}

/** A piece of a line set apart from its neighbours by a wide gap: a cell of a table drawn without rules. */
export interface Chunk {
  x0: number;
  x1: number;
  text: string;
}

/** Split a line at gaps wider than a character and a bit. */
export function chunks(line: Line): Chunk[] {
  const visible = line.items.filter((i) => i.str.trim() !== '').sort((p, q) => p.x - q.x);
  const out: { items: TextItem[]; x0: number; x1: number }[] = [];
  for (const it of visible) {
    const cur = out[out.length - 1];
    if (cur && it.x - cur.x1 < 1.2 * Math.max(it.size, line.size * 0.8)) {
      cur.items.push(it);
      cur.x1 = Math.max(cur.x1, it.x + it.w);
    } else out.push({ items: [it], x0: it.x, x1: it.x + it.w });
  }
  return out.map((c) => ({ x0: c.x0, x1: c.x1, text: lineText(c.items) }));
}

/** A table found in lines of text by the alignment of their chunks: lines [start, end), column left edges. */
export interface TextTable {
  start: number;
  end: number;
  columns: number[];
}

/**
 * Tables printed without ruling lines: runs of at least three lines whose wide-gap chunks start at the same
 * few x positions. A line with a single chunk may sit inside the run (a label whose values are empty) when
 * tabular lines follow it.
 */
export function findTextTables(lines: Line[]): TextTable[] {
  const split = lines.map((l) => chunks(l));
  const tables: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (split[i]!.length < 2) {
      i++;
      continue;
    }
    // grow a run of tabular lines, allowing short gaps of single-chunk lines between them
    let end = i + 1;
    let lastTabular = i;
    const steps: number[] = [];
    while (end < lines.length) {
      const step = lines[end - 1]!.y - lines[end]!.y;
      const size = Math.max(lines[end - 1]!.size, lines[end]!.size);
      if (step <= 0 || step > 4 * size) break;
      // a line further below than the rows are apart follows the table rather than belongs to it
      if (steps.length >= 2 && step > 1.6 * [...steps].sort((a, b) => a - b)[steps.length >> 1]!) break;
      steps.push(step);
      if (split[end]!.length >= 2) lastTabular = end;
      else if (end - lastTabular > 2) break;
      end++;
    }
    end = lastTabular + 1;
    const run = lines.slice(i, end);
    const columns = alignedColumns(split.slice(i, end), run);
    if (run.filter((_, k) => split[i + k]!.length >= 2).length >= 3 && columns.length >= 2) {
      tables.push({ start: i, end, columns });
      i = end;
    } else i++;
  }
  return tables;
}

function alignedColumns(rows: Chunk[][], lines: Line[]): number[] {
  const size = Math.max(...lines.map((l) => l.size));
  const tol = 0.8 * size;
  const starts = rows
    .flat()
    .map((c) => c.x0)
    .sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of starts) {
    const g = clusters[clusters.length - 1];
    if (g && x - g[g.length - 1]! <= tol) g.push(x);
    else clusters.push([x]);
  }
  const tabular = rows.filter((r) => r.length >= 2).length;
  const support = Math.max(2, Math.ceil(0.4 * tabular));
  const columns = clusters.filter((g) => g.length >= support).map((g) => Math.min(...g));
  if (columns.length < 2) return [];
  const aligned = starts.filter((x) => columns.some((c) => Math.abs(x - c) <= tol)).length;
  return aligned >= 0.75 * starts.length ? columns : [];
}

/** The cells of one line of a text table: each chunk under the column it starts in. */
export function textTableRow(line: Line, columns: number[]): string[] {
  const size = line.size;
  const cells = columns.map(() => '');
  for (const c of chunks(line)) {
    let k = 0;
    for (let j = 0; j < columns.length; j++) if (columns[j]! <= c.x0 + 0.8 * size) k = j;
    cells[k] = cells[k] === '' ? c.text : `${cells[k]} ${c.text}`;
  }
  return cells;
}
