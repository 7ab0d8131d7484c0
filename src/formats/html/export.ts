import type { Evaluation } from '../../model/index.js';
import { buildReport, type BuildOptions } from '../report/build.js';
import type { AttachmentBlock, CellModel, ReportBlock, ReportModel, TableModel } from '../report/types.js';

/*
 * The report as one self-contained HTML page: inline CSS, no external assets, printable on A4 (CSS @page with the
 * running header and page numbers in the page margins; the attached forms on pages of their own with narrower
 * margins). The same report model as the Word document, so the two cannot differ.
 */

/**
 * Font stacks. 'document' puts the faces of official documents first (仿宋_GB2312, 黑体, 楷体), for reading and
 * printing in an ordinary browser. 'pdf' puts TrueType CJK faces first: with the CFF (OpenType) Noto CJK faces
 * Chromium's PDFs extract as Kangxi radicals (目 → ⽬), with TrueType faces they extract as ordinary characters.
 * WenQuanYi Micro Hei leads: AR PL UMing carries embedded bitmaps that make PDFs three times larger and slower.
 */
export type FontStackName = 'document' | 'pdf';

const STACKS: Record<FontStackName, { body: string; heading: string; kai: string; title: string }> = {
  document: {
    body: "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'AR PL UMing CN', 'WenQuanYi Micro Hei', serif",
    heading: "'黑体', 'SimHei', 'Heiti SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
    kai: "'楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'AR PL UMing CN', serif",
    title:
      "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'AR PL UMing CN', serif",
  },
  pdf: {
    body: "'WenQuanYi Micro Hei', 'AR PL UMing CN', '仿宋_GB2312', '仿宋', sans-serif",
    heading: "'WenQuanYi Micro Hei', 'AR PL UMing CN', '黑体', sans-serif",
    kai: "'WenQuanYi Micro Hei', 'AR PL UMing CN', '楷体_GB2312', sans-serif",
    title: "'WenQuanYi Micro Hei', 'AR PL UMing CN', '方正小标宋简体', sans-serif",
  },
};

