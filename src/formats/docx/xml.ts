import { ImportError } from '../document.js';

/**
 * A small, strict, non-validating XML parser for Office Open XML parts. It builds a plain element tree,
 * resolves namespace prefixes to canonical ones (so `w:` means WordprocessingML whatever prefix the file
 * used), expands only the five predefined entities and character references, and refuses DOCTYPE and
 * ENTITY declarations outright. Nesting depth is bounded so that walking the tree cannot overflow the stack.
 */
export interface XmlElement {
  /** canonical qualified name, e.g. `w:p` */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'x',
  'http://purl.oclc.org/ooxml/spreadsheetml/main': 'x',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

export interface XmlParseOptions {
  file: string;
  part: string;
  maxDepth?: number;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(text: string, opts: XmlParseOptions): XmlElement {
  const { file, part } = opts;
  const maxDepth = opts.maxDepth ?? 256;
  const fail = (why: string, at: number): never => {
    throw new ImportError(`${file}：部件 ${part} 的 XML 有误（${why}，位置 ${at}）`, file, part, 'corrupt');
  };

  const decode = (s: string, at: number): string => {
    if (s.indexOf('&') < 0) return s;
    return s.replace(/&([^;&\s]{0,12});/g, (m, ent: string) => {
      if (ent[0] === '#') {
        const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        if (!Number.isFinite(code) || code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return fail(`无效的字符引用 ${m}`, at);
        }
        return String.fromCodePoint(code);
      }
      const v = PREDEFINED[ent];
      if (v === undefined) return fail(`未定义的实体 ${m}`, at);
      return v;
    });
  };

  type Frame = { el: XmlElement; rawName: string; ns: Map<string, string> };
  const rootNs = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  const doc: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: Frame[] = [{ el: doc, rawName: '#document', ns: rootNs }];

  const canon = (qname: string, ns: Map<string, string>, isAttr: boolean): string => {
    const colon = qname.indexOf(':');
    if (colon < 0) {
      if (isAttr) return qname;
      const uri = ns.get('');
      const p = uri === undefined ? undefined : CANONICAL[uri];
      return p ? `${p}:${qname}` : qname;
    }
    const prefix = qname.slice(0, colon);
    if (prefix === 'xmlns') return qname;
    const uri = ns.get(prefix);
    const p = uri === undefined ? undefined : CANONICAL[uri];
    return p ? `${p}:${qname.slice(colon + 1)}` : qname;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? n : lt;
      const raw = text.slice(i, end);
      if (stack.length > 1) top.el.children.push(decode(raw, i));
      else if (raw.trim() !== '') fail('根元素之外有文字', i);
      if (lt < 0) break;
      i = lt;
    }
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 0x3f /* ? */) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) fail('处理指令未结束', i);
      i = e + 2;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const e = text.indexOf('-->', i + 4);
        if (e < 0) fail('注释未结束', i);
        i = e + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', i)) {
        const e = text.indexOf(']]>', i + 9);
        if (e < 0) fail('CDATA 未结束', i);
        if (stack.length > 1) top.el.children.push(text.slice(i + 9, e));
        i = e + 3;
        continue;
      }
      throw new ImportError(
        `${file}：部件 ${part} 含有 DOCTYPE/ENTITY 声明，出于安全考虑拒绝读取（可能是实体膨胀攻击）`,
        file,
        part,
        'unsupported',
      );
    }
    if (c1 === 0x2f /* / */) {
      const e = text.indexOf('>', i + 2);
      if (e < 0) fail('结束标签未闭合', i);
      const name = text.slice(i + 2, e).trim();
      if (stack.length <= 1 || top.rawName !== name) fail(`结束标签 </${name}> 与开始标签不匹配`, i);
      stack.pop();
      i = e + 1;
      continue;
    }
    // A start tag: scan to its '>' outside quoted attribute values.
    let j = i + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
      else if (c === 0x3c /* < */) fail('标签中出现 <', j);
    }
    if (j >= n) fail('开始标签未闭合', i);
    const selfClosing = text.charCodeAt(j - 1) === 0x2f;
    const body = text.slice(i + 1, selfClosing ? j - 1 : j);
    const m = /^([^\s/>]+)/.exec(body);
    if (!m) fail('标签没有名字', i);
    const rawName = m![1]!;
    const rawAttrs: [string, string][] = [];
    const attrRe = /\s*([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gy;
    attrRe.lastIndex = rawName.length;
    let declares = false;
    for (;;) {
      const start = attrRe.lastIndex;
      const am = attrRe.exec(body);
      if (!am) {
        if (body.slice(start).trim() !== '') fail(`属性写法有误：${body.slice(start, start + 20)}`, i);
        break;
      }
      const key = am[1]!;
      if (key === 'xmlns' || key.startsWith('xmlns:')) declares = true;
      rawAttrs.push([key, decode(am[2] ?? am[3] ?? '', i)]);
    }
    let ns = top.ns;
    if (declares) {
      ns = new Map(ns);
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns') ns.set('', v);
        else if (k.startsWith('xmlns:')) ns.set(k.slice(6), v);
      }
    }
    const attrs: Record<string, string> = {};
    for (const [k, v] of rawAttrs) if (!k.startsWith('xmlns')) attrs[canon(k, ns, true)] = v;
    const el: XmlElement = { name: canon(rawName, ns, false), attrs, children: [] };
    top.el.children.push(el);
    if (!selfClosing) {
      if (stack.length > maxDepth) fail(`元素嵌套超过 ${maxDepth} 层`, i);
      stack.push({ el, rawName, ns });
    }
    i = j + 1;
  }
  if (stack.length > 1) fail(`元素 <${stack[stack.length - 1]!.rawName}> 未闭合（文件可能被截断）`, n);
  const root = doc.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) fail('没有根元素', 0);
  return root!;
}

/** The element children of `el` with the given canonical name. */
export function kids(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c);
  return out;
}

/** The first element child of `el` with the given canonical name. */
export function kid(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c;
  return undefined;
}

/** The concatenated text nodes directly inside `el`. */
export function ownText(el: XmlElement): string {
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s;
}
