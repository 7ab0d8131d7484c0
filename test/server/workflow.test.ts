/** The workflow state machine: as data, and over HTTP — every legal and illegal transition, audit, editing rules. */
import { describe, expect, it } from 'vitest';
import { ROLES, can } from '../../src/server/authz.js';
import {
  EDITABLE_STATES,
  STATES,
  STATE_LABELS,
  TRANSITIONS,
  TRANSITION_NAMES,
  canFire,
  illegalTransitionMessage,
  transitionsFrom,
  type TransitionName,
} from '../../src/server/workflow.js';
import type { EvaluationRecord, EvaluationState, Role } from '../../src/store/index.js';
import { describeBackends, json, makeEvaluation, type ErrorBody, type TestEnv } from './helpers.js';

/** A role that holds the transition's action (the matrix decides who). */
function actorFor(name: TransitionName): Role {
  const role = ROLES.find((r) => can(r, TRANSITIONS[name].action, 'own'));
  if (!role) throw new Error(`nobody may ${name}`);
  return role;
}

describe('workflow as data', () => {
  it('every state is reachable from draft and every transition leads somewhere known', () => {
    const seen = new Set<EvaluationState>(['draft']);
    const queue: EvaluationState[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const n of transitionsFrom(s)) {
        const to = TRANSITIONS[n].to;
        expect(STATES).toContain(to);
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATES].sort());
  });

  it('published is final; only draft is editable; a return needs a reason', () => {
    expect(transitionsFrom('published')).toEqual([]);
    expect(EDITABLE_STATES).toEqual(['draft']);
    expect(TRANSITIONS.return.commentRequired).toBe(true);
    expect(TRANSITIONS.unitReturn.commentRequired).toBe(true);
  });

  it('the illegal-transition message names the current state', () => {
    expect(illegalTransitionMessage('publish', 'draft')).toContain('“草稿”');
    expect(illegalTransitionMessage('publish', 'draft')).toContain('“已通过”');
  });

  it('follows the issue: draft → submitted → unitApproved → returned | accepted → published; returned → draft', () => {
    expect(TRANSITIONS.submit).toMatchObject({ from: ['draft'], to: 'submitted' });
    expect(TRANSITIONS.approve).toMatchObject({ from: ['submitted'], to: 'unitApproved' });
    expect(TRANSITIONS.unitReturn).toMatchObject({ from: ['submitted'], to: 'draft' });
    expect(TRANSITIONS.return).toMatchObject({ from: ['unitApproved'], to: 'returned' });
    expect(TRANSITIONS.accept).toMatchObject({ from: ['unitApproved'], to: 'accepted' });
    expect(TRANSITIONS.reopen).toMatchObject({ from: ['returned'], to: 'draft' });
    expect(TRANSITIONS.publish).toMatchObject({ from: ['accepted'], to: 'published' });
  });
});

async function fire(env: TestEnv, e: EvaluationRecord, name: TransitionName, comment = '请修改'): Promise<Response> {
  const client = await env.as(actorFor(name));
  return client.post(
    `/api/evaluations/${e.id}/transitions/${name}`,
    TRANSITIONS[name].commentRequired ? { comment } : {},
  );
}

