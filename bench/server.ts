/**
 * The server under load. With a generated data set (default 10,000 units × 3 years; JIXIAO_BENCH_UNITS to change):
 * latency of the bureau list with filters and of reading one evaluation, on SQLite and — when JIXIAO_TEST_PG_URL
 * (or JIXIAO_BENCH_PG_URL) is set — on PostgreSQL; then requests/s and p99 of GET and PUT evaluation at 100
 * concurrent connections on 127.0.0.1 (autocannon, JIXIAO_BENCH_SECONDS each, default 10). Prints figures.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import type { Evaluation } from '../src/model/index.js';
import { createApp } from '../src/server/app.js';
import { hashPassword } from '../src/server/auth/password.js';
import { generateDataset } from './generate.js';
import { openStore, type Store } from '../src/store/index.js';

const UNITS = Number(process.env['JIXIAO_BENCH_UNITS'] ?? 10_000);
const SECONDS = Number(process.env['JIXIAO_BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 100;
const PASSWORD = 'bench-password-1';
const SCRYPT = { N: 1024, r: 8, p: 1 };

type App = ReturnType<typeof createApp>;

interface Backend {
  name: string;
  open(): Promise<{ store: Store; location: string; dispose(): Promise<void> }>;
}

function backends(): Backend[] {
  const list: Backend[] = [
    {
      name: 'SQLite',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
        const location = join(dir, 'bench.sqlite');
        const store = await openStore(location);
        return {
          store,
          location,
          async dispose() {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const pgUrl = process.env['JIXIAO_BENCH_PG_URL'] ?? process.env['JIXIAO_TEST_PG_URL'];
  if (pgUrl) {
    list.push({
      name: 'PostgreSQL',
      async open() {
        const name = `jixiao_bench_${randomBytes(4).toString('hex')}`;
        const admin = async (sql: string) => {
          const c = new pg.Client({ connectionString: pgUrl });
          await c.connect();
          try {
            await c.query(sql);
          } finally {
            await c.end();
          }
        };
        await admin(`CREATE DATABASE ${name}`);
        const url = new URL(pgUrl);
        url.pathname = `/${name}`;
        const store = await openStore(url.toString(), { poolSize: 20 });
        return {
          store,
          location: url.toString(),
          async dispose() {
            await store.close();
            await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          },
        };
      },
    });
  } else {
    console.log(
      '（未设置 JIXIAO_TEST_PG_URL：只测 SQLite。PostgreSQL：JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npm run bench server）',
    );
  }
  return list;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** Median, p95 and max of `runs` sequential requests (after a warm-up). */
async function latency(app: App, headers: Record<string, string>, path: string, runs = 40): Promise<string> {
  for (let i = 0; i < 3; i++) await (await app.request(path, { headers })).arrayBuffer();
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await app.request(path, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = res.status;
  }
  times.sort((a, b) => a - b);
  return `中位 ${ms(quantile(times, 0.5))}  p95 ${ms(quantile(times, 0.95))}  最大 ${ms(times.at(-1)!)}${status === 200 ? '' : `  （状态 ${status}）`}`;
}

async function login(app: App, username: string): Promise<Record<string, string>> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

function cannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function describeResult(r: autocannon.Result): string {
  return (
    `${r.requests.average.toFixed(0)} 请求/秒  延迟 p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  最大 ${r.latency.max} ms` +
    `  （2xx ${r['2xx']}，非 2xx ${r.non2xx}${r.non2xx ? ` ${JSON.stringify(r.statusCodeStats)}` : ''}，错误 ${r.errors}）`
  );
}

