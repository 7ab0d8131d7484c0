import type {
  BasicData,
  CategoryKey,
  Figure,
  FieldPath,
  FundingRow,
  Indicator,
  SelfEvaluation,
  TableMeta,
  ThreeYearRow,
} from '../../model/index.js';
import type { RuleProfile } from '../../rules/types.js';
import { decimalsOf, figureText, moneyText, numberValue, plainAmount, rateValue } from './format.js';
import type { CellModel, FormulaSpec, RowModel, TableModel } from './types.js';

/*
 * The two attached forms laid out like the official ones (rules.md ): the 基础数据表 and the 自评表 of the
 * Hunan-style template (the seed's layout), as format-neutral table models. Every cell prints the Evaluation's figure
 * as written (money in 万元 with two decimals); cells that the form defines by a sum, a rate or a score carry the
 * formula as data, for spreadsheets. Nothing here computes a figure.
 */

type Col = 'previousFinal' | 'currentBudget' | 'currentFinal';
const YEAR_COLS: readonly Col[] = ['previousFinal', 'currentBudget', 'currentFinal'];

const header = (text: string, extra: Partial<CellModel> = {}): CellModel => ({
  text,
  kind: 'header',
  align: 'center',
  bold: true,
  ...extra,
});

const label = (text: string, extra: Partial<CellModel> = {}): CellModel => ({
  text,
  kind: 'label',
  align: 'left',
  ...extra,
});

/** A money cell (万元, two decimals). */
export function moneyCell(figure: Figure | undefined, path: FieldPath, extra: Partial<CellModel> = {}): CellModel {
  const cell: CellModel = { text: moneyText(figure), kind: 'money', align: 'right', path, ...extra };
  const wan = plainAmount(figure);
  if (wan) {
    cell.value = wan.toFixed();
    cell.decimals = Math.max(2, decimalsOf(wan));
  }
  return cell;
}

/** A rate cell: the text as written, the value as a fraction. */
export function rateCell(figure: Figure | undefined, path: FieldPath, extra: Partial<CellModel> = {}): CellModel {
  const cell: CellModel = { text: figureText(figure), kind: 'rate', align: 'center', path, ...extra };
  const rate = rateValue(figure);
  if (rate) {
    cell.value = rate.value;
    cell.decimals = rate.decimals;
  }
  return cell;
}

/** A plain-number cell (headcount, points, area). */
export function numberCell(
  figure: Figure | undefined,
  path: FieldPath,
  kind: 'number' | 'score',
  extra: Partial<CellModel> = {},
  units?: readonly string[],
): CellModel {
  const cell: CellModel = { text: figureText(figure), kind, align: 'center', path, ...extra };
  const n = numberValue(figure, units);
  if (n) {
    cell.value = n.value;
    cell.decimals = n.decimals;
  }
  return cell;
}

/**
 * A cell of the indicator rows' 年度指标值 / 实际完成值 columns: the text as written. A bare number or a bare rate
 * also carries its value, so that spreadsheets store a number (and print it as written).
 */
export function writtenCell(figure: Figure | undefined, path: FieldPath): CellModel {
  if (figure?.q.kind === 'number' && !figure.q.comparator && !figure.q.approx) {
    if (figure.q.unit === undefined) return numberCell(figure, path, 'number');
    if (figure.q.unit === '%') return rateCell(figure, path);
  }
  return { text: figureText(figure), kind: 'text', align: 'center', path };
}

/** "填表人：… 填报日期：… 联系电话：…" as on the forms, two ideographic spaces apart (labels printed even when blank). */
export function preparerLine(meta: TableMeta): string {
  const gap = '\u3000\u3000';
  return `填表人：${meta.preparer ?? ''}${gap}填报日期：${meta.preparedOn ?? ''}${gap}联系电话：${meta.contactPhone ?? ''}`;
}

/* ---------------------------------------------------------------- 基础数据表 */

const yearLabel = (year: number | undefined, offset: number, what: string): string =>
  year !== undefined ? `${year + offset}年${what}` : `${offset < 0 ? '上年' : '本年'}${what}`;

