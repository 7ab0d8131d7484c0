// Check throughput: `jixiao check` on the seed text — latency of one report (import, score, checks) on one core, the
// cost of the checks beside the import alone, and a batch of 10,000 generated text reports on 2 worker threads.
// Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkEvaluation, runChecks } from '../src/checks/index.js';
import { recognize } from '../src/formats/recognize/index.js';
import { textToRaw } from '../src/formats/text/import.js';
import { getProfile } from '../src/rules/index.js';
import type { RuleProfile } from '../src/rules/types.js';
import { score } from '../src/scoring/score.js';

const SEED = fileURLToPath(new URL('../../shared/seed/beita-rongmeiti-2023.txt', import.meta.url));
const DEMO = fileURLToPath(new URL('../examples/shili-rongmeiti-2024.txt', import.meta.url));

function profile(): RuleProfile {
  const p = getProfile('national-2020');
  if (!p) throw new Error('profile national-2020 missing');
  return p;
}

/** Import a text report and check it: what `jixiao check` does per text file, minus reading the disk. */
function importAndCheck(bytes: Uint8Array, file: string, p: RuleProfile): number {
  const evaluation = recognize(textToRaw(bytes, file));
  return checkEvaluation(evaluation, p).findings.length;
}

/** Calls per second of this process's CPU time (one core), after a warm-up. */
function perSecond(fn: () => unknown, ms = 2000): number {
  const warmUntil = performance.now() + 400;
  while (performance.now() < warmUntil) fn();
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < ms) {
    fn();
    n++;
  }
  const c = process.cpuUsage(c0);
  return n / ((c.user + c.system) / 1e6);
}

/**
 * The n-th generated report: the base text with every 13th figure changed and the unit renamed, so that the
 * reports differ in their figures (and in what the checks find) as a bureau's 500 units would.
 */
export function variant(text: string, n: number): string {
  let k = 0;
  return text
    .replace(/\d+(?:\.\d+)?/g, (m) => {
      k++;
      if ((k + n) % 13 !== 0 || /^(19|20)\d\d$/.test(m)) return m;
      const shifted = (Number(m) * (1 + ((n % 7) - 3) / 50)).toFixed(m.includes('.') ? 2 : 0);
      return shifted;
    })
    .replace(/^(.{0,40}?)(\d{4}年)/, `第${n}单位$2`);
}

function workerMain(): void {
  const { texts } = workerData as { texts: string[] };
  const p = profile();
  const encoder = new TextEncoder();
  let findings = 0;
  for (let i = 0; i < texts.length; i++) findings += importAndCheck(encoder.encode(texts[i]!), `r${i}.txt`, p);
  parentPort?.postMessage({ done: texts.length, findings });
}

async function batch(texts: readonly string[], threads: number): Promise<{ ms: number; findings: number }> {
  const per = Math.ceil(texts.length / threads);
  // worker threads start without the tsx loader: register it, then load this module as the worker
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const worker = new Worker(boot, { eval: true, workerData: { texts: texts.slice(t * per, (t + 1) * per) } });
      return new Promise<{ findings: number }>((resolve, reject) => {
        worker.once('message', (m: { findings: number }) => {
          void worker.terminate();
          resolve(m);
        });
        worker.once('error', reject);
      });
    }),
  );
  return { ms: performance.now() - t0, findings: results.reduce((n, r) => n + r.findings, 0) };
}

export async function run(): Promise<void> {
  const path = existsSync(SEED) ? SEED : DEMO;
  const bytes = new Uint8Array(readFileSync(path));
  const p = profile();
  console.log(`输入：${path === SEED ? '种子报告' : '示例报告（找不到 ../shared 的种子报告）'}，${bytes.length} 字节`);

  const evaluation = recognize(textToRaw(bytes, 'seed.txt'));
  const sheet = score(evaluation, p);
  const importRate = perSecond(() => recognize(textToRaw(bytes, 'seed.txt')));
  const scoreRate = perSecond(() => score(evaluation, p));
  const checksRate = perSecond(() => runChecks(evaluation, p, sheet));
  const fullRate = perSecond(() => importAndCheck(bytes, 'seed.txt', p));
  const ms = (rate: number): string => `${(1000 / rate).toFixed(3)} ms`;
  console.log(
    `仅导入（textToRaw + recognize）：${importRate.toFixed(0)} 份/秒（每份 ${ms(importRate)}，单核 CPU 时间）`,
  );
  console.log(`仅计分（score）：${scoreRate.toFixed(0)} 次/秒（每次 ${ms(scoreRate)}）`);
  console.log(
    `仅核查（runChecks，${runChecks(evaluation, p, sheet).length} 条发现）：${checksRate.toFixed(0)} 次/秒（每次 ${ms(checksRate)}）`,
  );
  console.log(
    `单份报告核查延迟（导入 + 计分 + 核查）：${ms(fullRate)}，${fullRate.toFixed(0)} 份/秒；` +
      `计分与核查占导入的 ${(((1 / scoreRate + 1 / checksRate) / (1 / importRate)) * 100).toFixed(0)}%`,
  );

  const count = 10_000;
  const text = new TextDecoder().decode(bytes);
  const texts = Array.from({ length: count }, (_, i) => variant(text, i));
  const threads = 2;
  const { ms: wall, findings } = await batch(texts, threads);
  console.log(
    `批量：${count} 份生成的文本报告，${threads} 个工作线程（本机 ${os.cpus().length} 核）：${(wall / 1000).toFixed(1)} 秒，` +
      `${((count / wall) * 1000).toFixed(0)} 份/秒（目标 ≥ 1000），共 ${findings} 条发现`,
  );
}

if (!isMainThread) workerMain();
else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
