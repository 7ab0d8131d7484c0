import { expect, it } from 'vitest';
import {
  InvalidInputError,
  MissingReferenceError,
  NotFoundError,
  UniqueViolationError,
} from '../../../src/store/index.js';
import { describeStores, seedTree, tag } from '../helpers.js';

describeStores('users', (db) => {
  it('creates users and finds them by id and username, with the hash only where asked', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const name = `preparer-${tag()}`;
    const user = await store.users.create({
      username: name,
      displayName: '张填报',
      passwordHash: 'scrypt$abc',
      role: 'preparer',
      organisationId: t.units[0].id,
    });
    expect(user).toMatchObject({ username: name, role: 'preparer', disabled: false, organisationId: t.units[0].id });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await store.users.get(user.id)).toMatchObject({ id: user.id, passwordHash: 'scrypt$abc' });
    expect(await store.users.getByUsername(name)).toMatchObject({ id: user.id, displayName: '张填报' });
    expect(await store.users.getByUsername('nobody-' + tag())).toBeUndefined();
    const listed = await store.users.list({ organisationId: t.units[0].id });
    expect(listed.map((u) => u.id)).toEqual([user.id]);
    expect(listed[0]).not.toHaveProperty('passwordHash');
  });

  it('keeps usernames unique and organisations real', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const name = `dup-${tag()}`;
    const base = { displayName: 'x', passwordHash: 'h', role: 'reviewer' as const, organisationId: t.bureau.id };
    await store.users.create({ ...base, username: name });
    await expect(store.users.create({ ...base, username: name })).rejects.toBeInstanceOf(UniqueViolationError);
    await expect(
      store.users.create({ ...base, username: `x-${tag()}`, organisationId: 'missing' }),
    ).rejects.toBeInstanceOf(MissingReferenceError);
    await expect(store.users.create({ ...base, username: `y-${tag()}`, role: 'boss' as never })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('sets passwords, disables and updates', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const user = await store.users.create({
      username: `u-${tag()}`,
      displayName: '李审核',
      passwordHash: 'old',
      role: 'unitApprover',
      organisationId: t.units[1].id,
    });
    await store.users.setPassword(user.id, 'new');
    expect((await store.users.get(user.id))?.passwordHash).toBe('new');
    await store.users.setDisabled(user.id, true);
    expect((await store.users.get(user.id))?.disabled).toBe(true);
    const updated = await store.users.update(user.id, { displayName: '李四', role: 'preparer' });
    expect(updated).toMatchObject({ displayName: '李四', role: 'preparer', disabled: true });
    expect(updated).not.toHaveProperty('passwordHash');
    expect((await store.users.list({ role: 'preparer', organisationId: t.units[1].id })).map((u) => u.id)).toEqual([
      user.id,
    ]);
    await expect(store.users.setPassword('missing', 'x')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.users.setDisabled('missing', true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.users.update('missing', { displayName: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
