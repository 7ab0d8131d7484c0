import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/formats/document.js';
import { kid, kids, ownText, parseXml } from '../../../src/formats/docx/xml.js';

const opts = { file: 'f.docx', part: 'word/document.xml' };

describe('parseXml', () => {
  it('builds a tree with canonical prefixes, attributes and decoded text', () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- c --><x:doc xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
        'x:val=\'1 > 0\'><x:t xml:space="preserve"> a&amp;b&#x4E00; </x:t><x:e/><![CDATA[<raw>]]></x:doc>',
      opts,
    );
    expect(root.name).toBe('w:doc');
    expect(root.attrs['w:val']).toBe('1 > 0');
    expect(ownText(kid(root, 'w:t')!)).toBe(' a&b一 ');
    expect(kids(root, 'w:e')).toHaveLength(1);
    expect(ownText(root)).toBe('<raw>');
  });

  it('uses a default namespace', () => {
    const root = parseXml(
      '<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><p/></document>',
      opts,
    );
    expect(root.name).toBe('w:document');
    expect(kid(root, 'w:p')).toBeDefined();
  });

  const bad: [string, string][] = [
    ['DOCTYPE', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['unclosed element', '<a><b>'],
    ['bad attribute', '<a b=c/>'],
    ['text outside the root', 'x<a/>'],
    ['no root', '<?xml version="1.0"?>'],
    ['invalid character reference', '<a>&#xD800;</a>'],
  ];
  for (const [what, xml] of bad) {
    it(`refuses ${what} with an ImportError`, () => {
      expect(() => parseXml(xml, opts)).toThrow(ImportError);
    });
  }

  it('bounds nesting depth', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300);
    expect(() => parseXml(deep, opts)).toThrow(/嵌套/);
    expect(() => parseXml('<a>'.repeat(50) + '</a>'.repeat(50), opts)).not.toThrow();
  });
});
