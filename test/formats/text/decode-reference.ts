// The text decoder as it was before it was made fast (src/formats/text/decode.ts at commit 69792f8), kept verbatim
// as the oracle of test/formats/text/fast.test.ts: the fast decoder must decide exactly what this one decided.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from '../../../src/formats/document.js';

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

/** Count of U+FFFD and C0 control characters other than tab, line feed, carriage return, form feed, vertical tab. */
export function badCharCount(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11)) bad++;
  }
  return bad;
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
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // valid UTF-8 full of NULs and control codes is a binary file or BOM-less UTF-16: let chardet look
    if (badCharCount(text) <= text.length * MAX_BAD_SHARE_STRICT) return { text, encoding: 'utf8' };
  } catch {
    // not clean UTF-8: ask chardet
  }
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
