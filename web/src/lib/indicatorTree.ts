/**
 * The 自评表's indicator tree as the grid shows it. The model keeps a flat list of 三级指标, each naming its 一级
 * (category) and 二级 (subcategory); the grid shows the list in its own order with a header row wherever the
 * category or subcategory changes, so that array order and screen order are the same. Operations return new arrays
 * (unchanged indicators keep their identity, so memoised rows do not re-render). Pure.
 */
import type { CategoryKey, Indicator, SubcategoryKey } from '../../../src/model/index.js';

/** The standard 一级 / 二级 headings (财预〔2020〕10号), offered when adding a row. */
export const CATEGORY_OPTIONS: readonly {
  key: CategoryKey;
  label: string;
  subcategories: readonly { key: SubcategoryKey; label: string }[];
}[] = [
  {
    key: 'output',
    label: '产出指标',
    subcategories: [
      { key: 'quantity', label: '数量指标' },
      { key: 'quality', label: '质量指标' },
      { key: 'timeliness', label: '时效指标' },
      { key: 'cost', label: '成本指标' },
    ],
  },
  {
    key: 'outcome',
    label: '效益指标',
    subcategories: [
      { key: 'economic', label: '经济效益指标' },
      { key: 'social', label: '社会效益指标' },
      { key: 'ecological', label: '生态效益指标' },
      { key: 'sustainability', label: '可持续影响指标' },
    ],
  },
  {
    key: 'satisfaction',
    label: '满意度指标',
    subcategories: [{ key: 'satisfaction', label: '服务对象满意度指标' }],
  },
  {
    key: 'cost',
    label: '成本指标',
    subcategories: [
      { key: 'economic', label: '经济成本指标' },
      { key: 'social', label: '社会成本指标' },
      { key: 'ecological', label: '生态环境成本指标' },
    ],
  },
];

export type GridRow =
  | {
      type: 'category';
      /** key of the run: "c:<index of its first indicator>" */
      key: string;
      category: string;
      categoryKey: CategoryKey;
      /** indexes into the indicator list of the rows under it */
      first: number;
      last: number;
    }
  | {
      type: 'subcategory';
      key: string;
      category: string;
      subcategory: string;
      subcategoryKey: SubcategoryKey;
      first: number;
      last: number;
    }
  | { type: 'indicator'; key: string; index: number; indicator: Indicator };

/**
 * The grid's rows: a category header when the 一级 changes, a subcategory header when the 二级 changes, then the
 * indicator. Rows under a collapsed header key are left out.
 */
export function gridRows(indicators: readonly Indicator[], collapsed: ReadonlySet<string> = new Set()): GridRow[] {
  const rows: GridRow[] = [];
  let cat: Extract<GridRow, { type: 'category' }> | undefined;
  let sub: Extract<GridRow, { type: 'subcategory' }> | undefined;
  indicators.forEach((ind, index) => {
    if (!cat || cat.category !== ind.category) {
      cat = {
        type: 'category',
        key: `c:${index}`,
        category: ind.category,
        categoryKey: ind.categoryKey,
        first: index,
        last: index,
      };
      rows.push(cat);
      sub = undefined;
    }
    if (!sub || sub.subcategory !== ind.subcategory) {
      sub = {
        type: 'subcategory',
        key: `s:${index}`,
        category: ind.category,
        subcategory: ind.subcategory,
        subcategoryKey: ind.subcategoryKey,
        first: index,
        last: index,
      };
      if (!collapsed.has(cat.key)) rows.push(sub);
    }
    cat.last = index;
    sub.last = index;
    if (!collapsed.has(cat.key) && !collapsed.has(sub.key))
      rows.push({ type: 'indicator', key: ind.id, index, indicator: ind });
  });
  return rows;
}

/** A fresh id not used by any indicator: "ind-<n>". */
export function newIndicatorId(indicators: readonly Indicator[]): string {
  const used = new Set(indicators.map((i) => i.id));
  let n = indicators.length + 1;
  while (used.has(`ind-${n}`)) n++;
  return `ind-${n}`;
}

