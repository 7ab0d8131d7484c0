import { inflateRawSync } from 'node:zlib';
import { ImportError } from './document.js';

/**
 * A careful reader for the zip containers of .docx and .xlsx files.
 *
 * It reads the central directory first and refuses a file before inflating anything when the declared sizes
 * are too large, the compression ratio is implausible or there are too many entries (zip bombs). While
 * inflating it guards again: an entry may never produce more than it declared (a lying header), and the
 * total inflated so far may never pass the limit. XML parts can be checked for DOCTYPE / ENTITY declarations
 * (entity expansion bombs) with `assertPlainXml`.
 */
export interface ZipLimits {
  /** the zip file itself, in bytes */
  maxInputBytes: number;
  /** number of entries in the central directory */
  maxEntries: number;
  /** declared uncompressed size of one entry, in bytes */
  maxEntryBytes: number;
  /** sum of the declared uncompressed sizes, in bytes */
  maxTotalBytes: number;
  /** uncompressed / compressed size of an entry larger than `ratioFloorBytes` */
  maxRatio: number;
  /** entries smaller than this are not held to `maxRatio` */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxInputBytes: 100 * MiB,
  maxEntries: 5000,
  maxEntryBytes: 200 * MiB,
  maxTotalBytes: 400 * MiB,
  maxRatio: 300,
  ratioFloorBytes: 4 * MiB,
};

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

/** The first bytes of an OLE compound file: legacy .doc/.xls, or an encrypted Office file. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOleCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** A name for the kind of file these bytes really are, when it is recognisably not a zip (for error messages). */
export function sniffKind(bytes: Uint8Array): string | undefined {
  const ascii = (n: number) => String.fromCharCode(...bytes.subarray(0, n));
  if (isOleCompoundFile(bytes)) return '旧版 Office 二进制文件（.doc/.xls）或加密的 Office 文件';
  if (ascii(5) === '%PDF-') return 'PDF 文件';
  if (bytes[0] === 0x89 && ascii(4).slice(1) === 'PNG') return 'PNG 图片';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG 图片';
  if (ascii(4) === 'GIF8') return 'GIF 图片';
  if (ascii(2) === 'BM' && bytes.length > 14) return 'BMP 图片';
  if (ascii(4) === 'RIFF') return 'RIFF 媒体文件';
  if (ascii(5) === '{\\rtf') return 'RTF 文档';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip 压缩文件';
  if (ascii(4) === 'Rar!') return 'RAR 压缩文件';
  if (bytes[0] === 0x37 && bytes[1] === 0x7a && bytes[2] === 0xbc && bytes[3] === 0xaf) return '7z 压缩文件';
  return undefined;
}

/** An opened zip: the entries listed by its central directory, read on demand under the limits. */
export class SafeZip {
  private inflatedSoFar = 0;

  constructor(
    private readonly bytes: Uint8Array,
    readonly file: string,
    readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly limits: ZipLimits,
  ) {}

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The declared uncompressed size of an entry (0 when absent). */
  size(name: string): number {
    return this.entries.get(name)?.uncompressedSize ?? 0;
  }

  /** The inflated bytes of one entry; throws ImportError when it is missing, corrupt or too large. */
  read(name: string): Uint8Array {
    const e = this.entries.get(name);
    if (!e) throw new ImportError(`${this.file}：压缩包中缺少部件 ${name}`, this.file, name, 'corrupt');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = e.localHeaderOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
      throw new ImportError(`${this.file}：部件 ${name} 的本地文件头已损坏`, this.file, name, 'corrupt');
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) {
      throw new ImportError(`${this.file}：部件 ${name} 的数据被截断（文件不完整）`, this.file, name, 'corrupt');
    }
    if (this.inflatedSoFar + e.uncompressedSize > this.limits.maxTotalBytes) {
      throw tooLarge(this.file, name, `解压总量超过上限 ${mb(this.limits.maxTotalBytes)}`);
    }
    const raw = this.bytes.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      out = raw;
    } else {
      try {
        // Never more than declared: a header that lies about its size cannot make us inflate a bomb.
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressedSize) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw tooLarge(this.file, name, '解压后的实际大小超过文件头声明的大小（疑似压缩炸弹）');
        }
        throw new ImportError(`${this.file}：部件 ${name} 无法解压，数据已损坏`, this.file, name, 'corrupt');
      }
    }
    if (out.length !== e.uncompressedSize) {
      throw new ImportError(
        `${this.file}：部件 ${name} 解压后的大小与文件头不符，数据已损坏`,
        this.file,
        name,
        'corrupt',
      );
    }
    if (crc32(out) !== e.crc32) {
      throw new ImportError(`${this.file}：部件 ${name} 校验和不符，数据已损坏`, this.file, name, 'corrupt');
    }
    this.inflatedSoFar += out.length;
    return out;
  }

  /** The entry decoded as UTF-8 XML text, after `assertPlainXml`. */
  xml(name: string): string {
    const data = this.read(name);
    assertPlainXml(data, this.file, name);
    return decodeXml(data, this.file, name);
  }
}

function mb(n: number): string {
  return `${Math.round(n / MiB)} MB`;
}

function tooLarge(file: string, place: string, why: string): ImportError {
  return new ImportError(`${file}：${place} ${why}，已拒绝读取`, file, place, 'too-large');
}

