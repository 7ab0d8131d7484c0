/**
 * Bench helper: bulk-insert a generated data set (a fictional bureau, its departments and units, and evaluations
 * for several years) in batched transactions, fast.
 *
 * The documents are derived from a real import (by default the demo report in `examples/`): a few dozen variants
 * with varied indicator actuals and execution figures are scored and checked once each by the core (so the list
 * columns — totals, grades, findings counts — are what the server would compute), then every evaluation takes one
 * variant with its own unit name and year.
 *
 * Unlike the rest of src/store/ this module imports the formats, scoring and checks layers; it is not exported from
 * ./index.ts, so opening a store never loads them.
 */
import { readFile } from 'node:fs/promises';
import { checkEvaluation, type CheckResult } from '../src/checks/index.js';
import { importFile } from '../src/formats/import.js';
import { Dec, type Evaluation, type Figure } from '../src/model/index.js';
import { DEFAULT_PROFILE_ID, getProfile, national2020, type RuleProfile } from '../src/rules/index.js';
import { newId } from '../src/store/ids.js';
import { kyselyOf } from '../src/store/store.js';
import type { EvaluationsTable, EvaluationVersionsTable } from '../src/store/schema.js';
import type { EvaluationState, EvaluationSummary, Id, Store } from '../src/store/types.js';
import { decimalKey } from '../src/store/util.js';

/** The demo report the default template is imported from. */
export const DEMO_REPORT_URL = new URL('../examples/shili-rongmeiti-2024.txt', import.meta.url);

