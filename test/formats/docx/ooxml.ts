import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/formats/zip-guard.js';

/**
 * Test helpers that write Office Open XML packages byte by byte, so that tests control exactly what a file
 * holds (merges, numbering, broken or hostile content) without going through another library.
 */
export interface ZipFile {
  name: string;
  data: string | Uint8Array;
  /** store instead of deflate */
  stored?: boolean;
  /** write this uncompressed size into the headers instead of the true one */
  declaredSize?: number;
}

export function makeZip(files: ZipFile[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const raw = typeof f.data === 'string' ? enc.encode(f.data) : f.data;
    const body = f.stored ? raw : new Uint8Array(deflateRawSync(raw));
    const name = enc.encode(f.name);
    const crc = crc32(raw);
    const size = f.declaredSize ?? raw.length;
    const method = f.stored ? 0 : 8;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>`;

export interface DocxParts {
  /** inner XML of w:body */
  body: string;
  /** inner XML of w:styles */
  styles?: string;
  /** inner XML of w:numbering */
  numbering?: string;
  /** the namespace prefix used for WordprocessingML (default w) */
  prefix?: string;
  extra?: ZipFile[];
}

export function docxPackage(parts: DocxParts): Uint8Array {
  const p = parts.prefix ?? 'w';
  const files: ZipFile[] = [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'word/_rels/document.xml.rels', data: DOC_RELS },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}:document xmlns:${p}="${W_NS}"><${p}:body>${parts.body}</${p}:body></${p}:document>`,
    },
  ];
  if (parts.styles !== undefined) {
    files.push({ name: 'word/styles.xml', data: `<w:styles xmlns:w="${W_NS}">${parts.styles}</w:styles>` });
  }
  if (parts.numbering !== undefined) {
    files.push({ name: 'word/numbering.xml', data: `<w:numbering xmlns:w="${W_NS}">${parts.numbering}</w:numbering>` });
  }
  files.push(...(parts.extra ?? []));
  return makeZip(files);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of runs (each string one run), with optional paragraph properties XML. */
export function para(runs: string | string[], pPr = ''): string {
  const list = Array.isArray(runs) ? runs : [runs];
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${list
    .map((r) => `<w:r><w:t xml:space="preserve">${esc(r)}</w:t></w:r>`)
    .join('')}</w:p>`;
}

export interface CellSpec {
  text?: string | string[];
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

/** A table from rows of cells; a string is a plain cell, an object sets spans and merges. */
export function table(rows: (string | CellSpec)[][]): string {
  return `<w:tbl><w:tblPr/>${rows
    .map(
      (row) =>
        `<w:tr>${row
          .map((c) => {
            const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
            const tcPr =
              (spec.gridSpan ? `<w:gridSpan w:val="${spec.gridSpan}"/>` : '') +
              (spec.vMerge === 'restart'
                ? '<w:vMerge w:val="restart"/>'
                : spec.vMerge === 'continue'
                  ? '<w:vMerge/>'
                  : '');
            const texts = spec.text === undefined ? [''] : Array.isArray(spec.text) ? spec.text : [spec.text];
            return `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${texts.map((t) => para(t)).join('')}</w:tc>`;
          })
          .join('')}</w:tr>`,
    )
    .join('')}</w:tbl>`;
}
