import { expect, it } from 'vitest';
import { InvalidInputError, MissingReferenceError, NotFoundError } from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree } from '../helpers.js';

describeStores('tasks', (db) => {
  it('creates a task for a set of units and lists it for the bureau and the units', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const task = await store.tasks.create({
      bureauId: t.bureau.id,
      year: 2024,
      kind: 'department',
      title: '2024年度部门整体支出绩效自评',
      deadline: '2025-04-30',
      createdBy: null,
      unitIds: [t.units[0].id, t.units[2].id, t.units[0].id],
    });
    expect(task.unitIds.sort()).toEqual([t.units[0].id, t.units[2].id].sort());
    const back = await store.tasks.get(task.id);
    expect(back).toMatchObject({ bureauId: t.bureau.id, year: 2024, kind: 'department', deadline: '2025-04-30' });
    expect(back?.unitIds.sort()).toEqual(task.unitIds.sort());
    const later = await store.tasks.create({
      bureauId: t.bureau.id,
      year: 2023,
      kind: 'department',
      title: '补报',
      deadline: '2025-06-30',
      createdBy: null,
      unitIds: [t.units[0].id],
    });
    expect((await store.tasks.listForBureau(t.bureau.id)).map((x) => x.id)).toEqual([later.id, task.id]);
    expect((await store.tasks.listForBureau(t.bureau.id, { year: 2024 })).map((x) => x.id)).toEqual([task.id]);
    expect((await store.tasks.listForUnit(t.units[0].id)).map((x) => x.id)).toEqual([later.id, task.id]);
    expect((await store.tasks.listForUnit(t.units[2].id)).map((x) => x.id)).toEqual([task.id]);
    expect(await store.tasks.listForUnit(t.units[1].id)).toEqual([]);
    expect(await store.tasks.get('missing')).toBeUndefined();
  });

  it('reports per unit whether it has submitted', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const task = await store.tasks.create({
      bureauId: t.bureau.id,
      year: 2024,
      kind: 'department',
      title: '自评',
      deadline: '2025-04-30T23:59:59+08:00',
      createdBy: null,
      unitIds: t.units.map((u) => u.id),
    });
    const base = { year: 2024, kind: 'department' as const, document: makeDocument(), createdBy: null };
    const submitted = await store.evaluations.create({ ...base, unitId: t.units[0].id });
    await store.evaluations.setState(submitted.id, 'draft', 'submitted');
    await store.evaluations.create({ ...base, unitId: t.units[1].id }); // draft
    const returned = await store.evaluations.create({ ...base, unitId: t.units[2].id, state: 'returned' });
    // other year and other kind do not count
    await store.evaluations.create({ ...base, unitId: t.units[3].id, year: 2023, state: 'accepted' });
    await store.evaluations.create({
      ...base,
      unitId: t.units[3].id,
      kind: 'project',
      projectName: '项目',
      state: 'accepted',
    });
    const progress = await store.tasks.progress(task.id);
    const byUnit = new Map(progress.map((p) => [p.unitId, p]));
    expect(progress).toHaveLength(4);
    expect(progress.map((p) => p.unitName)).toEqual(t.units.map((u) => u.name).sort());
    expect(byUnit.get(t.units[0].id)).toMatchObject({
      submitted: true,
      evaluations: [{ id: submitted.id, state: 'submitted', projectName: null }],
    });
    expect(byUnit.get(t.units[1].id)).toMatchObject({ submitted: false, evaluations: [{ state: 'draft' }] });
    expect(byUnit.get(t.units[2].id)).toMatchObject({ submitted: false, evaluations: [{ id: returned.id }] });
    expect(byUnit.get(t.units[3].id)).toMatchObject({ submitted: false, evaluations: [] });
    await expect(store.tasks.progress('missing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a project task counts project evaluations', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const task = await store.tasks.create({
      bureauId: t.bureau.id,
      year: 2024,
      kind: 'project',
      title: '项目自评',
      deadline: '2025-04-30',
      createdBy: null,
      unitIds: [t.units[0].id],
    });
    const base = {
      unitId: t.units[0].id,
      year: 2024,
      kind: 'project' as const,
      document: makeDocument(),
      createdBy: null,
    };
    await store.evaluations.create({ ...base, projectName: '甲', state: 'draft' });
    await store.evaluations.create({ ...base, projectName: '乙', state: 'published' });
    const [p] = await store.tasks.progress(task.id);
    expect(p?.submitted).toBe(true);
    expect(p?.evaluations.map((e) => e.projectName)).toEqual(['乙', '甲'].sort());
  });

  it('is written whole or not at all', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const input = {
      bureauId: t.bureau.id,
      year: 2024,
      kind: 'department' as const,
      title: '坏任务',
      deadline: '2025-04-30',
      createdBy: null,
    };
    await expect(
      store.tasks.create({ ...input, id: 'task-bad-1', unitIds: [t.units[0].id, 'missing'] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await store.tasks.get('task-bad-1')).toBeUndefined();
    await expect(
      store.tasks.create({ ...input, id: 'task-bad-2', unitIds: [t.departments[0].id] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await store.tasks.get('task-bad-2')).toBeUndefined();
    await expect(store.tasks.create({ ...input, bureauId: 'missing', unitIds: [] })).rejects.toBeInstanceOf(
      MissingReferenceError,
    );
    await expect(store.tasks.create({ ...input, deadline: 'soon', unitIds: [] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
