/** Login, sessions, cookies, CSRF, logout, password change, login rate limiting. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../../src/server/auth/session.js';
import type { Client } from './helpers.js';
import {
  FAST_SCRYPT,
  PASSWORD,
  cookiesOf,
  describeBackends,
  json,
  login,
  openTestDb,
  seedWorld,
  type ErrorBody,
} from './helpers.js';

function loginRequest(
  username: string,
  password: string,
  headers: Record<string, string> = {},
  url = '/api/auth/login',
) {
  return {
    url,
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username, password }),
    },
  };
}

function cookieAttrs(res: Response, name: string): string[] {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie`);
  return line.split(';').map((s) => s.trim());
}

describeBackends('auth', (env) => {
  it('logs in with an httpOnly SameSite=Lax session cookie and a CSRF token; the store keeps only a hash', async () => {
    const { app, world, store } = env();
    const { url, init } = loginRequest(world.users.preparer.username, PASSWORD);
    const res = await app.request(url, init);
    expect(res.status).toBe(200);
    const body = await json<{ csrfToken: string; user: Record<string, unknown>; permissions: string[] }>(res);
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.permissions).toContain('evaluation.submit');
    expect(body.permissions).not.toContain('evaluation.accept');
    const session = cookieAttrs(res, SESSION_COOKIE);
    expect(session).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(session).not.toContain('Secure');
    const csrf = cookieAttrs(res, CSRF_COOKIE);
    expect(csrf).not.toContain('HttpOnly');
    expect(csrf[0]).toBe(`${CSRF_COOKIE}=${body.csrfToken}`);
    const token = session[0]!.slice(SESSION_COOKIE.length + 1);
    expect(await store.sessions.getValid(token)).toBeUndefined();
    const hashed = createHash('sha256').update(token).digest('hex');
    expect((await store.sessions.getValid(hashed))?.user.id).toBe(world.users.preparer.id);
  });

  it('marks cookies Secure over https (auto) and when configured', async () => {
    const { app, world, store } = env();
    const { url, init } = loginRequest(
      world.users.preparer.username,
      PASSWORD,
      {},
      'https://jixiao.example/api/auth/login',
    );
    expect(cookieAttrs(await app.request(url, init), SESSION_COOKIE)).toContain('Secure');
    const always = createApp({ store, scrypt: FAST_SCRYPT, secureCookies: true });
    const plain = loginRequest(world.users.preparer.username, PASSWORD);
    expect(cookieAttrs(await always.request(plain.url, plain.init), SESSION_COOKIE)).toContain('Secure');
    const never = createApp({ store, scrypt: FAST_SCRYPT, secureCookies: false });
    expect(cookieAttrs(await never.request(url, init), SESSION_COOKIE)).not.toContain('Secure');
    const proxied = createApp({ store, scrypt: FAST_SCRYPT, trustProxy: true });
    const viaProxy = loginRequest(world.users.preparer.username, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(cookieAttrs(await proxied.request(viaProxy.url, viaProxy.init), SESSION_COOKIE)).toContain('Secure');
  });

  it('refuses a wrong password and an unknown user with the same 401', async () => {
    const { app, world } = env();
    const wrong = loginRequest(world.users.unitApprover.username, 'not-the-password');
    const unknown = loginRequest('nobody-at-all', 'not-the-password');
    const a = await app.request(wrong.url, wrong.init);
    const b = await app.request(unknown.url, unknown.init);
    expect([a.status, b.status]).toEqual([401, 401]);
    const [ea, eb] = [await json<ErrorBody>(a), await json<ErrorBody>(b)];
    expect(ea.error.message).toBe('用户名或密码错误');
    expect(eb.error).toEqual(ea.error);
    expect(a.headers.getSetCookie()).toEqual([]);
  });

  it('GET /api/session returns the same CSRF token; without a session it is 401', async () => {
    const { app, world } = env();
    const c = await login(app, world.users.reviewer);
    const s = await json<{ csrfToken: string; organisation: { kind: string } }>(await c.get('/api/session'));
    expect(s.csrfToken).toBe(c.csrfToken);
    expect(s.organisation.kind).toBe('bureau');
    const anon = await app.request('/api/session');
    expect(anon.status).toBe(401);
    expect((await json<ErrorBody>(anon)).error.code).toBe('unauthenticated');
  });

  it('requires the X-CSRF-Token header on every unsafe method, never on safe ones', async () => {
    const { app, world } = env();
    const c = await login(app, world.users.preparer);
    const other = await login(app, world.users.unitApprover);
    const body = { year: 2031, kind: 'department' };
    const missing = await c.request('POST', '/api/evaluations', { json: body, noCsrf: true });
    expect(missing.status).toBe(403);
    expect((await json<ErrorBody>(missing)).error.code).toBe('csrf');
    const wrong = await c.request('POST', '/api/evaluations', {
      json: body,
      noCsrf: true,
      headers: { [CSRF_HEADER]: other.csrfToken },
    });
    expect(wrong.status).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await c.request(method, '/api/evaluations', { noCsrf: true })).status).toBe(403);
    }
    expect((await c.request('GET', '/api/evaluations', { noCsrf: true })).status).toBe(200);
    expect((await c.post('/api/evaluations', body)).status).toBe(201);
  });

  it('logout ends the session and clears the cookies', async () => {
    const { app, world } = env();
    const c = await login(app, world.users.preparer);
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(200);
    expect(cookieAttrs(res, SESSION_COOKIE)).toContain('Max-Age=0');
    expect((await c.get('/api/session')).status).toBe(401);
    expect((await c.post('/api/auth/logout')).status).toBe(401);
  });

  it('changes a password: checks the current one, refuses weak ones, ends the other sessions', async () => {
    const { app, store } = env();
    const world = await seedWorld(store);
    const user = world.users.preparer;
    const first = await login(app, user);
    const second = await login(app, user);
    const bad = await first.post('/api/auth/password', {
      currentPassword: 'wrong-one',
      newPassword: 'brand-new-pass-1',
    });
    expect(bad.status).toBe(400);
    const weak = await first.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect((await json<ErrorBody>(weak)).error.message).toContain('至少');
    const ok = await first.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-pass-1' });
    expect(ok.status).toBe(200);
    expect((await first.get('/api/session')).status).toBe(200);
    expect((await second.get('/api/session')).status).toBe(401);
    const old = loginRequest(user.username, PASSWORD);
    expect((await app.request(old.url, old.init)).status).toBe(401);
    await login(app, user, 'brand-new-pass-1');
  });

  it('a disabled user cannot log in and loses open sessions', async () => {
    const { app, store } = env();
    const world = await seedWorld(store);
    const c = await login(app, world.users.preparer);
    const admin = await login(app, world.users.admin);
    expect((await admin.patch(`/api/users/${world.users.preparer.id}`, { disabled: true })).status).toBe(200);
    expect((await c.get('/api/session')).status).toBe(401);
    const again = loginRequest(world.users.preparer.username, PASSWORD);
    expect((await app.request(again.url, again.init)).status).toBe(403);
  });

  it('expires idle sessions and slides active ones', async () => {
    const { store } = env();
    const world = await seedWorld(store);
    let now = Date.parse('2030-01-01T00:00:00Z');
    const app = createApp({ store, scrypt: FAST_SCRYPT, sessionTtlSeconds: 3600, now: () => new Date(now) });
    const c = await login(app, world.users.preparer);
    now += 40 * 60_000; // 40 min: past half the lifetime → extended
    const r = await c.get('/api/session');
    expect(r.status).toBe(200);
    expect(r.headers.getSetCookie().some((s) => s.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
    now += 50 * 60_000; // 90 min after login, 50 after the extension: still valid
    expect((await c.get('/api/session')).status).toBe(200);
    now += 61 * 60_000; // idle for more than the lifetime
    expect((await c.get('/api/session')).status).toBe(401);
  });
});

describe('login rate limiting', () => {
  it('5 failures per minute per username and IP → 429 with Retry-After; other IPs unaffected; a success resets', async () => {
    const db = await openTestDb('sqlite');
    try {
      const world = await seedWorld(db.store);
      let now = 1_000_000;
      const app = createApp({
        store: db.store,
        scrypt: FAST_SCRYPT,
        trustProxy: true,
        loginLimit: { maxFailures: 5, windowMs: 60_000, now: () => now },
      });
      const user = world.users.preparer.username;
      const attempt = (password: string, ip = '10.0.0.1') => {
        const { url, init } = loginRequest(user, password, { 'x-forwarded-for': ip });
        return app.request(url, init);
      };
      for (let i = 0; i < 5; i++) {
        expect((await attempt('wrong')).status).toBe(401);
        now += 1000;
      }
      const blocked = await attempt(PASSWORD);
      expect(blocked.status).toBe(429);
      const retry = Number(blocked.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(50);
      expect(retry).toBeLessThanOrEqual(60);
      expect((await json<ErrorBody>(blocked)).error.code).toBe('rate_limited');
      expect((await attempt(PASSWORD, '10.0.0.2')).status).toBe(200);
      now += retry * 1000;
      expect((await attempt(PASSWORD)).status).toBe(200);
      // after a success the count starts again
      for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
      expect((await attempt(PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
      expect((await attempt('wrong')).status).toBe(401);
      expect((await attempt(PASSWORD)).status).toBe(429);
    } finally {
      await db.dispose();
    }
  });

  it('the password change counts towards the same limit', async () => {
    const db = await openTestDb('sqlite');
    try {
      const world = await seedWorld(db.store);
      const app = createApp({ store: db.store, scrypt: FAST_SCRYPT, loginLimit: { maxFailures: 3, windowMs: 60_000 } });
      const c: Client = await login(app, world.users.preparer);
      for (let i = 0; i < 3; i++) {
        expect(
          (await c.post('/api/auth/password', { currentPassword: 'guess', newPassword: 'brand-new-pass-1' })).status,
        ).toBe(400);
      }
      const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-pass-1' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(cookiesOf(res)).toBe('');
    } finally {
      await db.dispose();
    }
  });
});
