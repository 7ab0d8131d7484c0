import { describe, expect, it } from 'vitest';
import { formatNumber, Numbering } from '../../../src/formats/docx/numbering.js';
import { parseXml } from '../../../src/formats/docx/xml.js';
import { W_NS } from './ooxml.js';

describe('formatNumber', () => {
  it.each([
    [3, 'decimal', '3'],
    [3, 'decimalZero', '03'],
    [14, 'upperRoman', 'XIV'],
    [14, 'lowerRoman', 'xiv'],
    [28, 'upperLetter', 'BB'],
    [2, 'lowerLetter', 'b'],
    [1, 'chineseCounting', '一'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCountingThousand', '二十'],
    [3, 'chineseLegalSimplified', '叁'],
    [2, 'ideographTraditional', '乙'],
    [3, 'decimalEnclosedCircle', '③'],
    [2, 'decimalEnclosedParen', '⑵'],
    [12, 'decimalFullWidth', '１２'],
    [5, 'bullet', ''],
    [5, 'somethingNew', '5'],
  ])('%i in %s is %s', (n, fmt, expected) => {
    expect(formatNumber(n, fmt)).toBe(expected);
  });
});

describe('Numbering', () => {
  const xml = (inner: string) =>
    parseXml(`<w:numbering xmlns:w="${W_NS}">${inner}</w:numbering>`, { file: 'f', part: 'p' });
  const levels =
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>';

  it('counts per list, resets deeper levels and restarts on a start override', () => {
    const n = new Numbering(
      xml(
        `<w:abstractNum w:abstractNumId="7">${levels}</w:abstractNum>` +
          '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>' +
          '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
      ),
    );
    expect([n.next('1', 0), n.next('1', 1), n.next('1', 1), n.next('1', 0), n.next('1', 1)]).toEqual([
      '1. ',
      '1.1 ',
      '1.2 ',
      '2. ',
      '2.1 ',
    ]);
    expect(n.next('2', 0)).toBe('5. ');
    expect(n.next('9', 0)).toBe('');
  });

  it('is empty without numbering definitions', () => {
    expect(new Numbering().next('1', 0)).toBe('');
  });
});
