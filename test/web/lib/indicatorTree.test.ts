import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/model/index.js';
import {
  addBelow,
  addToGroup,
  addToSubcategory,
  canMove,
  gridRows,
  moveGroup,
  moveIndicator,
  newIndicatorId,
  regroupIndicator,
  removeIndicator,
  renameRun,
  updateIndicator,
} from '../../../web/src/lib/indicatorTree.js';

const ind = (id: string, category: string, subcategory: string, name = id): Indicator => ({
  id,
  category,
  categoryKey: category === '产出指标' ? 'output' : category === '效益指标' ? 'outcome' : 'satisfaction',
  subcategory,
  subcategoryKey: subcategory === '数量指标' ? 'quantity' : subcategory === '质量指标' ? 'quality' : 'social',
  name,
});

const sample = (): Indicator[] => [
  ind('a', '产出指标', '数量指标'),
  ind('b', '产出指标', '数量指标'),
  ind('c', '产出指标', '质量指标'),
  ind('d', '效益指标', '社会效益指标'),
  ind('e', '效益指标', '社会效益指标'),
];

describe('gridRows', () => {
  it('puts a header row wherever the 一级 or 二级 changes, in list order', () => {
    const rows = gridRows(sample());
    expect(
      rows.map((r) =>
        r.type === 'indicator' ? r.indicator.id : `${r.type}:${r.type === 'category' ? r.category : r.subcategory}`,
      ),
    ).toEqual([
      'category:产出指标',
      'subcategory:数量指标',
      'a',
      'b',
      'subcategory:质量指标',
      'c',
      'category:效益指标',
      'subcategory:社会效益指标',
      'd',
      'e',
    ]);
    const cat = rows[0]!;
    expect(cat.type === 'category' && [cat.first, cat.last]).toEqual([0, 2]);
  });

  it('leaves out the rows under a collapsed header', () => {
    const rows = gridRows(sample(), new Set(['c:0', 's:3']));
    expect(rows.map((r) => r.key)).toEqual(['c:0', 'c:3', 's:3']);
  });

  it('has one indicator row per indicator, with the right index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('产出指标', '效益指标'), fc.constantFrom('数量指标', '质量指标')), {
          maxLength: 40,
        }),
        (groups) => {
          const list = groups.map(([c, s], i) => ind(`i${i}`, c, s));
          const rows = gridRows(list).filter((r) => r.type === 'indicator');
          expect(rows.map((r) => (r.type === 'indicator' ? r.index : -1))).toEqual(list.map((_, i) => i));
        },
      ),
    );
  });
});

describe('tree operations', () => {
  it('adds a row at the end of the 二级 group, below a row, or in a named group', () => {
    const list = sample();
    const r1 = addToSubcategory(list, 0);
    expect(r1.index).toBe(2);
    expect(r1.indicators[2]).toMatchObject({ category: '产出指标', subcategory: '数量指标', name: '' });
    expect(r1.indicators).toHaveLength(6);

    const r2 = addBelow(list, 0);
    expect(r2.index).toBe(1);
    expect(r2.indicators.map((i) => i.id).slice(0, 3)).toEqual(['a', r2.indicators[1]!.id, 'b']);

    const r3 = addToGroup(list, {
      category: '效益指标',
      categoryKey: 'outcome',
      subcategory: '经济效益指标',
      subcategoryKey: 'economic',
    });
    expect(r3.index).toBe(5); // end of the 效益指标 run
    const r4 = addToGroup(list, {
      category: '满意度指标',
      categoryKey: 'satisfaction',
      subcategory: '服务对象满意度指标',
      subcategoryKey: 'satisfaction',
    });
    expect(r4.index).toBe(5);
    expect(gridRows(r4.indicators).filter((r) => r.type === 'category')).toHaveLength(3);
  });

  it('gives new rows ids no other row has', () => {
    const list = [ind('ind-6', '产出指标', '数量指标'), ind('ind-2', '产出指标', '数量指标')];
    const id = newIndicatorId(list);
    expect(list.map((i) => i.id)).not.toContain(id);
    let grown = list;
    for (let k = 0; k < 20; k++) grown = addBelow(grown, 0).indicators;
    expect(new Set(grown.map((i) => i.id)).size).toBe(grown.length);
  });

  it('moves rows only within their 二级 group', () => {
    const list = sample();
    expect(canMove(list, 0, -1)).toBe(false);
    expect(canMove(list, 1, 1)).toBe(false); // b → c crosses into 质量指标
    expect(canMove(list, 0, 1)).toBe(true);
    const moved = moveIndicator(list, 0, 1);
    expect(moved.indicators.map((i) => i.id)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(moved.index).toBe(1);
    const stuck = moveIndicator(list, 2, 1);
    expect(stuck.indicators.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(stuck.index).toBe(2);
  });

  it('keeps the identity of untouched rows', () => {
    const list = sample();
    const changed = updateIndicator(list, 1, { name: '新名称' });
    expect(changed[0]).toBe(list[0]);
    expect(changed[1]).not.toBe(list[1]);
    expect(changed[1]!.name).toBe('新名称');
    const moved = moveIndicator(list, 3, 1).indicators;
    expect(moved[3]).toBe(list[4]);
  });

  it('moves a whole 二级 group past its neighbour within the 一级', () => {
    const list = sample();
    const down = moveGroup(list, 0, 1);
    expect(down.indicators.map((i) => i.id)).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(down.index).toBe(1);
    const up = moveGroup(down.indicators, 2, -1);
    expect(up.indicators.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(up.index).toBe(1);
    // the last group of a 一级 cannot move past the next 一级
    expect(moveGroup(list, 2, 1).indicators.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('regroups a row into an existing group (moving it there) or in place', () => {
    const list = sample();
    const r = regroupIndicator(list, 0, {
      category: '效益指标',
      categoryKey: 'outcome',
      subcategory: '社会效益指标',
      subcategoryKey: 'social',
    });
    expect(r.indicators.map((i) => i.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
    expect(r.index).toBe(4);
    expect(r.indicators[4]).toMatchObject({ category: '效益指标', subcategory: '社会效益指标' });
    const fresh = regroupIndicator(list, 2, {
      category: '产出指标',
      categoryKey: 'output',
      subcategory: '时效指标',
      subcategoryKey: 'timeliness',
    });
    expect(fresh.index).toBe(2);
    expect(fresh.indicators[2]!.subcategory).toBe('时效指标');
  });

  it('removes and renames', () => {
    const list = sample();
    expect(removeIndicator(list, 1).map((i) => i.id)).toEqual(['a', 'c', 'd', 'e']);
    expect(removeIndicator(list, 9)).toEqual(list);
    const renamed = renameRun(list, 3, 4, { subcategory: '经济效益指标', subcategoryKey: 'economic' });
    expect(renamed.slice(3).every((i) => i.subcategory === '经济效益指标')).toBe(true);
    expect(renamed[0]).toBe(list[0]);
  });
});
