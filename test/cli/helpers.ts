import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED_TXT = `${SHARED}seed/beita-rongmeiti-2023.txt`;
export const HAVE_SHARED = existsSync(SEED_TXT);
export const DEMO_TXT = `${REPO}examples/shili-rongmeiti-2024.txt`;

if (!HAVE_SHARED) console.warn(`[skip] ../shared is absent (${SHARED}): tests on the real seed report are skipped`);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real `jixiao` executable (bin/jixiao.js) as a user would. */
export function jixiao(args: string[], opts: { cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${REPO}bin/jixiao.js`, ...args], {
      cwd: opts.cwd ?? REPO,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
