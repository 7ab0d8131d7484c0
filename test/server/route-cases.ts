/**
 * Every authorised route of the API, as data for the authorisation matrix test: the action it checks, how to make
 * a resource of the right owner (own / other) in the state the route needs, and the request.
 */
import { randomBytes } from 'node:crypto';
import type { Action, Scope } from '../../src/server/authz.js';
import type { TransitionName } from '../../src/server/workflow.js';
import { TRANSITIONS } from '../../src/server/workflow.js';
import type { EvaluationState, Organisation, Role } from '../../src/store/index.js';
import { demoBytes, makeEvaluation, type TestEnv } from './helpers.js';

export interface CaseRequest {
  method: string;
  path: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface CaseContext {
  env: TestEnv;
  role: Role;
  scope: Scope;
  /** a unit that is the actor's own (UA1) or not (UA2 for unit users, UB1 for bureau users) */
  unit: Organisation;
  /** the bureau above `unit` */
  bureau: Organisation;
  /** a department the actor owns (DA) or not (DB) — bureau users; for unit users their unit or UA2 */
  parent: Organisation;
}

export interface RouteCase {
  /** METHOD and OpenAPI path, e.g. 'PUT /api/evaluations/{id}' */
  route: string;
  action: Action;
  /** 'other' only where the route names a resource (list routes are always the user's own) */
  scopes: readonly Scope[];
  /** status on success */
  ok: number;
  request(ctx: CaseContext): Promise<CaseRequest>;
}

const BOTH: readonly Scope[] = ['own', 'other'];
const OWN: readonly Scope[] = ['own'];
const unique = (): string => randomBytes(3).toString('hex');

function demoForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', new File([demoBytes()], 'shili-rongmeiti-2024.txt', { type: 'text/plain' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/** A GET on an evaluation in any state. */
function evaluationGet(suffix: string, action: Action = 'evaluation.read', query = ''): RouteCase {
  return {
    route: `GET /api/evaluations/{id}${suffix}`,
    action,
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'submitted');
      return { method: 'GET', path: `/api/evaluations/${e.id}${suffix}${query}` };
    },
  };
}

function transitionCase(name: TransitionName): RouteCase {
  const t = TRANSITIONS[name];
  return {
    route: `POST /api/evaluations/{id}/transitions/${name}`,
    action: t.action,
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, t.from[0] as EvaluationState);
      return {
        method: 'POST',
        path: `/api/evaluations/${e.id}/transitions/${name}`,
        json: t.commentRequired ? { comment: '请补充说明' } : {},
      };
    },
  };
}

