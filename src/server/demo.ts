/**
 * The demo data set a fresh server seeds (`npm start`): a fictional finance bureau (示例区财政局), two supervising
 * departments, seven units, evaluations in every workflow state — the bundled demo report (examples/) imported
 * through importFile, and variations of it with typical faults — a task with its deadline, comments, review
 * scores, and one login per role. Everything goes through the same operations as the API (import, create, workflow
 * transitions, audit), so the demo's history looks like real use.
 */
import { readFile } from 'node:fs/promises';
import { Dec, type Evaluation, type Figure } from '../model/index.js';
import { getProfile } from '../rules/index.js';
import { score } from '../scoring/index.js';
import type { RuleProfile } from '../rules/types.js';
import type { EvaluationRecord, EvaluationState, Organisation, Role, Store, User } from '../store/index.js';
import { hashPassword, type ScryptParams } from './auth/password.js';
import type { DemoLogin } from './landing.js';
import { createEvaluation, fireTransition, importEvaluation, readReport } from './operations.js';
import { TRANSITIONS, type TransitionName } from './workflow.js';

/** The bundled demo report. */
export const DEMO_REPORT = new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url);
export const DEMO_PASSWORD = 'jixiao-demo';
/** The rule profile the demo bureau works by (the demo report is laid out on the Hunan forms). */
export const DEMO_PROFILE_ID = 'hunan';

/** A fault put into a copy of the demo report, as the checks should find it. */
export type DemoFault =
  /** every indicator that lost points claims its full weight (R-7.3, totals no longer add up) */
  | 'inflatedScores'
  /** the 偏差原因分析及改进措施 of indicators that lost points left empty */
  | 'missingDeviationNotes'
  /** the stated total two points above the sum of the rows */
  | 'totalOverstated'
  /** the 全年执行数 of the 自评表 not matching the stated execution rate */
  | 'executedMisstated';

export interface DemoEvaluationSpec {
  year: number;
  /** the state it is taken to, through the workflow's transitions */
  state: EvaluationState;
  /** imported from the bundled file itself (the original file is kept) */
  importFile?: boolean;
  faults?: readonly DemoFault[];
  /** reviewer comments pinned to fields (fieldPath → text), written before a return */
  comments?: readonly { fieldPath: string; body: string }[];
  /** review scores as a share of the self score of every row (1 = agree), recorded before acceptance */
  reviewShare?: string;
  /** a unit that did less: every 正向 numeric actual times this share, scores and total restated to match */
  actualShare?: string;
}

export interface DemoUnitSpec {
  name: string;
  code: string;
  department: 0 | 1;
  /** username prefix of the unit's own preparer and approver ('' = the main demo logins) */
  userPrefix: string;
  evaluations: readonly DemoEvaluationSpec[];
}

