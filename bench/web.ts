// The web app's edit loop on a 300-row indicator grid: the time from an edit to an updated score and findings,
// (1) locally — the edit applied the way the editor applies it (web/src/lib/doc.ts) and the pure core run the way
// the browser runs it (web/src/analysis/analyse.ts), target < 16 ms; (2) through the API on loopback — PUT the
// edited document (optimistic locking) then GET the check route, target < 100 ms. Prints figures; asserts nothing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../src/cli/serve.js';
import { importFile } from '../src/formats/import.js';
import type { Evaluation } from '../src/model/index.js';
import { analyse } from '../web/src/analysis/analyse.js';
import { figureFromText, setAt } from '../web/src/lib/doc.js';

const DEMO = new URL('../examples/shili-rongmeiti-2024.txt', import.meta.url);
export const ROWS = 300;

/** The demo report with its indicator table grown to `rows` rows (weights 90/rows each, so the sheet adds up). */
export async function bigEvaluation(rows = ROWS): Promise<Evaluation> {
  const { evaluation } = await importFile(new Uint8Array(readFileSync(DEMO)), 'shili-rongmeiti-2024.txt');
  const se = evaluation.selfEvaluation;
  if (!se || se.indicators.length === 0) throw new Error('demo report has no indicators');
  const base = se.indicators;
  const weight = (90 / rows).toFixed(2);
  se.indicators = Array.from({ length: rows }, (_, i) => {
    const src = base[i % base.length]!;
    return {
      ...structuredClone(src),
      id: `ind-${i + 1}`,
      name: `${src.name}（${Math.floor(i / base.length) + 1}）`,
      weight: { text: weight, q: { kind: 'number', value: weight } },
      selfScore: { text: weight, q: { kind: 'number', value: weight } },
    };
  });
  evaluation.profile = 'hunan';
  evaluation.sources = {};
  return evaluation;
}

function stats(ms: number[]): { median: number; p95: number; max: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]! };
}

const f2 = (n: number) => n.toFixed(2);

/** The n-th edit: a different actual value typed into a row of the grid. */
function edit(doc: Evaluation, n: number): Evaluation {
  const row = (n * 37) % ROWS;
  const ind = doc.selfEvaluation!.indicators[row]!;
  const unit = ind.actual?.q.kind === 'number' ? (ind.actual.q.unit ?? '') : '';
  return setAt(doc, `selfEvaluation.indicators.${row}.actual`, figureFromText(`${100 + (n % 50)}${unit}`));
}

async function local(doc: Evaluation): Promise<void> {
  let current = doc;
  for (let i = 0; i < 20; i++) analyse({ id: i, evaluation: edit(current, i) }); // warm-up
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    current = edit(current, i);
    const r = analyse({ id: i, evaluation: current });
    times.push(performance.now() - t0);
    if (r.ok) findings = r.result.findings.length;
  }
  const s = stats(times);
  console.log(
    `本地重算（${ROWS} 行指标，编辑一格 → 计分 + 核查，${findings} 条发现）：中位 ${f2(s.median)} ms，p95 ${f2(s.p95)} ms，最大 ${f2(
      s.max,
    )} ms（目标 < 16 ms）`,
  );
}

async function roundTrip(doc: Evaluation): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-web-'));
  const server = await startServer({ db: path.join(dir, 'bench.sqlite'), port: 0, print: () => undefined });
  try {
    const base = server.url.replace(/\/$/, '');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: server.logins.find((l) => l.role === 'preparer')!.username,
        password: server.logins[0]!.password,
      }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/evaluations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ year: 2001, kind: 'department', document: doc }),
    });
    if (!created.ok) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const view = (await created.json()) as { evaluation: { id: string; currentVersion: number } };
    const id = view.evaluation.id;
    let version = view.evaluation.currentVersion;
    let current = doc;
    const put: number[] = [];
    const check: number[] = [];
    const both: number[] = [];
    for (let i = 0; i < 60; i++) {
      current = edit(current, i);
      const t0 = performance.now();
      const saved = await fetch(`${base}/api/evaluations/${id}`, {
        method: 'PUT',
        headers: { ...headers, 'if-match': `"${version}"` },
        body: JSON.stringify({ document: current }),
      });
      if (!saved.ok) throw new Error(`save failed: ${saved.status} ${await saved.text()}`);
      version = ((await saved.json()) as { version: { version: number } }).version.version;
      const t1 = performance.now();
      const checked = await fetch(`${base}/api/evaluations/${id}/check`, { headers: { cookie } });
      if (!checked.ok) throw new Error(`check failed: ${checked.status}`);
      await checked.json();
      const t2 = performance.now();
      if (i >= 10) {
        put.push(t1 - t0);
        check.push(t2 - t1);
        both.push(t2 - t0);
      }
    }
    const bytes = JSON.stringify({ document: current }).length;
    const [p, c, b] = [stats(put), stats(check), stats(both)];
    console.log(`接口往返（本机回环，SQLite，${ROWS} 行指标，文档 ${Math.round(bytes / 1024)} KB）：`);
    console.log(`  保存 PUT：中位 ${f2(p.median)} ms，p95 ${f2(p.p95)} ms`);
    console.log(`  核查 GET check：中位 ${f2(c.median)} ms，p95 ${f2(c.p95)} ms`);
    console.log(
      `  合计（编辑 → 保存 → 新的得分与发现）：中位 ${f2(b.median)} ms，p95 ${f2(b.p95)} ms（目标 < 100 ms）`,
    );
  } finally {
    await server.close(1000);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const doc = await bigEvaluation();
  await local(doc);
  await roundTrip(doc);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
