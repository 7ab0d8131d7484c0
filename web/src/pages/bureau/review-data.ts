/**
 * The review page's logic without React: where a field path points (which tab, which row, what to call it in
 * Chinese), which findings and comments belong to a row, and which review scores changed. Pure functions.
 */
import type { Finding } from '../../../../src/checks/types.js';
import type { Evaluation } from '../../../../src/model/evaluation.js';
import { Dec } from '../../../../src/model/money.js';
import type { Comment } from '../../api/types.js';

/** The tabs of the review page. */
export type ReviewTab = 'sheet' | 'budget' | 'basic' | 'goal' | 'narrative' | 'info';

export const TAB_LABELS: Readonly<Record<ReviewTab, string>> = {
  sheet: '自评表',
  budget: '预算执行',
  basic: '基础数据表',
  goal: '年度总体目标',
  narrative: '报告正文',
  info: '基本情况',
};

/** The tab that shows a field path. */
export function tabOfPath(path: string): ReviewTab {
  const parts = splitPath(path);
  const [head, second] = parts;
  if (head === 'selfEvaluation') {
    if (second === 'overallGoal') return 'goal';
    if (second === 'funding' || second === 'bySource' || second === 'byNature') return 'budget';
    return 'sheet';
  }
  if (head === 'basicData') return 'basic';
  if (head === 'finances') return 'budget';
  if (head === 'narrative') return 'narrative';
  return 'info';
}

/** 'a.b[3].c' and 'a.b.3.c' → ['a', 'b', '3', 'c']. */
export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
}

/** basicData blocks shown as one row each. */
const BASIC_DATA_BLOCKS = new Set([
  'meta',
  'columnLabels',
  'staffing',
  'governmentProcurement',
  'basicBudgetAdjustment',
  'frugalityMeasures',
  'notes',
]);

/** The row of the page a path lies in: the element carrying `data-path` with this value. */
export function rowPathOf(path: string): string {
  const p = splitPath(path);
  if (p[0] === 'selfEvaluation' && p[1] === 'indicators' && p[2] !== undefined) return p.slice(0, 3).join('.');
  if (p[0] === 'selfEvaluation' && (p[1] === 'bySource' || p[1] === 'byNature') && p[2] !== undefined) {
    return p.slice(0, 3).join('.');
  }
  if (p[0] === 'selfEvaluation' && p[1] !== undefined) return p.slice(0, 2).join('.');
  if (p[0] === 'basicData') {
    // basicData.projectExpenditure.items.2.currentFinal → its item; basicData.staffing.actualStaff → the block;
    // basicData.threePublicCosts.total.currentFinal → that line
    if (p[2] === 'items' && p[3] !== undefined) return p.slice(0, 4).join('.');
    if (p[1] !== undefined && BASIC_DATA_BLOCKS.has(p[1])) return p.slice(0, 2).join('.');
    return p.slice(0, Math.min(3, p.length)).join('.');
  }
  if (p[0] === 'narrative' && p[1] === 'sections' && p[2] !== undefined) return p.slice(0, 3).join('.');
  return p.slice(0, Math.min(2, p.length)).join('.');
}

/** Does `path` lie in the row `row` (the row itself or one of its fields)? */
export function inRow(path: string, row: string): boolean {
  const p = splitPath(path).join('.');
  return p === row || p.startsWith(`${row}.`);
}

/** Places beyond which a finding is about the whole (a total against all its rows), not about each place. */
const FEW_PLACES = 4;

/**
 * Does a finding concern the row? When its first place lies there, or any place when it names only a few (a figure
 * compared across two tables concerns both); a total checked against every row is shown at the total only.
 */
export function findingTouchesRow(f: Finding, row: string): boolean {
  return f.where.some((w, i) => (i === 0 || f.where.length <= FEW_PLACES) && inRow(w.path, row));
}

/** Findings that concern the row. */
export function findingsInRow(findings: readonly Finding[], row: string): Finding[] {
  return findings.filter((f) => findingTouchesRow(f, row));
}

