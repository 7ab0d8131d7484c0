import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/formats/text/decode.js';
import { isPadding, textToBlocks } from '../../../src/formats/text/import.js';
import iconv from 'iconv-lite';
import * as referenceDecode from './decode-reference.js';
import * as reference from './import-reference.js';

/**
 * The text reader was made fast (padding trimmed by a character loop instead of regular expressions, lines split
 * without one when there is no CR, UTF-8 validated by `isUtf8` and decoded in one pass). It must read exactly what
 * it read before: the previous reader is kept verbatim in import-reference.ts and both are run on the same texts.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function fixtures(): { name: string; text: string }[] {
  const files = [
    ...readdirSync(`${ROOT}test/fixtures/layouts`).map((f) => `${ROOT}test/fixtures/layouts/${f}`),
    `${ROOT}examples/shili-rongmeiti-2024.txt`,
    `${ROOT}../shared/seed/beita-rongmeiti-2023.txt`,
  ].filter((f) => existsSync(f));
  return files.map((f) => ({ name: f, text: new TextDecoder().decode(readFileSync(f)) }));
}

const json = (v: unknown): string => JSON.stringify(v);

/** Control characters the decoder counts as signs of a binary file (and U+FFFD). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const BAD = /[\u0000-\u0008\u000e-\u001f\ufffd]/g;

/** Lines of the kinds the reader tells apart: Word cell lines, pipe and TSV rows, table exits, headings, prose. */
const LINES = [
  '',
  ' ',
  '\u3000',
  '\t',
  '\t\t',
  '\t编制数',
  '\t7',
  '\t\t312.95',
  '\t1.严格控制',
  '2.严格控制会议费',
  '3、公务接待',
  '| 项目 | 金额 |',
  '|---|---|',
  '｜ 一般公共预算 ｜ 312.95 ｜',
  '| a \\| b | c<br>d |',
  '2022年决算数\t2023年预算数\t2023年决算数',
  '公务接待\t0.30\t0.24',
  '填表人：张三 联系电话：123',
  '说明：无',
  '一、部门基本情况',
  '第二部分 绩效自评',
  '部门整体支出绩效自评表',
  '本年收入312.95万元，本年支出312.95万元。',
  '\u00a0 正文 \u00a0',
  '\ufeff标题',
  '  \u2003缩进\u2002',
];

const text = fc
  .tuple(
    fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }),
    fc.constantFrom('\n', '\r\n', '\r', 'mixed'),
  )
  .map(([lines, eol]) =>
    eol === 'mixed' ? lines.map((l, i) => `${l}${['\n', '\r\n', '\r'][i % 3]}`).join('') : lines.join(eol),
  );

describe('the fast text reader reads what the previous one read', () => {
  it('its padding is exactly what \\s matches, over all of the BMP', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isPadding(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('on the fixture reports, with LF and with CRLF line ends', () => {
    const all = fixtures();
    expect(all.length).toBeGreaterThan(3);
    for (const { name, text: t } of all) {
      for (const variant of [t, t.replace(/\n/g, '\r\n')]) {
        expect(json(textToBlocks(variant, 'f.txt')), name).toBe(json(reference.textToBlocks(variant, 'f.txt')));
      }
    }
  });

  it('on random texts built from the lines reports are made of', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(json(textToBlocks(t, 'f.txt'))).toBe(json(reference.textToBlocks(t, 'f.txt')));
      }),
      { numRuns: 5000 },
    );
  });

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (t) => {
        expect(json(textToBlocks(t, 'f.txt'))).toBe(json(reference.textToBlocks(t, 'f.txt')));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the fast UTF-8 decoding decodes what TextDecoder decodes', () => {
  it('on any valid UTF-8 (all planes)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300, unit: 'binary' }),
        fc.constantFrom('', '一、部门基本情况\n'),
        (s, lead) => {
          // the decoder refuses text full of control characters (binary files): keep them out of this comparison
          const clean = `${lead}${s}`.replace(BAD, '');
          const bytes = new TextEncoder().encode(clean);
          if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return; // a BOM: another path
          const { text: decoded, encoding } = decodeText(bytes, 'f.txt');
          expect(encoding).toBe('utf8');
          expect(decoded).toBe(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses as UTF-8 exactly what a strict TextDecoder refuses', () => {
    const strict = (b: Uint8Array): string | undefined => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        return undefined;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ maxLength: 20 }), (noise, s) => {
        const bytes = new Uint8Array([...new TextEncoder().encode(`绩效${s}`), ...noise]);
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return;
        const expected = strict(bytes);
        let got: { text: string; encoding: string } | undefined;
        try {
          got = decodeText(bytes, 'f.txt');
        } catch {
          got = undefined;
        }
        // valid UTF-8 without control characters is always read as UTF-8, to the same string
        if (expected !== undefined && expected.replace(BAD, '') === expected) {
          expect(got).toEqual({ text: expected, encoding: 'utf8' });
        }
        // invalid UTF-8 is never read as strict UTF-8: if it is read as UTF-8 at all, it is the lenient decoding
        if (expected === undefined && got?.encoding === 'utf8') {
          expect(got.text).toBe(new TextDecoder('utf-8').decode(bytes));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** What a decoder decided: the text and encoding, or the error code. */
function decision(decode: (b: Uint8Array, f: string) => { text: string; encoding: string }, b: Uint8Array): string {
  try {
    return JSON.stringify(decode(b, 'f.txt'));
  } catch (e) {
    return `error ${(e as { code?: string }).code ?? String(e)}`;
  }
}

describe('the fast decoder decides what the previous one decided', () => {
  const bytesOf = fc.oneof(
    // UTF-8 text with control characters sprinkled in (binary files and UTF-16 without BOM look like this)
    fc
      .tuple(fc.string({ maxLength: 200, unit: 'binary' }), fc.array(fc.nat(31), { maxLength: 6 }))
      .map(([s, controls]) =>
        new TextEncoder().encode(`部门整体支出绩效自评报告${s}${String.fromCharCode(...controls)}`),
      ),
    // long clean text with a few control characters: on either side of the 0.1 % threshold
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('\u0000', '\u0001', '\u001f', '\ufffd'))
      .map(([n, c]) => new TextEncoder().encode(`${'绩效自评'.repeat(250)}${c.repeat(n)}`)),
    // GB18030 / GBK / Big5 text, possibly cut in the middle of a character
    fc
      .tuple(fc.constantFrom('gb18030', 'gbk', 'big5'), fc.string({ maxLength: 80 }), fc.nat(3))
      .map(([enc, s, cut]) => {
        const b = new Uint8Array(iconv.encode(`部门整体支出绩效自评报告（二〇二三年度）${s}`, enc));
        return b.subarray(0, Math.max(0, b.length - cut));
      }),
    // random bytes, with or without a BOM
    fc
      .tuple(fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]), fc.uint8Array({ maxLength: 200 }))
      .map(([bom, b]) => new Uint8Array([...bom, ...b])),
  );

  it('on UTF-8 with control characters, GB18030/GBK/Big5, and random bytes', () => {
    fc.assert(
      fc.property(bytesOf, (b) => {
        expect(decision(decodeText, b)).toBe(decision(referenceDecode.decodeText, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('on the fixture reports', () => {
    for (const { name, text: t } of fixtures()) {
      const b = new TextEncoder().encode(t);
      expect(decision(decodeText, b), name).toBe(decision(referenceDecode.decodeText, b));
    }
  });
});