/**
 * 附件1 部门整体支出绩效评价基础数据表: 7 columns (a label column and six value columns; the three-year rows give
 * each value two columns, the 楼堂馆所 block uses all six).
 */
export function basicDataTable(data: BasicData, year: number | undefined): TableModel {
  const rows: RowModel[] = [];
  const base = 'basicData';

  // 财政供养人员情况
  const s = data.staffing;
  rows.push({
    cells: [
      label('财政供养人员情况', { rowSpan: 2, bold: true, align: 'center' }),
      header('编制数', { colSpan: 2 }),
      header(yearLabel(year, 0, '实际在职人数'), { colSpan: 2 }),
      header('控制率', { colSpan: 2 }),
    ],
    cantSplit: true,
  });
  rows.push({
    cells: [
      numberCell(
        s.authorizedStaff,
        `${base}.staffing.authorizedStaff`,
        'number',
        { colSpan: 2, id: 'staff.authorized' },
        ['人'],
      ),
      numberCell(s.actualStaff, `${base}.staffing.actualStaff`, 'number', { colSpan: 2, id: 'staff.actual' }, ['人']),
      rateCell(s.staffControlRate, `${base}.staffing.staffControlRate`, {
        colSpan: 2,
        formula: { op: 'ratio', num: 'staff.actual', den: 'staff.authorized' },
      }),
    ],
    cantSplit: true,
  });

  // 经费控制情况: header with the three year-columns as written
  const cl = data.columnLabels;
  rows.push({
    cells: [
      label('经费控制情况', { bold: true, align: 'center' }),
      header(cl.previousFinal ?? yearLabel(year, -1, '决算数'), { colSpan: 2 }),
      header(cl.currentBudget ?? yearLabel(year, 0, '预算数'), { colSpan: 2 }),
      header(cl.currentFinal ?? yearLabel(year, 0, '决算数'), { colSpan: 2 }),
    ],
    header: false,
    cantSplit: true,
  });

  const threeYear = (
    row: ThreeYearRow | undefined,
    path: FieldPath,
    defaultLabel: string,
    id: string,
    opts: { indent?: number; bold?: boolean; formula?: (c: Col) => FormulaSpec | undefined } = {},
  ): RowModel => ({
    cells: [
      label(row?.label ?? defaultLabel, { indent: opts.indent ?? 0, bold: opts.bold ?? false }),
      ...YEAR_COLS.map((c) => {
        const extra: Partial<CellModel> = { colSpan: 2, id: `${id}.${c}` };
        const f = opts.formula?.(c);
        if (f) extra.formula = f;
        return moneyCell(row?.[c], `${path}.${c}`, extra);
      }),
    ],
    cantSplit: true,
  });

  const t = data.threePublicCosts;
  const tp = `${base}.threePublicCosts`;
  rows.push(
    threeYear(t.total, `${tp}.total`, '三公经费', 'tpc.total', {
      bold: true,
      formula: (c) => ({ op: 'sum', of: [`tpc.vehicles.${c}`, `tpc.overseas.${c}`, `tpc.reception.${c}`] }),
    }),
    threeYear(t.officialVehicles, `${tp}.officialVehicles`, '1、公务用车购置和维护经费', 'tpc.vehicles', {
      indent: 1,
      formula: (c) => ({ op: 'sum', of: [`tpc.purchase.${c}`, `tpc.operation.${c}`] }),
    }),
    threeYear(t.vehiclePurchase, `${tp}.vehiclePurchase`, '其中：公车购置', 'tpc.purchase', { indent: 2 }),
    threeYear(t.vehicleOperation, `${tp}.vehicleOperation`, '公车运行维护', 'tpc.operation', { indent: 4 }),
    threeYear(t.overseasTravel, `${tp}.overseasTravel`, '2、出国经费', 'tpc.overseas', { indent: 1 }),
    threeYear(t.officialReception, `${tp}.officialReception`, '3、公务接待', 'tpc.reception', { indent: 1 }),
  );

  // 项目支出 and its items (one a line, as the Evaluation holds them)
  const p = data.projectExpenditure;
  const itemIds = p.items.map((_, i) => `project.${i}`);
  rows.push(
    threeYear(p.total, `${base}.projectExpenditure.total`, '项目支出', 'project.total', {
      bold: true,
      formula: itemIds.length > 0 ? (c) => ({ op: 'sum', of: itemIds.map((id) => `${id}.${c}`) }) : undefined,
    }),
  );
  p.items.forEach((item, i) => {
    rows.push(threeYear(item, `${base}.projectExpenditure.items.${i}`, '', `project.${i}`, { indent: 1 }));
  });

  // 公用经费 and its 其中 lines (a subset: no sum)
  const pf = data.publicFunds;
  rows.push(threeYear(pf.total, `${base}.publicFunds.total`, '公用经费', 'public.total', { bold: true }));
  pf.items.forEach((item, i) => {
    rows.push(threeYear(item, `${base}.publicFunds.items.${i}`, '', `public.${i}`, { indent: 1 }));
  });

  rows.push(
    threeYear(data.governmentProcurement, `${base}.governmentProcurement`, '政府采购金额', 'procurement', {
      bold: true,
    }),
    threeYear(data.basicBudgetAdjustment, `${base}.basicBudgetAdjustment`, '部门基本支出预算调整', 'adjustment', {
      bold: true,
    }),
  );

  // 楼堂馆所控制情况: header + one row per building (one blank row when none, as the form shows)
  const b = data.buildings;
  const buildings = b.items.length > 0 ? b.items : [{}];
  rows.push({
    cells: [
      label(b.label ?? '楼堂馆所控制情况', { rowSpan: 1 + buildings.length, bold: true, align: 'center' }),
      header('批复规模（㎡）'),
      header('实际规模（㎡）'),
      header('规模控制率'),
      header('预算投资（万元）'),
      header('实际投资（万元）'),
      header('投资概算控制率'),
    ],
    cantSplit: true,
  });
  buildings.forEach((item, i) => {
    const path = `${base}.buildings.items.${i}`;
    const area = ['㎡', '平方米'];
    rows.push({
      cells: [
        numberCell(item.approvedArea, `${path}.approvedArea`, 'number', { id: `building.${i}.approved` }, area),
        numberCell(item.actualArea, `${path}.actualArea`, 'number', { id: `building.${i}.actual` }, area),
        rateCell(item.areaControlRate, `${path}.areaControlRate`, {
          formula: { op: 'ratio', num: `building.${i}.actual`, den: `building.${i}.approved` },
        }),
        moneyCell(item.budgetInvestment, `${path}.budgetInvestment`, { id: `building.${i}.budget` }),
        moneyCell(item.actualInvestment, `${path}.actualInvestment`, { id: `building.${i}.spent` }),
        rateCell(item.investmentControlRate, `${path}.investmentControlRate`, {
          formula: { op: 'ratio', num: `building.${i}.spent`, den: `building.${i}.budget` },
        }),
      ],
      cantSplit: true,
    });
  });

  rows.push({
    cells: [
      label('厉行节约保障措施', { bold: true, align: 'center' }),
      {
        text: data.frugalityMeasures ?? '',
        kind: 'text',
        align: 'left',
        colSpan: 6,
        path: `${base}.frugalityMeasures`,
      },
    ],
  });

  return { id: 'basicData', columns: [26, 12, 12, 12, 12, 13, 13], rows, headerRows: 0, freezeRows: 0 };
}

