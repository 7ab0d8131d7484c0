import type { CategoryKey, SectionKey, SubcategoryKey } from '../../model/index.js';
import { labelKey } from './normalize.js';

/**
 * The words people use, as data: every label a report or form may print for one field, matched by labelKey()
 * (numbering, padding, brackets, quotes and a leading year ignored). Adding a synonym is adding a string here.
 */

export interface Terms<K extends string> {
  /** exact names, compared by labelKey */
  names: Readonly<Record<K, readonly string[]>>;
  /** fallbacks tried in order on the labelKey when no name matches */
  patterns?: readonly (readonly [RegExp, K])[];
}

export interface Lookup<K extends string> {
  (text: string): K | undefined;
  /** the same, on an already computed labelKey */
  byKey(key: string): K | undefined;
}

/** Bounds of each lookup's memo of pattern results. */
const MAX_MEMO = 20_000;
const MAX_MEMO_KEY = 64;

export function lookup<K extends string>(terms: Terms<K>): Lookup<K> {
  const map = new Map<string, K>();
  for (const [k, names] of Object.entries(terms.names) as [K, readonly string[]][]) {
    for (const n of names) {
      const key = labelKey(n);
      if (!map.has(key)) map.set(key, k);
    }
  }
  const patterns = terms.patterns ?? [];
  /** what the patterns gave for keys that are not names (a bounded memo: the same keys come back all the time) */
  const matched = new Map<string, K | null>();
  const byKey = (key: string): K | undefined => {
    if (key === '') return undefined;
    const hit = map.get(key);
    if (hit !== undefined || patterns.length === 0) return hit;
    const memo = matched.get(key);
    if (memo !== undefined) return memo ?? undefined;
    let found: K | null = null;
    for (const [re, k] of patterns) {
      if (re.test(key)) {
        found = k;
        break;
      }
    }
    if (key.length <= MAX_MEMO_KEY) {
      if (matched.size >= MAX_MEMO) matched.clear();
      matched.set(key, found);
    }
    return found ?? undefined;
  };
  const fn = ((text: string) => byKey(labelKey(text))) as Lookup<K>;
  fn.byKey = byKey;
  return fn;
}

// ---------------------------------------------------------------- 基础数据表

export type BasicRowKey =
  | 'staffingBlock'
  | 'authorizedStaff'
  | 'actualStaff'
  | 'staffControlRate'
  | 'fundsBlock'
  | 'threePublicTotal'
  | 'officialVehicles'
  | 'vehiclePurchase'
  | 'vehicleOperation'
  | 'overseasTravel'
  | 'officialReception'
  | 'projectTotal'
  | 'publicFundsTotal'
  | 'governmentProcurement'
  | 'basicBudgetAdjustment'
  | 'buildings'
  | 'frugality'
  | 'notes';

export const basicRow = lookup<BasicRowKey>({
  names: {
    staffingBlock: ['财政供养人员情况', '财政供养人员', '人员编制情况', '人员情况'],
    authorizedStaff: ['编制数', '编制人数', '核定编制数', '核定编制', '编制'],
    actualStaff: ['实际在职人数', '实有人数', '在职人员数', '在职人数', '实有人员数', '实际在职人员数', '年末实有人数'],
    staffControlRate: ['控制率', '财政供养人员控制率', '在职人员控制率', '人员控制率', '编制控制率'],
    fundsBlock: ['经费控制情况', '经费控制', '经费情况'],
    threePublicTotal: ['三公经费', '三公经费合计', '三公经费支出', '三公经费总额'],
    officialVehicles: [
      '公务用车购置和维护经费',
      '公务用车购置和维护费',
      '公务用车购置及运行维护费',
      '公务用车购置及运行维护经费',
      '公务用车购置和运行维护费',
      '公务用车购置及运行费',
      '公务用车购置及运维费',
      '公车购置及运维费',
      '公务用车费',
    ],
    vehiclePurchase: ['公车购置', '公务用车购置', '公务用车购置费', '公车购置费', '车辆购置费'],
    vehicleOperation: [
      '公车运行维护',
      '公车运行维护费',
      '公务用车运行维护费',
      '公务用车运行费',
      '公车运维费',
      '公务用车运行维护',
    ],
    overseasTravel: [
      '出国经费',
      '因公出国（境）费',
      '因公出国（境）经费',
      '出国（境）经费',
      '出国（境）费',
      '因公出国费',
    ],
    officialReception: ['公务接待', '公务接待费', '公务接待经费'],
    projectTotal: ['项目支出', '项目支出合计', '项目经费', '项目支出总额'],
    publicFundsTotal: ['公用经费', '公用经费合计', '公用经费支出'],
    governmentProcurement: ['政府采购金额', '政府采购', '政府采购支出', '政府采购预算金额'],
    basicBudgetAdjustment: [
      '部门基本支出预算调整',
      '部门整体支出预算调整',
      '基本支出预算调整',
      '预算调整',
      '预算调整情况',
    ],
    buildings: ['楼堂馆所控制情况', '楼堂馆所', '楼堂馆所建设情况'],
    frugality: ['厉行节约保障措施', '厉行节约措施', '厉行节约'],
    notes: ['说明', '备注', '注'],
  },
  patterns: [
    [/^三公经费/, 'threePublicTotal'],
    [/^(公务用车|公车)购置(及|和|与).*(运行|维护|运维)/, 'officialVehicles'],
    [/^(公务用车|公车)购置(费|经费)?$/, 'vehiclePurchase'],
    [/^(公务用车|公车)(运行|维护|运维)/, 'vehicleOperation'],
    [/^因?公?出国/, 'overseasTravel'],
    [/^公务接待/, 'officialReception'],
    [/^楼堂馆所/, 'buildings'],
    [/^厉行节约/, 'frugality'],
  ],
});