/** Unresolved comments pinned to the row or one of its fields. */
export function commentsInRow(comments: readonly Comment[], row: string): Comment[] {
  return comments.filter((c) => c.fieldPath !== '' && inRow(c.fieldPath, row));
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '名称',
  category: '一级指标',
  subcategory: '二级指标',
  comparator: '指标方向',
  target: '年度指标值',
  adjustedTarget: '调整后指标值',
  unit: '计量单位',
  actual: '实际完成值',
  weight: '分值',
  selfScore: '自评得分',
  deviationNote: '偏差原因分析及改进措施',
  initialBudget: '年初预算数',
  adjustedBudget: '全年预算数',
  executed: '全年执行数',
  executionRate: '执行率',
  score: '得分',
  totalScore: '总分',
  totalWeight: '总分分值',
  grade: '评价等次',
  conclusion: '评价结论',
  expected: '预期目标',
  previousFinal: '上年决算数',
  currentBudget: '本年预算数',
  currentFinal: '本年决算数',
  authorizedStaff: '编制数',
  actualStaff: '实有人数',
  staffControlRate: '人员控制率',
  openingBalance: '年初结转和结余',
  income: '本年收入',
  expenditure: '本年支出',
  closingBalance: '年末结转和结余',
  total: '合计',
  officialReception: '公务接待费',
  officialVehicles: '公务用车购置及运行维护费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  overseasTravel: '因公出国（境）费',
  budget: '预算数',
  governmentFund: '政府性基金',
  stateCapital: '国有资本经营',
  socialInsurance: '社会保险基金',
  frugalityMeasures: '厉行节约保障措施',
  governmentProcurement: '政府采购',
  basicBudgetAdjustment: '基本支出预算调整',
  staffing: '人员编制',
  threePublicCosts: '三公经费',
  projectExpenditure: '项目支出',
  publicFunds: '公用经费',
  buildings: '楼堂馆所',
  basic: '基本支出',
  project: '项目支出',
  generalPublic: '一般公共预算',
  specialAccountNonTax: '纳入专户管理的非税收入',
  currentYearAppropriation: '本年财政拨款',
  carryOver: '上年结转',
  other: '其他资金',
  funding: '年度资金总额',
  meta: '填表信息',
  preparer: '填表人',
  preparedOn: '填报日期',
  contactPhone: '联系电话',
  unitName: '单位名称',
  internalDivisions: '内设机构',
  functions: '主要职能',
  title: '报告标题',
};

const HEAD_LABELS: Readonly<Record<string, string>> = {
  selfEvaluation: '自评表',
  basicData: '基础数据表',
  finances: '报告正文·资金情况',
  selfReported: '报告正文·综合评价结论',
  organisation: '基本情况',
  narrative: '报告正文',
  unit: '单位',
  title: '报告标题',
  year: '年度',
};

/** A field path in plain Chinese, using the document's own names (indicator names, section headings). */
export function describePath(path: string, doc: Evaluation | undefined): string {
  const p = splitPath(path);
  if (p.length === 0) return '整份自评';
  const out: string[] = [HEAD_LABELS[p[0]!] ?? p[0]!];
  let i = 1;
  if (p[0] === 'selfEvaluation' && p[1] === 'indicators' && p[2] !== undefined) {
    const ind = doc?.selfEvaluation?.indicators[Number(p[2])];
    out.push(ind?.name ? `“${ind.name}”` : `第 ${Number(p[2]) + 1} 个指标`);
    i = 3;
  } else if (p[0] === 'selfEvaluation' && p[1] === 'overallGoal') {
    out[0] = '年度总体目标';
    i = 2;
    if (p[2] === 'actual') {
      out.push('实际完成情况');
      i = 3;
    }
  } else if (p[0] === 'selfReported' && p[1] === 'total') {
    out.push('自评分数');
    i = 2;
  } else if (p[0] === 'narrative' && p[1] === 'sections' && p[2] !== undefined) {
    const section = doc?.narrative.sections[Number(p[2])];
    out.push(section ? `“${section.heading}”` : `第 ${Number(p[2]) + 1} 节`);
    i = 3;
  }
  for (; i < p.length; i++) {
    const part = p[i]!;
    if (/^\d+$/.test(part)) {
      const prev = p[i - 1];
      out.push(prev === 'items' ? `第 ${Number(part) + 1} 项` : `第 ${Number(part) + 1} 条`);
    } else if (part !== 'items' && part !== 'q' && part !== 'text') {
      out.push(FIELD_LABELS[part] ?? part);
    }
  }
  return out.join('·');
}