/** An empty 三级指标 under the given 一级 / 二级. */
export function blankIndicator(
  indicators: readonly Indicator[],
  group: Pick<Indicator, 'category' | 'categoryKey' | 'subcategory' | 'subcategoryKey'>,
): Indicator {
  return {
    id: newIndicatorId(indicators),
    category: group.category,
    categoryKey: group.categoryKey,
    subcategory: group.subcategory,
    subcategoryKey: group.subcategoryKey,
    name: '',
  };
}

/** The last index of the run of rows with the same category (and subcategory, when given) as the row at `index`. */
export function endOfRun(indicators: readonly Indicator[], index: number, level: 'category' | 'subcategory'): number {
  const at = indicators[index];
  if (!at) return indicators.length - 1;
  let end = index;
  while (end + 1 < indicators.length) {
    const next = indicators[end + 1]!;
    if (next.category !== at.category || (level === 'subcategory' && next.subcategory !== at.subcategory)) break;
    end++;
  }
  return end;
}

/** Insert an indicator at a position (clamped); returns the new list and the inserted row's index. */
export function insertIndicator(
  indicators: readonly Indicator[],
  at: number,
  indicator: Indicator,
): { indicators: Indicator[]; index: number } {
  const index = Math.max(0, Math.min(at, indicators.length));
  return { indicators: [...indicators.slice(0, index), indicator, ...indicators.slice(index)], index };
}

/** Add a blank row at the end of a 二级 group (the run containing `index`). */
export function addToSubcategory(
  indicators: readonly Indicator[],
  index: number,
): { indicators: Indicator[]; index: number } {
  const at = indicators[index];
  if (!at) throw new RangeError(`没有第 ${index + 1} 行指标`);
  return insertIndicator(indicators, endOfRun(indicators, index, 'subcategory') + 1, blankIndicator(indicators, at));
}

/** Add a blank row directly below `index`, in the same group. */
export function addBelow(indicators: readonly Indicator[], index: number): { indicators: Indicator[]; index: number } {
  const at = indicators[index];
  if (!at) throw new RangeError(`没有第 ${index + 1} 行指标`);
  return insertIndicator(indicators, index + 1, blankIndicator(indicators, at));
}

/**
 * Add a blank row in a group chosen by key: at the end of the last run of that 二级 under that 一级 if one exists,
 * else at the end of the 一级's last run, else at the end of the list.
 */
export function addToGroup(
  indicators: readonly Indicator[],
  group: Pick<Indicator, 'category' | 'categoryKey' | 'subcategory' | 'subcategoryKey'>,
): { indicators: Indicator[]; index: number } {
  let at = -1;
  for (let i = indicators.length - 1; i >= 0; i--) {
    const x = indicators[i]!;
    if (x.category === group.category && x.subcategory === group.subcategory) {
      at = i + 1;
      break;
    }
  }
  if (at < 0) {
    for (let i = indicators.length - 1; i >= 0; i--) {
      if (indicators[i]!.category === group.category) {
        at = i + 1;
        break;
      }
    }
  }
  if (at < 0) at = indicators.length;
  return insertIndicator(indicators, at, blankIndicator(indicators, group));
}

export function removeIndicator(indicators: readonly Indicator[], index: number): Indicator[] {
  if (index < 0 || index >= indicators.length) return [...indicators];
  return [...indicators.slice(0, index), ...indicators.slice(index + 1)];
}

/**
 * Can the row move one place up (-1) or down (+1) within its own 二级 group? Rows never leave their group by moving;
 * changing the 一级/二级 is how a row changes group.
 */
export function canMove(indicators: readonly Indicator[], index: number, delta: -1 | 1): boolean {
  const a = indicators[index];
  const b = indicators[index + delta];
  return !!a && !!b && a.category === b.category && a.subcategory === b.subcategory;
}

