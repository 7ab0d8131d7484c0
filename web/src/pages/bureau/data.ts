/**
 * The bureau dashboard's figures, computed from what the API returns (list records, task progress, score sheets).
 * Pure functions, no React: the grade of a record is read with the core's own grade parser, rates and shares come
 * straight from the core's score sheet, so the dashboard never scores anything itself.
 */
import { Dec } from '../../../../src/model/money.js';
import { national2020 } from '../../../../src/rules/national-2020.js';
import { parseGrade } from '../../../../src/scoring/rules/grade.js';
import type { ScoreSheet } from '../../../../src/scoring/types.js';
import type { EvaluationListItem, EvaluationState, Organisation, TaskProgress } from '../../api/types.js';

/** The four grade names in order, and a bucket for evaluations without a grade yet. */
export const GRADE_NAMES = ['优', '良', '中', '差'] as const;
export type GradeName = (typeof GRADE_NAMES)[number];
export const NO_GRADE = '未评定';

/** 优秀 / 良好 / 优 … → 优 (null when the text is no grade). */
export function gradeNameOf(text: string | null | undefined): GradeName | null {
  if (!text) return null;
  return parseGrade(text, national2020)?.name ?? null;
}

/** Evaluations per grade (recomputed grade as the list stores it), in grade order, the ungraded last. */
export function gradeDistribution(
  items: readonly Pick<EvaluationListItem, 'grade'>[],
): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const g of [...GRADE_NAMES, NO_GRADE]) counts.set(g, 0);
  for (const item of items) {
    const g = gradeNameOf(item.grade) ?? NO_GRADE;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .filter((e) => e.count > 0 || e.name !== NO_GRADE);
}

export interface ScorePoint {
  id: string;
  unitName: string;
  /** 自评总分 */
  self: number;
  /** 重算总分 */
  recomputed: number;
  /** self − recomputed, exact, two decimals */
  gap: string;
}

/** A decimal string as a number for plotting (never used for arithmetic); null when absent or not a number. */
export function plotNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** Points of the self-vs-recomputed scatter: evaluations with both totals. */
export function scorePoints(
  items: readonly Pick<EvaluationListItem, 'id' | 'unitName' | 'totalSelf' | 'totalRecomputed'>[],
): ScorePoint[] {
  const out: ScorePoint[] = [];
  for (const item of items) {
    const self = plotNumber(item.totalSelf);
    const recomputed = plotNumber(item.totalRecomputed);
    if (self === null || recomputed === null) continue;
    out.push({
      id: item.id,
      unitName: item.unitName,
      self,
      recomputed,
      gap: new Dec(item.totalSelf!).minus(item.totalRecomputed!).toFixed(2),
    });
  }
  return out;
}

/** The n evaluations with the most errors (then warnings), those without any left out. */
export function mostErrors<T extends Pick<EvaluationListItem, 'errors' | 'warnings' | 'unitName'>>(
  items: readonly T[],
  n: number,
): T[] {
  return items
    .filter((i) => i.errors > 0 || i.warnings > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.unitName.localeCompare(b.unitName, 'zh-CN'))
    .slice(0, n);
}

export interface ExecutionPoint {
  /** 预算执行率, as a percentage with two decimals ("97.70"); null when the sheet could not compute it */
  executionRate: string | null;
  /** 指标完成度: Σ recomputed indicator scores ÷ Σ indicator weights, as a percentage ("92.31"); null without weights */
  achievement: string | null;
}

/**
 * Budget execution against indicator achievement, from one score sheet: the execution row's own rate, and the
 * share of the indicators' points that the recomputed scores reach.
 */
export function executionVsAchievement(sheet: Pick<ScoreSheet, 'execution' | 'items'>): ExecutionPoint {
  const rate = sheet.execution.inputs['rate'];
  let weight = new Dec(0);
  let got = new Dec(0);
  for (const item of sheet.items) {
    if (item.weight === null) continue;
    weight = weight.plus(item.weight);
    got = got.plus(item.recomputed ?? 0);
  }
  return {
    executionRate: rate !== undefined && /^-?\d+(\.\d+)?$/.test(rate) ? new Dec(rate).mul(100).toFixed(2) : null,
    achievement: weight.gt(0) ? got.div(weight).mul(100).toFixed(2) : null,
  };
}