/** The fields of an indicator row a comment may be pinned to (path suffix → label); '' = the whole row. */
export const INDICATOR_PIN_FIELDS: readonly { suffix: string; label: string }[] = [
  { suffix: '', label: '整行' },
  { suffix: 'target', label: '年度指标值' },
  { suffix: 'actual', label: '实际完成值' },
  { suffix: 'weight', label: '分值' },
  { suffix: 'selfScore', label: '自评得分' },
  { suffix: 'deviationNote', label: '偏差原因分析及改进措施' },
];

/** The fields of the execution row (自评表 年度资金总额) a comment may be pinned to. */
export const FUNDING_PIN_FIELDS: readonly { suffix: string; label: string }[] = [
  { suffix: '', label: '整行' },
  { suffix: 'initialBudget', label: '年初预算数' },
  { suffix: 'adjustedBudget', label: '全年预算数' },
  { suffix: 'executed', label: '全年执行数' },
  { suffix: 'executionRate', label: '执行率' },
  { suffix: 'score', label: '得分' },
];

export function joinPath(row: string, suffix: string): string {
  return suffix === '' ? row : `${row}.${suffix}`;
}

/** A review score as typed: a decimal with at most two places, not negative, not above the row's weight. */
export function reviewScoreProblem(text: string, weight: string | null): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return '应为不小于 0 的数字，最多两位小数';
  if (weight !== null && new Dec(t).gt(weight)) return `不能超过分值 ${weight}`;
  return null;
}

export interface ReviewEdit {
  reviewScore: string;
  note: string;
}

/**
 * The scores to send: every row whose typed score or note differs from what is saved and whose score is filled
 * in and valid. Scores are sent as typed (exact decimal strings).
 */
export function changedScores(
  rows: readonly { indicatorId: string; weight: string | null; reviewScore: string | null; note: string | null }[],
  edits: Readonly<Record<string, ReviewEdit>>,
): { indicatorId: string; reviewScore: string; note?: string }[] {
  const out: { indicatorId: string; reviewScore: string; note?: string }[] = [];
  for (const row of rows) {
    const edit = edits[row.indicatorId];
    if (!edit) continue;
    const score = edit.reviewScore.trim();
    const note = edit.note.trim();
    if (score === '' || reviewScoreProblem(score, row.weight) !== null) continue;
    const sameScore = row.reviewScore !== null && new Dec(row.reviewScore).eq(score);
    if (sameScore && note === (row.note ?? '')) continue;
    out.push({ indicatorId: row.indicatorId, reviewScore: score, ...(note !== '' ? { note } : {}) });
  }
  return out;
}

/** Rows with a typed score that is not acceptable: indicatorId → problem. */
export function editProblems(
  rows: readonly { indicatorId: string; weight: string | null }[],
  edits: Readonly<Record<string, ReviewEdit>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    const edit = edits[row.indicatorId];
    if (!edit) continue;
    const problem = reviewScoreProblem(edit.reviewScore, row.weight);
    if (problem) out[row.indicatorId] = problem;
  }
  return out;
}

/** Findings by severity, for the panel's counts. */
export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** The path and its ancestors, longest first: where to look for the element that shows a field. */
export function pathPrefixes(path: string): string[] {
  const parts = splitPath(path);
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('.'));
  return out;
}
