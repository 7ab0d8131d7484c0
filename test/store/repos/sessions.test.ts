import { expect, it } from 'vitest';
import { InvalidInputError, MissingReferenceError, type Store } from '../../../src/store/index.js';
import { describeStores, seedTree, tag } from '../helpers.js';

async function makeUser(store: Store) {
  const t = await seedTree(store);
  return store.users.create({
    username: `s-${tag()}`,
    displayName: '会话用户',
    passwordHash: 'h',
    role: 'preparer',
    organisationId: t.units[0].id,
  });
}

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describeStores('sessions', (db) => {
  it('creates a session and finds it valid with its user until it expires', async () => {
    const { store } = db();
    const user = await makeUser(store);
    const now = Date.now();
    const id = `tokenhash-${tag()}`;
    const session = await store.sessions.create({
      id,
      userId: user.id,
      csrfToken: 'csrf1',
      expiresAt: iso(now + HOUR),
    });
    expect(session).toMatchObject({ id, userId: user.id, csrfToken: 'csrf1', expiresAt: iso(now + HOUR) });
    const valid = await store.sessions.getValid(id, iso(now));
    expect(valid?.session).toEqual(session);
    expect(valid?.user).toMatchObject({ id: user.id, username: user.username, disabled: false });
    expect(valid?.user).not.toHaveProperty('passwordHash');
    // expired at the instant of expiry and after it
    expect(await store.sessions.getValid(id, iso(now + HOUR))).toBeUndefined();
    expect(await store.sessions.getValid(id, iso(now + 2 * HOUR))).toBeUndefined();
    expect(await store.sessions.getValid('unknown', iso(now))).toBeUndefined();
    // sliding expiry
    expect(await store.sessions.extend(id, iso(now + 3 * HOUR))).toBe(true);
    expect(await store.sessions.getValid(id, iso(now + 2 * HOUR))).toBeDefined();
    expect(await store.sessions.extend('unknown', iso(now))).toBe(false);
  });

  it('a disabled user has no valid session', async () => {
    const { store } = db();
    const user = await makeUser(store);
    const id = `d-${tag()}`;
    await store.sessions.create({ id, userId: user.id, csrfToken: 'c', expiresAt: iso(Date.now() + HOUR) });
    expect(await store.sessions.getValid(id)).toBeDefined();
    await store.users.setDisabled(user.id, true);
    expect(await store.sessions.getValid(id)).toBeUndefined();
  });

  it('deletes one, all of a user (but one), and the expired', async () => {
    const { store } = db();
    const user = await makeUser(store);
    const now = Date.now();
    const a = `a-${tag()}`;
    const b = `b-${tag()}`;
    const c = `c-${tag()}`;
    const old = `old-${tag()}`;
    for (const id of [a, b, c]) {
      await store.sessions.create({ id, userId: user.id, csrfToken: 'x', expiresAt: iso(now + HOUR) });
    }
    await store.sessions.create({ id: old, userId: user.id, csrfToken: 'x', expiresAt: iso(now - HOUR) });
    expect(await store.sessions.delete(a)).toBe(true);
    expect(await store.sessions.delete(a)).toBe(false);
    expect(await store.sessions.deleteExpired(iso(now))).toBeGreaterThanOrEqual(1);
    expect(await store.sessions.getValid(old, iso(now - 2 * HOUR))).toBeUndefined();
    expect(await store.sessions.deleteForUser(user.id, c)).toBe(1);
    expect(await store.sessions.getValid(b)).toBeUndefined();
    expect(await store.sessions.getValid(c)).toBeDefined();
    expect(await store.sessions.deleteForUser(user.id)).toBe(1);
  });

  it('refuses a session of an unknown user and a bad time', async () => {
    const { store } = db();
    await expect(
      store.sessions.create({ id: tag(), userId: 'missing', csrfToken: 'x', expiresAt: iso(Date.now()) }),
    ).rejects.toBeInstanceOf(MissingReferenceError);
    const user = await makeUser(store);
    await expect(
      store.sessions.create({ id: tag(), userId: user.id, csrfToken: 'x', expiresAt: 'tomorrow' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});
