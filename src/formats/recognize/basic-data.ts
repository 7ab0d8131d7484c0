import type { BasicData, ThreeYearRow } from '../../model/index.js';
import {
  asciiDigits,
  freeText,
  isPlaceholderText,
  joinLines,
  looksNone,
  looksNumeric,
  withoutTemplateNotes,
} from './normalize.js';
import type { CellView, Column, RowView } from './grid.js';
import { cellUnder, cellsOutside, headerColumns } from './grid.js';
import { joinPath, type Recorder } from './recorder.js';
import { basicRow, buildingColumn, type BasicRowKey, type BuildingColumn, type StaffingColumn } from './vocabulary.js';
import { metaFromCells, type MetaTarget } from './meta.js';

type YearField = 'previousFinal' | 'currentBudget' | 'currentFinal';

type Setter = (d: BasicData, v: ThreeYearRow) => void;

/** Where each 三公 / 项目 / 公用经费 … row goes in BasicData: its path and how to put it there. */
const ROW_TARGETS: Partial<Record<BasicRowKey, readonly [string, Setter]>> = {
  threePublicTotal: ['threePublicCosts.total', (d, v) => (d.threePublicCosts.total = v)],
  officialVehicles: ['threePublicCosts.officialVehicles', (d, v) => (d.threePublicCosts.officialVehicles = v)],
  vehiclePurchase: ['threePublicCosts.vehiclePurchase', (d, v) => (d.threePublicCosts.vehiclePurchase = v)],
  vehicleOperation: ['threePublicCosts.vehicleOperation', (d, v) => (d.threePublicCosts.vehicleOperation = v)],
  overseasTravel: ['threePublicCosts.overseasTravel', (d, v) => (d.threePublicCosts.overseasTravel = v)],
  officialReception: ['threePublicCosts.officialReception', (d, v) => (d.threePublicCosts.officialReception = v)],
  projectTotal: ['projectExpenditure.total', (d, v) => (d.projectExpenditure.total = v)],
  publicFundsTotal: ['publicFunds.total', (d, v) => (d.publicFunds.total = v)],
  governmentProcurement: ['governmentProcurement', (d, v) => (d.governmentProcurement = v)],
  basicBudgetAdjustment: ['basicBudgetAdjustment', (d, v) => (d.basicBudgetAdjustment = v)],
};

const STAFFING_FIELDS: readonly StaffingColumn[] = ['authorizedStaff', 'actualStaff', 'staffControlRate'];

function isStaffingField(k: BasicRowKey | undefined): k is StaffingColumn {
  return k !== undefined && (STAFFING_FIELDS as readonly string[]).includes(k);
}

/**
 * The three year-columns of 经费控制情况 from their headings: the earlier year's column is 上年决算; of the current
 * year's, 预算 is the budget and 决算/执行/实际 the final accounts. Without years, the order of the form.
 */
export function yearColumns(cells: readonly CellView[]): Column<YearField>[] {
  const parsed = cells.map((c) => {
    const t = asciiDigits(c.text);
    const y = /(\d{4})年/.exec(t);
    return {
      cell: c,
      year: y ? Number(y[1]) : undefined,
      previous: /上年|上一年|前一年/.test(t),
      budget: /预算/.test(t),
      final: /决算|执行|实际|完成/.test(t),
    };
  });
  const years = parsed.map((p) => p.year).filter((y): y is number => y !== undefined);
  const maxYear = years.length > 0 ? Math.max(...years) : undefined;
  const out: Column<YearField>[] = [];
  const taken = new Set<YearField>();
  const take = (field: YearField, c: CellView): void => {
    if (taken.has(field)) return;
    taken.add(field);
    out.push({ field, start: c.start, end: c.end, header: c });
  };
  for (const p of parsed) {
    if (p.previous || (p.year !== undefined && maxYear !== undefined && p.year < maxYear))
      take('previousFinal', p.cell);
    else if (p.budget) take('currentBudget', p.cell);
    else if (p.final) take('currentFinal', p.cell);
  }
  if (out.length === 0) {
    const order: YearField[] = ['previousFinal', 'currentBudget', 'currentFinal'];
    cells.slice(0, 3).forEach((c, i) => take(order[i]!, c));
  }
  return out;
}