export interface GenerateOptions {
  /** budget units (default 10 000) */
  units?: number;
  /** years with one department evaluation per unit each (default [2022, 2023, 2024]) */
  years?: number[];
  /** supervising departments the units are spread over (default ⌈units / 40⌉) */
  departments?: number;
  /** versions per evaluation (default 1) */
  versionsPerEvaluation?: number;
  /** evaluations per transaction (default 250) */
  batchSize?: number;
  /** distinct document variants to derive (default 32) */
  variants?: number;
  /** the document to vary (default: the demo report, imported) */
  template?: Evaluation;
  /** keep the provenance map `sources` in every document (default false: it is ~2/3 of the demo's JSON) */
  keepSources?: boolean;
  /** PRNG seed: the same seed gives the same data set (ids and timestamps aside) */
  seed?: number;
  bureauName?: string;
  /** one task per year addressed to all units (default true) */
  tasks?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedDataset {
  bureauId: Id;
  departmentIds: Id[];
  unitIds: Id[];
  taskIds: Id[];
  years: number[];
  evaluations: number;
  versions: number;
  /** wall time of the whole generation, ms */
  ms: number;
}

/** The list columns of an evaluation from what `checkEvaluation` reports. */
export function summaryFromCheck(result: CheckResult): EvaluationSummary {
  const self = result.score.selfReported.total;
  return {
    totalSelf: self === null ? null : new Dec(self).toString(),
    totalRecomputed: new Dec(result.score.recomputed.total).toString(),
    grade: result.score.recomputed.grade,
    errors: result.summary.errors,
    warnings: result.summary.warnings,
    infos: result.summary.infos,
  };
}

/** Import the demo report as the default template. */
export async function loadDemoTemplate(): Promise<Evaluation> {
  const bytes = new Uint8Array(await readFile(DEMO_REPORT_URL));
  const { evaluation } = await importFile(bytes, DEMO_REPORT_URL.pathname.split('/').pop() ?? 'demo.txt');
  return evaluation;
}

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decimal places of a decimal string. */
function decimals(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** A copy of `figure` with its number multiplied by `factor`, keeping its decimals and rewriting its text. */
function scaleFigure(figure: Figure, factor: number): Figure {
  if (figure.q.kind !== 'number') return figure;
  const old = figure.q.value;
  const value = new Dec(old).mul(new Dec(factor.toFixed(4))).toFixed(decimals(old));
  return { ...figure, text: figure.text.split(old).join(value), q: { ...figure.q, value } };
}

/** One variant of the template: indicator actuals and the executed amount moved by random factors. */
function variantOf(template: Evaluation, random: () => number, keepSources: boolean): Evaluation {
  const doc = structuredClone(template);
  if (!keepSources) doc.sources = {};
  const se = doc.selfEvaluation;
  if (se) {
    for (const indicator of se.indicators) {
      if (indicator.actual && random() < 0.5) indicator.actual = scaleFigure(indicator.actual, 0.75 + random() * 0.35);
    }
    if (se.funding.executed) se.funding.executed = scaleFigure(se.funding.executed, 0.85 + random() * 0.15);
  }
  return doc;
}

const DEPARTMENT_NAMES = [
  '教育局',
  '卫生健康局',
  '交通运输局',
  '农业农村局',
  '文化旅游广电局',
  '民政局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '水利局',
  '市场监督管理局',
  '应急管理局',
  '生态环境分局',
  '统计局',
  '司法局',
  '商务局',
];
const UNIT_SUFFIXES = [
  '机关',
  '事务中心',
  '服务中心',
  '信息中心',
  '综合执法大队',
  '研究所',
  '管理站',
  '培训中心',
  '检测中心',
  '档案馆',
];
const STATE_WEIGHTS: readonly [EvaluationState, number][] = [
  ['draft', 0.2],
  ['submitted', 0.25],
  ['unitApproved', 0.1],
  ['returned', 0.1],
  ['accepted', 0.25],
  ['published', 0.1],
];

function pickState(random: () => number): EvaluationState {
  let r = random();
  for (const [state, weight] of STATE_WEIGHTS) {
    if (r < weight) return state;
    r -= weight;
  }
  return 'draft';
}

const UNIT_MARK = '\u0000UNIT\u0000';
const YEAR_MARK = '\u0000YEAR\u0000';

function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

interface PreparedVariant {
  /** the document's JSON with the unit name and the year as marks */
  json: string;
  summary: EvaluationSummary;
}

function prepareVariants(template: Evaluation, count: number, random: () => number, keep: boolean): PreparedVariant[] {
  const profile: RuleProfile = getProfile(template.profile ?? DEFAULT_PROFILE_ID) ?? national2020;
  const unitName = template.unit.name ?? '';
  const year = template.year;
  const out: PreparedVariant[] = [];
  for (let i = 0; i < count; i++) {
    const doc = variantOf(template, random, keep);
    let json = JSON.stringify(doc);
    if (unitName !== '') json = json.split(escapeJson(unitName)).join(UNIT_MARK);
    if (year !== undefined) {
      json = json.split(`"year":${year}`).join(`"year":${YEAR_MARK}`).split(`${year}年`).join(`${YEAR_MARK}年`);
    }
    out.push({ json, summary: summaryFromCheck(checkEvaluation(doc, profile)) });
  }
  return out;
}

/**
 * Insert a generated data set into `store`: 1 bureau, `departments` departments, `units` units, and for each unit
 * and year one department evaluation with `versionsPerEvaluation` versions, in transactions of `batchSize`
 * evaluations. Returns the ids and counts.
 */
export async function generateDataset(store: Store, options: GenerateOptions = {}): Promise<GeneratedDataset> {
  const started = Date.now();
  const units = options.units ?? 10_000;
  const years = options.years ?? [2022, 2023, 2024];
  const departments = Math.max(1, options.departments ?? Math.ceil(units / 40));
  const versionsPer = Math.max(1, options.versionsPerEvaluation ?? 1);
  const batchSize = Math.max(1, options.batchSize ?? 250);
  const random = prng(options.seed ?? 20240101);
  const template = options.template ?? (await loadDemoTemplate());
  const variants = prepareVariants(template, Math.max(1, options.variants ?? 32), random, options.keepSources ?? false);
  const db = kyselyOf(store);
  const now = new Date().toISOString();

  const bureauId = newId();
  const bureauName = options.bureauName ?? '虚构市虚构区财政局';
  const departmentRows = Array.from({ length: departments }, (_, i) => ({
    id: newId(),
    kind: 'department',
    name: `虚构区${DEPARTMENT_NAMES[i % DEPARTMENT_NAMES.length]}${i >= DEPARTMENT_NAMES.length ? `（${Math.floor(i / DEPARTMENT_NAMES.length) + 1}）` : ''}`,
    code: `D${String(i + 1).padStart(4, '0')}`,
    parent_id: bureauId,
    created_at: now,
  }));
  const unitRows = Array.from({ length: units }, (_, i) => {
    const department = departmentRows[i % departments];
    if (!department) throw new Error('unreachable: no department');
    return {
      id: newId(),
      kind: 'unit',
      name: `${department.name}${UNIT_SUFFIXES[Math.floor(i / departments) % UNIT_SUFFIXES.length]}第${i + 1}号`,
      code: `U${String(i + 1).padStart(6, '0')}`,
      parent_id: department.id,
      created_at: now,
    };
  });

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organisations')
      .values({ id: bureauId, kind: 'bureau', name: bureauName, code: 'B0001', parent_id: null, created_at: now })
      .execute();
    for (let i = 0; i < departmentRows.length; i += 500) {
      await trx
        .insertInto('organisations')
        .values(departmentRows.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < unitRows.length; i += 500) {
      await trx
        .insertInto('organisations')
        .values(unitRows.slice(i, i + 500))
        .execute();
    }
  });

  const total = units * years.length;
  let done = 0;
  let versions = 0;
  const pairs: { unit: (typeof unitRows)[number]; year: number }[] = [];
  for (const year of years) for (const unit of unitRows) pairs.push({ unit, year });
  const yearStart = (year: number) => Date.UTC(year + 1, 2, 1);
  for (let i = 0; i < pairs.length; i += batchSize) {
    const batch = pairs.slice(i, i + batchSize);
    const evaluations: EvaluationsTable[] = [];
    const versionRows: EvaluationVersionsTable[] = [];
    for (const { unit, year } of batch) {
      const id = newId();
      const created = yearStart(year) + Math.floor(random() * 60 * 86_400_000);
      let at = created;
      for (let v = 1; v <= versionsPer; v++) {
        const variant = variants[Math.floor(random() * variants.length)] ?? variants[0];
        if (!variant) throw new Error('unreachable: no variant');
        if (v > 1) at += Math.floor(random() * 7 * 86_400_000) + 1;
        versionRows.push({
          evaluation_id: id,
          version: v,
          document: variant.json.split(UNIT_MARK).join(escapeJson(unit.name)).split(YEAR_MARK).join(String(year)),
          created_by: null,
          created_at: new Date(at).toISOString(),
          note: v === 1 ? '批量生成' : null,
        });
        if (v === versionsPer) {
          const s = variant.summary;
          evaluations.push({
            id,
            unit_id: unit.id,
            department_id: unit.parent_id,
            bureau_id: bureauId,
            unit_name: unit.name,
            year,
            kind: 'department',
            project_name: '',
            state: pickState(random),
            current_version: versionsPer,
            total_self: s.totalSelf,
            total_recomputed: s.totalRecomputed,
            total_self_key: decimalKey(s.totalSelf),
            total_recomputed_key: decimalKey(s.totalRecomputed),
            grade: s.grade,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            created_by: null,
            created_at: new Date(created).toISOString(),
            updated_at: new Date(at).toISOString(),
          });
        }
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('evaluations').values(evaluations).execute();
      // keep well below both dialects' bound-parameter limits (6 columns per row)
      for (let j = 0; j < versionRows.length; j += 1000) {
        await trx
          .insertInto('evaluation_versions')
          .values(versionRows.slice(j, j + 1000))
          .execute();
      }
    });
    done += batch.length;
    versions += versionRows.length;
    options.onProgress?.(done, total);
  }

  const taskIds: Id[] = [];
  if (options.tasks ?? true) {
    for (const year of years) {
      const task = await store.tasks.create({
        bureauId,
        year,
        kind: 'department',
        title: `${year}年度部门整体支出绩效自评`,
        deadline: `${year + 1}-04-30`,
        createdBy: null,
        unitIds: unitRows.map((u) => u.id),
      });
      taskIds.push(task.id);
    }
  }

  return {
    bureauId,
    departmentIds: departmentRows.map((d) => d.id),
    unitIds: unitRows.map((u) => u.id),
    taskIds,
    years,
    evaluations: done,
    versions,
    ms: Date.now() - started,
  };
}
