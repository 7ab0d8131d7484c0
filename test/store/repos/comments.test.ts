import { expect, it } from 'vitest';
import { InvalidInputError, MissingReferenceError, NotFoundError } from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree } from '../helpers.js';

describeStores('comments', (db) => {
  it('pins comments to fields and versions, lists and resolves them', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    const path = 'selfEvaluation.indicators[2].actual';
    const c1 = await store.comments.create({
      evaluationId: e.id,
      version: 1,
      fieldPath: path,
      body: '实际完成值与佐证材料不符，请核实',
      authorId: null,
      createdAt: '2025-05-01T01:00:00.000Z',
    });
    const c2 = await store.comments.create({
      evaluationId: e.id,
      version: 1,
      fieldPath: 'finances.income',
      body: '收入口径',
      authorId: null,
      createdAt: '2025-05-01T02:00:00.000Z',
    });
    const c3 = await store.comments.create({
      evaluationId: e.id,
      version: 2,
      fieldPath: path,
      body: '已修改',
      authorId: null,
      createdAt: '2025-05-02T00:00:00.000Z',
    });
    expect(c1).toMatchObject({ fieldPath: path, version: 1, resolvedAt: null });
    expect(await store.comments.get(c1.id)).toEqual(c1);
    expect((await store.comments.list(e.id)).map((c) => c.id)).toEqual([c1.id, c2.id, c3.id]);
    expect((await store.comments.list(e.id, { version: 1 })).map((c) => c.id)).toEqual([c1.id, c2.id]);
    expect((await store.comments.list(e.id, { fieldPath: path })).map((c) => c.id)).toEqual([c1.id, c3.id]);
    const resolved = await store.comments.resolve(c1.id, '2025-05-03T00:00:00.000Z');
    expect(resolved.resolvedAt).toBe('2025-05-03T00:00:00.000Z');
    // idempotent: the first resolution stays
    expect((await store.comments.resolve(c1.id, '2025-06-01T00:00:00.000Z')).resolvedAt).toBe(
      '2025-05-03T00:00:00.000Z',
    );
    expect((await store.comments.list(e.id, { includeResolved: false })).map((c) => c.id)).toEqual([c2.id, c3.id]);
    await expect(store.comments.resolve('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      store.comments.create({ evaluationId: 'missing', version: 1, fieldPath: 'x', body: 'y', authorId: null }),
    ).rejects.toBeInstanceOf(MissingReferenceError);
    await expect(
      store.comments.create({ evaluationId: e.id, version: 1, fieldPath: 'x', body: '  ', authorId: null }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});