/** Swap a row with its neighbour in the same group; the list unchanged when it cannot move. */
export function moveIndicator(
  indicators: readonly Indicator[],
  index: number,
  delta: -1 | 1,
): { indicators: Indicator[]; index: number } {
  if (!canMove(indicators, index, delta)) return { indicators: [...indicators], index };
  const out = [...indicators];
  const a = out[index]!;
  out[index] = out[index + delta]!;
  out[index + delta] = a;
  return { indicators: out, index: index + delta };
}

/**
 * Move a whole 二级 group (the run containing `index`) before the previous or after the next run of the same 一级.
 */
export function moveGroup(
  indicators: readonly Indicator[],
  index: number,
  delta: -1 | 1,
): { indicators: Indicator[]; index: number } {
  const at = indicators[index];
  if (!at) return { indicators: [...indicators], index };
  let start = index;
  while (
    start > 0 &&
    indicators[start - 1]!.category === at.category &&
    indicators[start - 1]!.subcategory === at.subcategory
  )
    start--;
  const end = endOfRun(indicators, index, 'subcategory');
  if (delta === -1) {
    const prev = indicators[start - 1];
    if (!prev || prev.category !== at.category) return { indicators: [...indicators], index };
    let pStart = start - 1;
    while (
      pStart > 0 &&
      indicators[pStart - 1]!.category === prev.category &&
      indicators[pStart - 1]!.subcategory === prev.subcategory
    )
      pStart--;
    const out = [
      ...indicators.slice(0, pStart),
      ...indicators.slice(start, end + 1),
      ...indicators.slice(pStart, start),
      ...indicators.slice(end + 1),
    ];
    return { indicators: out, index: pStart + (index - start) };
  }
  const next = indicators[end + 1];
  if (!next || next.category !== at.category) return { indicators: [...indicators], index };
  const nEnd = endOfRun(indicators, end + 1, 'subcategory');
  const out = [
    ...indicators.slice(0, start),
    ...indicators.slice(end + 1, nEnd + 1),
    ...indicators.slice(start, end + 1),
    ...indicators.slice(nEnd + 1),
  ];
  return { indicators: out, index: index + (nEnd - end) };
}

/**
 * Put a row under another 一级/二级: the row takes the group's names and keys and moves to the end of that group's
 * last run (or stays where it is when no such run exists).
 */
export function regroupIndicator(
  indicators: readonly Indicator[],
  index: number,
  group: Pick<Indicator, 'category' | 'categoryKey' | 'subcategory' | 'subcategoryKey'>,
): { indicators: Indicator[]; index: number } {
  const at = indicators[index];
  if (!at) return { indicators: [...indicators], index };
  const moved: Indicator = { ...at, ...group };
  const rest = removeIndicator(indicators, index);
  let target = -1;
  for (let i = rest.length - 1; i >= 0; i--) {
    if (rest[i]!.category === group.category && rest[i]!.subcategory === group.subcategory) {
      target = i + 1;
      break;
    }
  }
  if (target < 0) {
    const out = [...indicators];
    out[index] = moved;
    return { indicators: out, index };
  }
  return insertIndicator(rest, target, moved);
}

/** Rename a whole run's 一级 or 二级 heading (the rows from `first` to `last`). */
export function renameRun(
  indicators: readonly Indicator[],
  first: number,
  last: number,
  change: Partial<Pick<Indicator, 'category' | 'categoryKey' | 'subcategory' | 'subcategoryKey'>>,
): Indicator[] {
  return indicators.map((ind, i) => (i >= first && i <= last ? { ...ind, ...change } : ind));
}

/** Replace one indicator (by index) with a changed copy. */
export function updateIndicator(
  indicators: readonly Indicator[],
  index: number,
  change: Partial<Indicator>,
): Indicator[] {
  const out = [...indicators];
  const at = out[index];
  if (!at) return out;
  out[index] = { ...at, ...change };
  return out;
}
