import type { Evaluation, FieldPath } from '../model/index.js';
import { memo, valueAt } from './util.js';

// Where a field stands, in the words a finance clerk uses: 基础数据表“三公经费”行“2023年预算数” …

const PROSE: Record<string, string> = {
  title: '报告标题',
  year: '报告年度',
  'unit.name': '报告所写的单位名称',
  'organisation.authorizedStaff': '报告正文的“编制人数”',
  'organisation.actualStaff': '报告正文的“实有人数”',
  'finances.openingBalance': '报告正文的“年初结转和结余”',
  'finances.income': '报告正文的“本年收入”',
  'finances.expenditure': '报告正文的“本年支出”',
  'finances.closingBalance': '报告正文的“年末结转和结余”',
  'finances.basic.openingBalance': '报告正文基本支出的“年初结转和结余”',
  'finances.basic.initialBudget': '报告正文基本支出的“年初预算数”',
  'finances.basic.adjustedBudget': '报告正文基本支出的“全年预算数”',
  'finances.basic.expenditure': '报告正文基本支出的“本年支出”',
  'finances.basic.executionRate': '报告正文基本支出的“预算执行率”',
  'finances.basic.closingBalance': '报告正文基本支出的“年末结转和结余”',
  'finances.project.initialBudget': '报告正文项目支出的“年初预算数”',
  'finances.project.adjustedBudget': '报告正文项目支出的“全年预算数”',
  'finances.project.expenditure': '报告正文的“项目支出”',
  'finances.threePublicCosts.budget': '报告正文“三公”经费的“年初预算数”',
  'finances.threePublicCosts.actual': '报告正文“三公”经费的“实际支出”',
  'finances.threePublicCosts.officialReception': '报告正文的“公务接待费”',
  'finances.threePublicCosts.officialVehicles': '报告正文的“公务用车购置及运行费”',
  'finances.threePublicCosts.overseasTravel': '报告正文的“出国（境）经费”',
  'finances.governmentFund': '报告正文的“政府性基金预算支出”',
  'finances.stateCapital': '报告正文的“国有资本经营预算支出”',
  'finances.socialInsurance': '报告正文的“社会保险基金预算支出”',
  'selfReported.total': '报告正文的“自评分数”',
  'selfReported.grade': '报告正文的“绩效评价等次”',
};

const BASIC_ROWS: Record<string, string> = {
  'threePublicCosts.total': '三公经费',
  'threePublicCosts.officialVehicles': '公务用车购置和维护经费',
  'threePublicCosts.vehiclePurchase': '公车购置',
  'threePublicCosts.vehicleOperation': '公车运行维护',
  'threePublicCosts.overseasTravel': '出国经费',
  'threePublicCosts.officialReception': '公务接待',
  'projectExpenditure.total': '项目支出',
  'publicFunds.total': '公用经费',
  governmentProcurement: '政府采购金额',
  basicBudgetAdjustment: '部门基本支出预算调整',
};

const BASIC_COLUMNS = { previousFinal: '上年决算数', currentBudget: '本年预算数', currentFinal: '本年决算数' } as const;

const BASIC_FIELDS: Record<string, string> = {
  'staffing.authorizedStaff': '“编制数”',
  'staffing.actualStaff': '“实际在职人数”',
  'staffing.staffControlRate': '财政供养人员“控制率”',
  'meta.unitName': '“填报单位”',
  'meta.preparer': '“填表人”',
  'meta.preparedOn': '“填报日期”',
  'meta.contactPhone': '“联系电话”',
  frugalityMeasures: '“厉行节约保障措施”',
  notes: '说明',
  'buildings.label': '“楼堂馆所控制情况”栏的标题',
};

const BUILDING_FIELDS: Record<string, string> = {
  approvedArea: '批复规模',
  actualArea: '实际规模',
  areaControlRate: '规模控制率',
  budgetInvestment: '预算投资',
  actualInvestment: '实际投资',
  investmentControlRate: '投资概算控制率',
};

const FUNDING_ROWS: Record<string, string> = {
  funding: '年度资金总额',
  'byNature.basic': '基本支出',
  'byNature.project': '项目支出',
  'bySource.generalPublic': '一般公共预算',
  'bySource.governmentFund': '政府性基金拨款',
  'bySource.stateCapital': '国有资本经营预算',
  'bySource.socialInsurance': '社会保险基金',
  'bySource.specialAccountNonTax': '纳入专户管理的非税收入拨款',
  'bySource.currentYearAppropriation': '本年财政拨款',
  'bySource.carryOver': '上年结转资金',
  'bySource.other': '其他资金',
};

const FUNDING_COLUMNS: Record<string, string> = {
  initialBudget: '年初预算数',
  adjustedBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  executionRate: '执行率',
  score: '得分',
  label: '名称',
};

const INDICATOR_FIELDS: Record<string, string> = {
  target: '年度指标值',
  adjustedTarget: '调整后指标值',
  actual: '实际完成值',
  weight: '分值',
  selfScore: '得分',
  deviationNote: '偏差原因分析及改进措施',
  unit: '计量单位',
  comparator: '指标方向',
  name: '名称',
};