/* ---------------------------------------------------------------- 自评表 */

interface IndicatorColumn {
  key: 'name' | 'nature' | 'unit' | 'target' | 'adjustedTarget' | 'actual' | 'weight' | 'score' | 'note' | 'core';
  header: string;
  width: number;
}

/** The indicator columns: the Hunan form's, plus the columns other layouts have when the Evaluation holds them. */
export function indicatorColumns(indicators: readonly Indicator[]): IndicatorColumn[] {
  const has = (f: (i: Indicator) => unknown) => indicators.some((i) => f(i) !== undefined && !i.placeholder);
  const cols: IndicatorColumn[] = [{ key: 'name', header: '三级指标', width: 14 }];
  if (has((i) => i.nature)) cols.push({ key: 'nature', header: '指标性质', width: 6 });
  if (has((i) => i.unit)) cols.push({ key: 'unit', header: '计量单位', width: 6 });
  cols.push({ key: 'target', header: '年度指标值', width: 11.5 });
  if (has((i) => i.adjustedTarget)) cols.push({ key: 'adjustedTarget', header: '调整后指标值', width: 10 });
  cols.push(
    { key: 'actual', header: '实际完成值', width: 11.5 },
    { key: 'weight', header: '分值', width: 7 },
    { key: 'score', header: '得分', width: 8 },
    { key: 'note', header: '偏差原因分析及改进措施', width: 12 },
  );
  if (has((i) => i.core)) cols.push({ key: 'core', header: '是否核心指标', width: 6 });
  return cols;
}

