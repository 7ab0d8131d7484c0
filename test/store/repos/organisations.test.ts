import { expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree } from '../helpers.js';

describeStores('organisations', (db) => {
  it('builds the bureau → department → unit tree', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const [tree] = await store.organisations.tree(t.bureau.id);
    expect(tree?.id).toBe(t.bureau.id);
    // departments first (by kind, then by name), then the unit straight under the bureau
    const departments = [...t.departments].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(tree?.children.map((c) => c.id)).toEqual([departments[0]?.id, departments[1]?.id, t.units[3].id]);
    const d1 = tree?.children.find((c) => c.id === t.departments[0].id);
    expect(d1?.children.map((c) => c.name)).toEqual([t.units[0].name, t.units[1].name].sort());
    const d2 = tree?.children.find((c) => c.id === t.departments[1].id);
    expect(d2?.children.map((c) => c.id)).toEqual([t.units[2].id]);
    // a subtree
    const [sub] = await store.organisations.tree(t.departments[1].id);
    expect(sub?.children.map((c) => c.id)).toEqual([t.units[2].id]);
    // the forest contains this bureau
    const forest = await store.organisations.tree();
    expect(forest.some((b) => b.id === t.bureau.id && b.children.length === 3)).toBe(true);
  });

  it('lists the units under a bureau, a department and a unit', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const ids = (list: { id: string }[]) => list.map((o) => o.id).sort();
    expect(ids(await store.organisations.unitsUnder(t.bureau.id))).toEqual(ids(t.units));
    expect(ids(await store.organisations.unitsUnder(t.departments[0].id))).toEqual(ids([t.units[0], t.units[1]]));
    expect(ids(await store.organisations.unitsUnder(t.units[2].id))).toEqual([t.units[2].id]);
    expect(await store.organisations.unitsUnder('no-such-id')).toEqual([]);
    expect(ids(await store.organisations.children(t.departments[0].id))).toEqual(ids([t.units[0], t.units[1]]));
    const units = await store.organisations.list({ kind: 'unit', parentId: t.departments[0].id });
    expect(ids(units)).toEqual(ids([t.units[0], t.units[1]]));
  });

  it('knows ancestors and containment', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const path = await store.organisations.ancestors(t.units[0].id);
    expect(path.map((o) => o.id)).toEqual([t.bureau.id, t.departments[0].id, t.units[0].id]);
    expect(await store.organisations.ancestors('missing')).toEqual([]);
    expect(await store.organisations.isWithin(t.units[0].id, t.bureau.id)).toBe(true);
    expect(await store.organisations.isWithin(t.units[0].id, t.departments[0].id)).toBe(true);
    expect(await store.organisations.isWithin(t.units[0].id, t.departments[1].id)).toBe(false);
    expect(await store.organisations.isWithin(t.units[0].id, t.units[0].id)).toBe(true);
    expect(await store.organisations.isWithin(t.bureau.id, t.units[0].id)).toBe(false);
    const other = await seedTree(store);
    expect(await store.organisations.isWithin(t.units[0].id, other.bureau.id)).toBe(false);
  });

  it('refuses a tree in the wrong shape', async () => {
    const { store } = db();
    const t = await seedTree(store);
    await expect(store.organisations.create({ kind: 'unit', name: '孤儿单位' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(
      store.organisations.create({ kind: 'department', name: '部门下的部门', parentId: t.departments[0].id }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.organisations.create({ kind: 'unit', name: '单位下的单位', parentId: t.units[0].id }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.organisations.create({ kind: 'bureau', name: '有上级的财政局', parentId: t.bureau.id }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.organisations.create({ kind: 'unit', name: '上级不存在', parentId: 'missing' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.organisations.create({ kind: 'bureau', name: '  ' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('renaming a unit renames it in its evaluations', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    const renamed = await store.organisations.update(t.units[0].id, { name: `改名后的中学${t.tag}`, code: 'X9' });
    expect(renamed).toMatchObject({ name: `改名后的中学${t.tag}`, code: 'X9' });
    expect((await store.evaluations.get(e.id))?.unitName).toBe(`改名后的中学${t.tag}`);
    await expect(store.organisations.update('missing', { name: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
