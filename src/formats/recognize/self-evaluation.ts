import {
  type CategoryKey,
  type Comparator,
  type FundingRow,
  type Indicator,
  type SelfEvaluation,
  type SubcategoryKey,
} from '../../model/index.js';
import type { CellView, Column, RowView } from './grid.js';
import { cellUnder, cellsOutside, headerColumns, headerFields } from './grid.js';
import { metaFromCells, metaFromText, type MetaTarget } from './meta.js';
import { isPlaceholderText, joinLines, looksNone, looksNumeric, pad, pointsOf, withoutPoints } from './normalize.js';
import { joinPath, type Recorder } from './recorder.js';
import {
  categoryKeyOf,
  executionRowLabel,
  fundingBlock,
  fundingColumn,
  fundingRow,
  goalColumn,
  indicatorBlock,
  indicatorColumn,
  metaLabel,
  sheetRow,
  subcategoryKeyOf,
  type FundingColumn,
  type FundingRowKey,
  type GoalColumn,
  type IndicatorColumn,
} from './vocabulary.js';

const SE = 'selfEvaluation';

/** Where a funding row goes: the 年度资金总额 line, a source of funds, or a nature of spending. */
const FUNDING_PATHS: Readonly<Record<FundingRowKey, string>> = {
  total: 'funding',
  generalPublic: 'bySource.generalPublic',
  governmentFund: 'bySource.governmentFund',
  stateCapital: 'bySource.stateCapital',
  socialInsurance: 'bySource.socialInsurance',
  specialAccountNonTax: 'bySource.specialAccountNonTax',
  currentYearAppropriation: 'bySource.currentYearAppropriation',
  carryOver: 'bySource.carryOver',
  other: 'bySource.other',
  basic: 'byNature.basic',
  project: 'byNature.project',
};

/** Words in a 指标性质 / 指标方向 cell → comparator (data). */
const DIRECTION_WORDS: readonly (readonly [RegExp, Comparator])[] = [
  [/^(≥|>=|＞＝|大于等于|不低于|不少于|正向|正向指标)$/, '>='],
  [/^(≤|<=|＜＝|小于等于|不高于|不超过|不多于|反向|反向指标)$/, '<='],
  [/^(=|＝|等于)$/, '='],
  [/^(>|＞|大于|高于)$/, '>'],
  [/^(<|＜|小于|低于)$/, '<'],
  [/^(区间|范围)$/, 'range'],
  [/^定性$/, 'qualitative'],
];

function comparatorOf(text: string): Comparator | undefined {
  const t = pad(text).replace(/\s/g, '');
  for (const [re, c] of DIRECTION_WORDS) if (re.test(t)) return c;
  return undefined;
}

interface Level {
  text: string;
  cell: CellView;
}

type Mode = 'start' | 'funding' | 'goal' | 'indicators' | 'end';

/** "其中：一般公共预算：120.50" → ["一般公共预算", "120.50"]; undefined when the cell is not label：value. */
function splitPair(text: string): [string, string] | undefined {
  if (!text.includes('：') && !text.includes(':')) return undefined; // the common case, without the regexes
  const s = pad(text).replace(/^其中\s*[：:]\s*/, '');
  const m = /^([^：:]+?)\s*[：:]\s*(.*)$/s.exec(s);
  if (!m) return undefined;
  return [m[1]!, pad(m[2]!)];
}

export interface SelfEvaluationExtras {
  projectName?: string;
  supervisingDepartment?: string;
}

/**
 * Read a 自评表 (department or project) from its rows. Layouts differ in which blocks they have and what their
 * columns are called; the reader is driven by header rows (年初预算数 …, 一级指标 …) and row labels, so the seed's
 * Hunan layout, the central/Anhui, Sichuan, Chongqing and Hubei layouts and the 项目支出绩效自评表 all go through it.
 */
