import table from './radicals.json' with { type: 'json' };

/**
 * Kangxi radicals (U+2F00–U+2FDF) and CJK radicals supplement (U+2E80–U+2EFF) back to the ordinary
 * characters they look like. PDF text layers made from CFF CJK fonts often carry the radical code points
 * (⽬ for 目), so the text reads right but compares wrong. The table is data (radicals.json, from Unicode's
 * EquivalentUnifiedIdeograph.txt and the Kangxi block's compatibility decompositions).
 */
const MAP: ReadonlyMap<number, string> = new Map(
  Object.entries((table as { map: Record<string, string> }).map).map(([hex, ch]) => [Number.parseInt(hex, 16), ch]),
);

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/u;

export function mapRadicals(text: string): string {
  if (!RADICAL.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x2e80 && cp <= 0x2fdf ? (MAP.get(cp) ?? ch) : ch;
  }
  return out;
}