const NATURE_TEXT = { quantitative: '定量', qualitative: '定性' } as const;

function indicatorCell(ind: Indicator, i: number, col: IndicatorColumn): CellModel {
  const path = `selfEvaluation.indicators.${i}`;
  switch (col.key) {
    case 'name':
      return label(ind.name, { path: `${path}.name` });
    case 'nature':
      return { text: ind.nature ? NATURE_TEXT[ind.nature] : '', kind: 'text', align: 'center', path: `${path}.nature` };
    case 'unit':
      return { text: ind.unit ?? '', kind: 'text', align: 'center', path: `${path}.unit` };
    case 'target':
      return writtenCell(ind.target, `${path}.target`);
    case 'adjustedTarget':
      return writtenCell(ind.adjustedTarget, `${path}.adjustedTarget`);
    case 'actual':
      return writtenCell(ind.actual, `${path}.actual`);
    case 'weight':
      return numberCell(ind.weight, `${path}.weight`, 'score', { id: `ind.${i}.weight` });
    case 'score':
      return numberCell(ind.selfScore, `${path}.selfScore`, 'score', { id: `ind.${i}.score` });
    case 'note':
      return { text: ind.deviationNote ?? '', kind: 'text', align: 'left', path: `${path}.deviationNote` };
    case 'core':
      return { text: ind.core === undefined ? '' : ind.core ? '是' : '否', kind: 'text', align: 'center' };
  }
}

/** Lines of the 按收入性质分 / 按支出性质分 block: 其中：一般公共预算：312.95 … */
const SOURCE_LINES: readonly { key: keyof SelfEvaluation['bySource']; label: string; always: boolean }[] = [
  { key: 'generalPublic', label: '一般公共预算', always: true },
  { key: 'governmentFund', label: '政府性基金拨款', always: true },
  { key: 'stateCapital', label: '国有资本经营预算', always: false },
  { key: 'socialInsurance', label: '社会保险基金预算', always: false },
  { key: 'specialAccountNonTax', label: '纳入专户管理的非税收入拨款', always: true },
  { key: 'currentYearAppropriation', label: '本年财政拨款', always: false },
  { key: 'carryOver', label: '上年结转资金', always: false },
  { key: 'other', label: '其他资金', always: true },
];
const NATURE_LINES: readonly { key: keyof SelfEvaluation['byNature']; label: string }[] = [
  { key: 'basic', label: '基本支出' },
  { key: 'project', label: '项目支出' },
];

/** The one amount a single-number line states (the Hunan form has one amount a line). */
function lineAmount(row: FundingRow | undefined): { text: string; path?: string } {
  if (!row) return { text: '' };
  for (const k of ['adjustedBudget', 'initialBudget', 'executed'] as const) {
    if (row[k]) return { text: moneyText(row[k]), path: k };
  }
  return { text: '' };
}

/**
 * 附件2 部门整体支出绩效自评表 (Hunan layout): 预算单位名称; 年度预算申请 block (年初预算数, 全年预算数, 全年执行数,
 * 分值, 执行率, 得分) with the 按收入性质分 / 按支出性质分 lines; 年度总体目标; the indicator tree with 一级/二级
 * cells merged down their rows; 总分.
 */
