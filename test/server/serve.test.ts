/** `jixiao serve` in-process on a real socket: demo seeding, logins, landing page, static web app, graceful close. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeLocation, startServer, type RunningServer } from '../../src/cli/serve.js';
import type { Evaluation } from '../../src/model/index.js';
import { createApp } from '../../src/server/app.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { cookiesOf, FAST_SCRYPT, openTestDb, PG_URL } from './helpers.js';

async function loginOver(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookiesOf(res), 'x-csrf-token': csrfToken };
}

describe('jixiao serve on a real socket (SQLite in memory)', () => {
  let server: RunningServer;
  const printed: string[] = [];
  beforeAll(async () => {
    server = await startServer({ port: 0, db: ':memory:', print: (l) => printed.push(l) });
  }, 60_000);
  afterAll(async () => {
    await server?.close(1000);
  });

  it('seeds the demo into the empty database and prints one login per role', () => {
    const text = printed.join('\n');
    expect(text).toContain('写入演示数据');
    expect(text).toMatch(/jixiao 服务已启动：http:\/\/127\.0\.0\.1:\d+\//);
    for (const [label, user] of [
      ['填报人', 'tianbao'],
      ['单位审核人', 'shenhe'],
      ['财政复核人', 'fuhe'],
      ['管理员', 'admin'],
    ]) {
      expect(text).toMatch(new RegExp(`${label}\\s+${user}\\s`));
    }
    expect(text).toContain(DEMO_PASSWORD);
    expect(server.logins.map((l) => l.role).sort()).toEqual(['admin', 'preparer', 'reviewer', 'unitApprover']);
  });

  it('serves the OpenAPI document and the public results without login', async () => {
    const doc = (await (await fetch(`${server.url}openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/evaluations/{id}');
    const results = (await (await fetch(`${server.url}api/public/results`)).json()) as { items: { grade: string }[] };
    expect(results.items.length).toBeGreaterThan(0);
  });

  it('works end to end over HTTP: each demo login sees its part', async () => {
    const preparer = await loginOver(server.url, 'tianbao');
    const mine = (await (await fetch(`${server.url}api/evaluations`, { headers: preparer })).json()) as {
      items: { unitName: string; state: string; id: string }[];
    };
    expect(new Set(mine.items.map((i) => i.unitName)).size).toBe(1);
    const reviewer = await loginOver(server.url, 'fuhe');
    const all = (await (await fetch(`${server.url}api/evaluations?limit=100`, { headers: reviewer })).json()) as {
      items: { state: string }[];
    };
    expect(new Set(all.items.map((i) => i.state))).toEqual(
      new Set(['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published']),
    );
    // the draft is the preparer's to edit: a save over the socket, then a stale one
    const draft = mine.items.find((i) => i.state === 'draft')!;
    const view = await fetch(`${server.url}api/evaluations/${draft.id}`, { headers: preparer });
    const { document } = (await view.json()) as { document: Evaluation };
    const etag = view.headers.get('etag')!;
    const put = (title: string) =>
      fetch(`${server.url}api/evaluations/${draft.id}`, {
        method: 'PUT',
        headers: { ...preparer, 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({ document: { ...document, title } }),
      });
    const results = await Promise.all([put('甲'), put('乙'), put('丙')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('closes gracefully: the port stops answering', async () => {
    const other = await startServer({ port: 0, db: ':memory:', demo: false, print: () => undefined });
    expect((await fetch(`${other.url}api/health`)).status).toBe(200);
    await other.close(1000);
    await expect(fetch(`${other.url}api/health`)).rejects.toThrow();
  });
});

describe.skipIf(!PG_URL)('jixiao serve on PostgreSQL', () => {
  it('opens a postgres:// URL, migrates, seeds and answers', { timeout: 60_000 }, async () => {
    const db = await openTestDb('postgres');
    await db.store.close();
    const server = await startServer({ port: 0, db: db.location, print: () => undefined });
    try {
      const h = await loginOver(server.url, 'fuhe');
      const r = await fetch(`${server.url}api/health`, { headers: h });
      expect(await r.json()).toEqual({ ok: true, dialect: 'postgres' });
    } finally {
      await server.close(1000);
      await db.dispose().catch(() => undefined);
    }
  });
});

describe('the page at /', () => {
  it('without a web app: a zh-CN page listing the API and the demo logins', async () => {
    const db = await openTestDb('sqlite');
    try {
      const app = createApp({
        store: db.store,
        scrypt: FAST_SCRYPT,
        landing: {
          demoLogins: [
            { username: 'tianbao', password: 'pw', role: 'preparer', displayName: '张三', organisation: '示例单位' },
          ],
        },
      });
      const res = await app.request('/');
      const html = await res.text();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(html).toContain('lang="zh-CN"');
      expect(html).toContain('/api/evaluations');
      expect(html).toContain('tianbao');
      expect(html).toContain('填报人');
    } finally {
      await db.dispose();
    }
  });

  it('with a built web app: its files, and index.html for the app’s own routes; the API stays JSON', async () => {
    const db = await openTestDb('sqlite');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>网页端</title>');
      writeFileSync(join(dir, 'app.js'), 'console.log(1)');
      const app = createApp({ store: db.store, scrypt: FAST_SCRYPT, staticDir: dir });
      expect(await (await app.request('/')).text()).toContain('网页端');
      expect(await (await app.request('/app.js')).text()).toContain('console.log');
      expect(await (await app.request('/evaluations/123')).text()).toContain('网页端');
      const api = await app.request('/api/public/nothing');
      expect(api.status).toBe(404);
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.dispose();
    }
  });
});

describe('describeLocation', () => {
  it('masks a password in a database URL', () => {
    expect(describeLocation('postgres://jixiao:s3cret@db:5432/jixiao')).toBe('postgres://jixiao:***@db:5432/jixiao');
    expect(describeLocation('./data/jixiao.sqlite')).toBe('./data/jixiao.sqlite');
  });
});
