/** Small pure parts of the server: passwords, the rate limiter, the JSON diff, HTTP helpers, error mapping. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ImportError } from '../../src/formats/document.js';
import { ExportError } from '../../src/formats/export.js';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../src/server/auth/password.js';
import { FailureLimiter } from '../../src/server/auth/rate-limit.js';
import { safeEqual, sessionIdOf } from '../../src/server/auth/session.js';
import { diffDocuments } from '../../src/server/diff.js';
import { ApiError, toApiError, validationError } from '../../src/server/errors.js';
import { contentDisposition, parseIfMatch } from '../../src/server/http.js';
import { endOfDeadline } from '../../src/server/routes/tasks.js';
import { VersionCache } from '../../src/server/version-cache.js';
import {
  NotFoundError,
  StateConflictError,
  UniqueViolationError,
  VersionConflictError,
} from '../../src/store/index.js';
import { FAST_SCRYPT } from './helpers.js';

describe('password hashes', () => {
  it('verifies the right password only; salts differ; parameters travel with the hash', async () => {
    const a = await hashPassword('一二三四五六七八', FAST_SCRYPT);
    const b = await hashPassword('一二三四五六七八', FAST_SCRYPT);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword('一二三四五六七八', a)).toBe(true);
    expect(await verifyPassword('一二三四五六七九', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
    expect(needsRehash(a)).toBe(true);
    expect(needsRehash(a, FAST_SCRYPT)).toBe(false);
  });

  it('treats malformed or hostile hashes as no match', async () => {
    for (const bad of [
      '',
      'plain',
      'scrypt$x$8$1$AAAA$AAAA',
      'scrypt$1048576000$8$1$AAAAAAAAAAA=$AAAA',
      'bcrypt$2b$10$abc',
    ]) {
      expect(await verifyPassword('anything', bad)).toBe(false);
    }
  });

  it('refuses short passwords and the username as password', () => {
    expect(passwordProblem('short')).toContain('8');
    expect(passwordProblem('zhangsan1', 'ZhangSan1')).toContain('用户名');
    expect(passwordProblem('a-decent-passphrase')).toBeUndefined();
  });
});

describe('login failure limiter', () => {
  it('allows maxFailures in the window, then blocks until the oldest ages out', () => {
    let now = 0;
    const l = new FailureLimiter({ maxFailures: 3, windowMs: 10_000, now: () => now });
    const k = FailureLimiter.loginKey(' ZhangSan ', '1.2.3.4');
    expect(k).toBe('zhangsan|1.2.3.4');
    for (let i = 0; i < 3; i++) {
      expect(l.check(k).allowed).toBe(true);
      l.fail(k);
      now += 1000;
    }
    const d = l.check(k);
    expect(d).toEqual({ allowed: false, retryAfterSeconds: 7 });
    now = 10_000; // the first failure (t=0) ages out
    expect(l.check(k).allowed).toBe(true);
    l.reset(k);
    expect(l.size).toBe(0);
  });

  it('keeps memory bounded under a flood of keys', () => {
    const l = new FailureLimiter({ maxFailures: 5, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) l.fail(`user${i}|ip`);
    expect(l.size).toBe(100);
  });
});

describe('session tokens', () => {
  it('stores a SHA-256 of the token; compares in constant time', () => {
    expect(sessionIdOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('field-path diff', () => {
  it('lists added, removed and changed leaves by FieldPath; a Figure is one value', () => {
    const fig = (text: string) => ({ text, q: { kind: 'number', value: text } });
    const before = { title: 'a', list: [1, 2, 3], nested: { x: fig('1'), y: 'keep' }, gone: true, sources: { a: 1 } };
    const after = { title: 'b', list: [1, 5], nested: { x: fig('2'), y: 'keep', z: null }, sources: { a: 2 } };
    const { changes, truncated } = diffDocuments(before, after);
    expect(truncated).toBe(false);
    expect(changes).toEqual([
      { path: 'title', kind: 'changed', before: 'a', after: 'b' },
      { path: 'list.1', kind: 'changed', before: 2, after: 5 },
      { path: 'list.2', kind: 'removed', before: 3, after: null },
      { path: 'nested.x', kind: 'changed', before: fig('1'), after: fig('2') },
      { path: 'nested.z', kind: 'added', before: null, after: null },
      { path: 'gone', kind: 'removed', before: true, after: null },
    ]);
    expect(diffDocuments(before, after, { ignore: [] }).changes.map((c) => c.path)).toContain('sources.a');
    expect(diffDocuments(before, before).changes).toEqual([]);
    expect(diffDocuments(before, after, { limit: 2 })).toMatchObject({ truncated: true, changes: [{}, {}] });
  });
});

describe('HTTP helpers', () => {
  it('reads If-Match in its common spellings', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"12"')).toBe(12);
    expect(parseIfMatch('7')).toBe(7);
    expect(parseIfMatch('"abc"')).toBeNaN();
  });

  it('writes a Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    const d = contentDisposition('示例区融媒体中心2024年报告.pdf', 'report');
    expect(d).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent('示例区融媒体中心2024年报告.pdf')}`,
    );
    expect(contentDisposition('plain.txt')).toContain('filename="plain.txt"');
    expect(contentDisposition('a"b.txt')).toContain('filename="download.txt"');
  });

  it('a date-only deadline lasts to the end of that day in China', () => {
    expect(new Date(endOfDeadline('2025-04-30')).toISOString()).toBe('2025-04-30T15:59:59.999Z');
  });
});

describe('error mapping', () => {
  it('maps every known failure to its status and a zh-CN message', () => {
    const cases: [unknown, number, string][] = [
      [new VersionConflictError('e', 1, 2), 409, 'version_conflict'],
      [new StateConflictError('e', ['draft'], 'submitted'), 409, 'state_conflict'],
      [new UniqueViolationError('evaluation'), 409, 'already_exists'],
      [new NotFoundError('evaluation', 'x'), 404, 'not_found'],
      [new ImportError('坏文件', 'a.txt', undefined, 'corrupt'), 422, 'import_failed'],
      [new ImportError('太大', 'a.txt', undefined, 'too-large'), 413, 'payload_too_large'],
      [new ExportError('没有浏览器', 'needs-tool'), 503, 'unavailable'],
      [new ApiError(429, 'rate_limited', '稍后再试'), 429, 'rate_limited'],
    ];
    for (const [e, status, code] of cases) {
      const api = toApiError(e);
      expect([api?.status, api?.code]).toEqual([status, code]);
      expect(api?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(toApiError(new Error('boom'))).toBeUndefined();
  });

  it('names every zod path', () => {
    const r = z.object({ a: z.array(z.object({ b: z.number() })) }).safeParse({ a: [{ b: 'x' }] });
    const e = validationError(r.error!, '请求正文');
    expect(e.status).toBe(400);
    expect(e.message).toContain('a[0].b');
    expect(e.details).toEqual({ issues: [{ path: 'a[0].b', message: expect.any(String) }] });
  });
});

describe('version cache', () => {
  const version = (id: string, v: number, title: string) => ({
    evaluationId: id,
    version: v,
    createdBy: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    note: null,
    document: { kind: 'department', title } as never,
  });

  it('keys by evaluation and version, keeps the JSON, evicts the least recently used past its budget', () => {
    // each entry is ~470 bytes (two per UTF-16 character): four fit in 2100, a fifth does not
    const cache = new VersionCache(2100);
    for (const id of ['a', 'b', 'c', 'd']) cache.put(version(id, 1, id.repeat(200)));
    expect(cache.size).toBe(4);
    expect(cache.get('a', 1)?.json).toBe(JSON.stringify({ kind: 'department', title: 'a'.repeat(200) }));
    expect(cache.get('a', 2)).toBeUndefined();
    cache.put(version('e', 1, 'e'.repeat(200))); // over budget: b, now the least recently used, goes
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)).toBeDefined();
    expect(cache.get('e', 1)?.info).toMatchObject({ evaluationId: 'e', version: 1 });
    expect(cache.size).toBe(4);
    expect(cache.bytes).toBeLessThanOrEqual(2100);
    expect([cache.hits, cache.misses]).toEqual([3, 2]);
  });

  it('keeps nothing when turned off, and never one entry bigger than a quarter of the budget', () => {
    const off = new VersionCache(0);
    expect(off.put(version('a', 1, 't')).json).toContain('"t"');
    expect(off.size).toBe(0);
    const small = new VersionCache(1000);
    small.put(version('a', 1, 'x'.repeat(200)));
    expect(small.size).toBe(0);
  });
});