export function selfEvaluationTable(se: SelfEvaluation, profile: RuleProfile): TableModel {
  const cols = indicatorColumns(se.indicators);
  const n = 3 + cols.length;
  const rows: RowModel[] = [];
  const base = 'selfEvaluation';

  rows.push({
    cells: [
      label('预算单位名称', { colSpan: 2, bold: true, align: 'center' }),
      label(se.meta.unitName ?? '', { colSpan: n - 2, path: `${base}.meta.unitName` }),
    ],
    cantSplit: true,
  });

  // 年度预算申请: the funding header and the 年度资金总额 row use the last six columns
  const labelSpan = n - 7;
  const leftSpan = Math.ceil((n - 1) / 2);
  const rightSpan = n - 1 - leftSpan;
  const sourceLines = SOURCE_LINES.filter((l) => l.always || se.bySource[l.key] !== undefined);
  const lineCount = Math.max(sourceLines.length, NATURE_LINES.length);
  const fundingRows = 3 + lineCount;
  const f = se.funding;
  const fp = `${base}.funding`;
  const rateBase = profile.execution.base === 'initialBudget' ? 'fund.initial' : 'fund.adjusted';

  rows.push({
    cells: [
      label('年度预算申请（万元）', { rowSpan: fundingRows, bold: true, align: 'center' }),
      header('', { colSpan: labelSpan }),
      header('年初预算数'),
      header('全年预算数'),
      header('全年执行数'),
      header('分值'),
      header('执行率'),
      header('得分'),
    ],
    cantSplit: true,
  });
  rows.push({
    cells: [
      label(f.label ?? '年度资金总额', { colSpan: labelSpan, bold: true }),
      moneyCell(f.initialBudget, `${fp}.initialBudget`, { id: 'fund.initial', align: 'center' }),
      moneyCell(f.adjustedBudget, `${fp}.adjustedBudget`, { id: 'fund.adjusted', align: 'center' }),
      moneyCell(f.executed, `${fp}.executed`, { id: 'fund.executed', align: 'center' }),
      numberCell(f.weight, `${fp}.weight`, 'score', { id: 'fund.weight' }),
      rateCell(f.executionRate, `${fp}.executionRate`, {
        id: 'fund.rate',
        formula: { op: 'ratio', num: 'fund.executed', den: rateBase },
      }),
      numberCell(f.score, `${fp}.score`, 'score', {
        id: 'fund.score',
        formula: {
          op: 'executionScore',
          rate: 'fund.rate',
          weight: 'fund.weight',
          mode: profile.execution.mode,
          cap: profile.execution.cap,
          tiers: profile.execution.tiers.map((t) => ({ minRate: t.minRate, share: t.share })),
          decimals: profile.rounding,
        },
      }),
    ],
    cantSplit: true,
  });
  rows.push({
    cells: [label('按收入性质分：', { colSpan: leftSpan }), label('按支出性质分：', { colSpan: rightSpan })],
    cantSplit: true,
  });
  for (let i = 0; i < lineCount; i++) {
    const cell = (
      line: { key: string; label: string } | undefined,
      row: FundingRow | undefined,
      group: 'bySource' | 'byNature',
      span: number,
    ): CellModel => {
      if (!line) return label('', { colSpan: span });
      const amount = lineAmount(row);
      const prefix = i === 0 ? '其中：' : '';
      const extra: Partial<CellModel> = { colSpan: span };
      if (amount.path) extra.path = `${base}.${group}.${line.key}.${amount.path}`;
      return label(`${prefix}${row?.label ?? line.label}：${amount.text}`, extra);
    };
    const src = sourceLines[i];
    const nat = NATURE_LINES[i];
    rows.push({
      cells: [
        cell(src, src ? se.bySource[src.key] : undefined, 'bySource', leftSpan),
        cell(nat, nat ? se.byNature[nat.key] : undefined, 'byNature', rightSpan),
      ],
      cantSplit: true,
    });
  }

  // 年度总体目标
  rows.push({
    cells: [
      label('年度总体目标', { rowSpan: 2, bold: true, align: 'center' }),
      header('预期目标', { colSpan: leftSpan }),
      header('实际完成情况', { colSpan: rightSpan }),
    ],
    cantSplit: true,
  });
  rows.push({
    cells: [
      {
        text: se.overallGoal.expected ?? '',
        kind: 'text',
        align: 'left',
        colSpan: leftSpan,
        path: `${base}.overallGoal.expected`,
      },
      {
        text: se.overallGoal.actual ?? '',
        kind: 'text',
        align: 'left',
        colSpan: rightSpan,
        path: `${base}.overallGoal.actual`,
      },
    ],
  });

  // 绩效指标: header, then the indicator rows with 一级 / 二级 merged down their runs
  const inds = se.indicators;
  rows.push({
    cells: [
      label('绩效指标', { rowSpan: 1 + inds.length, bold: true, align: 'center' }),
      header('一级指标'),
      header('二级指标'),
      ...cols.map((c) => header(c.header)),
    ],
    cantSplit: true,
  });
  const runLength = (start: number, same: (a: Indicator, b: Indicator) => boolean): number => {
    let end = start + 1;
    const first = inds[start];
    while (first && end < inds.length && same(first, inds[end]!)) end++;
    return end - start;
  };
  const sameCategory = (a: Indicator, b: Indicator) => a.category === b.category && a.categoryKey === b.categoryKey;
  const sameSub = (a: Indicator, b: Indicator) =>
    sameCategory(a, b) && a.subcategory === b.subcategory && a.subcategoryKey === b.subcategoryKey;
  let categoryLeft = 0;
  let subLeft = 0;
  inds.forEach((ind, i) => {
    const cells: CellModel[] = [];
    if (categoryLeft === 0) {
      categoryLeft = runLength(i, sameCategory);
      const w = se.categoryWeights[ind.categoryKey as CategoryKey];
      cells.push(
        label(w ? `${ind.category}\n（${w.text}分）` : ind.category, {
          rowSpan: categoryLeft,
          align: 'center',
          path: `${base}.indicators.${i}.category`,
        }),
      );
    }
    if (subLeft === 0) {
      subLeft = runLength(i, sameSub);
      cells.push(
        label(ind.subcategory, { rowSpan: subLeft, align: 'center', path: `${base}.indicators.${i}.subcategory` }),
      );
    }
    categoryLeft--;
    subLeft--;
    cells.push(...cols.map((c) => indicatorCell(ind, i, c)));
    rows.push({ cells, cantSplit: true });
  });

  // 总分: 分值 and 得分 under their columns
  const weightCol = 3 + cols.findIndex((c) => c.key === 'weight');
  const after = n - weightCol - 2;
  rows.push({
    cells: [
      label('总分', { colSpan: weightCol, bold: true, align: 'center' }),
      numberCell(se.totalWeight, `${base}.totalWeight`, 'score', {
        bold: true,
        formula: { op: 'sum', of: ['fund.weight', ...inds.map((_, i) => `ind.${i}.weight`)] },
      }),
      numberCell(se.totalScore, `${base}.totalScore`, 'score', {
        bold: true,
        formula: { op: 'sum', of: ['fund.score', ...inds.map((_, i) => `ind.${i}.score`)] },
      }),
      ...(after > 0 ? [label('', { colSpan: after })] : []),
    ],
    cantSplit: true,
  });
  if (se.grade !== undefined) {
    rows.push({
      cells: [
        label('评价等次', { colSpan: weightCol, bold: true, align: 'center' }),
        label(se.grade, { colSpan: n - weightCol, path: `${base}.grade` }),
      ],
    });
  }
  if (se.conclusion !== undefined) {
    rows.push({
      cells: [
        label('评价结论', { colSpan: weightCol, bold: true, align: 'center' }),
        label(se.conclusion, { colSpan: n - weightCol, path: `${base}.conclusion` }),
      ],
    });
  }

  const columns = [5, 9, 9, ...cols.map((c) => c.width)];
  return { id: 'selfEvaluation', columns, rows, headerRows: 0, freezeRows: 0 };
}