/** Does a row look like the 经费控制情况 header (year headings such as 2022年决算数 / 2023年预算数)? */
export function isYearHeader(cells: readonly CellView[]): boolean {
  const hits = cells.filter((c) =>
    /(\d{4}|[０-９]{4})年.*(预算|决算|执行)|上年.*(决算|预算)|本年.*(预算|决算)/.test(c.text),
  );
  return hits.length >= 2;
}

interface State {
  staffingCols: Column<StaffingColumn>[] | null;
  yearCols: Column<YearField>[] | null;
  buildingCols: Column<BuildingColumn>[] | null;
  group: 'project' | 'publicFunds' | null;
}

/** The first cell of a row when it is a label (stands left of the block's value columns and is not a value). */
function labelCell(row: RowView, firstValueCol: number | undefined): CellView | undefined {
  const first = row.filled[0];
  if (!first) return undefined;
  if (firstValueCol !== undefined && first.start >= firstValueCol) return undefined;
  if (looksNumeric(first.text) || looksNone(first.text)) return undefined;
  return first;
}

/** Read a 基础数据表 from its rows (one segment of one or more tables). */
export function readBasicData(rows: readonly RowView[], rec: Recorder, meta: MetaTarget): BasicData {
  const data: BasicData = {
    meta: {},
    columnLabels: {},
    staffing: {},
    threePublicCosts: {},
    projectExpenditure: { items: [] },
    publicFunds: { items: [] },
    buildings: { items: [] },
  };
  const st: State = { staffingCols: null, yearCols: null, buildingCols: null, group: null };
  const seen = new Set<string>();

  const setStaffing = (field: StaffingColumn, cell: CellView | undefined): void => {
    const f = rec.fig(joinPath('basicData.staffing', field), cell);
    if (f) data.staffing[field] = f;
  };

  const threeYear = (path: string, row: RowView, label: CellView): ThreeYearRow => {
    const out: ThreeYearRow = { label: withoutTemplateNotes(label.text) };
    const full = joinPath('basicData', path);
    rec.at(full, label.raw.source);
    rec.at(joinPath(full, 'label'), label.raw.source);
    const values = row.filled.filter((c) => c !== label);
    if (st.yearCols) {
      for (const col of st.yearCols) {
        const c = cellUnder(row, col);
        if (c && c !== label) {
          const f = rec.fig(joinPath(full, col.field), c);
          if (f) out[col.field] = f;
        }
      }
      for (const c of cellsOutside(row, st.yearCols)) {
        if (c !== label) rec.cell(c, '基础数据表中此单元格不在任何年度列之下，未能归入');
      }
    } else {
      const order: YearField[] = ['previousFinal', 'currentBudget', 'currentFinal'];
      values.slice(0, 3).forEach((c, i) => {
        const f = rec.fig(joinPath(full, order[i]!), c);
        if (f) out[order[i]!] = f;
      });
      for (const c of values.slice(3)) rec.cell(c, '基础数据表中多出的数值，未能归入任何年度列');
    }
    return out;
  };

  for (const row of rows) {
    if (row.filled.length === 0) continue;
    const firstValueCol = st.yearCols?.[0]?.start ?? st.staffingCols?.[0]?.start ?? st.buildingCols?.[0]?.start;
    const label = labelCell(row, firstValueCol);
    const kind = label ? basicRow.byKey(label.key) : undefined;

    // a row holding 填表人 / 填报单位 … cells
    if (!kind && metaFromCells(row.filled, meta, rec)) continue;

    if (kind === 'staffingBlock' || (!label && !kind && isStaffingHeader(row))) {
      const { columns } = headerColumns(row, (k) => {
        const r = basicRow.byKey(k);
        return isStaffingField(r) ? r : undefined;
      });
      // "编制数 | 7 | 实有人数 | 7 …" pairs on the same line
      const pairs = pairValues(row, columns);
      if (pairs) {
        for (const [field, cell] of pairs) setStaffing(field, cell);
        st.staffingCols = null;
      } else {
        st.staffingCols = columns.length > 0 ? columns : null;
      }
      if (label) rec.at('basicData.staffing', label.raw.source);
      st.group = null;
      continue;
    }
    if (isStaffingField(kind) && label) {
      setStaffing(
        kind,
        row.filled.find((c) => c !== label),
      );
      st.group = null;
      continue;
    }
    if (!label && st.staffingCols) {
      for (const col of st.staffingCols) setStaffing(col.field, cellUnder(row, col));
      st.staffingCols = null;
      continue;
    }

    if (kind === 'fundsBlock' || (label && !kind && isYearHeader(row.filled.filter((c) => c !== label)))) {
      const heads = row.filled.filter((c) => c !== label);
      st.yearCols = yearColumns(heads);
      for (const col of st.yearCols) {
        data.columnLabels[col.field] = col.header.text;
        rec.at(joinPath('basicData.columnLabels', col.field), col.header.raw.source);
      }
      st.group = null;
      st.buildingCols = null;
      continue;
    }

    if (kind === 'buildings' && label) {
      data.buildings.label = label.text;
      rec.at('basicData.buildings.label', label.raw.source);
      const { columns, unmatched } = headerColumns(row, (k) => buildingColumn.byKey(k));
      st.buildingCols = columns.length > 0 ? columns : null;
      for (const c of unmatched) if (c !== label) rec.column(c, '楼堂馆所控制情况中未识别的列');
      st.group = null;
      continue;
    }

    if (kind === 'frugality' && label) {
      const rest = row.filled.filter((c) => c !== label);
      const text = freeText(rest.map((c) => c.raw.text).join('\n'));
      if (text !== '') {
        data.frugalityMeasures = text;
        rec.at('basicData.frugalityMeasures', rest[0]!.raw.source, text);
      }
      st.group = null;
      st.buildingCols = null;
      continue;
    }

    if (kind === 'notes' && label) {
      const rest = row.filled.find((c) => c !== label);
      const t = rec.text('basicData.notes', rest);
      if (t) data.notes = t;
      continue;
    }

    const target = kind ? ROW_TARGETS[kind] : undefined;
    if (target && label && seen.has(target[0])) {
      rec.row(row, '基础数据表中重复的行：同名的行已经读取过');
      continue;
    }
    if (target && label) {
      seen.add(target[0]);
      target[1](data, threeYear(target[0], row, label));
      st.group = kind === 'projectTotal' ? 'project' : kind === 'publicFundsTotal' ? 'publicFunds' : null;
      st.buildingCols = null;
      continue;
    }

    if (st.buildingCols) {
      readBuilding(row, label, st.buildingCols, data, rec);
      continue;
    }

    if (st.group && label) {
      if (isPlaceholderText(label.text)) continue; // "……": a template row
      const list = st.group === 'project' ? data.projectExpenditure.items : data.publicFunds.items;
      const base = st.group === 'project' ? 'projectExpenditure.items' : 'publicFunds.items';
      list.push(threeYear(joinPath(base, list.length), row, label));
      continue;
    }

    rec.row(row, '基础数据表中未识别的行：行名不在已知的行名（含同义词）之列');
  }
  return data;
}

