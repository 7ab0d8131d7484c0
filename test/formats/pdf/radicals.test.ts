import { describe, expect, it } from 'vitest';
import { mapRadicals } from '../../../src/formats/pdf/radicals.js';
import table from '../../../src/formats/pdf/radicals.json' with { type: 'json' };

describe('mapRadicals', () => {
  it('maps Kangxi radicals and radical supplements to ordinary characters, leaves the rest', () => {
    expect(mapRadicals('⽬标⻓期⾦额⼈员')).toBe('目标长期金额人员');
    expect(mapRadicals('普通文字 ABC 123')).toBe('普通文字 ABC 123');
    // a supplement radical without an equivalent stays as it is
    expect(mapRadicals('\u2e80')).toBe('\u2e80');
  });

  it('covers the whole Kangxi block, each mapping to its compatibility decomposition', () => {
    const map = (table as { map: Record<string, string> }).map;
    for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
      const ch = String.fromCodePoint(cp);
      expect(map[cp.toString(16).toUpperCase()]).toBe(ch.normalize('NFKC'));
    }
    expect(Object.keys(map).length).toBeGreaterThan(300);
  });
});
