import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/formats/document.js';
import { badCharCount, decodeText } from '../../../src/formats/text/decode.js';
import { textToRaw } from '../../../src/formats/text/import.js';

const SAMPLE = '北塔区某中心2023年部门整体支出绩效自评报告\n一、部门基本情况\n\t编制数\n\t７\n本年收入312.95万元。\n';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
  return undefined;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(SAMPLE);
    expect(decodeText(plain, 'a.txt')).toEqual({ text: SAMPLE, encoding: 'utf8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(bom, 'a.txt').text).toBe(SAMPLE);
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    const le = iconv.encode(SAMPLE, 'utf16le');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]), 'a.txt').text).toBe(SAMPLE);
    const be = iconv.encode(SAMPLE, 'utf16be');
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]), 'a.txt').text).toBe(SAMPLE);
  });

  it('detects GB18030 and GBK', () => {
    const gb = decodeText(iconv.encode(SAMPLE, 'gb18030'), 'a.txt');
    expect(gb).toEqual({ text: SAMPLE, encoding: 'gb18030' });
    const gbk = decodeText(iconv.encode(SAMPLE, 'gbk'), 'a.txt');
    expect(gbk.text).toBe(SAMPLE);
  });

  it('keeps a UTF-8 file with a few broken bytes (a truncated last character)', () => {
    const bytes = new TextEncoder().encode(SAMPLE.repeat(20) + '中');
    const cut = bytes.subarray(0, bytes.length - 1);
    const d = decodeText(cut, 'a.txt');
    expect(d.encoding).toBe('utf8');
    expect(d.text.startsWith(SAMPLE)).toBe(true);
  });

  it('refuses random bytes with ImportError("encoding") naming the file', () => {
    let seed = 42;
    const rnd = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    expect(codeOf(() => decodeText(rnd, 'random.bin'))).toBe('encoding');
    try {
      decodeText(rnd, 'random.bin');
    } catch (e) {
      expect((e as ImportError).message).toContain('random.bin');
      expect((e as ImportError).file).toBe('random.bin');
    }
  });

  it('refuses NUL-filled bytes that happen to be valid UTF-8', () => {
    expect(codeOf(() => decodeText(new Uint8Array(2000), 'zeros.txt'))).toBe('encoding');
  });

  it('counts undecodable and control characters', () => {
    expect(badCharCount('a\tb\nc\r\f')).toBe(0);
    expect(badCharCount('a\u0000b\ufffd\u0007')).toBe(3);
  });
});

describe('textToRaw: empty input', () => {
  it('refuses an empty or whitespace-only file with ImportError("empty")', () => {
    expect(codeOf(() => textToRaw(new Uint8Array(0), 'e.txt'))).toBe('empty');
    expect(codeOf(() => textToRaw(new TextEncoder().encode(' \n\u3000\r\n\t \n'), 'e.txt'))).toBe('empty');
    expect(codeOf(() => textToRaw(new Uint8Array([0xef, 0xbb, 0xbf]), 'e.txt'))).toBe('empty');
  });
});
