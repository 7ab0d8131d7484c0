/**
 * Page geometry for the PDF importer: ruling lines from a page's drawing operators, and table grids built
 * from them. Coordinates are PDF user space (points, origin bottom left, y up) throughout this module.
 * Everything here is pure and works on plain numbers, so that it can be tested without a PDF.
 */

/** A horizontal (y fixed) or vertical (x fixed) ruling segment. */
export interface Segment {
  dir: 'h' | 'v';
  /** the fixed coordinate: y for a horizontal line, x for a vertical one */
  at: number;
  from: number;
  to: number;
}

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied after n: the product n × m in PDF's row-vector convention
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js path drawing codes (DrawOPS) inside a constructPath operator's data. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** How a path was painted. */
export type Paint = 'stroke' | 'fill' | 'none';

const AXIS_TOLERANCE = 0.6;
/** A filled rectangle thinner than this is a drawn line. */
const THIN = 2.5;

/**
 * The axis-aligned segments a path contributes, in page space. Stroked paths give their straight edges;
 * filled paths give only thin rectangles (lines drawn as filled bars); curves are skipped.
 */
export function pathSegments(data: ArrayLike<number>, ctm: Matrix, paint: Paint): Segment[] {
  if (paint === 'none') return [];
  const out: Segment[] = [];
  const subpaths: [number, number][][] = [];
  let cur: [number, number][] = [];
  let i = 0;
  const n = data.length;
  while (i < n) {
    const op = data[i++];
    if (op === MOVE) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(ctm, data[i]!, data[i + 1]!)];
      i += 2;
    } else if (op === LINE) {
      cur.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      // a curve breaks the straight run: start afresh at its end point
      if (cur.length) subpaths.push(cur);
      cur = [apply(ctm, data[i + 4]!, data[i + 5]!)];
      i += 6;
    } else if (op === QUAD) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(ctm, data[i + 2]!, data[i + 3]!)];
      i += 4;
    } else if (op === CLOSE) {
      if (cur.length > 1) cur.push(cur[0]!);
      subpaths.push(cur);
      cur = cur.length ? [cur[0]!] : [];
    } else break; // unknown code: stop reading this path
  }
  if (cur.length) subpaths.push(cur);

  for (const sp of subpaths) {
    if (paint === 'fill') {
      const box = rectangleOf(sp);
      if (!box) continue;
      const [x0, y0, x1, y1] = box;
      if (y1 - y0 <= THIN && x1 - x0 > y1 - y0) out.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (x1 - x0 <= THIN && y1 - y0 > x1 - x0) out.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
      continue;
    }
    for (let k = 1; k < sp.length; k++) {
      const [ax, ay] = sp[k - 1]!;
      const [bx, by] = sp[k]!;
      if (Math.abs(ay - by) <= AXIS_TOLERANCE && Math.abs(ax - bx) > AXIS_TOLERANCE) {
        out.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) });
      } else if (Math.abs(ax - bx) <= AXIS_TOLERANCE && Math.abs(ay - by) > AXIS_TOLERANCE) {
        out.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) });
      }
    }
  }
  return out;
}

/** The bounding box of a closed axis-aligned rectangle path, or undefined for any other shape. */
function rectangleOf(pts: [number, number][]): [number, number, number, number] | undefined {
  const uniq = pts.filter((p, k) => k === 0 || p[0] !== pts[k - 1]![0] || p[1] !== pts[k - 1]![1]);
  if (uniq.length < 4 || uniq.length > 5) return undefined;
  const xs = uniq.map((p) => p[0]);
  const ys = uniq.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  for (const [x, y] of uniq) {
    const onX = Math.abs(x - x0) <= AXIS_TOLERANCE || Math.abs(x - x1) <= AXIS_TOLERANCE;
    const onY = Math.abs(y - y0) <= AXIS_TOLERANCE || Math.abs(y - y1) <= AXIS_TOLERANCE;
    if (!onX || !onY) return undefined;
  }
  return [x0, y0, x1, y1];
}

