import { expect, it } from 'vitest';
import {
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UniqueViolationError,
  VersionConflictError,
  type Store,
} from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree, wan, type TestDb } from '../helpers.js';

async function newEvaluation(store: Store, year = 2024) {
  const t = await seedTree(store);
  const document = makeDocument({ unit: { name: t.units[0].name }, year });
  const evaluation = await store.evaluations.create({
    unitId: t.units[0].id,
    year,
    kind: 'department',
    document,
    createdBy: null,
    note: '首次导入',
    summary: { totalSelf: '95.50', totalRecomputed: '88.25', grade: '良', errors: 2, warnings: 1, infos: 0 },
  });
  return { t, evaluation, document };
}

describeStores('evaluations', (db) => {
  it('creates an evaluation with its first version', async () => {
    const { store } = db();
    const { t, evaluation, document } = await newEvaluation(store);
    expect(evaluation).toMatchObject({
      unitId: t.units[0].id,
      unitName: t.units[0].name,
      departmentId: t.departments[0].id,
      bureauId: t.bureau.id,
      year: 2024,
      kind: 'department',
      projectName: null,
      state: 'draft',
      currentVersion: 1,
      totalSelf: '95.50',
      totalRecomputed: '88.25',
      grade: '良',
      errors: 2,
      warnings: 1,
      infos: 0,
    });
    expect(await store.evaluations.get(evaluation.id)).toEqual(evaluation);
    const current = await store.evaluations.getCurrent(evaluation.id);
    expect(current?.evaluation).toEqual(evaluation);
    expect(current?.version).toMatchObject({ version: 1, note: '首次导入', document });
    expect(await store.evaluations.getVersion(evaluation.id, 1)).toEqual(current?.version);
    expect(await store.evaluations.getVersion(evaluation.id)).toEqual(current?.version);
    expect(await store.evaluations.listVersions(evaluation.id)).toEqual([
      { evaluationId: evaluation.id, version: 1, createdBy: null, createdAt: evaluation.createdAt, note: '首次导入' },
    ]);
    expect(await store.evaluations.findByKey(t.units[0].id, 2024, 'department')).toEqual(evaluation);
    expect(await store.evaluations.findByKey(t.units[0].id, 2023, 'department')).toBeUndefined();
    expect(await store.evaluations.get('missing')).toBeUndefined();
    expect(await store.evaluations.getCurrent('missing')).toBeUndefined();
    expect(await store.evaluations.getVersion(evaluation.id, 2)).toBeUndefined();
  });

  it('a unit straight under the bureau has no department', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[3].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    expect(e).toMatchObject({ departmentId: null, bureauId: t.bureau.id });
  });

  it('keeps (unit, year, kind, project) unique and requires a real unit', async () => {
    const { store } = db();
    const { t } = await newEvaluation(store);
    const base = { year: 2024, document: makeDocument(), createdBy: null };
    await expect(
      store.evaluations.create({ ...base, unitId: t.units[0].id, kind: 'department' }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    // project evaluations: one per project name
    const p1 = await store.evaluations.create({
      ...base,
      unitId: t.units[0].id,
      kind: 'project',
      projectName: '校舍维修',
    });
    expect(p1.projectName).toBe('校舍维修');
    await store.evaluations.create({ ...base, unitId: t.units[0].id, kind: 'project', projectName: '营养餐' });
    await expect(
      store.evaluations.create({ ...base, unitId: t.units[0].id, kind: 'project', projectName: '校舍维修' }),
    ).rejects.toBeInstanceOf(UniqueViolationError);
    expect((await store.evaluations.findByKey(t.units[0].id, 2024, 'project', '营养餐'))?.projectName).toBe('营养餐');
    await expect(store.evaluations.create({ ...base, unitId: t.units[0].id, kind: 'project' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(store.evaluations.create({ ...base, unitId: 'missing', kind: 'department' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      store.evaluations.create({ ...base, unitId: t.departments[0].id, kind: 'department' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('saves versions with optimistic locking', async () => {
    const { store } = db();
    const { evaluation, document } = await newEvaluation(store);
    const v2doc = { ...document, title: '第二版' };
    const saved = await store.evaluations.saveVersion(evaluation.id, 1, v2doc, null, {
      note: '修改标题',
      summary: { totalSelf: '96', grade: '优' },
    });
    expect(saved.evaluation).toMatchObject({
      currentVersion: 2,
      totalSelf: '96',
      totalRecomputed: null,
      grade: '优',
      errors: 0,
    });
    expect(saved.version).toMatchObject({ version: 2, note: '修改标题' });
    // a stale writer loses, and nothing of it is written
    const stale = store.evaluations.saveVersion(evaluation.id, 1, { ...document, title: '过时' }, null);
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect((await store.evaluations.listVersions(evaluation.id)).map((v) => v.version)).toEqual([1, 2]);
    expect((await store.evaluations.getVersion(evaluation.id))?.document.title).toBe('第二版');
    expect((await store.evaluations.getVersion(evaluation.id, 1))?.document.title).toBe(document.title);
    // versions are immutable history
    await store.evaluations.saveVersion(evaluation.id, 2, { ...document, title: '第三版' }, null);
    expect((await store.evaluations.getVersion(evaluation.id, 2))?.document.title).toBe('第二版');
    await expect(store.evaluations.saveVersion('missing', 1, document, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.evaluations.saveVersion(evaluation.id, 0, document, null)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('50 parallel writers on one version: exactly one wins, the others get a conflict and write nothing', async () => {
    const { store } = db();
    const { evaluation, document } = await newEvaluation(store);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        store.evaluations.saveVersion(evaluation.id, 1, { ...document, title: `writer ${i}` }, null),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(VersionConflictError);
      expect((r.reason as VersionConflictError).currentVersion).toBe(2);
    }
    const versions = await store.evaluations.listVersions(evaluation.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const winner = results.findIndex((r) => r.status === 'fulfilled');
    expect((await store.evaluations.getVersion(evaluation.id))?.document.title).toBe(`writer ${winner}`);
  });

  it('50 parallel writers that retry on conflict: every write lands as its own version, none lost or merged', async () => {
    const { store } = db();
    const { evaluation, document } = await newEvaluation(store);
    let conflicts = 0;
    const writer = async (i: number): Promise<number> => {
      for (;;) {
        const current = await store.evaluations.getCurrent(evaluation.id);
        if (!current) throw new Error('gone');
        try {
          const r = await store.evaluations.saveVersion(
            evaluation.id,
            current.evaluation.currentVersion,
            { ...current.version.document, title: `writer ${i}` },
            null,
            { note: `writer ${i} on ${current.evaluation.currentVersion}` },
          );
          return r.version.version;
        } catch (e) {
          if (!(e instanceof VersionConflictError)) throw e;
          conflicts++;
        }
      }
    };
    const landed = await Promise.all(Array.from({ length: 50 }, (_, i) => writer(i)));
    expect([...landed].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    const versions = await store.evaluations.listVersions(evaluation.id);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    // each writer's title is in exactly one version, and each version was based on the one before it
    const titles = new Set<string>();
    for (let v = 2; v <= 51; v++) {
      const doc = (await store.evaluations.getVersion(evaluation.id, v))?.document;
      titles.add(doc?.title ?? '');
      expect(versions[v - 1]?.note).toMatch(new RegExp(` on ${v - 1}$`));
    }
    expect(titles.size).toBe(50);
    expect((await store.evaluations.get(evaluation.id))?.currentVersion).toBe(51);
    expect(document.title).toBe('测试报告');
    // with 50 writers racing, conflicts must have happened (the test exercises the lock)
    expect(conflicts).toBeGreaterThan(0);
  });

  it('saves only in the allowed states, checked atomically with the version', async () => {
    const { store } = db();
    const { evaluation, document } = await newEvaluation(store);
    await store.evaluations.setState(evaluation.id, 'draft', 'submitted');
    const attempt = store.evaluations.saveVersion(evaluation.id, 1, document, null, {
      allowedStates: ['draft', 'returned'],
    });
    await expect(attempt).rejects.toBeInstanceOf(StateConflictError);
    await expect(attempt).rejects.toMatchObject({ currentState: 'submitted', code: 'STATE_CONFLICT' });
    expect((await store.evaluations.listVersions(evaluation.id)).length).toBe(1);
    await store.evaluations.setState(evaluation.id, 'submitted', 'returned');
    const ok = await store.evaluations.saveVersion(evaluation.id, 1, document, null, {
      allowedStates: ['draft', 'returned'],
    });
    expect(ok.evaluation.currentVersion).toBe(2);
  });

  it('state transitions are atomic: of 20 concurrent submits exactly one succeeds', async () => {
    const { store } = db();
    const { evaluation } = await newEvaluation(store);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => store.evaluations.setState(evaluation.id, 'draft', 'submitted')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ currentState: 'submitted' });
    }
    const now = await store.evaluations.get(evaluation.id);
    expect(now?.state).toBe('submitted');
    // expected version
    await expect(
      store.evaluations.setState(evaluation.id, 'submitted', 'accepted', { expectedVersion: 7 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    const accepted = await store.evaluations.setState(evaluation.id, 'submitted', 'accepted', { expectedVersion: 1 });
    expect(accepted.state).toBe('accepted');
    await expect(store.evaluations.setState('missing', 'draft', 'submitted')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.evaluations.setState(evaluation.id, 'accepted', 'nonsense' as never)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('keeps money and scores exact', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const amounts = ['0.30', '12345678901234.56', '0.1', '100.00', '-0.01', '99999999999999999999.999999'];
    const document = makeDocument({
      finances: { income: wan(amounts[0] ?? ''), expenditure: wan(amounts[1] ?? ''), closingBalance: wan('0.10') },
    });
    for (const [i, total] of amounts.entries()) {
      const e = await store.evaluations.create({
        unitId: t.units[0].id,
        year: 2000 + i,
        kind: 'department',
        document,
        createdBy: null,
        summary: { totalSelf: total, totalRecomputed: total },
      });
      const back = await store.evaluations.get(e.id);
      expect(back?.totalSelf).toBe(total);
      expect(back?.totalRecomputed).toBe(total);
    }
    const e = await store.evaluations.findByKey(t.units[0].id, 2000, 'department');
    const doc = (await store.evaluations.getVersion(e?.id ?? ''))?.document;
    expect(doc?.finances.income).toEqual(wan('0.30'));
    expect(doc?.finances.expenditure).toEqual(wan('12345678901234.56'));
    expect(doc?.finances.closingBalance?.q).toEqual({ kind: 'number', value: '0.10', unit: '万元' });
    expect(doc).toEqual(document);
    // numbers that are not decimal strings are refused rather than rounded
    await expect(
      store.evaluations.create({
        unitId: t.units[1].id,
        year: 2024,
        kind: 'department',
        document,
        createdBy: null,
        summary: { totalSelf: '1e3' },
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.evaluations.create({
        unitId: t.units[1].id,
        year: 2024,
        kind: 'department',
        document,
        createdBy: null,
        summary: { totalSelf: 0.3 as never },
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('a failure in the middle of a multi-row write leaves nothing behind', async () => {
    const ctx: TestDb = db();
    const { store } = ctx;
    await addFailingVersionTrigger(ctx);
    const t = await seedTree(store);
    // create: the evaluation row is written first, then version 1 fails → no evaluation
    await expect(
      store.evaluations.create({
        unitId: t.units[0].id,
        year: 2024,
        kind: 'department',
        document: makeDocument(),
        createdBy: null,
        note: 'boom',
      }),
    ).rejects.toThrow(/boom/);
    expect(await store.evaluations.findByKey(t.units[0].id, 2024, 'department')).toBeUndefined();
    // saveVersion: the version bump is written first, then the version fails → still at version 1
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    await expect(
      store.evaluations.saveVersion(e.id, 1, makeDocument({ title: 'x' }), null, {
        note: 'boom',
        summary: { totalSelf: '1' },
      }),
    ).rejects.toThrow(/boom/);
    expect(await store.evaluations.get(e.id)).toEqual(e);
    expect((await store.evaluations.listVersions(e.id)).length).toBe(1);
  });
});

/** Make inserting a version whose note is 'boom' fail inside the database. */
async function addFailingVersionTrigger(ctx: TestDb): Promise<void> {
  if (ctx.dialect === 'sqlite') {
    await ctx.raw(`CREATE TRIGGER IF NOT EXISTS test_boom BEFORE INSERT ON evaluation_versions
      WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
  } else {
    await ctx.raw(`CREATE OR REPLACE FUNCTION test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'boom'; END $$;
      DROP TRIGGER IF EXISTS test_boom ON evaluation_versions;
      CREATE TRIGGER test_boom BEFORE INSERT ON evaluation_versions FOR EACH ROW
      WHEN (NEW.note = 'boom') EXECUTE FUNCTION test_boom();`);
  }
}
