#!/usr/bin/env node
// `npm start`: build the web app when web/dist is missing or older than its sources, then run `jixiao serve`
// (which serves web/dist and seeds the demo). Extra arguments go to `serve`: `npm start -- --port 3001`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const dist = path.join(root, 'web/dist/index.html');
// the web app bundles the pure core, so its sources count too
const sources = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'src/model',
  'src/rules',
  'src/scoring',
  'src/checks',
];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (builtAt < changedAt) {
  process.stdout.write(builtAt ? '网页端源码有更新，正在重新构建…\n' : '首次启动，正在构建网页端…\n');
  const b = spawnSync(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (b.status !== 0) {
    process.stderr.write('网页端构建失败，见上方输出\n');
    process.exit(b.status ?? 1);
  }
}

// run the server as a child; pass Ctrl+C / SIGTERM on so that it shuts down gracefully
const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/cli/run.ts', 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