/** Open a zip from its central directory, checking the limits before anything is inflated. */
export function openZip(bytes: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): SafeZip {
  if (bytes.length > limits.maxInputBytes) {
    throw tooLarge(file, '整个文件', `大小超过上限 ${mb(limits.maxInputBytes)}`);
  }
  if (!isZip(bytes)) {
    const kind = sniffKind(bytes);
    throw new ImportError(
      kind
        ? `${file}：这不是 Office 文档（.docx/.xlsx），而是${kind}`
        : `${file}：这不是有效的 Office 文档（不是 zip 压缩包）`,
      file,
      '文件开头',
      'unsupported',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: the last 22 bytes, or further back when there is a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ImportError(`${file}：压缩包的目录区缺失，文件不完整或已损坏`, file, '文件末尾', 'corrupt');
  }
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    throw tooLarge(file, '整个文件', '使用了 ZIP64 大文件格式');
  }
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count > limits.maxEntries) {
    throw tooLarge(file, '压缩包目录', `包含 ${count} 个部件，超过上限 ${limits.maxEntries}`);
  }
  if (cdOffset + cdSize > eocd || count === 0) {
    throw new ImportError(`${file}：压缩包目录区已损坏`, file, '压缩包目录', 'corrupt');
  }
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ImportError(`${file}：压缩包目录区第 ${n + 1} 项已损坏`, file, '压缩包目录', 'corrupt');
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) {
      throw new ImportError(`${file}：压缩包目录区第 ${n + 1} 项已损坏`, file, '压缩包目录', 'corrupt');
    }
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      throw tooLarge(file, name, '使用了 ZIP64 大文件格式');
    }
    if (flags & 1) {
      throw new ImportError(`${file}：部件 ${name} 已加密，无法读取`, file, name, 'unsupported');
    }
    if (method !== 0 && method !== 8) {
      throw new ImportError(`${file}：部件 ${name} 使用了不支持的压缩方式（${method}）`, file, name, 'unsupported');
    }
    if (uncompressedSize > limits.maxEntryBytes) {
      throw tooLarge(file, name, `解压后为 ${mb(uncompressedSize)}，超过单个部件上限 ${mb(limits.maxEntryBytes)}`);
    }
    if (uncompressedSize > limits.ratioFloorBytes && uncompressedSize > limits.maxRatio * Math.max(1, compressedSize)) {
      throw tooLarge(
        file,
        name,
        `压缩比为 ${Math.round(uncompressedSize / Math.max(1, compressedSize))}:1，超过上限 ${limits.maxRatio}:1（疑似压缩炸弹）`,
      );
    }
    if (method === 0 && compressedSize !== uncompressedSize) {
      throw new ImportError(`${file}：部件 ${name} 的大小信息自相矛盾`, file, name, 'corrupt');
    }
    if (entries.has(name)) {
      throw new ImportError(`${file}：压缩包中部件 ${name} 出现了两次，文件已损坏`, file, name, 'corrupt');
    }
    total += uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw tooLarge(file, '压缩包目录', `声明的解压总量超过上限 ${mb(limits.maxTotalBytes)}`);
    }
    if (!name.endsWith('/'))
      entries.set(name, { name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return new SafeZip(bytes, file, entries, limits);
}

/**
 * Refuse XML with a document type declaration or entity declarations (the "billion laughs" family), in UTF-8
 * or UTF-16. Comments, CDATA sections and processing instructions are allowed.
 */
export function assertPlainXml(data: Uint8Array, file: string, part: string): void {
  const utf16 = (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
  const step = utf16 ? 2 : 1;
  const off = utf16 && data[0] === 0xfe ? 1 : 0;
  const at = (i: number, ascii: string) => {
    for (let k = 0; k < ascii.length; k++) if (data[i + k * step] !== ascii.charCodeAt(k)) return false;
    return true;
  };
  const skipTo = (i: number, ascii: string) => {
    for (let j = i; j < data.length; j += step) if (at(j, ascii)) return j + ascii.length * step;
    return data.length;
  };
  for (let i = off; i + step < data.length; i += step) {
    if (data[i] !== 0x3c /* < */ || data[i + step] !== 0x21 /* ! */) continue;
    if (at(i, '<!--')) i = skipTo(i + 4 * step, '-->') - step;
    else if (at(i, '<![CDATA[')) i = skipTo(i + 9 * step, ']]>') - step;
    else
      throw new ImportError(
        `${file}：部件 ${part} 含有 DOCTYPE/ENTITY 声明，出于安全考虑拒绝读取（可能是实体膨胀攻击）`,
        file,
        part,
        'unsupported',
      );
  }
}

/** Decode XML bytes (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeXml(data: Uint8Array, file: string, part: string): string {
  try {
    if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(data);
    if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(data);
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ImportError(`${file}：部件 ${part} 不是有效的 UTF-8/UTF-16 文本`, file, part, 'encoding');
  }
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as zip uses it. */
export function crc32(data: Uint8Array): number {
  let table = CRC_TABLE;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    CRC_TABLE = table;
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Write a zip whose entries are stored uncompressed. Used to hand already-checked content to a library
 * (exceljs) so that it has nothing left to inflate.
 */
export function storeZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const crc = crc32(f.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, f.data.length, true);
    lv.setUint32(22, f.data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, f.data.length, true);
    cv.setUint32(24, f.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, f.data);
    central.push(cd);
    offset += local.length + f.data.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
