import { describe, expect, it } from 'vitest';
import {
  findGrids,
  IDENTITY,
  mergeSegments,
  multiply,
  pathSegments,
  type Segment,
} from '../../../src/formats/pdf/geometry.js';

const h = (at: number, from: number, to: number): Segment => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: 'v', at, from, to });

describe('pathSegments', () => {
  it('takes straight axis-aligned edges of stroked paths, through the current transform', () => {
    // moveTo 0,0 lineTo 100,0 lineTo 100,50 ; curve ignored
    const data = [0, 0, 0, 1, 100, 0, 1, 100, 50, 2, 1, 1, 2, 2, 3, 3];
    const segs = pathSegments(data, [2, 0, 0, 2, 10, 20], 'stroke');
    expect(segs).toEqual([h(20, 10, 210), v(210, 20, 120)]);
  });

  it('reads closed rectangles: all edges when stroked, only thin bars when filled', () => {
    const rect = (x: number, y: number, w: number, hgt: number) => [
      0,
      x,
      y,
      1,
      x + w,
      y,
      1,
      x + w,
      y + hgt,
      1,
      x,
      y + hgt,
      4,
    ];
    expect(pathSegments(rect(0, 0, 10, 10), IDENTITY, 'stroke')).toHaveLength(4);
    expect(pathSegments(rect(0, 0, 10, 10), IDENTITY, 'fill')).toEqual([]);
    expect(pathSegments(rect(0, 100, 200, 0.5), IDENTITY, 'fill')).toEqual([h(100.25, 0, 200)]);
    expect(pathSegments(rect(0, 100, 200, 0.5), IDENTITY, 'none')).toEqual([]);
  });

  it('composes matrices in PDF order', () => {
    const scale: [number, number, number, number, number, number] = [2, 0, 0, 2, 0, 0];
    const move: [number, number, number, number, number, number] = [1, 0, 0, 1, 5, 0];
    // a point through `move` then `scale`
    expect(multiply(scale, move)).toEqual([2, 0, 0, 2, 10, 0]);
  });
});

describe('mergeSegments', () => {
  it('joins collinear pieces that touch and keeps gaps', () => {
    const merged = mergeSegments([h(10, 0, 50), h(10.5, 50.5, 100), h(10, 150, 200), v(0, 0, 10)]);
    expect(merged.map((s) => [s.dir, s.from, s.to])).toEqual([
      ['h', 0, 100],
      ['h', 150, 200],
      ['v', 0, 10],
    ]);
    // the joined rule sits at the mean position of its pieces
    expect(merged[0]!.at).toBeCloseTo((10 + 10.5 + 10) / 3, 6);
  });
});

describe('findGrids', () => {
  it('builds a grid with merged regions where inner lines are missing', () => {
    // 3 columns x 2 rows; the left column is one cell over both rows
    const segs = [
      h(100, 0, 300),
      h(50, 100, 300),
      h(0, 0, 300),
      v(0, 0, 100),
      v(100, 0, 100),
      v(200, 0, 100),
      v(300, 0, 100),
    ];
    const [g] = findGrids(segs);
    expect(g!.xs).toEqual([0, 100, 200, 300]);
    expect(g!.ys).toEqual([100, 50, 0]);
    expect(g!.region[0]![0]).toBe(g!.region[1]![0]);
    expect(g!.region[0]![1]).not.toBe(g!.region[1]![1]);
    expect(g!.regions[g!.region[0]![0]!]).toEqual({ top: 0, left: 0, bottom: 1, right: 0 });
  });

  it('ignores lone rules and single boxes, and separates tables that do not touch', () => {
    const box = [h(100, 0, 100), h(0, 0, 100), v(0, 0, 100), v(100, 0, 100)];
    expect(findGrids([h(500, 0, 500)])).toEqual([]);
    expect(findGrids(box)).toEqual([]);
    const table = (y: number) => [
      h(y, 0, 200),
      h(y - 20, 0, 200),
      h(y - 40, 0, 200),
      v(0, y - 40, y),
      v(100, y - 40, y),
      v(200, y - 40, y),
    ];
    const grids = findGrids([...table(700), ...table(400)]);
    expect(grids.map((g) => g.box.y1)).toEqual([700, 400]);
  });
});
