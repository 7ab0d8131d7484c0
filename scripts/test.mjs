#!/usr/bin/env node
// `npm test`: lint, typecheck and format check, then every vitest test; ends with the plain line
// "N passed, N failed[, N skipped]" that CI reads. Exits non-zero when any step fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const steps = [
  ['eslint', [bin('eslint'), '.']],
  ['typecheck', [bin('tsc'), '--noEmit']],
  ['typecheck web', [bin('tsc'), '--noEmit', '-p', 'web/tsconfig.json']],
  ['format', [bin('prettier'), '--check', '.', '--log-level', 'warn']],
];
let failedSteps = 0;
for (const [name, [cmd, ...args]] of steps) {
  process.stdout.write(`== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    failedSteps++;
    process.stdout.write(`== ${name} failed\n`);
  }
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
process.stdout.write('== vitest\n');
const extra = process.argv.slice(2);
const v = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  {
    stdio: 'inherit',
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // a test file that failed to load has no failed tests of its own: count it as one failure
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed = (json.numFailedTests ?? 0) + brokenFiles;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  failed = 1;
}
failed += failedSteps;
if (v.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 ? 1 : 0);
