/**
 * A tiny PDF writer for tests: pages with text (any Unicode, through a CID font with a ToUnicode map, so that
 * the text layer holds exactly the code points given — Kangxi radicals included) and ruling lines. No font
 * program is embedded: the importer only reads the text layer and the drawing operators.
 */
export interface PdfText {
  x: number;
  /** baseline, PDF space (y up) */
  y: number;
  text: string;
  size?: number;
}

export interface PdfLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
  /** fill instead of stroke */
  fill?: boolean;
}

export interface PdfPageSpec {
  texts?: PdfText[];
  lines?: PdfLine[];
  rects?: PdfRect[];
  width?: number;
  height?: number;
}

/** Width of a character in the test font, in thousandths of the font size. */
export function glyphWidth(ch: string): number {
  return ch.codePointAt(0)! < 0x2e80 ? 500 : 1000;
}

/** Width of a text in points at a font size. */
export function textWidth(text: string, size = 12): number {
  return [...text].reduce((s, c) => s + glyphWidth(c), 0) * (size / 1000);
}

export function buildPdf(pages: PdfPageSpec[]): Uint8Array {
  const cids = new Map<string, number>();
  const cidOf = (ch: string) => {
    let cid = cids.get(ch);
    if (cid === undefined) {
      cid = cids.size + 1;
      cids.set(ch, cid);
    }
    return cid;
  };
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const contents = pages.map((p) => {
    const ops: string[] = [];
    for (const l of p.lines ?? []) ops.push(`0.5 w ${l.x1} ${l.y1} m ${l.x2} ${l.y2} l S`);
    for (const r of p.rects ?? []) ops.push(`${r.x} ${r.y} ${r.w} ${r.h} re ${r.fill ? 'f' : 'S'}`);
    for (const t of p.texts ?? []) {
      const codes = [...t.text].map((c) => hex4(cidOf(c))).join('');
      ops.push(`BT /F1 ${t.size ?? 12} Tf ${t.x} ${t.y} Td <${codes}> Tj ET`);
    }
    return ops.join('\n');
  });
  const utf16 = (ch: string) =>
    [...Buffer.from(ch, 'utf16le')]
      .reduce<string[]>((acc, b, i, arr) => (i % 2 === 0 ? [...acc, hex4((arr[i + 1]! << 8) | b)] : acc), [])
      .join('');
  const bfchars = [...cids].map(([ch, cid]) => `<${hex4(cid)}> <${utf16(ch)}>`);
  const chunks: string[][] = [];
  for (let i = 0; i < bfchars.length; i += 100) chunks.push(bfchars.slice(i, i + 100));
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunks.map((c) => `${c.length} beginbfchar\n${c.join('\n')}\nendbfchar`),
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const widths = [...cids].map(([ch, cid]) => `${cid} [${glyphWidth(ch)}]`).join(' ');

  // objects: 1 catalog, 2 pages, 3 font, 4 cid font, 5 descriptor, 6 tounicode, then per page: page, content
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 7 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
    `/FontDescriptor 5 0 R /DW 1000 /W [${widths}] /CIDToGIDMap /Identity >>`;
  objects[5] =
    '<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>';
  objects[6] = stream(cmap);
  pages.forEach((p, i) => {
    const w = p.width ?? 595;
    const h = p.height ?? 842;
    objects[pageIds[i]!] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = stream(contents[i]!);
  });
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function stream(body: string): string {
  return `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
}

/**
 * A ruled table: column edges xs (left to right), row edges ys (top to bottom), cell texts per row.
 * `merged` lists cells (row, col, rowSpan, colSpan) whose inner lines are left out.
 */
export function ruledTable(
  xs: number[],
  ys: number[],
  rows: (string | undefined)[][],
  merged: { row: number; col: number; rowSpan?: number; colSpan?: number }[] = [],
  size = 10,
): { lines: PdfLine[]; texts: PdfText[] } {
  const covered = (r: number, c: number) =>
    merged.find((m) => r >= m.row && r < m.row + (m.rowSpan ?? 1) && c >= m.col && c < m.col + (m.colSpan ?? 1));
  const lines: PdfLine[] = [];
  // horizontal edges: per column segment, skipped inside a merged cell
  for (let r = 0; r < ys.length; r++) {
    for (let c = 0; c + 1 < xs.length; c++) {
      const inner = r > 0 && r < ys.length - 1;
      const a = covered(r - 1, c);
      if (inner && a && a === covered(r, c)) continue;
      lines.push({ x1: xs[c]!, y1: ys[r]!, x2: xs[c + 1]!, y2: ys[r]! });
    }
  }
  for (let c = 0; c < xs.length; c++) {
    for (let r = 0; r + 1 < ys.length; r++) {
      const inner = c > 0 && c < xs.length - 1;
      const a = covered(r, c - 1);
      if (inner && a && a === covered(r, c)) continue;
      lines.push({ x1: xs[c]!, y1: ys[r]!, x2: xs[c]!, y2: ys[r + 1]! });
    }
  }
  const texts: PdfText[] = [];
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (text === undefined || text === '') return;
      texts.push({ x: xs[c]! + 2, y: ys[r]! - size - 2, text, size });
    }),
  );
  return { lines, texts };
}