/** Join collinear segments that overlap or nearly touch. */
export function mergeSegments(segs: Segment[], tol = 1.5): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const list = segs.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    // group by fixed coordinate
    const groups: Segment[][] = [];
    for (const s of list) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g[0]!.at - s.at) <= tol) g.push(s);
      else groups.push([s]);
    }
    for (const g of groups) {
      const at = g.reduce((sum, s) => sum + s.at, 0) / g.length;
      g.sort((a, b) => a.from - b.from);
      let cur: Segment | undefined;
      for (const s of g) {
        if (cur && s.from <= cur.to + tol) cur.to = Math.max(cur.to, s.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

/** A table grid: column edges left to right, row edges top to bottom, and the cells as merged regions. */
export interface Grid {
  xs: number[];
  /** descending: the top edge first */
  ys: number[];
  /** region id of each grid position, [row][col] */
  region: number[][];
  /** each region's extent in grid positions (inclusive) */
  regions: { top: number; left: number; bottom: number; right: number }[];
  box: { x0: number; y0: number; x1: number; y1: number };
}

function cluster(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const g = out[out.length - 1];
    if (g && v - g[g.length - 1]! <= tol) g.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** How much of [a, b] the segments at coordinate `at` (± tol) cover. */
function coverage(segs: Segment[], at: number, a: number, b: number, tol: number): number {
  const ivs = segs
    .filter((s) => Math.abs(s.at - at) <= tol && s.to > a && s.from < b)
    .map((s) => [Math.max(a, s.from), Math.min(b, s.to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let end = a;
  for (const [f, t] of ivs) {
    if (t <= end) continue;
    covered += t - Math.max(f, end);
    end = t;
  }
  return b > a ? covered / (b - a) : 0;
}

/**
 * Group segments into connected networks (lines that touch or cross) and build a grid from each network
 * that has at least two rows or two columns of cells.
 */
/** More ruling segments than this on one page is a drawing, not a table: no grids are looked for. */
export const MAX_SEGMENTS = 4000;

export function findGrids(segments: Segment[], tol = 2): Grid[] {
  const segs = mergeSegments(
    segments.filter(
      (s) => Number.isFinite(s.at) && Number.isFinite(s.from) && Number.isFinite(s.to) && s.to - s.from >= 1,
    ),
  );
  if (segs.length > MAX_SEGMENTS) return [];
  const parent = segs.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const hs = segs.map((s, k) => [s, k] as const).filter(([s]) => s.dir === 'h');
  const vs = segs.map((s, k) => [s, k] as const).filter(([s]) => s.dir === 'v');
  for (const [h, hi] of hs) {
    for (const [v, vi] of vs) {
      if (v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol) {
        parent[find(hi)] = find(vi);
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, k) => {
    const r = find(k);
    const g = groups.get(r) ?? [];
    g.push(s);
    groups.set(r, g);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const grid = gridOf(g, tol);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => b.box.y1 - a.box.y1);
}

function gridOf(segs: Segment[], tol: number): Grid | undefined {
  const h = segs.filter((s) => s.dir === 'h');
  const v = segs.filter((s) => s.dir === 'v');
  if (h.length < 2 || v.length < 2) return undefined;
  const xs = cluster(
    v.map((s) => s.at),
    tol,
  );
  const ys = cluster(
    h.map((s) => s.at),
    tol,
  ).reverse();
  if (xs.length < 2 || ys.length < 2) return undefined;
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows * cols < 2 || rows * cols > 50_000) return undefined;
  // the segments lying on each grid line, so that coverage looks only at those
  const onLine = (list: Segment[], edges: number[]) => {
    const by: Segment[][] = edges.map(() => []);
    for (const sg of list) {
      const k = edges.findIndex((e) => Math.abs(e - sg.at) <= tol);
      if (k >= 0) by[k]!.push(sg);
    }
    return by;
  };
  const vOn = onLine(v, xs);
  const hOn = onLine(h, ys);
  // union-find over grid positions: neighbours without a ruling line between them are one cell
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) {
      parent[k] = parent[parent[k]!]!;
      k = parent[k]!;
    }
    return k;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[rb] = ra;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(vOn[c + 1]!, xs[c + 1]!, ys[r + 1]!, ys[r]!, tol) < 0.5)
        union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && coverage(hOn[r + 1]!, ys[r + 1]!, xs[c]!, xs[c + 1]!, tol) < 0.5)
        union(id(r, c), id(r + 1, c));
    }
  }
  // make every region a rectangle: merge whatever lies inside a region's bounding box, until stable
  for (let changed = true; changed;) {
    changed = false;
    const boxes = new Map<number, { top: number; left: number; bottom: number; right: number }>();
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const k = find(id(r, c));
        const b = boxes.get(k);
        if (!b) boxes.set(k, { top: r, left: c, bottom: r, right: c });
        else {
          b.top = Math.min(b.top, r);
          b.left = Math.min(b.left, c);
          b.bottom = Math.max(b.bottom, r);
          b.right = Math.max(b.right, c);
        }
      }
    for (const [k, b] of boxes) {
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) {
          if (find(id(r, c)) !== find(k)) {
            union(k, id(r, c));
            changed = true;
          }
        }
    }
  }
  const regionOfRoot = new Map<number, number>();
  const regions: Grid['regions'] = [];
  const region: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: number[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      let reg = regionOfRoot.get(root);
      if (reg === undefined) {
        reg = regions.length;
        regionOfRoot.set(root, reg);
        regions.push({ top: r, left: c, bottom: r, right: c });
      }
      const b = regions[reg]!;
      b.bottom = Math.max(b.bottom, r);
      b.right = Math.max(b.right, c);
      line.push(reg);
    }
    region.push(line);
  }
  if (regions.length < 2) return undefined;
  return {
    xs,
    ys,
    region,
    regions,
    box: { x0: xs[0]!, y0: ys[ys.length - 1]!, x1: xs[xs.length - 1]!, y1: ys[0]! },
  };
}
