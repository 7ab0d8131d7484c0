import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FuzzJob, FuzzResult } from './runner.js';

/**
 * Mutation fuzzing of the .docx, .xlsx and PDF importers: thousands of damaged versions of the office-made
 * fixtures (bytes flipped, files truncated and spliced, XML parts edited and re-zipped). Every case must end
 * in a RawDocument or in an ImportError that names the file, within a time bound. Each job runs in a child
 * process with a watchdog, so that a case that hangs is killed and reported with its seed.
 */
const shared = (name: string) => fileURLToPath(new URL(`../../../../shared/fixtures/${name}`, import.meta.url));
const runner = fileURLToPath(new URL('./runner.ts', import.meta.url));

const fixtures = {
  docx: shared('beita-rongmeiti-2023.docx'),
  xlsx: shared('beita-rongmeiti-2023-tables.xlsx'),
  pdf: shared('beita-rongmeiti-2023.pdf'),
};
for (const [k, path] of Object.entries(fixtures)) {
  if (!existsSync(path)) console.warn(`fuzz: ${k} fixture ${path} is absent, fuzzing a generated document instead`);
}

/** The longest one case may take, in ms (generous: CI machines are slow and cases run four at a time). */
const CASE_LIMIT_MS = { docx: 5000, xlsx: 5000, pdf: 15_000 } as const;

const jobs: FuzzJob[] = [
  { name: 'docx', format: 'docx', fixture: fixtures.docx, seed: 1_000, count: 900, structural: 0.5 },
  { name: 'xlsx', format: 'xlsx', fixture: fixtures.xlsx, seed: 2_000, count: 700, structural: 0.5 },
  { name: 'pdf-generated', format: 'pdf', seed: 3_000, count: 900, structural: 0 },
  { name: 'pdf-fixture', format: 'pdf', fixture: fixtures.pdf, seed: 4_000, count: 16, structural: 0 },
];

interface JobOutcome {
  job: FuzzJob;
  results: FuzzResult[];
  hung?: { seed: number; afterMs: number };
  exit?: string;
}

function runJob(job: FuzzJob): Promise<JobOutcome> {
  return new Promise((resolve) => {
    const limit = CASE_LIMIT_MS[job.format];
    const results: FuzzResult[] = [];
    const child = fork(runner, [JSON.stringify(job)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    let done = false;
    const finish = (o: Omit<JobOutcome, 'job' | 'results'>) => {
      if (done) return;
      done = true;
      clearTimeout(watchdog);
      resolve({ job, results, ...o });
    };
    // the first case also pays for starting the process and loading the modules
    let watchdog = setTimeout(onHang, limit + 20_000);
    function onHang() {
      const seed = job.seed + results.length;
      child.kill('SIGKILL');
      finish({ hung: { seed, afterMs: limit } });
    }
    child.on('message', (m: FuzzResult) => {
      results.push(m);
      clearTimeout(watchdog);
      watchdog = setTimeout(onHang, limit);
    });
    child.on('exit', (code, signal) => {
      finish(
        results.length === job.count
          ? {}
          : { exit: `exited (${code ?? signal}) after ${results.length} cases: ${stderr}` },
      );
    });
  });
}

describe('fuzz: damaged .docx, .xlsx and PDF files', () => {
  it(
    'end in a RawDocument or an ImportError naming the file, each within its time bound',
    { timeout: 240_000 },
    async () => {
      const outcomes = await Promise.all(jobs.map(runJob));
      let total = 0;
      for (const o of outcomes) {
        const count = (k: FuzzResult['outcome']) => o.results.filter((r) => r.outcome === k).length;
        const slowest = Math.max(0, ...o.results.map((r) => r.ms));
        total += o.results.length;
        console.log(
          `fuzz ${o.job.name}: ${o.results.length} cases — ${count('document')} documents, ` +
            `${count('import-error')} ImportErrors, ${count('crash')} crashes; slowest ${slowest.toFixed(0)} ms`,
        );
      }
      for (const o of outcomes) {
        expect(o.hung, `${o.job.name}: case with seed ${o.hung?.seed} did not finish`).toBeUndefined();
        expect(o.exit, `${o.job.name}: runner ${o.exit}`).toBeUndefined();
        const crashes = o.results.filter((r) => r.outcome === 'crash');
        expect(crashes.map((c) => `seed ${c.seed}: ${c.detail}`)).toEqual([]);
        const slow = o.results.filter((r) => r.ms > CASE_LIMIT_MS[o.job.format]);
        expect(slow.map((s) => `seed ${s.seed}: ${s.ms.toFixed(0)} ms`)).toEqual([]);
        // the mutations are not all fatal: some damaged files still read
        expect(o.results.some((r) => r.outcome === 'document')).toBe(true);
        expect(o.results.some((r) => r.outcome === 'import-error')).toBe(true);
      }
      expect(total).toBeGreaterThanOrEqual(2000);
    },
  );
});
