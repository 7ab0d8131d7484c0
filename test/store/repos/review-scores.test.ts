import { expect, it } from 'vitest';
import { InvalidInputError, MissingReferenceError } from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree } from '../helpers.js';

describeStores('review scores', (db) => {
  it('upserts exact review scores per indicator', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    const first = await store.reviewScores.upsert({
      evaluationId: e.id,
      indicatorId: 'ind-2',
      reviewScore: '7.50',
      note: '佐证不足，扣0.5分',
      reviewerId: null,
    });
    expect(first).toMatchObject({ reviewScore: '7.50', note: '佐证不足，扣0.5分' });
    await store.reviewScores.upsert({
      evaluationId: e.id,
      indicatorId: 'ind-1',
      reviewScore: '0.30',
      reviewerId: null,
    });
    const replaced = await store.reviewScores.upsert({
      evaluationId: e.id,
      indicatorId: 'ind-2',
      reviewScore: '8',
      reviewerId: null,
      updatedAt: '2025-06-01T00:00:00.000Z',
    });
    expect(replaced).toMatchObject({ reviewScore: '8', note: null, updatedAt: '2025-06-01T00:00:00.000Z' });
    const list = await store.reviewScores.list(e.id);
    expect(list.map((s) => [s.indicatorId, s.reviewScore])).toEqual([
      ['ind-1', '0.30'],
      ['ind-2', '8'],
    ]);
    expect(await store.reviewScores.remove(e.id, 'ind-1')).toBe(true);
    expect(await store.reviewScores.remove(e.id, 'ind-1')).toBe(false);
    expect((await store.reviewScores.list(e.id)).map((s) => s.indicatorId)).toEqual(['ind-2']);
    await expect(
      store.reviewScores.upsert({ evaluationId: e.id, indicatorId: 'ind-3', reviewScore: '7.5分', reviewerId: null }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.reviewScores.upsert({ evaluationId: 'missing', indicatorId: 'x', reviewScore: '1', reviewerId: null }),
    ).rejects.toBeInstanceOf(MissingReferenceError);
  });

  it('upserts many in one transaction: all or nothing', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    const ok = await store.reviewScores.upsertMany([
      { evaluationId: e.id, indicatorId: 'a', reviewScore: '1.25', reviewerId: null },
      { evaluationId: e.id, indicatorId: 'b', reviewScore: '2', reviewerId: null },
    ]);
    expect(ok).toHaveLength(2);
    await expect(
      store.reviewScores.upsertMany([
        { evaluationId: e.id, indicatorId: 'a', reviewScore: '9', reviewerId: null },
        { evaluationId: e.id, indicatorId: 'c', reviewScore: 'bad', reviewerId: null },
      ]),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect((await store.reviewScores.list(e.id)).map((s) => [s.indicatorId, s.reviewScore])).toEqual([
      ['a', '1.25'],
      ['b', '2'],
    ]);
  });
});