/** The data set, as data. */
export const DEMO_DATASET = {
  bureau: { name: '示例区财政局', code: 'SL-CZJ' },
  departments: [
    { name: '中共示例区委宣传部', code: 'SL-XCB' },
    { name: '示例区教育局', code: 'SL-JYJ' },
  ],
  units: [
    {
      name: '示例区融媒体中心',
      code: 'SL-RMT',
      department: 0,
      userPrefix: '',
      evaluations: [
        { year: 2024, state: 'draft', importFile: true },
        { year: 2023, state: 'published', reviewShare: '1' },
      ],
    },
    {
      name: '示例区文化馆',
      code: 'SL-WHG',
      department: 0,
      userPrefix: 'whg',
      evaluations: [{ year: 2024, state: 'submitted', faults: ['missingDeviationNotes'] }],
    },
    {
      name: '示例区图书馆',
      code: 'SL-TSG',
      department: 0,
      userPrefix: 'tsg',
      evaluations: [{ year: 2024, state: 'unitApproved', faults: ['inflatedScores'] }],
    },
    {
      name: '示例区第一中学',
      code: 'SL-YZ',
      department: 1,
      userPrefix: 'yz',
      evaluations: [
        {
          year: 2024,
          state: 'returned',
          faults: ['totalOverstated', 'executedMisstated'],
          comments: [
            { fieldPath: 'selfEvaluation.totalScore', body: '总分与各项得分之和不一致，请核对后修改。' },
            { fieldPath: 'selfEvaluation.funding.executed', body: '全年执行数与执行率不符，请与决算数核对。' },
          ],
        },
      ],
    },
    {
      name: '示例区实验小学',
      code: 'SL-SYXX',
      department: 1,
      userPrefix: 'syxx',
      evaluations: [{ year: 2024, state: 'accepted', actualShare: '0.9', reviewShare: '0.9' }],
    },
    {
      name: '示例区教师发展中心',
      code: 'SL-JSFZ',
      department: 1,
      userPrefix: 'jsfz',
      evaluations: [{ year: 2024, state: 'published', actualShare: '0.75', reviewShare: '1' }],
    },
    { name: '示例区青少年活动中心', code: 'SL-QSN', department: 1, userPrefix: 'qsn', evaluations: [] },
  ] satisfies readonly DemoUnitSpec[],
  task: { title: '2024年度部门整体支出绩效自评', year: 2024, deadline: '2025-04-30' },
} as const;

/** The transitions from draft to each state (the workflow's shortest legal path). */
const PATHS: Readonly<Record<EvaluationState, readonly TransitionName[]>> = {
  draft: [],
  submitted: ['submit'],
  unitApproved: ['submit', 'approve'],
  returned: ['submit', 'approve', 'return'],
  accepted: ['submit', 'approve', 'accept'],
  published: ['submit', 'approve', 'accept', 'publish'],
};

// ───────────────────────────── faults (generic edits of an Evaluation) ─────────────────────────────

function numberFigure(value: Dec, decimals = 2): Figure {
  const text = value.toFixed(decimals);
  return { text, q: { kind: 'number', value: text } };
}

function valueOf(f: Figure | undefined): Dec | undefined {
  return f && f.q.kind === 'number' ? new Dec(f.q.value) : undefined;
}

/** Apply faults to a copy of a document. */
export function withFaults(document: Evaluation, faults: readonly DemoFault[]): Evaluation {
  const doc = structuredClone(document);
  const se = doc.selfEvaluation;
  if (!se) return doc;
  for (const fault of faults) {
    switch (fault) {
      case 'inflatedScores':
        for (const ind of se.indicators) {
          const w = valueOf(ind.weight);
          const s = valueOf(ind.selfScore);
          if (w && s && s.lt(w)) ind.selfScore = numberFigure(w, 0);
        }
        break;
      case 'missingDeviationNotes':
        for (const ind of se.indicators) {
          const w = valueOf(ind.weight);
          const s = valueOf(ind.selfScore);
          if (w && s && s.lt(w)) delete ind.deviationNote;
        }
        break;
      case 'totalOverstated': {
        const t = valueOf(se.totalScore);
        if (t) se.totalScore = numberFigure(t.plus(2));
        const p = valueOf(doc.selfReported.total);
        if (p) doc.selfReported.total = numberFigure(p.plus(2));
        break;
      }
      case 'executedMisstated': {
        const e = valueOf(se.funding.executed);
        if (e) se.funding.executed = numberFigure(e.minus(20));
        break;
      }
    }
  }
  return doc;
}

/**
 * A unit that achieved less: each numeric actual of a 正向 (≥, >) indicator times `share`, and the self scores,
 * the total and the grade restated as the rules give them (with a deviation note where points were lost) — a
 * consistent report, only a weaker one.
 */
