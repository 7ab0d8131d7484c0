/**
 * The whole authorisation matrix, generated from the data in src/server/authz.ts: every route × every role × own
 * and other organisation. Allowed → the route's success status; refused → 403 with code 'forbidden'. And every
 * route the app serves is either in the table or listed as unguarded on purpose.
 */
import { describe, expect, it } from 'vitest';
import { ACTIONS, PERMISSIONS, ROLES, can } from '../../src/server/authz.js';
import { describeBackends, json, type ErrorBody } from './helpers.js';
import { ROUTE_CASES, UNGUARDED_ROUTES, contextFor } from './route-cases.js';

describe('authorisation matrix as data', () => {
  it('grants only known actions, and only in the own scope', () => {
    for (const role of ROLES) {
      for (const [action, scopes] of Object.entries(PERMISSIONS[role])) {
        expect(ACTIONS).toContain(action);
        expect(scopes).toEqual(['own']);
      }
    }
  });

  it('keeps unit users out of review and administration, and reviewers out of editing', () => {
    for (const role of ['preparer', 'unitApprover'] as const) {
      for (const a of [
        'review.write',
        'evaluation.accept',
        'evaluation.publish',
        'user.manage',
        'bureau.list',
      ] as const) {
        expect(can(role, a, 'own')).toBe(false);
      }
    }
    for (const a of ['evaluation.update', 'evaluation.create', 'evaluation.import', 'evaluation.submit'] as const) {
      expect(can('reviewer', a, 'own')).toBe(false);
      expect(can('admin', a, 'own')).toBe(false);
    }
    expect(can('admin', 'user.manage', 'own')).toBe(true);
    expect(can('admin', 'user.manage', 'other')).toBe(false);
  });

  it('every action of the matrix is exercised by at least one route', () => {
    const used = new Set(ROUTE_CASES.map((c) => c.action));
    for (const a of ACTIONS) expect(used, a).toContain(a);
  });
});

describeBackends('authorisation matrix over HTTP', (env) => {
  it('covers every route the app serves', async () => {
    const res = await env().app.request('/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const tested = new Set(ROUTE_CASES.map((c) => c.route.replace(/\/transitions\/\w+$/, '/transitions/{name}')));
    const missing = served.filter((r) => !tested.has(r) && !(r in UNGUARDED_ROUTES));
    expect(missing).toEqual([]);
    expect(served.length).toBeGreaterThan(40);
  });

  for (const c of ROUTE_CASES) {
    for (const role of ROLES) {
      for (const scope of c.scopes) {
        const allowed = can(role, c.action, scope);
        it(`${c.route} — ${role}, ${scope}: ${allowed ? c.ok : 403}`, async () => {
          const e = env();
          const client = await e.as(role);
          const req = await c.request(contextFor(e, role, scope));
          const res = await client.request(req.method, req.path, {
            ...(req.json !== undefined ? { json: req.json } : {}),
            ...(req.form ? { form: req.form } : {}),
          });
          if (allowed) {
            if (res.status !== c.ok) throw new Error(`${res.status}: ${await res.text()}`);
          } else {
            expect(res.status).toBe(403);
            expect((await json<ErrorBody>(res)).error.code).toBe('forbidden');
          }
        });
      }
    }
  }
});