function isStaffingHeader(row: RowView): boolean {
  return row.filled.filter((c) => isStaffingField(basicRow.byKey(c.key))).length >= 2;
}

/** "编制数 | 7 | 实有人数 | 7 | 控制率 | 100%": each header cell followed by its value. */
function pairValues(
  row: RowView,
  columns: readonly Column<StaffingColumn>[],
): [StaffingColumn, CellView | undefined][] | undefined {
  const out: [StaffingColumn, CellView | undefined][] = [];
  for (const col of columns) {
    const i = row.filled.indexOf(col.header);
    const next = row.filled[i + 1];
    if (!next || !(looksNumeric(next.text) || looksNone(next.text))) return undefined;
    out.push([col.field, next]);
  }
  return out.length > 0 ? out : undefined;
}

function readBuilding(
  row: RowView,
  label: CellView | undefined,
  cols: readonly Column<BuildingColumn>[],
  data: BasicData,
  rec: Recorder,
): void {
  const i = data.buildings.items.length;
  const base = joinPath('basicData.buildings.items', i);
  const item: BasicData['buildings']['items'][number] = {};
  let any = false;
  for (const col of cols) {
    const c = cellUnder(row, col);
    if (c && c !== label) {
      const f = rec.fig(joinPath(base, col.field), c);
      if (f) {
        item[col.field] = f;
        any = true;
      }
    }
  }
  if (label) {
    item.name = joinLines(label.text);
    rec.at(joinPath(base, 'name'), label.raw.source);
    any = true;
  }
  if (!any) return; // an empty line of the form
  rec.at(base, (label ?? row.filled[0]!).raw.source);
  data.buildings.items.push(item);
}