async function benchBackend(backend: Backend): Promise<void> {
  console.log(`\n### ${backend.name}`);
  const { store, location, dispose } = await backend.open();
  try {
    let t = performance.now();
    let last = 0;
    const data = await generateDataset(store, {
      units: UNITS,
      onProgress: (done, total) => {
        if (done - last >= total / 4 || done === total) {
          last = done;
          process.stdout.write(`  生成 ${done}/${total}\r`);
        }
      },
    });
    console.log(
      `数据：${UNITS} 个单位 × ${data.years.length} 年 = ${data.evaluations} 份自评，${data.departmentIds.length} 个主管部门；生成用时 ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const hash = await hashPassword(PASSWORD, SCRYPT);
    const reviewer = await store.users.create({
      username: 'bench-reviewer',
      displayName: '压测复核人',
      passwordHash: hash,
      role: 'reviewer',
      organisationId: data.bureauId,
    });
    const unitId = data.unitIds[0]!;
    await store.users.create({
      username: 'bench-preparer',
      displayName: '压测填报人',
      passwordHash: hash,
      role: 'preparer',
      organisationId: unitId,
    });
    const app = createApp({
      store,
      scrypt: SCRYPT,
      logger: { info: () => undefined, error: (m, e) => console.error(m, e) },
    });
    const rh = await login(app, reviewer.username);
    const dept = data.departmentIds[3] ?? data.departmentIds[0]!;
    const one = (await store.evaluations.list({ unitIds: [data.unitIds[Math.floor(UNITS / 2)]!], limit: 1 })).items[0]!;

    console.log('单次请求延迟（进程内，顺序 40 次）：');
    const cases: [string, string][] = [
      ['财政列表：第一页（按更新时间）', '/api/evaluations'],
      [
        '财政列表：年度 + 状态 + 等次 + 无错误，按重算总分排序',
        '/api/evaluations?year=2024&state=submitted,unitApproved&grade=优,良&hasErrors=false&sort=totalRecomputed&direction=desc',
      ],
      ['财政列表：主管部门 + 年度，第 3 页', `/api/evaluations?departmentId=${dept}&year=2023&limit=50&offset=100`],
      ['财政列表：单位名称搜索', `/api/evaluations?search=${encodeURIComponent('第1234号')}`],
      ['财政列表：总分区间 + 有错误', '/api/evaluations?minTotal=80&maxTotal=95&hasErrors=true&sort=unitName'],
      ['读取一份自评（当前版本）', `/api/evaluations/${one.id}`],
      ['读取一份自评的指定版本', `/api/evaluations/${one.id}?version=1`],
      ['各状态数量', '/api/bureau/overview?year=2024'],
    ];
    for (const [label, path] of cases) console.log(`  ${label.padEnd(36, '　')} ${await latency(app, rh, path)}`);

    // evaluations the preparer may edit: 2 per connection, so that PUTs do not fight over versions
    const base = (
      await json<{ document: Evaluation }>(await app.request(`/api/evaluations/${one.id}`, { headers: rh }))
    ).document;
    const editable: { id: string; version: number }[] = [];
    for (let i = 0; i < CONNECTIONS * 2; i++) {
      const e = await store.evaluations.create({
        unitId,
        year: 2025,
        kind: 'project',
        projectName: `压测项目${i}`,
        document: { ...base, kind: 'project', project: { name: `压测项目${i}` } },
        createdBy: null,
      });
      editable.push({ id: e.id, version: 1 });
    }

    // the load test runs against the real `jixiao serve` in its own process, so that autocannon and the server
    // do not share one event loop
    const server = await startChild(location);
    const url = server.url;
    try {
      const rhs = await loginOver(url, reviewer.username);
      const phs = await loginOver(url, 'bench-preparer');
      t = performance.now();
      const get = await cannon({
        url: `${url}/api/evaluations/${one.id}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: rhs,
      });
      console.log(`GET  自评（${CONNECTIONS} 个并发连接，${SECONDS} s）：${describeResult(get)}`);

      const list = await cannon({
        url: `${url}/api/evaluations?year=2024&state=submitted,unitApproved&sort=totalRecomputed&direction=desc`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: rhs,
      });
      console.log(`GET  财政列表（筛选 + 排序）：${describeResult(list)}`);

      // 200 evaluations for 100 connections: each request takes one that no other request is saving right now
      // (autocannon may reset a connection's context between requests, so the state lives out here)
      let cursor = 0;
      const busy = new Set<number>();
      const bodies = new Map<string, string>();
      const put = await cannon({
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            method: 'PUT',
            setupRequest: (req, context) => {
              let slot = cursor;
              while (busy.has(slot)) slot = (slot + 1) % editable.length;
              cursor = (slot + 1) % editable.length;
              busy.add(slot);
              (context as { current?: number }).current = slot;
              const target = editable[slot]!;
              let body = bodies.get(target.id);
              if (!body) {
                body = JSON.stringify({ document: { ...base, kind: 'project', title: `压测 ${target.id}` } });
                bodies.set(target.id, body);
              }
              return {
                ...req,
                path: `/api/evaluations/${target.id}`,
                headers: { ...phs, 'content-type': 'application/json', 'if-match': `"${target.version}"` },
                body,
              };
            },
            onResponse: (_status, _body, context, headers) => {
              // both a saved version and a 409 carry the current version in the ETag
              const slot = (context as { current?: number }).current;
              if (slot === undefined) return;
              busy.delete(slot);
              const etag = (headers as Record<string, string | undefined>)['etag'];
              const v = etag ? Number(/\d+/.exec(etag)?.[0]) : NaN;
              if (Number.isInteger(v)) editable[slot]!.version = v;
            },
          },
        ],
      });
      console.log(`PUT  自评（乐观锁，200 份轮流保存，互不冲突）：${describeResult(put)}`);
      console.log(
        `（目标：列表 < 100 ms，GET/PUT p99 < 50 ms；压测用时 ${((performance.now() - t) / 1000).toFixed(1)} s）`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await dispose();
  }
}

const RUN = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));

/** `jixiao serve` on a free port of 127.0.0.1, in a child process. */
function startChild(location: string): Promise<{ url: string; stop(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', RUN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', location, '--no-demo'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, JIXIAO_DATABASE_URL: '' } },
    );
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        resolve({
          url: m[1]!,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`jixiao serve exited (${String(code)}): ${out}`)));
  });
}

async function loginOver(url: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function run(): Promise<void> {
  for (const b of backends()) await benchBackend(b);
}