export type StaffingColumn = 'authorizedStaff' | 'actualStaff' | 'staffControlRate';

export type BuildingColumn =
  'approvedArea' | 'actualArea' | 'areaControlRate' | 'budgetInvestment' | 'actualInvestment' | 'investmentControlRate';

export const buildingColumn = lookup<BuildingColumn>({
  names: {
    approvedArea: ['批复规模', '批准规模', '核定规模', '批复面积'],
    actualArea: ['实际规模', '实际面积', '实际建设规模'],
    areaControlRate: ['规模控制率', '面积控制率'],
    budgetInvestment: ['预算投资', '概算投资', '批复投资', '预算（概算）投资', '预算投资额'],
    actualInvestment: ['实际投资', '实际完成投资', '实际投资额'],
    investmentControlRate: ['投资概算控制率', '投资控制率', '概算控制率'],
  },
});

// ---------------------------------------------------------------- 自评表

export type FundingColumn = 'initialBudget' | 'adjustedBudget' | 'executed' | 'weight' | 'executionRate' | 'score';

export const fundingColumn = lookup<FundingColumn>({
  names: {
    initialBudget: ['年初预算数', '年初预算', '年初批复数', '年初预算金额', '年初批复预算数'],
    adjustedBudget: ['全年预算数', '调整后预算数', '全年预算', '调整预算数', '全年预算金额', '调整后预算'],
    executed: ['全年执行数', '执行数', '全年实际支出', '实际支出数', '实际执行数', '全年执行金额', '实际支出'],
    weight: ['分值', '权重', '分数'],
    executionRate: ['执行率', '预算执行率'],
    score: ['得分', '自评得分'],
  },
});

export type FundingRowKey =
  | 'total'
  | 'generalPublic'
  | 'governmentFund'
  | 'stateCapital'
  | 'socialInsurance'
  | 'specialAccountNonTax'
  | 'currentYearAppropriation'
  | 'carryOver'
  | 'other'
  | 'basic'
  | 'project';

export const fundingRow = lookup<FundingRowKey>({
  names: {
    total: ['年度资金总额', '资金总额', '年度资金合计', '预算资金总额', '资金总计', '合计'],
    generalPublic: ['一般公共预算', '一般公共预算拨款', '一般公共预算财政拨款', '一般公共预算资金'],
    governmentFund: ['政府性基金拨款', '政府性基金', '政府性基金预算', '政府性基金预算拨款'],
    stateCapital: ['国有资本经营预算', '国有资本经营预算拨款', '国有资本经营'],
    socialInsurance: ['社会保险基金', '社会保险基金预算', '社保基金'],
    specialAccountNonTax: [
      '纳入专户管理的非税收入拨款',
      '纳入专户管理的非税收入',
      '专户管理的非税收入',
      '非税收入拨款',
    ],
    currentYearAppropriation: ['本年财政拨款', '当年财政拨款', '财政拨款', '本年度财政拨款', '财政资金'],
    carryOver: ['上年结转资金', '上年结转', '上年结余结转', '上年结转结余', '上年结转结余资金'],
    other: ['其他资金', '其他'],
    basic: ['基本支出'],
    project: ['项目支出'],
  },
});

/** Labels of the money block itself (the merged first column), not of a row in it. */
export const fundingBlock = lookup<'block' | 'group'>({
  names: {
    block: [
      '年度预算申请',
      '项目资金',
      '资金情况',
      '年度预算情况',
      '部门预算资金',
      '预算资金',
      '资金投入情况',
      '预算执行情况',
      '预算执行',
      '部门整体支出预算',
    ],
    group: ['按收入性质分', '按支出性质分', '按资金来源分', '按支出类别分'],
  },
});

