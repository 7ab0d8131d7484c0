/**
 * End-to-end harness: build the web app when its build is missing or older than its sources, start the real
 * server (`src/cli/run.ts serve`) on a temporary SQLite file and a free port as a child process, and drive Debian's
 * Chromium with playwright-core. Screenshots go to .tmp/screens/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENS = path.join(REPO, '.tmp/screens');
export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** What the web app is built from (the pure core is bundled too). */
const WEB_SOURCES = [
  'web/src',
  'web/index.html',
  'web/vite.config.ts',
  'src/model',
  'src/rules',
  'src/scoring',
  'src/checks',
];

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

/** Build web/dist with vite unless it is newer than every source; returns whether it built and how long it took. */
export function ensureWebBuild(): { built: boolean; ms: number } {
  const index = path.join(REPO, 'web/dist/index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const changedAt = Math.max(...WEB_SOURCES.map((s) => newest(path.join(REPO, s))));
  if (builtAt > changedAt) return { built: false, ms: 0 };
  const t0 = Date.now();
  const r = spawnSync(
    path.join(REPO, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: REPO,
      encoding: 'utf8',
      // vitest sets NODE_ENV=test, which would give a development build of React and antd
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  return { built: true, ms: Date.now() - t0 };
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Start `jixiao serve` on a fresh SQLite file and a free port; resolves with its URL once it listens. */
export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-e2e-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', 'serve', '--port', '0', '--db', path.join(dir, 'e2e.sqlite')],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${out}`)), 60_000);
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = /jixiao 服务已启动：(http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // launch() gives every run a fresh temporary profile (user data dir), removed on close
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** A fresh context (own cookies) with a page that records console errors and page errors. */
export async function newPage(
  browser: Browser,
  viewport: { width: number; height: number } = VIEWPORTS[0],
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 401 on the first session probe is how the app learns it is logged out
    // (antd's deprecation notices are not errors of the app)
    if (m.type() === 'error' && !/status of 401|\[antd: \w+\] `\w+` is deprecated/.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });
  return { context, page, errors };
}

export const DEMO_PASSWORD = 'jixiao-demo';

/** Log in through the login form; resolves once the role's home is shown. */
export async function login(page: Page, base: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/(unit|bureau)(\/|$)/);
}

/** Screenshots of the current page at each viewport (full page), back to the first viewport afterwards. */
export async function screenshots(page: Page, name: string, settle = 400): Promise<string[]> {
  mkdirSync(SCREENS, { recursive: true });
  const files: string[] = [];
  const original = page.viewportSize();
  for (const v of VIEWPORTS) {
    await page.setViewportSize(v);
    await page.waitForTimeout(settle);
    const file = path.join(SCREENS, `${name}-${v.width}x${v.height}.png`);
    await page.screenshot({ path: file });
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}
