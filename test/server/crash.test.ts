/**
 * Crash safety of the real server: started as a child process on a temp SQLite file, killed with SIGKILL in the
 * middle of a batch of imports, restarted. Every import the server acknowledged is there; the database is
 * consistent; no half-written evaluation (without its version, its original file or its audit entry) is visible.
 * Also: a graceful stop on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluationSchema } from '../../src/model/index.js';
import { DEMO_PASSWORD } from '../../src/server/demo.js';
import { openStore } from '../../src/store/index.js';
import { cookiesOf, DEMO_FILE } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUN = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));

interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

function start(db: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', RUN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, JIXIAO_DATABASE_URL: '' },
      },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /jixiao 服务已启动：(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code ?? signal)}):\n${out}`));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function loginAs(base: string, username: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: cookiesOf(res), 'x-csrf-token': csrfToken };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('crash safety of the real server', () => {
  it(
    'SIGKILL in the middle of a batch import: acknowledged imports survive, nothing half-written',
    { timeout: 180_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
      dirs.push(dir);
      const db = join(dir, 'jixiao.sqlite');
      const report = readFileSync(DEMO_FILE);

      const first = await start(db);
      const headers = await loginAs(first.base, 'tianbao');
      const acknowledged: string[] = [];
      const failed: string[] = [];
      let killed = false;
      // years 1991–2020: clear of the demo's own 2023 and 2024
      const TOTAL = 30;
      const CONCURRENCY = 6;
      let next = 0;
      const importOne = async (year: number): Promise<void> => {
        const form = new FormData();
        form.set('file', new File([report], `批量导入-${year}.txt`));
        form.set('year', String(year));
        try {
          const res = await fetch(`${first.base}/api/evaluations/import`, { method: 'POST', headers, body: form });
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { evaluation: { id: string } }).evaluation.id);
          else failed.push(`${res.status} ${await res.text()}`);
        } catch {
          // the connection died with the server
        }
        if (!killed && acknowledged.length >= 8) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      };
      const worker = async (): Promise<void> => {
        while (next < TOTAL && !killed) await importOne(1991 + next++);
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const how = await exited(first.child);
      expect(how.signal).toBe('SIGKILL');
      expect(failed).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(8);
      expect(acknowledged.length).toBeLessThan(TOTAL);

      // the file itself: intact
      const raw = new BetterSqlite3(db);
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(raw.pragma('foreign_key_check')).toEqual([]);
        const orphans = raw
          .prepare(
            `select count(*) as n from evaluations e
           where not exists (select 1 from evaluation_versions v where v.evaluation_id = e.id and v.version = e.current_version)`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
      } finally {
        raw.close();
      }

      // restart on the same file: no second demo seeding, every evaluation whole
      const second = await start(db);
      try {
        expect(second.output()).not.toContain('写入演示数据');
        const h = await loginAs(second.base, 'tianbao');
        const list = (await (await fetch(`${second.base}/api/evaluations?limit=1000`, { headers: h })).json()) as {
          items: { id: string; year: number; currentVersion: number }[];
        };
        const imported = list.items.filter((i) => i.year >= 1991 && i.year < 1991 + TOTAL);
        const ids = new Set(imported.map((i) => i.id));
        for (const id of acknowledged) expect(ids.has(id), `acknowledged import ${id} lost`).toBe(true);
        for (const item of imported) {
          const view = await fetch(`${second.base}/api/evaluations/${item.id}`, { headers: h });
          expect(view.status).toBe(200);
          const body = (await view.json()) as { document: unknown };
          expect(evaluationSchema.safeParse(body.document).success).toBe(true);
          const files = (await (
            await fetch(`${second.base}/api/evaluations/${item.id}/files`, { headers: h })
          ).json()) as {
            items: { size: number }[];
          };
          expect(files.items.map((f) => f.size)).toEqual([report.length]);
          const audit = (await (
            await fetch(`${second.base}/api/evaluations/${item.id}/audit`, { headers: h })
          ).json()) as {
            items: { action: string }[];
          };
          expect(audit.items.map((a) => a.action)).toEqual(['evaluation.import']);
        }
        // the server still works after the crash: one more import lands
        const form = new FormData();
        form.set('file', new File([report], 'after.txt'));
        form.set('year', '2090');
        expect(
          (await fetch(`${second.base}/api/evaluations/import`, { method: 'POST', headers: h, body: form })).status,
        ).toBe(201);
      } finally {
        second.child.kill('SIGTERM');
        const stop = await exited(second.child);
        // a graceful stop: the process ends by itself with 0
        expect(stop.code).toBe(0);
      }

      // and the store opened directly agrees: every version row present for every evaluation
      const store = await openStore(db);
      try {
        const all = await store.evaluations.list({ limit: 1000 });
        for (const e of all.items) {
          const versions = await store.evaluations.listVersions(e.id);
          expect(versions.map((v) => v.version)).toEqual(Array.from({ length: e.currentVersion }, (_, i) => i + 1));
        }
      } finally {
        await store.close();
      }
    },
  );
});
