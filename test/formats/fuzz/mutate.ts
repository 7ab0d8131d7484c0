import { openZip, storeZip } from '../../../src/formats/zip-guard.js';

/** A small deterministic PRNG (mulberry32), so that every fuzz case can be reproduced from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (r: () => number, n: number) => Math.floor(r() * n);

/** Byte-level damage: flips, truncation, splices, zeroed or duplicated regions. */
export function mutateBytes(input: Uint8Array, r: () => number): Uint8Array {
  const kind = int(r, 6);
  const b = input.slice();
  switch (kind) {
    case 0: {
      const flips = 1 + int(r, 8);
      for (let k = 0; k < flips; k++) {
        const i = int(r, b.length);
        b[i] = b[i]! ^ (1 + int(r, 255));
      }
      return b;
    }
    case 1:
      return b.subarray(0, int(r, b.length));
    case 2: {
      // splice a chunk of the file into another place
      const from = int(r, b.length);
      const len = 1 + int(r, Math.min(4096, b.length - from));
      const at = int(r, b.length);
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, at), 0);
      out.set(b.subarray(from, from + len), at);
      out.set(b.subarray(at), at + len);
      return out;
    }
    case 3: {
      const at = int(r, b.length);
      const len = 1 + int(r, 2048);
      const out = new Uint8Array(Math.max(0, b.length - len));
      out.set(b.subarray(0, at).subarray(0, out.length), 0);
      if (at + len < b.length) out.set(b.subarray(at + len), at);
      return out;
    }
    case 4: {
      const at = int(r, b.length);
      b.fill(int(r, 2) ? 0 : 0xff, at, Math.min(b.length, at + 1 + int(r, 512)));
      return b;
    }
    default: {
      const at = int(r, b.length);
      const noise = new Uint8Array(1 + int(r, 64)).map(() => int(r, 256));
      const out = new Uint8Array(b.length + noise.length);
      out.set(b.subarray(0, at), 0);
      out.set(noise, at);
      out.set(b.subarray(at), at + noise.length);
      return out;
    }
  }
}

/** Snippets that stress an XML reader and the table logic when planted into a part. */
const XML_SNIPPETS = [
  '<w:tc>',
  '</w:tr>',
  '<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr>',
  '<w:gridSpan w:val="99999"/>',
  '<w:gridSpan w:val="-3"/>',
  '<w:vMerge w:val="restart"/>',
  '<w:numPr><w:ilvl w:val="42"/><w:numId w:val="1"/></w:numPr>',
  '<w:tbl><w:tbl><w:tbl>',
  '&#0;',
  '&#x110000;',
  '&undefined;',
  '<![CDATA[',
  '<!--',
  '<?pi',
  '"\'<>',
  '<c r="XFD1048576"><v>1e308</v></c>',
  '<mergeCell ref="A1:A3"/>',
  '<row r="0">',
  '<si><t>',
  '<v>NaN</v>',
  '\u0000\uffff\ud800',
  '<!DOCTYPE x>',
];

/** Text-level damage to one XML part, re-zipped: reaches past the zip checks into the XML and table code. */
export function mutateOoxml(input: Uint8Array, r: () => number, parts: RegExp): Uint8Array {
  const zip = openZip(input, 'fuzz');
  const names = zip.names();
  const targets = names.filter((n) => parts.test(n));
  const target = targets[int(r, targets.length)] ?? names[0]!;
  const files = names.map((name) => {
    const data = zip.read(name);
    if (name !== target) return { name, data };
    let text = new TextDecoder().decode(data);
    const edits = 1 + int(r, 4);
    for (let k = 0; k < edits; k++) {
      const at = int(r, text.length);
      const op = int(r, 4);
      if (op === 0) text = text.slice(0, at) + XML_SNIPPETS[int(r, XML_SNIPPETS.length)]! + text.slice(at);
      else if (op === 1) text = text.slice(0, at) + text.slice(at + 1 + int(r, 400));
      else if (op === 2) {
        const len = 1 + int(r, 2000);
        text = text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
      } else {
        // swap a tag name for another one seen in the part
        const tags = text.match(/<\/?[\w:]+/g) ?? [];
        const a = tags[int(r, tags.length)];
        const b = tags[int(r, tags.length)];
        if (a && b) text = text.replace(a, b);
      }
    }
    return { name, data: new TextEncoder().encode(text) };
  });
  return storeZip(files);
}