export interface HtmlOptions extends BuildOptions {
  fonts?: FontStackName;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A CSS string literal (for `content:`). */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

function styles(model: ReportModel, fonts: FontStackName): string {
  const f = STACKS[fonts];
  const margin = `
    @top-center { content: ${cssString(model.headerText)}; font-family: ${f.body}; font-size: 9pt;
      vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #000; }
    @bottom-center { content: "— " counter(page) " —"; font-family: ${f.body}; font-size: 14pt; }`;
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; ${margin} }
@page form { size: A4; margin: 20mm 15mm 18mm 15mm; ${margin} }
@page formLandscape { size: A4 landscape; margin: 15mm 15mm 15mm 15mm; ${margin} }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: ${f.body}; font-size: 16pt; line-height: 28pt; }
main { max-width: 156mm; margin: 0 auto; }
@media screen { body { background: #f2f2f2; } main { background: #fff; max-width: 210mm; padding: 20mm 26mm 20mm 28mm; }
  section.attachment { margin: 0 -16mm; padding-top: 12mm; } }
h1.title { font-family: ${f.title}; font-size: 22pt; line-height: 35pt; font-weight: normal; text-align: center; margin: 0 0 28pt; }
h2, h3, h4, h5 { font-size: 16pt; line-height: 28pt; margin: 0; break-after: avoid; }
h2 { font-family: ${f.heading}; font-weight: normal; }
h3 { font-family: ${f.kai}; font-weight: normal; text-indent: 2em; }
h4, h5 { font-family: ${f.body}; font-weight: bold; text-indent: 2em; }
p.body { margin: 0; text-indent: 2em; text-align: justify; }
section.attachment { page: form; break-before: page; font-size: 12pt; line-height: 1.5; }
section.attachment.landscape { page: formLandscape; }
.att-label { font-family: ${f.heading}; font-size: 16pt; margin: 0; }
.form-title { font-family: ${f.title}; font-size: 18pt; line-height: 1.5; font-weight: normal; text-align: center; margin: 4pt 0 10pt; text-indent: 0; }
.form-subtitle { font-family: ${f.kai}; text-align: center; margin: -6pt 0 8pt; }
.meta { display: flex; justify-content: space-between; margin: 0 0 3pt; }
.note { margin: 4pt 0 0; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; border: 1pt solid #000; font-size: 10.5pt; line-height: 1.25; }
table.form.dense { font-size: 9pt; }
table.form td { border: 0.5pt solid #000; padding: 1.5pt 2.5pt; vertical-align: middle; overflow-wrap: anywhere; }
table.form thead { display: table-header-group; }
td.c { text-align: center; } td.l { text-align: left; } td.r { text-align: right; }
td.b, td.header { font-weight: bold; }
td.hl { background: #fde2e1; }
`;
}

function cellHtml(cell: CellModel): string {
  const cls = [cell.align === 'left' ? 'l' : cell.align === 'right' ? 'r' : 'c'];
  if (cell.bold) cls.push('b');
  if (cell.kind === 'header') cls.push('header');
  if (cell.highlight) cls.push('hl');
  const attrs = [`class="${cls.join(' ')}"`];
  if (cell.colSpan && cell.colSpan > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if (cell.rowSpan && cell.rowSpan > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.indent) attrs.push(`style="padding-left:${3 + cell.indent * 10.5}pt"`);
  if (cell.note) attrs.push(`title="${escapeHtml(cell.note)}"`);
  const text = cell.text.split('\n').map(escapeHtml).join('<br>');
  return `<td ${attrs.join(' ')}>${text}</td>`;
}

/** A table model as an HTML table (colspan / rowspan as the model says). */
export function tableHtml(table: TableModel): string {
  const total = table.columns.reduce((a, b) => a + b, 0);
  const cols = table.columns.map((c) => `<col style="width:${((c / total) * 100).toFixed(2)}%">`).join('');
  const row = (r: TableModel['rows'][number]) => `<tr>${r.cells.map(cellHtml).join('')}</tr>`;
  const head = table.rows.slice(0, table.headerRows);
  const body = table.rows.slice(table.headerRows);
  const dense = table.columns.length > 8 ? ' dense' : '';
  return (
    `<table class="form${dense}" data-table="${table.id}"><colgroup>${cols}</colgroup>` +
    (head.length > 0 ? `<thead>${head.map(row).join('')}</thead>` : '') +
    `<tbody>${body.map(row).join('')}</tbody></table>`
  );
}

function attachmentHtml(a: AttachmentBlock): string {
  const meta =
    a.metaLeft !== undefined || a.metaRight !== undefined
      ? `<div class="meta"><span>${escapeHtml(a.metaLeft ?? '')}</span><span>${escapeHtml(a.metaRight ?? '')}</span></div>`
      : '';
  return (
    `<section class="attachment${a.landscape ? ' landscape' : ''}">` +
    `<p class="att-label">${escapeHtml(a.label)}</p><h2 class="form-title">${escapeHtml(a.title)}</h2>` +
    (a.subtitle !== undefined ? `<p class="form-subtitle">${escapeHtml(a.subtitle)}</p>` : '') +
    meta +
    tableHtml(a.table) +
    a.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('') +
    `</section>`
  );
}

function blockHtml(block: ReportBlock): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${Math.min(Math.max(block.level, 1), 4) + 1}`;
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      if (block.role === 'title') return `<h1 class="title">${escapeHtml(block.text)}</h1>`;
      return `<p class="body"${block.generated ? ' data-generated="jixiao"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'attachment':
      return attachmentHtml(block);
    case 'pageBreak':
      return '';
  }
}

/** Render a report model as one self-contained HTML page. */
export function reportToHtml(model: ReportModel, fonts: FontStackName = 'document'): string {
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="jixiao"><title>${escapeHtml(model.title)}</title>` +
    `<style>${styles(model, fonts)}</style></head>\n<body><main>\n` +
    model.blocks
      .map(blockHtml)
      .filter((s) => s !== '')
      .join('\n') +
    `\n</main></body></html>\n`
  );
}

/** The whole 自评报告 of an Evaluation as one self-contained HTML page. */
export function evaluationToHtml(evaluation: Evaluation, options: HtmlOptions = {}): string {
  return reportToHtml(buildReport(evaluation, options), options.fonts ?? 'document');
}
