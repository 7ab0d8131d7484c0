/** The demo data set: every unit and state of DEMO_DATASET, the faults found by the checks, the logins. */
import { expect, it } from 'vitest';
import { getProfile } from '../../src/rules/index.js';
import { checkEvaluation } from '../../src/checks/index.js';
import {
  DEMO_DATASET,
  DEMO_PROFILE_ID,
  isEmpty,
  renamed,
  seedDemo,
  withFaults,
  withLowerActuals,
} from '../../src/server/demo.js';
import { verifyPassword } from '../../src/server/auth/password.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { demoDocument, describeBackends, FAST_SCRYPT } from './helpers.js';

describeBackends('demo data set', (env) => {
  it(
    'seeds the bureau, departments, units, evaluations in every state, a task and one login per role',
    { timeout: 60_000 },
    async () => {
      const { store } = env();
      const result = await seedDemo(store, { scrypt: FAST_SCRYPT });
      expect(await isEmpty(store)).toBe(false);
      expect(result.bureau.name).toBe(DEMO_DATASET.bureau.name);
      const units = await store.organisations.unitsUnder(result.bureau.id);
      expect(units.map((u) => u.name).sort()).toEqual(DEMO_DATASET.units.map((u) => u.name).sort());
      const departments = await store.organisations.list({ kind: 'department', parentId: result.bureau.id });
      expect(departments).toHaveLength(2);

      const list = await store.evaluations.list({ bureauId: result.bureau.id, limit: 100 });
      const expected = DEMO_DATASET.units.flatMap((u) => u.evaluations.map((e) => `${u.name} ${e.year} ${e.state}`));
      expect(list.items.map((e) => `${e.unitName} ${e.year} ${e.state}`).sort()).toEqual(expected.sort());

      // the bundled report, imported with its original file, checks clean by the demo's profile
      const imported = list.items.find((e) => e.unitName === '示例区融媒体中心' && e.year === 2024)!;
      expect(imported.errors).toBe(0);
      expect(await store.files.listForEvaluation(imported.id)).toHaveLength(1);
      expect((await store.evaluations.getVersion(imported.id))!.document.profile).toBe(DEMO_PROFILE_ID);
      // the variations with faults are caught
      for (const spec of DEMO_DATASET.units) {
        for (const e of spec.evaluations) {
          if (!('faults' in e) || !e.faults?.length) continue;
          expect(list.items.find((r) => r.unitName === spec.name)!.errors, spec.name).toBeGreaterThan(0);
        }
      }
      // the returned one carries the reviewer's comments; the accepted one review scores
      const returned = list.items.find((e) => e.state === 'returned')!;
      expect((await store.comments.list(returned.id)).length).toBeGreaterThanOrEqual(2);
      const accepted = list.items.find((e) => e.state === 'accepted')!;
      expect((await store.reviewScores.list(accepted.id)).length).toBeGreaterThan(0);
      // workflow went through the real transitions
      const audit = await store.audit.listByEntity('evaluation', list.items.find((e) => e.state === 'published')!.id);
      expect(audit.map((a) => a.action)).toEqual([
        'evaluation.create',
        'evaluation.submit',
        'evaluation.approve',
        'evaluation.accept',
        'evaluation.publish',
      ]);
      // the task: all units, the one without an evaluation not submitted
      const tasks = await store.tasks.listForBureau(result.bureau.id);
      expect(tasks).toHaveLength(1);
      const progress = await store.tasks.progress(tasks[0]!.id);
      expect(progress.find((p) => p.unitName === '示例区青少年活动中心')?.submitted).toBe(false);
      // logins
      expect(result.logins.map((l) => [l.role, l.username])).toEqual([
        ['preparer', 'tianbao'],
        ['unitApprover', 'shenhe'],
        ['reviewer', 'fuhe'],
        ['admin', 'admin'],
      ]);
      const tianbao = await store.users.getByUsername('tianbao');
      expect(await verifyPassword(DEMO_PASSWORD, tianbao!.passwordHash)).toBe(true);
    },
  );
});

it('faults are generic edits the checks find; a weaker unit stays consistent', async () => {
  const profile = getProfile(DEMO_PROFILE_ID)!;
  const base = renamed(await demoDocument(), '某单位', 2024);
  const clean = checkEvaluation(base, profile);
  for (const fault of ['inflatedScores', 'missingDeviationNotes', 'totalOverstated', 'executedMisstated'] as const) {
    const r = checkEvaluation(withFaults(base, [fault]), profile);
    expect(r.summary.errors, fault).toBeGreaterThan(clean.summary.errors);
  }
  const weaker = withLowerActuals(base, '0.8', profile);
  const r = checkEvaluation(weaker, profile);
  expect(r.score.recomputed.total).toBeLessThan(clean.score.recomputed.total);
  expect(r.score.selfReported.total).toBe(r.score.recomputed.total);
  // the original is never modified
  expect(base).toEqual(renamed(await demoDocument(), '某单位', 2024));
});