const SELF_FIELDS: Record<string, string> = {
  'overallGoal.expected': '“年度总体目标”的“预期目标”',
  'overallGoal.actual': '“年度总体目标”的“实际完成情况”',
  totalWeight: '“总分”行的分值',
  totalScore: '“总分”行的得分',
  grade: '“评价等次”',
  conclusion: '“评价结论”',
  'meta.unitName': '“预算单位名称”',
  'meta.preparer': '“填表人”',
  'meta.preparedOn': '“填报日期”',
  'meta.contactPhone': '“联系电话”',
};

const CATEGORY_NAMES: Record<string, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  other: '其他指标',
};

/** A row label as written, without its numbering ("1、", "其中：") and padding. */
export function cleanLabel(label: string): string {
  return label
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^(其中[:：])?(\d+[、.．]|[一二三四五六七八九十]+[、.．]|[（(]\d+[)）])?/, '')
    .replace(/[:：]$/, '');
}

/** How people call an indicator row: its name, or its place when the name is empty. */
export function indicatorName(ev: Evaluation, index: number): string {
  const ind = ev.selfEvaluation?.indicators[index];
  if (!ind) return `第${index + 1}个三级指标`;
  if (ind.name.trim() !== '') return `“${ind.name.trim()}”`;
  return `“${ind.subcategory || ind.category}”下第${index + 1}行`;
}

function basicColumn(ev: Evaluation, col: keyof typeof BASIC_COLUMNS): string {
  const written = ev.basicData?.columnLabels[col];
  return `“${written ? written.replace(/\s+/g, '') : BASIC_COLUMNS[col]}”`;
}

function rowLabel(ev: Evaluation, rowPath: string, fallback: string): string {
  const row = valueAt(ev, `basicData.${rowPath}`) as { label?: string } | undefined;
  const written = row?.label ? cleanLabel(row.label) : '';
  return `“${written || fallback}”`;
}

/** Where a field stands, in words (zh-CN). */
export function placeName(ev: Evaluation, path: FieldPath): string {
  return memo(ev, `place:${path}`, () => describePlace(ev, path));
}

function describePlace(ev: Evaluation, path: FieldPath): string {
  if (PROSE[path]) return PROSE[path];
  const parts = path.split('.');
  const head = parts[0];
  if (head === 'basicData') {
    const rest = parts.slice(1);
    const tail = rest.join('.');
    if (BASIC_FIELDS[tail]) return `基础数据表${BASIC_FIELDS[tail]}`;
    const col = rest[rest.length - 1] as keyof typeof BASIC_COLUMNS;
    if (col in BASIC_COLUMNS) {
      const rowPath = rest.slice(0, -1).join('.');
      const itemMatch = /^(projectExpenditure|publicFunds)\.items\.(\d+)$/.exec(rowPath);
      const fallback = itemMatch
        ? `${itemMatch[1] === 'publicFunds' ? '公用经费' : '项目支出'}第${Number(itemMatch[2]) + 1}项`
        : (BASIC_ROWS[rowPath] ?? rowPath);
      return `基础数据表${rowLabel(ev, rowPath, fallback)}行${basicColumn(ev, col)}`;
    }
    const rowMatch = /^(projectExpenditure|publicFunds)\.items\.(\d+)(\.label)?$/.exec(tail);
    if (rowMatch) return `基础数据表${rowLabel(ev, `${rowMatch[1]}.items.${rowMatch[2]}`, '')}行`;
    if (BASIC_ROWS[tail]) return `基础数据表${rowLabel(ev, tail, BASIC_ROWS[tail])}行`;
    const b = /^buildings\.items\.(\d+)(?:\.(\w+))?$/.exec(tail);
    if (b) return `基础数据表楼堂馆所第${Number(b[1]) + 1}项${b[2] ? `的“${BUILDING_FIELDS[b[2]] ?? b[2]}”` : ''}`;
    return '基础数据表';
  }
  if (head === 'selfEvaluation') {
    const tail = parts.slice(1).join('.');
    if (SELF_FIELDS[tail]) return `自评表${SELF_FIELDS[tail]}`;
    const ind = /^indicators\.(\d+)(?:\.(\w+))?$/.exec(tail);
    if (ind) {
      const name = indicatorName(ev, Number(ind[1]));
      return `自评表指标${name}${ind[2] ? `的“${INDICATOR_FIELDS[ind[2]] ?? ind[2]}”` : ''}`;
    }
    const cw = /^categoryWeights\.(\w+)$/.exec(tail);
    if (cw) return `自评表“${CATEGORY_NAMES[cw[1] ?? ''] ?? cw[1]}”标注的分值`;
    const fr = /^(funding|byNature\.\w+|bySource\.\w+)(?:\.(\w+))?$/.exec(tail);
    if (fr) {
      const row = FUNDING_ROWS[fr[1] ?? ''] ?? fr[1];
      return `自评表“${row}”${fr[2] ? `的“${FUNDING_COLUMNS[fr[2]] ?? fr[2]}”` : '行'}`;
    }
    return '自评表';
  }
  if (head === 'narrative') {
    const s = /^narrative\.sections\.(\d+)/.exec(path);
    const section = s ? ev.narrative.sections[Number(s[1])] : undefined;
    if (section) return `报告正文“${section.heading.trim()}”部分`;
    return '报告正文';
  }
  if (head === 'unrecognised') return '未能识别的内容';
  return path;
}