describeBackends('workflow over HTTP', (env) => {
  for (const name of TRANSITION_NAMES) {
    for (const state of STATES) {
      const legal = canFire(name, state);
      it(`${name} from ${state}: ${legal ? `→ ${TRANSITIONS[name].to}` : '409'}`, async () => {
        const e = await makeEvaluation(env().store, env().world.unitA1, state);
        const res = await fire(env(), e, name);
        if (legal) {
          if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`);
          const body = await json<{ evaluation: EvaluationRecord }>(res);
          expect(body.evaluation.state).toBe(TRANSITIONS[name].to);
          const audit = await env().store.audit.listByEntity('evaluation', e.id);
          expect(audit.at(-1)).toMatchObject({
            action: `evaluation.${name}`,
            actorId: env().world.users[actorFor(name)].id,
            details: { from: state, to: TRANSITIONS[name].to },
          });
        } else {
          expect(res.status).toBe(409);
          const body = await json<ErrorBody>(res);
          expect(body.error.code).toBe('state_conflict');
          expect(body.error.message).toContain(`“${STATE_LABELS[state]}”`);
          expect((await env().store.evaluations.get(e.id))?.state).toBe(state);
        }
      });
    }
  }

  it('a return without a reason is refused (400) and changes nothing', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const reviewer = await env().as('reviewer');
    const res = await reviewer.post(`/api/evaluations/${e.id}/transitions/return`, { comment: '  ' });
    expect(res.status).toBe(400);
    expect((await env().store.evaluations.get(e.id))?.state).toBe('unitApproved');
  });

  it('a reviewer’s return keeps the reason as a comment', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const reviewer = await env().as('reviewer');
    const res = await reviewer.post(`/api/evaluations/${e.id}/transitions/return`, {
      comment: '执行率与决算不符',
      fieldPath: 'selfEvaluation.funding.executed',
    });
    expect(res.status).toBe(200);
    const comments = await env().store.comments.list(e.id);
    expect(comments).toMatchObject([{ fieldPath: 'selfEvaluation.funding.executed', body: '执行率与决算不符' }]);
  });

  for (const state of STATES.filter((s) => !EDITABLE_STATES.includes(s))) {
    it(`nobody edits a ${state} evaluation (409 naming the state), and nothing is saved`, async () => {
      const e = await makeEvaluation(env().store, env().world.unitA1, state);
      const doc = (await env().store.evaluations.getVersion(e.id))!.document;
      const preparer = await env().as('preparer');
      const res = await preparer.put(`/api/evaluations/${e.id}`, {
        version: 1,
        document: { ...doc, title: '偷偷修改' },
      });
      expect(res.status).toBe(409);
      expect((await json<ErrorBody>(res)).error.message).toContain(STATE_LABELS[state]);
      expect((await env().store.evaluations.get(e.id))?.currentVersion).toBe(1);
    });
  }

  it('the whole journey: return, edit again, resubmit, accept, publish — audited in order', async () => {
    const store = env().store;
    const e = await makeEvaluation(store, env().world.unitA1, 'draft');
    const preparer = await env().as('preparer');
    const steps: TransitionName[] = ['submit', 'approve', 'return', 'reopen'];
    for (const s of steps) expect((await fire(env(), e, s)).status).toBe(200);
    const doc = (await store.evaluations.getVersion(e.id))!.document;
    const put = await preparer.put(`/api/evaluations/${e.id}`, {
      version: 1,
      document: { ...doc, title: '按批注修改' },
    });
    expect(put.status).toBe(200);
    for (const s of ['submit', 'approve', 'accept', 'publish'] as const)
      expect((await fire(env(), e, s)).status).toBe(200);
    const record = await store.evaluations.get(e.id);
    expect(record).toMatchObject({ state: 'published', currentVersion: 2 });
    const actions = (await store.audit.listByEntity('evaluation', e.id)).map((a) => a.action);
    expect(actions).toEqual([
      'evaluation.submit',
      'evaluation.approve',
      'evaluation.return',
      'evaluation.reopen',
      'evaluation.update',
      'evaluation.submit',
      'evaluation.approve',
      'evaluation.accept',
      'evaluation.publish',
    ]);
  });

  it('two approvals at once: exactly one wins, the other gets 409', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'submitted');
    const approver = await env().as('unitApprover');
    const results = await Promise.all(
      [0, 1, 2, 3].map(() => approver.post(`/api/evaluations/${e.id}/transitions/approve`, {})),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const approvals = (await env().store.audit.listByEntity('evaluation', e.id)).filter(
      (a) => a.action === 'evaluation.approve',
    );
    expect(approvals).toHaveLength(1);
  });

  it('GET tells the user which transitions they may fire now', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const reviewer = await env().as('reviewer');
    const preparer = await env().as('preparer');
    const r = await json<{ transitions: string[] }>(await reviewer.get(`/api/evaluations/${e.id}`));
    expect(r.transitions.sort()).toEqual(['accept', 'return']);
    const p = await json<{ transitions: string[] }>(await preparer.get(`/api/evaluations/${e.id}`));
    expect(p.transitions).toEqual([]);
  });
});