/** The departments (主管部门) of an organisation tree, by name. */
export function departmentsOf(tree: readonly OrgNode[]): Organisation[] {
  const out: Organisation[] = [];
  const walk = (nodes: readonly OrgNode[]) => {
    for (const n of nodes) {
      if (n.kind === 'department') out.push(stripChildren(n));
      walk(n.children);
    }
  };
  walk(tree);
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export type OrgNode = Organisation & { children: OrgNode[] };

function stripChildren(n: OrgNode): Organisation {
  return { id: n.id, kind: n.kind, name: n.name, code: n.code, parentId: n.parentId, createdAt: n.createdAt };
}

/** unit id → the id of the department it sits under (null when directly under the bureau). */
export function departmentOfUnit(tree: readonly OrgNode[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const walk = (nodes: readonly OrgNode[], dept: string | null) => {
    for (const n of nodes) {
      if (n.kind === 'unit') out.set(n.id, dept);
      walk(n.children, n.kind === 'department' ? n.id : dept);
    }
  };
  walk(tree, null);
  return out;
}

/** Where a unit stands in a task: the most advanced state of its evaluations, or not started. */
export type UnitStage = EvaluationState | 'notStarted';

/** Workflow states from least to most advanced (returned sits before a resubmission). */
const STAGE_ORDER: readonly UnitStage[] = [
  'notStarted',
  'draft',
  'returned',
  'submitted',
  'unitApproved',
  'accepted',
  'published',
];

export const STAGE_LABELS: Readonly<Record<UnitStage, string>> = {
  notStarted: '未开始',
  draft: '填报中',
  returned: '已退回',
  submitted: '待单位审核',
  unitApproved: '待财政复核',
  accepted: '复核通过',
  published: '已公开',
};

export function stageOf(unit: TaskProgress['units'][number]): UnitStage {
  let best: UnitStage = 'notStarted';
  for (const e of unit.evaluations) {
    if (STAGE_ORDER.indexOf(e.state) > STAGE_ORDER.indexOf(best)) best = e.state;
  }
  return best;
}

/** Units of a task per stage, in workflow order (stages with no unit left out). */
export function stageCounts(units: readonly TaskProgress['units'][number][]): { stage: UnitStage; count: number }[] {
  const counts = new Map<UnitStage, number>(STAGE_ORDER.map((s) => [s, 0]));
  for (const u of units) {
    const s = stageOf(u);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return STAGE_ORDER.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })).filter((e) => e.count > 0);
}

/** Mean of decimal strings, two decimals; null for none. */
export function meanOf(values: readonly (string | null)[]): string | null {
  const present = values.filter((v): v is string => v !== null && /^-?\d+(\.\d+)?$/.test(v));
  if (present.length === 0) return null;
  return present
    .reduce((sum, v) => sum.plus(v), new Dec(0))
    .div(present.length)
    .toFixed(2);
}

/**
 * Every page of a paged list: calls `page(offset, limit)` until a short page or `max` items. Returns the items
 * and whether it stopped at `max` with more left.
 */
export async function fetchAllPages<T>(
  page: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
  max = 5000,
  limit = 1000,
): Promise<{ items: T[]; total: number; truncated: boolean }> {
  const items: T[] = [];
  let total = 0;
  for (let offset = 0; offset < max; offset += limit) {
    const p = await page(offset, Math.min(limit, max - offset));
    total = p.total;
    items.push(...p.items);
    if (p.items.length < Math.min(limit, max - offset) || items.length >= p.total) break;
  }
  return { items, total, truncated: total > items.length };
}

/** Run `fn` over `inputs` with at most `concurrency` calls in flight; results in input order. */
export async function mapLimit<I, O>(
  inputs: readonly I[],
  concurrency: number,
  fn: (input: I) => Promise<O>,
): Promise<O[]> {
  const out = new Array<O>(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
  return out;
}