export function readSelfEvaluation(
  rows: readonly RowView[],
  rec: Recorder,
  target: MetaTarget,
): { sheet: SelfEvaluation; extras: SelfEvaluationExtras } {
  const sheet: SelfEvaluation = {
    meta: target.meta,
    funding: {},
    bySource: {},
    byNature: {},
    overallGoal: {},
    categoryWeights: {},
    indicators: [],
  };
  const extras: SelfEvaluationExtras = {};
  let mode: Mode = 'start';
  let fundingCols: Column<FundingColumn>[] | null = null;
  let fundingPoints: { value: string; cell: CellView } | undefined;
  let goalCols: Column<GoalColumn>[] | null = null;
  let indCols: Column<IndicatorColumn>[] | null = null;
  /** indCols by field (a header's fields are distinct) */
  let indByField = new Map<IndicatorColumn, Column<IndicatorColumn>>();
  let cat: Level | null = null;
  let sub: Level | null = null;

  const fundingTarget = (key: FundingRowKey): FundingRow => {
    if (key === 'total') return sheet.funding;
    const path = FUNDING_PATHS[key];
    const [group, field] = path.split('.') as ['bySource' | 'byNature', string];
    const g = sheet[group] as Record<string, FundingRow | undefined>;
    const existing = g[field];
    if (existing) return existing;
    const created: FundingRow = {};
    g[field] = created;
    return created;
  };

  const putFunding = (key: FundingRowKey, label: CellView | undefined, labelText: string | undefined): FundingRow => {
    const row = fundingTarget(key);
    const path = joinPath(SE, FUNDING_PATHS[key]);
    if (labelText !== undefined && row.label === undefined) row.label = labelText;
    if (label) {
      if (!rec.has(path)) rec.at(path, label.raw.source);
      if (labelText !== undefined) rec.at(joinPath(path, 'label'), label.raw.source);
    }
    return row;
  };

  // ------------------------------------------------------------ the money block

  const readFundingRow = (row: RowView): void => {
    const cells = row.filled.filter((c) => {
      const b = fundingBlock.byKey(c.key);
      if (b === 'block') {
        const pts = pointsOf(c.text);
        if (pts && !fundingPoints) fundingPoints = { value: pts, cell: c };
        return false;
      }
      return true;
    });
    if (cells.length === 0) return;
    // the Hunan split: every cell "label：amount" (or a group heading such as 按收入性质分：)
    const pairs: { key: FundingRowKey; label: string; value: string; cell: CellView }[] = [];
    let allPairs = true;
    for (const c of cells) {
      if (fundingBlock.byKey(c.key) === 'group') continue;
      const pair = splitPair(c.text);
      const key = pair ? fundingRow(pair[0]) : undefined;
      if (!pair || !key || !(pair[1] === '' || looksNumeric(pair[1]) || looksNone(pair[1]))) {
        allPairs = false;
        break;
      }
      pairs.push({ key, label: pad(pair[0]), value: pair[1], cell: c });
    }
    if (allPairs) {
      for (const p of pairs) {
        const fr = putFunding(p.key, p.cell, p.label);
        // A single amount beside a source or nature of funds: the layout prints it under 全年预算数's heading
        // (年度预算申请), so it is the adjusted (full-year) budget of that line.
        const f = rec.figure(p.value);
        if (f && fr.adjustedBudget === undefined) {
          fr.adjustedBudget = f;
          rec.at(joinPath(joinPath(SE, FUNDING_PATHS[p.key]), 'adjustedBudget'), p.cell.raw.source);
        } else if (f) rec.cell(p.cell, '同一资金行的金额已经读取过，这里重复的金额未能归入');
      }
      return;
    }
    const firstValue = fundingCols?.[0]?.start;
    const label = cells.find(
      (c) => (firstValue === undefined || c.start < firstValue) && !looksNumeric(c.text) && !looksNone(c.text),
    );
    const key = label ? fundingRow.byKey(label.key) : 'total';
    if (!key) {
      rec.row(row, '自评表资金部分中未识别的行：行名不是已知的资金来源或支出性质');
      return;
    }
    const fr = putFunding(
      key,
      label ?? cells[0],
      label ? joinLines(label.text).replace(/^其中\s*[：:]\s*/, '') : undefined,
    );
    const base = joinPath(SE, FUNDING_PATHS[key]);
    if (fundingCols) {
      for (const col of fundingCols) {
        const c = cellUnder(row, col);
        if (!c || c === label || c.text === '') continue;
        if (fr[col.field] === undefined) {
          const f = rec.fig(joinPath(base, col.field), c);
          if (f) fr[col.field] = f;
        } else rec.cell(c, '同一资金行的这一列已经读取过，这里重复的值未能归入');
      }
      for (const c of cellsOutside(row, fundingCols)) {
        if (c !== label && fundingBlock.byKey(c.key) === undefined)
          rec.cell(c, '自评表资金部分中不在任何列之下的单元格');
      }
    } else {
      const order: FundingColumn[] = [
        'initialBudget',
        'adjustedBudget',
        'executed',
        'weight',
        'executionRate',
        'score',
      ];
      cells
        .filter((c) => c !== label)
        .forEach((c, i) => {
          const field = order[i];
          if (field === undefined) rec.cell(c, '自评表资金部分中多出的单元格');
          else if (fr[field] === undefined) {
            const f = rec.fig(joinPath(base, field), c);
            if (f) fr[field] = f;
          } else rec.cell(c, '同一资金行的这一列已经读取过，这里重复的值未能归入');
        });
    }
  };

  // ------------------------------------------------------------ 年度总体目标

  const readGoalValues = (row: RowView, skip: CellView | undefined): void => {
    const used = new Set<CellView>();
    const set = (field: 'expected' | 'actual', c: CellView | undefined): void => {
      if (!c || c === skip || c.text === '' || used.has(c)) return;
      used.add(c);
      if (sheet.overallGoal[field] !== undefined) {
        rec.cell(c, '年度总体目标已经读取过，这里多出的内容未能归入');
        return;
      }
      const t = rec.text(joinPath('selfEvaluation.overallGoal', field), c);
      if (t) sheet.overallGoal[field] = t;
    };
    if (goalCols && goalCols.length > 0) {
      for (const col of goalCols) if (col.field !== 'label') set(col.field, cellUnder(row, col));
    } else {
      const rest = row.filled.filter((c) => c !== skip);
      set('expected', rest[0]);
      set('actual', rest[1]);
    }
    for (const c of row.filled) {
      if (c !== skip && !used.has(c)) rec.cell(c, '年度总体目标中不在“预期目标/实际完成情况”之下的内容');
    }
  };

  // ------------------------------------------------------------ the indicator tree

  const col = (f: IndicatorColumn): Column<IndicatorColumn> | undefined => indByField.get(f);
  const under = (row: RowView, f: IndicatorColumn): CellView | undefined => {
    const c = col(f);
    const cell = c ? cellUnder(row, c) : undefined;
    return cell && cell.text !== '' ? cell : undefined;
  };

  const readExecutionRow = (row: RowView, labelCell: CellView): void => {
    const fr = sheet.funding;
    rec.at('selfEvaluation.funding', labelCell.raw.source);
    const pts = pointsOf(labelCell.text);
    const weight = under(row, 'weight');
    if (fr.weight === undefined) {
      if (weight) fr.weight = rec.fig('selfEvaluation.funding.weight', weight);
      else if (pts) {
        fr.weight = rec.figure(pts);
        rec.at('selfEvaluation.funding.weight', labelCell.raw.source);
      }
    }
    const score = under(row, 'selfScore');
    if (fr.score === undefined && score) fr.score = rec.fig('selfEvaluation.funding.score', score);
    const actual = under(row, 'actual');
    if (fr.executionRate === undefined && actual) {
      const unit = under(row, 'unit');
      const text = unit && /^[%％]$/.test(unit.text) && !/[%％]$/.test(actual.text) ? `${actual.text}%` : actual.text;
      const f = rec.figure(text);
      if (f) {
        fr.executionRate = f;
        rec.at('selfEvaluation.funding.executionRate', actual.raw.source);
      }
    }
  };

  const readIndicatorRow = (row: RowView): void => {
    const catCell = under(row, 'category');
    const subCell = under(row, 'subcategory');
    const nameCell = under(row, 'name');
    for (const c of [catCell, subCell, nameCell]) {
      if (c && executionRowLabel.byKey(c.key)) {
        readExecutionRow(row, c);
        return;
      }
    }
    if (catCell && indicatorBlock.byKey(catCell.key) === undefined) {
      const text = withoutPoints(catCell.text);
      cat = { text, cell: catCell };
      const key = categoryKeyOf(text);
      const pts = pointsOf(catCell.text);
      if (pts && sheet.categoryWeights[key] === undefined) {
        const f = rec.figure(pts);
        if (f) {
          sheet.categoryWeights[key] = f;
          rec.at(joinPath('selfEvaluation.categoryWeights', key), catCell.raw.source);
        }
      }
      sub = null;
    }
    if (subCell) sub = { text: withoutPoints(subCell.text), cell: subCell };

    const values: IndicatorColumn[] = [
      'target',
      'adjustedTarget',
      'actual',
      'weight',
      'selfScore',
      'deviationNote',
      'unit',
      'nature',
      'direction',
      'core',
      'scoreCoefficient',
    ];
    const cells = new Map<IndicatorColumn, CellView>();
    for (const f of values) {
      const c = under(row, f);
      if (c) cells.set(f, c);
    }
    const name = nameCell ? joinLines(nameCell.text) : '';
    const outside = indCols ? cellsOutside(row, indCols) : [];
    if (name === '' && cells.size === 0 && !catCell && !subCell) {
      if (outside.length > 0) rec.row(row, '自评表指标部分中未识别的行');
      return;
    }
    for (const c of outside) rec.cell(c, '自评表指标部分中不在任何列之下的单元格');

    const i = sheet.indicators.length;
    const base = joinPath('selfEvaluation.indicators', i);
    const categoryKey: CategoryKey = cat ? categoryKeyOf(cat.text) : 'other';
    const subcategoryKey: SubcategoryKey = sub ? subcategoryKeyOf(sub.text) : 'other';
    const ind: Indicator = {
      id: `ind-${i + 1}`,
      category: cat?.text ?? '',
      categoryKey,
      subcategory: sub?.text ?? '',
      subcategoryKey,
      name,
    };
    rec.at(base, (nameCell ?? subCell ?? catCell ?? row.filled[0]!).raw.source);
    if (nameCell) rec.at(joinPath(base, 'name'), nameCell.raw.source);
    if (cat) rec.at(joinPath(base, 'category'), cat.cell.raw.source);
    if (sub) rec.at(joinPath(base, 'subcategory'), sub.cell.raw.source);
    for (const f of ['target', 'adjustedTarget', 'actual', 'weight', 'selfScore', 'scoreCoefficient'] as const) {
      const v = rec.fig(joinPath(base, f), cells.get(f));
      if (v) ind[f] = v;
    }
    const note = rec.text(joinPath(base, 'deviationNote'), cells.get('deviationNote'));
    if (note) ind.deviationNote = note;
    const unit = cells.get('unit');
    if (unit) {
      ind.unit = unit.text;
      rec.at(joinPath(base, 'unit'), unit.raw.source);
    }
    const nature = cells.get('nature');
    if (nature) {
      if (/定量/.test(nature.text)) ind.nature = 'quantitative';
      else if (/定性/.test(nature.text)) ind.nature = 'qualitative';
      else {
        const c = comparatorOf(nature.text);
        if (c) {
          ind.comparator = c;
          rec.at(joinPath(base, 'comparator'), nature.raw.source);
        } else rec.cell(nature, '指标性质无法识别（应为定量/定性或方向符号）');
      }
      rec.at(joinPath(base, 'nature'), nature.raw.source);
    }
    const direction = cells.get('direction');
    if (direction) {
      const c = comparatorOf(direction.text);
      if (c) {
        ind.comparator = c;
        rec.at(joinPath(base, 'comparator'), direction.raw.source);
      } else rec.cell(direction, '指标方向无法识别（应为正向/反向或 ≥ ≤ = 等符号）');
    }
    const core = cells.get('core');
    if (core) {
      if (/^(是|√|✓|✔|Y|y|yes|核心)$/.test(core.text)) ind.core = true;
      else if (/^(否|×|✗|N|n|no)$/.test(core.text)) ind.core = false;
      else rec.cell(core, '“是否核心指标”应填“是”或“否”');
      rec.at(joinPath(base, 'core'), core.raw.source);
    }
    const onlyOpensLevel = name === '' && cells.size === 0;
    if (onlyOpensLevel || isPlaceholderText(name)) ind.placeholder = true;
    sheet.indicators.push(ind);
  };

  // ------------------------------------------------------------ 总分 / 等次 / 结论

  const readTotal = (row: RowView, label: CellView): void => {
    const rest = row.filled.slice(row.filled.indexOf(label) + 1);
    const wCol = col('weight');
    const sCol = col('selfScore');
    let w = wCol ? cellUnder(row, wCol) : undefined;
    let s = sCol ? cellUnder(row, sCol) : undefined;
    if (!(w && w !== label && looksNumeric(w.text)) && !(s && s !== label && looksNumeric(s.text))) {
      const nums = rest.filter((c) => looksNumeric(c.text));
      w = nums[0];
      s = nums[1];
    }
    if (w && w !== label) sheet.totalWeight = rec.fig('selfEvaluation.totalWeight', w);
    if (s && s !== label) sheet.totalScore = rec.fig('selfEvaluation.totalScore', s);
    // a grade on the same line: "总分 | 100 | 95 | 评价等次 | 优"
    const g = rest.findIndex((c) => sheetRow.byKey(c.key) === 'grade');
    if (g >= 0) readLabelled(row, rest[g]!, 'grade');
  };

  const readLabelled = (row: RowView, label: CellView, field: 'grade' | 'conclusion'): void => {
    const pair = splitPair(label.text);
    if (pair && pair[1] !== '') {
      sheet[field] = pair[1];
      rec.at(joinPath(SE, field), label.raw.source);
      return;
    }
    const next = row.filled[row.filled.indexOf(label) + 1];
    const t = rec.text(joinPath(SE, field), next);
    if (t) sheet[field] = t;
  };

  // ------------------------------------------------------------ rows

  for (const row of rows) {
    if (row.filled.length === 0) continue;

    // header rows
    const ind = headerColumns(row, indicatorColumn.byKey);
    if (
      ind.columns.some((c) => c.field === 'category' || c.field === 'name') &&
      ind.columns.length >= 3 &&
      !row.filled.some((c) => looksNumeric(c.text))
    ) {
      indCols = ind.columns;
      indByField = new Map(ind.columns.map((c) => [c.field, c]));
      mode = 'indicators';
      cat = null;
      sub = null;
      for (const c of ind.unmatched) {
        if (indicatorBlock.byKey(c.key) === undefined) rec.column(c, '自评表指标部分中未识别的列');
      }
      continue;
    }
    const fund = headerColumns(row, fundingColumn.byKey);
    if (fund.columns.length >= 2 && !row.filled.some((c) => looksNumeric(c.text))) {
      fundingCols = fund.columns;
      mode = 'funding';
      for (const c of fund.unmatched) {
        if (fundingBlock.byKey(c.key) === 'block') {
          const pts = pointsOf(c.text);
          if (pts && !fundingPoints) fundingPoints = { value: pts, cell: c };
        } else rec.column(c, '自评表资金部分中未识别的列');
      }
      continue;
    }
    const goalLabel = row.filled.find((c) => goalColumn.byKey(c.key) === 'label');
    if (goalLabel) {
      mode = 'goal';
      const g = headerColumns(row, (k) => goalColumn.byKey(k));
      goalCols = g.columns.filter((c) => c.field !== 'label');
      rec.at('selfEvaluation.overallGoal', goalLabel.raw.source);
      if (goalCols.length === 0) {
        goalCols = null;
        readGoalValues(row, goalLabel);
        mode = 'start';
      }
      continue;
    }

    // labelled rows anywhere: 总分, 等次, 结论, 填表人 …
    const lead = row.filled.slice(0, 2);
    const special = lead.map((c) => ({ c, k: sheetRow.byKey(c.key) ?? sheetRow(splitPair(c.text)?.[0] ?? '') }));
    const hit = special.find((s) => s.k !== undefined && !(mode === 'funding' && fundingRow.byKey(s.c.key)));
    if (hit?.k === 'total') {
      readTotal(row, hit.c);
      mode = 'end';
      continue;
    }
    if (hit && (hit.k === 'grade' || hit.k === 'conclusion')) {
      readLabelled(row, hit.c, hit.k);
      continue;
    }
    const first = row.filled[0]!;
    if (metaLabel.byKey(first.key) !== undefined || /[：:]/.test(first.text)) {
      if (metaFromCells(row.filled, target, rec)) continue;
      if (mode === 'end' && row.filled.length === 1 && metaFromText(first.text, first.raw.source, target, rec))
        continue;
    }

    switch (mode) {
      case 'funding':
        readFundingRow(row);
        break;
      case 'goal':
        readGoalValues(row, undefined);
        mode = 'start';
        break;
      case 'indicators':
        readIndicatorRow(row);
        break;
      default:
        rec.row(row, '自评表中未识别的行');
    }
  }

  if (sheet.funding.weight === undefined && fundingPoints) {
    sheet.funding.weight = rec.figure(fundingPoints.value);
    rec.at('selfEvaluation.funding.weight', fundingPoints.cell.raw.source);
  }
  return { sheet, extras };
}

/** Is this the label of a line that starts a 自评表 (a strong anchor)? */
export function isSelfEvaluationAnchor(row: RowView): boolean {
  const ind = headerFields(row, indicatorColumn.byKey);
  if ((ind.includes('category') || ind.includes('name')) && ind.length >= 3) return true;
  const fund = headerFields(row, fundingColumn.byKey);
  if (fund.length >= 2 && row.filled.some((c) => fundingBlock.byKey(c.key) === 'block')) return true;
  return row.filled.slice(0, 2).some((c) => {
    const k = c.key;
    return (
      goalColumn.byKey(k) === 'label' ||
      fundingRow.byKey(k) === 'total' ||
      k === '预算单位名称' ||
      metaLabel.byKey(k) === 'projectName'
    );
  });
}