export type GoalColumn = 'label' | 'expected' | 'actual';

export const goalColumn = lookup<GoalColumn>({
  names: {
    label: ['年度总体目标', '总体目标', '年度目标', '绩效总目标', '年度绩效目标', '总体绩效目标'],
    expected: ['预期目标', '年初设定目标', '年度预期目标', '预期'],
    actual: ['实际完成情况', '实际完成', '完成情况', '全年实际完成情况', '目标完成情况'],
  },
});

export type IndicatorColumn =
  | 'category'
  | 'subcategory'
  | 'name'
  | 'target'
  | 'adjustedTarget'
  | 'actual'
  | 'weight'
  | 'selfScore'
  | 'deviationNote'
  | 'unit'
  | 'nature'
  | 'direction'
  | 'core'
  | 'scoreCoefficient';

export const indicatorColumn = lookup<IndicatorColumn>({
  names: {
    category: ['一级指标', '一级指标名称'],
    subcategory: ['二级指标', '二级指标名称'],
    name: ['三级指标', '指标名称', '三级指标名称', '绩效指标名称'],
    target: ['年度指标值', '指标值', '年初指标值', '年度目标值', '目标值', '预期指标值', '计划指标值', '年初目标值'],
    adjustedTarget: ['调整指标值', '调整后指标值', '调整后目标值', '调整目标值'],
    actual: ['实际完成值', '全年完成值', '完成值', '实际值', '全年实际值', '实际完成指标值', '全年实际完成值'],
    weight: ['分值', '权重', '指标权重', '指标分值'],
    selfScore: ['得分', '指标得分', '自评得分', '自评分'],
    deviationNote: [
      '偏差原因分析及改进措施',
      '偏差原因分析及整改措施',
      '偏差原因及改进措施',
      '偏差原因分析',
      '偏差原因',
      '未完成原因分析',
      '原因分析及改进措施',
    ],
    unit: ['计量单位', '度量单位', '单位'],
    nature: ['指标性质'],
    direction: ['指标方向', '指标方向性', '方向'],
    core: ['是否核心指标', '核心指标'],
    scoreCoefficient: ['得分系数', '完成系数'],
  },
  patterns: [[/偏差|原因分析/, 'deviationNote']],
});

/** Header cells that name the indicator block itself (the merged first column), not a column. */
export const indicatorBlock = lookup<'block'>({
  names: { block: ['绩效指标', '年度绩效指标', '指标', '绩效指标体系'] },
});

/** Rows inside the indicator block that are the 预算执行率 line of layouts that score it there (Sichuan). */
export const executionRowLabel = lookup<'execution'>({
  names: { execution: ['预算执行情况', '预算执行率', '预算执行', '资金执行率', '预算资金执行率'] },
});

export type SheetRowKey = 'total' | 'grade' | 'conclusion';

export const sheetRow = lookup<SheetRowKey>({
  names: {
    total: ['总分', '合计', '总计', '综合得分', '自评总分', '总得分'],
    grade: ['评价等次', '评价等级', '自评等级', '等次', '绩效等级', '自评等次', '评价结果', '等级'],
    conclusion: ['评价结论', '绩效结论', '自评结论', '总体评价', '综合评价结论', '结论'],
  },
});

export type MetaKey = 'unitName' | 'projectName' | 'supervisingDepartment' | 'preparer' | 'preparedOn' | 'contactPhone';

export const metaLabel = lookup<MetaKey>({
  names: {
    unitName: ['预算单位名称', '单位名称', '预算单位', '填报单位', '实施单位', '项目实施单位', '部门名称'],
    projectName: ['项目名称'],
    supervisingDepartment: ['主管部门', '主管单位', '项目主管部门'],
    preparer: ['填表人', '填报人', '制表人', '经办人'],
    preparedOn: ['填报日期', '填表日期', '日期'],
    contactPhone: ['联系电话', '电话', '联系方式'],
  },
});

/** The label words found inside one line of text ("填表人：张三 填报日期：… 联系电话：…"). */
export const META_IN_TEXT =
  /(预算单位名称|填报单位|单位名称|项目名称|主管部门|实施单位|填表人|填报人|制表人|经办人|填报日期|填表日期|联系电话|联系方式)\s*[：:]/g;

// ---------------------------------------------------------------- indicator tree keys