export function withLowerActuals(document: Evaluation, share: string, profile: RuleProfile): Evaluation {
  const doc = structuredClone(document);
  const se = doc.selfEvaluation;
  if (!se) return doc;
  const k = new Dec(share);
  for (const ind of se.indicators) {
    const target = ind.target?.q;
    const actual = ind.actual;
    const positive =
      ind.comparator === '>=' ||
      ind.comparator === '>' ||
      (target?.kind === 'number' && (target.comparator === '>=' || target.comparator === '>'));
    if (!positive || !actual || actual.q.kind !== 'number') continue;
    const decimals = actual.q.value.split('.')[1]?.length ?? 0;
    const value = new Dec(actual.q.value).mul(k).toFixed(decimals);
    const unit = actual.q.unit ?? '';
    ind.actual = { text: `${value}${unit}`, q: { ...actual.q, value } };
  }
  const sheet = score(doc, profile);
  for (const item of sheet.items) {
    const ind = se.indicators.find((i) => i.id === item.indicatorId);
    if (!ind || item.recomputed === null) continue;
    ind.selfScore = numberFigure(new Dec(item.recomputed));
    if (item.weight !== null && item.recomputed < item.weight && !ind.deviationNote) {
      ind.deviationNote = '受人员和经费条件限制，未完全达到年度目标；下一步将细化任务分解，加强过程监控。';
    }
  }
  const total = numberFigure(new Dec(sheet.total.recomputed));
  se.totalScore = total;
  doc.selfReported.total = total;
  se.grade = sheet.grade.recomputed.label;
  doc.selfReported.grade = sheet.grade.recomputed.label;
  return doc;
}

/** A copy of the demo report filed for another unit and year. */
export function renamed(document: Evaluation, unitName: string, year: number): Evaluation {
  const doc = structuredClone(document);
  doc.unit = { ...doc.unit, name: unitName };
  doc.year = year;
  doc.title = `${unitName}${year}年部门整体支出绩效自评报告`;
  doc.profile = DEMO_PROFILE_ID;
  return doc;
}

// ───────────────────────────── seeding ─────────────────────────────

export interface SeedOptions {
  scrypt?: ScryptParams;
  /** the report to import (default: the bundled demo) */
  reportUrl?: URL;
  log?: (line: string) => void;
}

export interface SeedResult {
  bureau: Organisation;
  logins: DemoLogin[];
  evaluations: EvaluationRecord[];
}

/** Has the database no organisations yet (a fresh install)? */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.organisations.list()).length === 0;
}

/** The main demo logins (one per role), whether the demo users still exist. */
export async function demoLogins(store: Store): Promise<DemoLogin[]> {
  const out: DemoLogin[] = [];
  for (const [username, role] of MAIN_LOGINS) {
    const u = await store.users.getByUsername(username);
    if (!u || u.role !== role || u.disabled) continue;
    const org = await store.organisations.get(u.organisationId);
    out.push({ username, password: DEMO_PASSWORD, role, displayName: u.displayName, organisation: org?.name ?? '' });
  }
  return out;
}

const MAIN_LOGINS: readonly (readonly [string, Role])[] = [
  ['tianbao', 'preparer'],
  ['shenhe', 'unitApprover'],
  ['fuhe', 'reviewer'],
  ['admin', 'admin'],
];

