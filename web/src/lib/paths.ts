/**
 * Field paths (FieldPath: "selfEvaluation.indicators.3.actual") ↔ the editor's sections and fields. A finding's
 * `where[].path`, a comment's `fieldPath` and a source key all use this form (comments may use brackets). Pure.
 */

export type EditorSection = 'basic' | 'budget' | 'basicData' | 'indicators' | 'goal' | 'narrative';

export const SECTION_LABELS: Readonly<Record<EditorSection, string>> = {
  basic: '基本情况',
  budget: '预算执行',
  basicData: '基础数据表',
  indicators: '自评表',
  goal: '年度总体目标',
  narrative: '文字部分',
};

export const SECTION_ORDER: readonly EditorSection[] = [
  'basic',
  'budget',
  'basicData',
  'indicators',
  'goal',
  'narrative',
];

/** "a[3].b" → "a.3.b"; trims dots. */
export function normalizePath(path: string): string {
  return path
    .trim()
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\.+|\.+$/g, '')
    .replace(/\.{2,}/g, '.');
}

/** Path prefixes of each section, most specific first (the first match wins). */
const SECTION_PREFIXES: readonly (readonly [string, EditorSection])[] = [
  ['selfEvaluation.overallGoal', 'goal'],
  ['selfEvaluation.funding', 'budget'],
  ['selfEvaluation.bySource', 'budget'],
  ['selfEvaluation.byNature', 'budget'],
  ['selfEvaluation', 'indicators'],
  ['selfReported', 'indicators'],
  ['finances', 'budget'],
  ['basicData', 'basicData'],
  ['narrative', 'narrative'],
  ['unrecognised', 'narrative'],
  ['title', 'basic'],
  ['unit', 'basic'],
  ['project', 'basic'],
  ['year', 'basic'],
  ['kind', 'basic'],
  ['profile', 'basic'],
  ['organisation', 'basic'],
];

/** Is `path` the same as `prefix` or inside it? */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/** The editor section showing a field; undefined for the whole document (''), sources and unknown paths. */
export function sectionOfPath(path: string): EditorSection | undefined {
  const p = normalizePath(path);
  if (p === '') return undefined;
  for (const [prefix, section] of SECTION_PREFIXES) if (isWithin(p, prefix)) return section;
  return undefined;
}

/** The parent path ("a.b.c" → "a.b"; "a" → ""). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? '' : path.slice(0, i);
}

/**
 * The rendered fields a path points at: the field itself; else every field inside it (a whole row); else the
 * nearest rendered ancestor. `available` is the set of paths the form renders.
 */
export function resolveFieldPaths(path: string, available: Iterable<string>): string[] {
  const p = normalizePath(path);
  const all = [...available];
  if (all.includes(p)) return [p];
  if (p !== '') {
    const inside = all.filter((a) => isWithin(a, p));
    if (inside.length > 0) return inside;
  }
  for (let up = parentPath(p); up !== ''; up = parentPath(up)) {
    if (all.includes(up)) return [up];
  }
  return [];
}

export const INDICATOR_FIELDS = [
  'name',
  'comparator',
  'target',
  'unit',
  'actual',
  'weight',
  'selfScore',
  'deviationNote',
] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** `selfEvaluation.indicators.7.actual` → { index: 7, field: 'actual' }; field undefined for the row itself or a field the grid does not show. */
export function indicatorCellOfPath(path: string): { index: number; field: IndicatorField | undefined } | undefined {
  const m = /^selfEvaluation\.indicators\.(\d+)(?:\.(\w+))?/.exec(normalizePath(path));
  if (!m) return undefined;
  const field = m[2] as IndicatorField | undefined;
  return {
    index: Number(m[1]),
    field: field && (INDICATOR_FIELDS as readonly string[]).includes(field) ? field : undefined,
  };
}

export function indicatorPath(index: number, field?: IndicatorField | string): string {
  return field ? `selfEvaluation.indicators.${index}.${field}` : `selfEvaluation.indicators.${index}`;
}

/** `narrative.sections.4.text` → 4 */
export function narrativeIndexOfPath(path: string): number | undefined {
  const m = /^narrative\.sections\.(\d+)/.exec(normalizePath(path));
  return m ? Number(m[1]) : undefined;
}

/**
 * Group paths under each rendered field: for every path (findings' places, comments) the rendered fields it
 * resolves to. Used to mark fields that have findings or comments.
 */
export function indexByField<T>(
  entries: readonly { path: string; item: T }[],
  available: Iterable<string>,
): Map<string, T[]> {
  const avail = [...available];
  const out = new Map<string, T[]>();
  for (const { path, item } of entries) {
    for (const f of resolveFieldPaths(path, avail)) {
      const list = out.get(f);
      if (list) {
        if (!list.includes(item)) list.push(item);
      } else out.set(f, [item]);
    }
  }
  return out;
}