/** 一级指标 names → category key, tried in order on the labelKey. */
export const CATEGORY_PATTERNS: readonly (readonly [RegExp, CategoryKey])[] = [
  [/产出/, 'output'],
  [/效益|效果/, 'outcome'],
  [/满意/, 'satisfaction'],
  [/成本/, 'cost'],
];

/** 二级指标 names → subcategory key, tried in order. */
export const SUBCATEGORY_PATTERNS: readonly (readonly [RegExp, SubcategoryKey])[] = [
  [/成本/, 'cost'],
  [/数量/, 'quantity'],
  [/质量/, 'quality'],
  [/时效|进度|时间/, 'timeliness'],
  [/经济/, 'economic'],
  [/社会/, 'social'],
  [/生态|环境/, 'ecological'],
  [/可持续/, 'sustainability'],
  [/满意/, 'satisfaction'],
];

/** The first pattern's key that matches labelKey(text), else 'other'; memoised by labelKey (bounded). */
function patternKey<K extends string>(
  patterns: readonly (readonly [RegExp, K])[],
  memo: Map<string, K | 'other'>,
  text: string,
): K | 'other' {
  const k = labelKey(text);
  const hit = memo.get(k);
  if (hit !== undefined) return hit;
  let found: K | 'other' = 'other';
  for (const [re, key] of patterns) {
    if (re.test(k)) {
      found = key;
      break;
    }
  }
  if (k.length <= MAX_MEMO_KEY) {
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(k, found);
  }
  return found;
}

const CATEGORY_MEMO = new Map<string, CategoryKey>();
const SUBCATEGORY_MEMO = new Map<string, SubcategoryKey>();

export function categoryKeyOf(text: string): CategoryKey {
  return patternKey(CATEGORY_PATTERNS, CATEGORY_MEMO, text);
}

export function subcategoryKeyOf(text: string): SubcategoryKey {
  return patternKey(SUBCATEGORY_PATTERNS, SUBCATEGORY_MEMO, text);
}

// ---------------------------------------------------------------- narrative headings

export interface SectionTerm {
  key: SectionKey;
  /** tried on the heading without its numbering */
  re: RegExp;
  /** the level an unnumbered heading of this kind usually has */
  level: number;
}

/** Tried in order: the more specific first ("三公经费使用情况" is 三公, not 使用情况). */
export const SECTION_TERMS: readonly SectionTerm[] = [
  { key: 'resultUse', re: /结果应用/, level: 1 },
  { key: 'problems', re: /存在的?主?要?问题|问题及原因|问题和原因|主要问题/, level: 1 },
  { key: 'improvements', re: /改进(措施|意见|建议|方向)|整改措施|下一步|工作打算|意见建议|改进的?措施/, level: 1 },
  { key: 'other', re: /其他(需要|需)?(说明|情况)/, level: 1 },
  { key: 'attachments', re: /^附件|基础数据表$|自评表$/, level: 1 },
  { key: 'governmentFund', re: /政府性基金/, level: 1 },
  { key: 'stateCapital', re: /国有资本经营/, level: 1 },
  { key: 'socialInsurance', re: /社会保险基金/, level: 1 },
  { key: 'threePublicCosts', re: /三公/, level: 3 },
  { key: 'basicExpenditure', re: /基本支出/, level: 3 },
  { key: 'projectExpenditure', re: /项目支出/, level: 3 },
  { key: 'conclusion', re: /评价结论|自评结论|自评结果|综合评价$|总体评价|评价结果$/, level: 2 },
  { key: 'indicatorAnalysis', re: /指标.{0,6}(分析|完成情况)|综合评价情况|履职效能|绩效分析/, level: 2 },
  { key: 'performance', re: /整体支出绩效|绩效(情况|评价情况|自评情况|实现情况|目标完成情况|目标实现情况)$/, level: 1 },
  { key: 'targets', re: /绩效目标/, level: 2 },
  {
    key: 'budgetExecution',
    re: /预算执行|支出管理|收支情况|预算收支|使用情况|管理情况|一般公共预算支出|部门预算/,
    level: 1,
  },
  { key: 'organisation', re: /机构设置|内设机构|机构情况|组织架构|机构职能/, level: 2 },
  { key: 'staffing', re: /人员编制|编制情况|人员情况|人员构成/, level: 2 },
  { key: 'functions', re: /职能|职责/, level: 2 },
  { key: 'basicInfo', re: /基本情况|基本概况|单位概况|部门概况|概况/, level: 1 },
];

/** How an unnumbered line must end to be taken for a heading. */
export const UNNUMBERED_HEADING_END = /(情况|职责|职能|措施|结论|分析|问题|概况|目标|建议|意见|说明|附件|应用|设置)$/;
