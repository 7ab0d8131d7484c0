import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from '../document.js';

/** The encodings a Chinese report is found in, as chardet names them → iconv-lite names. */
const CANDIDATES: Readonly<Record<string, string>> = {
  'UTF-8': 'utf8',
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
};

/** How many bytes chardet looks at: enough to tell, cheap on a 50 MB file. */
const SAMPLE_BYTES = 64 * 1024;

/** Share of undecodable or control characters a decoding may contain and still be accepted. */
const MAX_BAD_SHARE_STRICT = 0.001;
const MAX_BAD_SHARE_UTF8 = 0.01;

export interface Decoded {
  text: string;
  /** the encoding used, iconv-lite naming */
  encoding: string;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Any U+FFFD or C0 control character other than tab, line feed, vertical tab, form feed, carriage return. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BAD_CHAR = /[\ufffd\x00-\x08\x0e-\x1f]/;

/** Count of U+FFFD and C0 control characters other than tab, line feed, carriage return, form feed, vertical tab. */
export function badCharCount(text: string): number {
  if (!BAD_CHAR.test(text)) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11)) bad++;
  }
  return bad;
}

/** Is this machine little-endian (a Uint16Array's bytes are UTF-16LE)? Every platform Node runs on is. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Inputs up to this size are decoded by utf8ToString; larger ones by the platform's decoder (half the memory). */
const JS_DECODE_MAX_BYTES = 4 * 1024 * 1024;

/** Scratch space for utf8ToString (its content is copied into the string): kept when small, to spare allocating it. */
let scratch = new Uint16Array(0);
const MAX_SCRATCH_UNITS = 512 * 1024;

function scratchUnits(n: number): Uint16Array {
  if (n > MAX_SCRATCH_UNITS) return new Uint16Array(n);
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, Math.min(MAX_SCRATCH_UNITS, scratch.length * 2)));
  return scratch;
}

/**
 * Valid UTF-8 → string, in one pass into UTF-16 code units, then one copy into a string; with the count of bad
 * characters (badCharCount) taken on the way. For Chinese text (three bytes a character) this takes half the time
 * of TextDecoder / Buffer#toString on Node 20, which decode multi-byte sequences slowly. Only for input already
 * known to be valid UTF-8 (`isUtf8`).
 */
function utf8ToString(bytes: Uint8Array): { text: string; bad: number } {
  const units = scratchUnits(bytes.length);
  const n = bytes.length;
  let j = 0;
  let bad = 0;
  for (let i = 0; i < n;) {
    const c = bytes[i]!;
    if (c < 0x80) {
      // C0 controls other than tab, line feed, vertical tab, form feed, carriage return
      if (c < 0x20 && (c < 0x09 || c > 0x0d)) bad++;
      units[j++] = c;
      i++;
    } else if (c < 0xe0) {
      units[j++] = ((c & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      const u = ((c & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (u === 0xfffd) bad++;
      units[j++] = u;
      i += 3;
    } else {
      const cp =
        (((c & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6) | (bytes[i + 3]! & 0x3f)) -
        0x10000;
      units[j++] = 0xd800 + (cp >> 10);
      units[j++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    }
  }
  return { text: Buffer.from(units.buffer, 0, j * 2).toString('utf16le'), bad };
}

/** Strict UTF-8 decoding with its badCharCount, or undefined when the bytes are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): { text: string; bad: number } | undefined {
  if (!isUtf8(bytes)) return undefined;
  if (LITTLE_ENDIAN && bytes.length <= JS_DECODE_MAX_BYTES) return utf8ToString(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { text, bad: badCharCount(text) };
}

function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

/**
 * Decode a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, GB18030/GBK/GB2312, Big5.
 * Detection: BOM first, then strict UTF-8, then chardet's guesses validated by decoding, then a lenient UTF-8
 * (a few broken bytes in an otherwise UTF-8 file). Anything else is refused with ImportError('encoding').
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(asBuffer(bytes.subarray(2)), 'utf16le'), encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(asBuffer(bytes.subarray(2)), 'utf16be'), encoding: 'utf16be' };
  }
  const strict = strictUtf8(bytes);
  // valid UTF-8 full of NULs and control codes is a binary file or BOM-less UTF-16: let chardet look
  if (strict !== undefined && strict.bad <= strict.text.length * MAX_BAD_SHARE_STRICT) {
    return { text: strict.text, encoding: 'utf8' };
  }
  // not clean UTF-8: ask chardet
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  const tried = new Set<string>(['utf8']);
  const guesses = chardet
    .analyse(sample)
    .map((m) => CANDIDATES[m.name])
    .filter((n): n is string => n !== undefined);
  for (const enc of [...guesses, 'gb18030']) {
    if (tried.has(enc)) continue;
    tried.add(enc);
    const text = iconv.decode(asBuffer(bytes), enc);
    if (text.length > 0 && badCharCount(text) <= text.length * MAX_BAD_SHARE_STRICT && hasCjk(text)) {
      return { text, encoding: enc };
    }
  }
  const lenient = new TextDecoder('utf-8').decode(bytes);
  if (badCharCount(lenient) <= lenient.length * MAX_BAD_SHARE_UTF8) return { text: lenient, encoding: 'utf8' };
  throw new ImportError(
    `无法识别文件“${file}”的文字编码：既不是 UTF-8，也不是 GB18030/GBK。请另存为 UTF-8 编码的文本后重试。`,
    file,
    '整个文件',
    'encoding',
  );
}