export const ROUTE_CASES: readonly RouteCase[] = [
  // ── evaluations
  {
    route: 'GET /api/evaluations',
    action: 'evaluation.read',
    scopes: BOTH,
    ok: 200,
    async request({ unit }) {
      return { method: 'GET', path: `/api/evaluations?unitId=${unit.id}` };
    },
  },
  {
    route: 'POST /api/evaluations',
    action: 'evaluation.create',
    scopes: BOTH,
    ok: 201,
    async request({ unit }) {
      return {
        method: 'POST',
        path: '/api/evaluations',
        json: { unitId: unit.id, year: 2024, kind: 'project', projectName: `新项目${unique()}` },
      };
    },
  },
  {
    route: 'POST /api/evaluations/import',
    action: 'evaluation.import',
    scopes: BOTH,
    ok: 201,
    async request({ unit }) {
      return {
        method: 'POST',
        path: '/api/evaluations/import',
        form: demoForm({ unitId: unit.id, kind: 'project', projectName: `导入项目${unique()}` }),
      };
    },
  },
  {
    route: 'POST /api/evaluations/{id}/import',
    action: 'evaluation.update',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'draft');
      return { method: 'POST', path: `/api/evaluations/${e.id}/import`, form: demoForm({ version: '1' }) };
    },
  },
  evaluationGet(''),
  {
    route: 'PUT /api/evaluations/{id}',
    action: 'evaluation.update',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'draft');
      const v = await env.store.evaluations.getVersion(e.id);
      return {
        method: 'PUT',
        path: `/api/evaluations/${e.id}`,
        json: { version: 1, document: { ...v!.document, title: '修改后的标题' } },
      };
    },
  },
  evaluationGet('/score'),
  evaluationGet('/check'),
  evaluationGet('/export', 'evaluation.read', '?format=json'),
  evaluationGet('/versions'),
  evaluationGet('/diff'),
  evaluationGet('/audit'),
  evaluationGet('/files'),
  {
    route: 'GET /api/files/{id}',
    action: 'evaluation.read',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'submitted');
      const f = await env.store.files.create({
        evaluationId: e.id,
        fileName: '原件.txt',
        mediaType: 'text/plain',
        bytes: new TextEncoder().encode('原件'),
        uploadedBy: null,
      });
      return { method: 'GET', path: `/api/files/${f.id}` };
    },
  },
  // ── workflow
  ...(Object.keys(TRANSITIONS) as TransitionName[]).map(transitionCase),
  // ── comments
  evaluationGet('/comments', 'comment.read'),
  {
    route: 'POST /api/evaluations/{id}/comments',
    action: 'comment.create',
    scopes: BOTH,
    ok: 201,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'unitApproved');
      return {
        method: 'POST',
        path: `/api/evaluations/${e.id}/comments`,
        json: { fieldPath: 'selfEvaluation.indicators.0.actual', body: '请说明数据来源' },
      };
    },
  },
  {
    route: 'POST /api/comments/{id}/resolve',
    action: 'comment.resolve',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'returned');
      const c = await env.store.comments.create({
        evaluationId: e.id,
        version: 1,
        fieldPath: 'title',
        body: '标题有误',
        authorId: null,
      });
      return { method: 'POST', path: `/api/comments/${c.id}/resolve` };
    },
  },
  // ── review
  evaluationGet('/review', 'review.read'),
  {
    route: 'PUT /api/evaluations/{id}/review',
    action: 'review.write',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const e = await makeEvaluation(env.store, unit, 'unitApproved');
      return {
        method: 'PUT',
        path: `/api/evaluations/${e.id}/review`,
        json: { scores: [{ indicatorId: 'ind-1', reviewScore: '7.5', note: '抽查发现部分稿件重复统计' }] },
      };
    },
  },
  // ── tasks and bureau views
  {
    route: 'GET /api/tasks',
    action: 'task.read',
    scopes: OWN,
    ok: 200,
    async request() {
      return { method: 'GET', path: '/api/tasks' };
    },
  },
  {
    route: 'POST /api/tasks',
    action: 'task.create',
    scopes: BOTH,
    ok: 201,
    async request({ unit }) {
      return {
        method: 'POST',
        path: '/api/tasks',
        json: { title: '年度自评', year: 2024, kind: 'department', deadline: '2025-04-30', unitIds: [unit.id] },
      };
    },
  },
  ...(['', '/progress'] as const).map((suffix): RouteCase => ({
    route: `GET /api/tasks/{id}${suffix}`,
    action: suffix === '' ? 'task.read' : 'bureau.list',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit, bureau }) {
      const task = await env.store.tasks.create({
        bureauId: bureau.id,
        year: 2024,
        kind: 'department',
        title: '年度自评',
        deadline: '2025-04-30',
        createdBy: null,
        unitIds: [unit.id],
      });
      return { method: 'GET', path: `/api/tasks/${task.id}${suffix}` };
    },
  })),
  {
    route: 'POST /api/bureau/batch-check',
    action: 'bureau.batchCheck',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit, bureau }) {
      const task = await env.store.tasks.create({
        bureauId: bureau.id,
        year: 2024,
        kind: 'project',
        title: '项目自评',
        deadline: '2025-04-30',
        createdBy: null,
        unitIds: [unit.id],
      });
      await makeEvaluation(env.store, unit, 'unitApproved');
      return { method: 'POST', path: '/api/bureau/batch-check', json: { taskId: task.id } };
    },
  },
  {
    route: 'GET /api/bureau/summary.xlsx',
    action: 'bureau.export',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit, bureau }) {
      const task = await env.store.tasks.create({
        bureauId: bureau.id,
        year: 2024,
        kind: 'project',
        title: '项目自评',
        deadline: '2025-04-30',
        createdBy: null,
        unitIds: [unit.id],
      });
      return { method: 'GET', path: `/api/bureau/summary.xlsx?taskId=${task.id}` };
    },
  },
  {
    route: 'GET /api/bureau/overview',
    action: 'bureau.list',
    scopes: OWN,
    ok: 200,
    async request() {
      return { method: 'GET', path: '/api/bureau/overview?year=2024' };
    },
  },
  // ── organisations
  {
    route: 'GET /api/organisations',
    action: 'organisation.read',
    scopes: OWN,
    ok: 200,
    async request() {
      return { method: 'GET', path: '/api/organisations' };
    },
  },
  {
    route: 'GET /api/organisations/{id}',
    action: 'organisation.read',
    scopes: BOTH,
    ok: 200,
    async request({ unit }) {
      return { method: 'GET', path: `/api/organisations/${unit.id}` };
    },
  },
  {
    route: 'POST /api/organisations',
    action: 'organisation.manage',
    scopes: BOTH,
    ok: 201,
    async request({ parent }) {
      return {
        method: 'POST',
        path: '/api/organisations',
        json: { kind: 'unit', name: `新单位${unique()}`, parentId: parent.id },
      };
    },
  },
  {
    route: 'PATCH /api/organisations/{id}',
    action: 'organisation.manage',
    scopes: BOTH,
    ok: 200,
    async request({ env, parent }) {
      // unit users are refused before anything happens: their own unit stands in for the target
      const org =
        parent.kind === 'unit'
          ? parent
          : await env.store.organisations.create({ kind: 'unit', name: `待改名单位${unique()}`, parentId: parent.id });
      return { method: 'PATCH', path: `/api/organisations/${org.id}`, json: { name: `已改名单位${unique()}` } };
    },
  },
  // ── users
  {
    route: 'GET /api/users',
    action: 'user.read',
    scopes: BOTH,
    ok: 200,
    async request({ unit }) {
      return { method: 'GET', path: `/api/users?organisationId=${unit.id}` };
    },
  },
  {
    route: 'POST /api/users',
    action: 'user.manage',
    scopes: BOTH,
    ok: 201,
    async request({ unit }) {
      return {
        method: 'POST',
        path: '/api/users',
        json: {
          username: `u${unique()}`,
          displayName: '新用户',
          password: 'new-password-9',
          role: 'preparer',
          organisationId: unit.id,
        },
      };
    },
  },
  ...(['', '/password'] as const).map((suffix): RouteCase => ({
    route: suffix === '' ? 'PATCH /api/users/{id}' : 'POST /api/users/{id}/password',
    action: 'user.manage',
    scopes: BOTH,
    ok: 200,
    async request({ env, unit }) {
      const u = await env.store.users.create({
        username: `t${unique()}`,
        displayName: '被管理的用户',
        passwordHash: 'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
        role: 'preparer',
        organisationId: unit.id,
      });
      return suffix === ''
        ? { method: 'PATCH', path: `/api/users/${u.id}`, json: { displayName: '改过的姓名' } }
        : { method: 'POST', path: `/api/users/${u.id}/password`, json: { newPassword: 'reset-password-9' } };
    },
  })),
  // ── audit log
  {
    route: 'GET /api/audit',
    action: 'audit.read',
    scopes: OWN,
    ok: 200,
    async request() {
      return { method: 'GET', path: '/api/audit?limit=5' };
    },
  },
];

/** Routes that need no authorisation beyond a session (or none at all), and why. */
export const UNGUARDED_ROUTES: Readonly<Record<string, string>> = {
  'POST /api/auth/login': 'anyone may try to log in (rate limited)',
  'GET /api/session': 'the caller’s own session',
  'POST /api/auth/logout': 'the caller’s own session',
  'POST /api/auth/password': 'the caller’s own password',
  'GET /api/public/results': 'published results are public',
  'GET /api/public/results/{id}/report': 'published reports are public',
};

/** The resources a role acts on in a scope. */
export function contextFor(env: TestEnv, role: Role, scope: Scope): CaseContext {
  const w = env.world;
  const unitUser = role === 'preparer' || role === 'unitApprover';
  const unit = scope === 'own' ? w.unitA1 : unitUser ? w.unitA2 : w.unitB1;
  const bureau = unit === w.unitB1 ? w.bureauB : w.bureauA;
  const parent = unitUser ? unit : scope === 'own' ? w.deptA : w.deptB;
  return { env, role, scope, unit, bureau, parent };
}
