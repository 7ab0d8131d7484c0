import type { Source, TableMeta } from '../../model/index.js';
import type { CellView } from './grid.js';
import { labelKey, pad } from './normalize.js';
import { joinPath, type Recorder } from './recorder.js';
import { metaLabel, META_IN_TEXT, type MetaKey } from './vocabulary.js';

/** Where the meta of one table goes: its TableMeta and its path, and what to do with project-level keys. */
export interface MetaTarget {
  meta: TableMeta;
  /** e.g. "basicData.meta" */
  path: string;
  /** 项目名称 / 主管部门: not TableMeta fields; the caller decides where they go */
  other?: (key: MetaKey, value: string, source: Source) => void;
}

const TABLE_META_KEYS: Partial<Record<MetaKey, keyof TableMeta>> = {
  unitName: 'unitName',
  preparer: 'preparer',
  preparedOn: 'preparedOn',
  contactPhone: 'contactPhone',
};

const META_NAMES: Readonly<Record<keyof TableMeta, string>> = {
  unitName: '单位名称',
  preparer: '填表人',
  preparedOn: '填报日期',
  contactPhone: '联系电话',
};

function assign(target: MetaTarget, key: MetaKey, value: string, source: Source, rec: Recorder): void {
  const v = pad(value);
  if (v === '') return;
  const field = TABLE_META_KEYS[key];
  if (field) {
    const had = target.meta[field];
    if (had !== undefined) {
      if (had !== v) {
        rec.unrecognised.push({
          what: 'cell',
          text: v,
          reason: `表格的${META_NAMES[field]}已经读取为“${had}”，这里不同的值未采用`,
          source,
        });
      }
      return;
    }
    target.meta[field] = v;
    rec.at(joinPath(target.path, field), source);
  } else {
    target.other?.(key, v, source);
  }
}

/**
 * "填表人：张三   填报日期：2024年3月1日   联系电话： 13800000000" → the three fields. Returns true when the text
 * holds at least one meta label (even with an empty value, as in "填报单位：").
 */
export function metaFromText(text: string, source: Source, target: MetaTarget, rec: Recorder): boolean {
  const found: { key: MetaKey; at: number; end: number }[] = [];
  META_IN_TEXT.lastIndex = 0;
  for (let m = META_IN_TEXT.exec(text); m; m = META_IN_TEXT.exec(text)) {
    const key = metaLabel(m[1]!);
    if (key) found.push({ key, at: m.index, end: m.index + m[0].length });
  }
  if (found.length === 0) return false;
  found.forEach((f, i) => {
    const value = text.slice(f.end, found[i + 1]?.at ?? text.length);
    assign(target, f.key, value, { ...source, text: pad(text.slice(f.at, found[i + 1]?.at ?? text.length)) }, rec);
  });
  return true;
}

/**
 * Meta in table cells: "预算单位名称 | 某中心", "项目名称 | X | 主管部门 | Y", or "填表人：张三" inside one cell.
 * Applies and returns true only when every filled cell of the row is meta (a label, its value, or label：value).
 */
export function metaFromCells(cells: readonly CellView[], target: MetaTarget, rec: Recorder): boolean {
  const plan: (() => void)[] = [];
  let i = 0;
  let any = false;
  while (i < cells.length) {
    const c = cells[i]!;
    const key = metaLabel.byKey(c.key);
    if (key && !/[：:]./.test(c.text)) {
      const next = cells[i + 1];
      const nextIsLabel = next ? metaLabel.byKey(next.key) !== undefined || /[：:]/.test(next.text) : false;
      if (next && !nextIsLabel) {
        plan.push(() => assign(target, key, next.text, next.raw.source, rec));
        i += 2;
      } else {
        i += 1;
      }
      any = true;
      continue;
    }
    if (/[：:]/.test(c.text) && metaLabel.byKey(labelKey(c.text.split(/[：:]/)[0]!)) !== undefined) {
      plan.push(() => metaFromText(c.text, c.raw.source, target, rec));
      any = true;
      i += 1;
      continue;
    }
    return false;
  }
  if (!any) return false;
  for (const p of plan) p();
  return true;
}