/** Seed the demo data set into an empty store. */
export async function seedDemo(store: Store, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const profile: RuleProfile | undefined = getProfile(DEMO_PROFILE_ID);
  if (!profile) throw new Error(`missing rule profile ${DEMO_PROFILE_ID}`);
  const url = options.reportUrl ?? DEMO_REPORT;
  const bytes = new Uint8Array(await readFile(url));
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? 'demo.txt');
  const template = await readReport(bytes, fileName, bytes.length + 1);
  const passwordHash = await hashPassword(DEMO_PASSWORD, options.scrypt);

  const ds = DEMO_DATASET;
  const bureau = await store.organisations.create({ kind: 'bureau', name: ds.bureau.name, code: ds.bureau.code });
  const departments = [];
  for (const d of ds.departments) {
    departments.push(
      await store.organisations.create({ kind: 'department', name: d.name, code: d.code, parentId: bureau.id }),
    );
  }
  const addUser = (username: string, displayName: string, role: Role, organisationId: string): Promise<User> =>
    store.users.create({ username, displayName, passwordHash, role, organisationId });
  const reviewer = await addUser('fuhe', '付复核', 'reviewer', bureau.id);
  await addUser('admin', '管理员', 'admin', bureau.id);

  const evaluations: EvaluationRecord[] = [];
  const unitIds: string[] = [];
  for (const spec of ds.units as readonly DemoUnitSpec[]) {
    const unit = await store.organisations.create({
      kind: 'unit',
      name: spec.name,
      code: spec.code,
      parentId: departments[spec.department]!.id,
    });
    unitIds.push(unit.id);
    const prefix = spec.userPrefix === '' ? '' : `${spec.userPrefix}-`;
    const preparer = await addUser(`${prefix}tianbao`, `${spec.name}填报人`, 'preparer', unit.id);
    const approver = await addUser(`${prefix}shenhe`, `${spec.name}审核人`, 'unitApprover', unit.id);
    const actor: Record<TransitionName, User> = {
      submit: preparer,
      approve: approver,
      unitReturn: approver,
      reopen: preparer,
      return: reviewer,
      accept: reviewer,
      publish: reviewer,
    };
    for (const e of spec.evaluations) {
      let record: EvaluationRecord;
      if (e.importFile) {
        ({ evaluation: record } = await importEvaluation(store, {
          bytes,
          fileName,
          unitId: unit.id,
          unitName: unit.name,
          year: e.year,
          by: preparer.id,
          profile,
          documentProfile: DEMO_PROFILE_ID,
          maxBytes: bytes.length + 1,
        }));
      } else {
        let document = renamed(template, unit.name, e.year);
        if (e.actualShare) document = withLowerActuals(document, e.actualShare, profile);
        document = withFaults(document, e.faults ?? []);
        ({ evaluation: record } = await createEvaluation(store, {
          unitId: unit.id,
          unitName: unit.name,
          year: e.year,
          kind: 'department',
          document,
          by: preparer.id,
          profile,
        }));
      }
      for (const step of PATHS[e.state]) {
        if (step === 'return' || step === 'accept') await review(store, record, e, reviewer, profile);
        const comment = TRANSITIONS[step].commentRequired ? '请按批注修改后重新提交。' : undefined;
        record = await fireTransition(store, {
          evaluation: record,
          name: step,
          by: actor[step].id,
          ...(comment ? { comment } : {}),
        });
      }
      evaluations.push(record);
      log(`  ${unit.name} ${e.year}年：${record.state}`);
    }
  }
  await store.tasks.create({
    bureauId: bureau.id,
    year: ds.task.year,
    kind: 'department',
    title: ds.task.title,
    deadline: ds.task.deadline,
    createdBy: reviewer.id,
    unitIds,
  });
  return { bureau, logins: await demoLogins(store), evaluations };
}

/** Comments and review scores the reviewer leaves before returning or accepting. */
async function review(
  store: Store,
  record: EvaluationRecord,
  spec: DemoEvaluationSpec,
  reviewer: User,
  profile: RuleProfile,
): Promise<void> {
  for (const c of spec.comments ?? []) {
    await store.comments.create({
      evaluationId: record.id,
      version: record.currentVersion,
      fieldPath: c.fieldPath,
      body: c.body,
      authorId: reviewer.id,
    });
  }
  if (spec.reviewShare === undefined) return;
  const version = await store.evaluations.getVersion(record.id);
  const se = version?.document.selfEvaluation;
  if (!se) return;
  const share = new Dec(spec.reviewShare);
  const scores = se.indicators.flatMap((ind) => {
    const s = valueOf(ind.selfScore);
    return s
      ? [
          {
            evaluationId: record.id,
            indicatorId: ind.id,
            reviewScore: s.mul(share).toDecimalPlaces(profile.rounding).toFixed(profile.rounding),
            reviewerId: reviewer.id,
          },
        ]
      : [];
  });
  if (scores.length > 0) await store.reviewScores.upsertMany(scores);
}
