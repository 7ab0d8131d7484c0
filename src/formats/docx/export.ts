import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
  type IRunOptions,
} from 'docx';
import type { Evaluation } from '../../model/index.js';
import { buildReport, type BuildOptions } from '../report/build.js';
import type { Align, AttachmentBlock, CellModel, ReportBlock, ReportModel, TableModel } from '../report/types.js';

/*
 * The report as a Word document (docx@9): A4, the fonts of official documents set explicitly for East-Asian text
 * (title 方正小标宋简体, headings 黑体 / 楷体_GB2312, body 仿宋_GB2312, Latin Times New Roman), the font table naming
 * the common Windows faces as alternates so that Word substitutes sensibly where a GB2312 face is missing; a header
 * with the unit and year, page numbers "— n —", headings as Word headings; the attached forms each in a section of
 * their own, with narrower margins, merged cells and borders like the official forms.
 */

export const DOCX_FONTS = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;

/** The font table: each face with the alternate Word falls back to, and the GB2312 character set (86). */
const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  [
    [DOCX_FONTS.body, '仿宋', '86', 'modern', 'fixed'],
    [DOCX_FONTS.heading2, '楷体', '86', 'modern', 'fixed'],
    [DOCX_FONTS.heading1, 'SimHei', '86', 'modern', 'fixed'],
    [DOCX_FONTS.title, '宋体', '86', 'script', 'variable'],
    ['宋体', 'SimSun', '86', 'auto', 'variable'],
    [DOCX_FONTS.latin, '', '00', 'roman', 'variable'],
  ]
    .map(
      ([name, alt, charset, family, pitch]) =>
        `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:charset w:val="${charset}"/>` +
        `<w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
    )
    .join('') +
  '</w:fonts>';

const fontOf = (eastAsia: string) => ({
  ascii: DOCX_FONTS.latin,
  hAnsi: DOCX_FONTS.latin,
  cs: DOCX_FONTS.latin,
  eastAsia,
});

/** sizes in half-points: 二号 22pt, 小二 18pt, 三号 16pt, 小四 12pt, 五号 10.5pt, 小五 9pt */
const SIZE = { title: 44, formTitle: 32, body: 32, small: 22, table: 21, tableSmall: 18 } as const;

const MM = 56.6929; // twips per millimetre
const A4 = { width: 11906, height: 16838 };
/** GB/T 9704 page: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm */
const BODY_MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const FORM_MARGIN = {
  top: Math.round(15 * MM),
  bottom: Math.round(12 * MM),
  left: Math.round(15 * MM),
  right: Math.round(15 * MM),
};

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, ...options });

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

function headingParagraph(level: number, text: string): Paragraph {
  const l = Math.min(Math.max(level, 1), 4);
  const face = l === 1 ? DOCX_FONTS.heading1 : l === 2 ? DOCX_FONTS.heading2 : DOCX_FONTS.body;
  return new Paragraph({
    heading: HEADINGS[l - 1],
    indent: l === 1 ? undefined : { firstLine: 640 },
    spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    children: [run(text, { font: fontOf(face), size: SIZE.body, bold: l >= 3, color: '000000' })],
  });
}

function blockParagraphs(block: ReportBlock): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [headingParagraph(block.level, block.text)];
    case 'paragraph': {
      if (block.role === 'title') {
        return [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 560, line: 700, lineRule: LineRuleType.EXACT },
            children: [run(block.text, { font: fontOf(DOCX_FONTS.title), size: SIZE.title })],
          }),
        ];
      }
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 640 },
          spacing: { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(block.text, { font: fontOf(DOCX_FONTS.body), size: SIZE.body })],
        }),
      ];
    }
    default:
      return [];
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const OUTER = { style: BorderStyle.SINGLE, size: 8, color: '000000' };

function cellParagraphs(cell: CellModel, size: number): Paragraph[] {
  const lines = cell.text === '' ? [''] : cell.text.split('\n');
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: ALIGN[cell.align ?? 'center'],
        indent: cell.indent ? { left: Math.round(cell.indent * size * 10) } : undefined,
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AT_LEAST },
        children: [run(line, { font: fontOf(DOCX_FONTS.body), size, bold: cell.bold === true })],
      }),
  );
}

/** A table model as a Word table: fixed layout over the text width, merged cells, single borders. */
export function tableToDocx(table: TableModel, textWidth: number): Table {
  const total = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((c) => Math.floor((c / total) * textWidth));
  const size = table.columns.length > 8 ? SIZE.tableSmall : SIZE.table;
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: OUTER, bottom: OUTER, left: OUTER, right: OUTER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: table.rows.map(
      (row, i) =>
        new TableRow({
          tableHeader: i < table.headerRows,
          cantSplit: row.cantSplit === true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colSpan,
                rowSpan: cell.rowSpan,
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { top: 20, bottom: 20, left: 50, right: 50 },
                shading: cell.highlight ? { fill: 'FDE2E1' } : undefined,
                children: cellParagraphs(cell, size),
              }),
          ),
        }),
    ),
  });
}

function attachmentChildren(a: AttachmentBlock, textWidth: number): (Paragraph | Table)[] {
  const line = (text: string, align: Align, size: number, face: string = DOCX_FONTS.body) =>
    new Paragraph({
      alignment: ALIGN[align],
      spacing: { before: 0, after: 60 },
      children: [run(text, { font: fontOf(face), size })],
    });
  // the label (附件1) stands in the first page's header, where the official forms print it above the title: as a
  // paragraph of the body, readers would take it for a heading of the narrative
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: a.subtitle !== undefined ? 0 : 200 },
      children: [run(a.title, { font: fontOf(DOCX_FONTS.title), size: SIZE.formTitle })],
    }),
  ];
  if (a.subtitle !== undefined) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 100 },
        children: [run(a.subtitle, { font: fontOf(DOCX_FONTS.heading2), size: SIZE.small })],
      }),
    );
  }
  if (a.metaLeft !== undefined) children.push(line(a.metaLeft, 'left', SIZE.small));
  if (a.metaRight !== undefined) children.push(line(a.metaRight, 'right', SIZE.small));
  children.push(tableToDocx(a.table, textWidth));
  for (const note of a.notes) {
    children.push(
      new Paragraph({
        spacing: { before: 80, after: 0 },
        children: [run(note, { font: fontOf(DOCX_FONTS.body), size: SIZE.small })],
      }),
    );
  }
  return children;
}

/** The first page's header of an attached form: its label (附件1) at the left, as the official forms print it. */
function labelHeader(label: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [run(label, { font: fontOf(DOCX_FONTS.heading1), size: SIZE.body })],
      }),
    ],
  });
}

function headerFooter(model: ReportModel) {
  const header = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 1 } },
        children: [run(model.headerText, { font: fontOf(DOCX_FONTS.body), size: SIZE.tableSmall })],
      }),
    ],
  });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', { font: fontOf('宋体'), size: 28 }),
          new TextRun({ children: [PageNumber.CURRENT], font: fontOf('宋体'), size: 28 }),
          run(' —', { font: fontOf('宋体'), size: 28 }),
        ],
      }),
    ],
  });
  return { headers: { default: header }, footers: { default: footer } };
}

/** Render a report model as .docx bytes. */
export async function reportToDocx(model: ReportModel): Promise<Uint8Array> {
  const hf = headerFooter(model);
  const narrative: Paragraph[] = model.blocks.flatMap(blockParagraphs);
  const sections: ISectionOptions[] = [
    {
      properties: {
        page: { size: { width: A4.width, height: A4.height }, margin: { ...BODY_MARGIN, header: 851, footer: 992 } },
      },
      ...hf,
      children: narrative,
    },
  ];
  for (const block of model.blocks) {
    if (block.type !== 'attachment') continue;
    const landscape = block.landscape === true;
    const pageWidth = landscape ? A4.height : A4.width;
    const textWidth = pageWidth - FORM_MARGIN.left - FORM_MARGIN.right;
    sections.push({
      properties: {
        type: SectionType.NEXT_PAGE,
        titlePage: true,
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: { ...FORM_MARGIN, header: 454, footer: 340 },
        },
      },
      headers: { default: hf.headers.default, first: labelHeader(block.label) },
      footers: { default: hf.footers.default, first: hf.footers.default },
      children: attachmentChildren(block, textWidth),
    });
  }
  const doc = new Document({
    creator: 'jixiao',
    title: model.title,
    description: model.headerText,
    styles: {
      default: {
        document: { run: { font: fontOf(DOCX_FONTS.body), size: SIZE.body } },
        heading1: { run: { font: fontOf(DOCX_FONTS.heading1), size: SIZE.body, color: '000000' } },
        heading2: { run: { font: fontOf(DOCX_FONTS.heading2), size: SIZE.body, color: '000000' } },
        heading3: { run: { font: fontOf(DOCX_FONTS.body), size: SIZE.body, bold: true, color: '000000' } },
        heading4: { run: { font: fontOf(DOCX_FONTS.body), size: SIZE.body, color: '000000' } },
      },
    },
    sections,
  });
  const buffer = await Packer.toBuffer(doc, undefined, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The whole 自评报告 of an Evaluation as a Word document. */
export async function evaluationToDocx(evaluation: Evaluation, options: BuildOptions = {}): Promise<Uint8Array> {
  return reportToDocx(buildReport(evaluation, options));
}
