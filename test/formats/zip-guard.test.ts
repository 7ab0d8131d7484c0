import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/formats/document.js';
import { assertPlainXml, crc32, isOleCompoundFile, openZip, sniffKind, storeZip } from '../../src/formats/zip-guard.js';
import { makeZip } from './docx/ooxml.js';

const enc = new TextEncoder();

function refusal(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('openZip', () => {
  it('reads stored and deflated entries and checks their CRC', () => {
    const zip = openZip(
      makeZip([
        { name: 'a.txt', data: '你好', stored: true },
        { name: 'b.xml', data: '<b>x</b>'.repeat(100) },
      ]),
      'f.zip',
    );
    expect(zip.names()).toEqual(['a.txt', 'b.xml']);
    expect(new TextDecoder().decode(zip.read('a.txt'))).toBe('你好');
    expect(zip.xml('b.xml')).toBe('<b>x</b>'.repeat(100));
    expect(refusal(() => zip.read('missing')).code).toBe('corrupt');
  });

  it('refuses a declared size over the limit before inflating anything', () => {
    const bytes = makeZip([{ name: 'big.xml', data: 'x', declaredSize: 3_000_000_000 }]);
    const e = refusal(() => openZip(bytes, 'bomb.docx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('bomb.docx');
    expect(e.place).toBe('big.xml');
  });

  it('refuses an implausible compression ratio (zip bomb) from the central directory', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const e = refusal(() => openZip(makeZip([{ name: 'word/document.xml', data: zeros }]), 'bomb.docx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/压缩比/);
  });

  it('stops inflating when an entry produces more than it declared', () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    const zip = openZip(makeZip([{ name: 'x.xml', data: zeros, declaredSize: 1000 }]), 'liar.xlsx');
    const e = refusal(() => zip.read('x.xml'));
    expect(e.code).toBe('too-large');
  });

  it('guards the total inflated while reading', () => {
    const data = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    const zip = openZip(
      makeZip([
        { name: 'a', data },
        { name: 'b', data },
      ]),
      't.zip',
      {
        maxInputBytes: 1e9,
        maxEntries: 10,
        maxEntryBytes: 1e9,
        maxTotalBytes: 700_000,
        maxRatio: 1000,
        ratioFloorBytes: 0,
      },
    );
    zip.read('a');
    zip.read('b');
    expect(refusal(() => zip.read('a')).code).toBe('too-large');
  });

  it('detects a truncated file, a corrupted entry and things that are not zips', () => {
    const good = makeZip([{ name: 'a.xml', data: '<a>hello hello hello</a>' }]);
    expect(refusal(() => openZip(good.subarray(0, good.length - 30), 't.docx')).code).toBe('corrupt');
    const flipped = good.slice();
    flipped[35] = flipped[35]! ^ 0xff; // inside the deflate stream
    const e = refusal(() => openZip(flipped, 'f.docx').read('a.xml'));
    expect(e.code).toBe('corrupt');
    expect(refusal(() => openZip(enc.encode('%PDF-1.7 ...'), 'x.docx')).message).toContain('PDF');
    expect(refusal(() => openZip(new Uint8Array([1, 2, 3]), 'x.docx')).code).toBe('unsupported');
  });

  it('refuses encrypted entries and too many entries', () => {
    const bytes = makeZip([{ name: 'a', data: 'x' }]);
    // set the encryption flag in the central directory record
    const cd = bytes.length - 22 - (46 + 1);
    const copy = bytes.slice();
    copy[cd + 8] = copy[cd + 8]! | 1;
    expect(refusal(() => openZip(copy, 'enc.docx')).code).toBe('unsupported');
    const many = makeZip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: 'x' })));
    const limits = {
      maxInputBytes: 1e9,
      maxEntries: 10,
      maxEntryBytes: 1e9,
      maxTotalBytes: 1e9,
      maxRatio: 1000,
      ratioFloorBytes: 0,
    };
    expect(refusal(() => openZip(many, 'many.zip', limits)).code).toBe('too-large');
  });
});

describe('assertPlainXml', () => {
  it('allows comments and CDATA but refuses DOCTYPE and ENTITY, in UTF-8 and UTF-16', () => {
    expect(() =>
      assertPlainXml(enc.encode('<?xml?><!-- <!DOCTYPE in comment --><a><![CDATA[<!x]]></a>'), 'f', 'p'),
    ).not.toThrow();
    expect(() => assertPlainXml(enc.encode('<!DOCTYPE a><a/>'), 'f', 'p')).toThrow(ImportError);
    expect(() => assertPlainXml(enc.encode('<a><!ENTITY x "y"></a>'), 'f', 'p')).toThrow(/ENTITY/);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<!DOCTYPE a><a/>', 'utf16le')]);
    expect(() => assertPlainXml(utf16, 'f', 'p')).toThrow(ImportError);
  });
});

describe('helpers', () => {
  it('crc32 matches the reference value', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
  });

  it('storeZip writes a zip that openZip reads back', () => {
    const files = [
      { name: 'x/a.xml', data: enc.encode('<a/>') },
      { name: '中文.txt', data: enc.encode('内容') },
    ];
    const zip = openZip(storeZip(files), 's.zip');
    expect(zip.names()).toEqual(['x/a.xml', '中文.txt']);
    expect(new TextDecoder().decode(zip.read('中文.txt'))).toBe('内容');
  });

  it('sniffs common non-zip files', () => {
    expect(isOleCompoundFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true);
    expect(sniffKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toContain('JPEG');
    expect(sniffKind(new Uint8Array(deflateRawSync(enc.encode('x'))))).toBeUndefined();
  });
});
