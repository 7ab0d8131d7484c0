/**
 * `jixiao serve`: the HTTP API (and the web app when built) on a port. Opens the database (SQLite file by default,
 * PostgreSQL for a postgres:// URL), runs the migrations, seeds the demo data set into an empty database, prints
 * the demo logins, and shuts down gracefully on SIGINT/SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { PdfPrinter } from '../formats/export.js';
import { getProfile, profiles } from '../rules/index.js';
import { createApp } from '../server/app.js';
import { ROLE_LABELS } from '../server/authz.js';
import { demoLogins, isEmpty, seedDemo } from '../server/demo.js';
import type { DemoLogin } from '../server/landing.js';
import { openStore, type Store } from '../store/index.js';
import { CliError } from './errors.js';

export const DEFAULT_DB = './data/jixiao.sqlite';
export const DEFAULT_PORT = 3000;
/** The built web app (another package builds it); served at / when present. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface ServeOptions {
  port?: number;
  host?: string;
  /** SQLite file, ':memory:' or postgres:// URL; default $JIXIAO_DATABASE_URL, else ./data/jixiao.sqlite */
  db?: string;
  /** seed the demo data set into an empty database (default true) */
  demo?: boolean;
  /** rule profile for evaluations that name none */
  profile?: string;
  /** 'auto' | 'always' | 'never' */
  secureCookies?: string;
  trustProxy?: boolean;
  /** where to print (default stdout) */
  print?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  logins: DemoLogin[];
  /** stop accepting, finish requests in flight (at most `graceMs`), close the database and the browser */
  close(graceMs?: number): Promise<void>;
}

function secureOption(value: string | undefined): boolean | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'always' || value === 'true') return true;
  if (value === 'never' || value === 'false') return false;
  throw new CliError(`--secure-cookies 应为 auto、always 或 never，收到：${value}`);
}

/** Where the database is, with any password in a URL masked (for printing). */
export function describeLocation(location: string): string {
  return location.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** Start the server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const location = options.db ?? process.env['JIXIAO_DATABASE_URL'] ?? DEFAULT_DB;
  if (options.profile !== undefined && !getProfile(options.profile)) {
    throw new CliError(`未知的规则配置“${options.profile}”。可用的配置：${profiles.map((p) => p.id).join('、')}`);
  }
  const secureCookies = secureOption(options.secureCookies);
  let store: Store;
  try {
    store = await openStore(location);
  } catch (e) {
    throw new CliError(`无法打开数据库 ${describeLocation(location)}：${e instanceof Error ? e.message : String(e)}`);
  }
  let logins: DemoLogin[];
  if (options.demo !== false && (await isEmpty(store))) {
    print(`数据库为空，正在写入演示数据……`);
    ({ logins } = await seedDemo(store, { log: print }));
  } else {
    logins = await demoLogins(store);
  }
  const printer = new PdfPrinter();
  const app = createApp({
    store,
    printer,
    secureCookies,
    trustProxy: options.trustProxy ?? false,
    staticDir: WEB_DIST,
    landing: { demoLogins: logins },
    ...(options.profile !== undefined ? { defaultProfile: options.profile } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new CliError(
          e.code === 'EADDRINUSE'
            ? `端口 ${options.port ?? DEFAULT_PORT} 已被占用，请用 --port 换一个端口`
            : `无法启动服务：${e.message}`,
        ),
      ),
    );
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}/`;

  print(`jixiao 服务已启动：${url}`);
  print(`数据库：${describeLocation(location)}（${store.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'}）`);
  print(`接口说明：${url}openapi.json`);
  if (logins.length > 0) {
    print('演示账号（密码均为 ' + logins[0]!.password + '）：');
    for (const l of logins) print(`  ${ROLE_LABELS[l.role]}\t${l.username}\t${l.organisation}`);
  }

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000): Promise<void> => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await printer.close().catch(() => undefined);
      await store.close();
    })();
    return closing;
  };
  return { url, port, store, logins, close };
}

/** The `serve` command: start, then stop cleanly on SIGINT/SIGTERM. */
export async function serveCommand(options: ServeOptions): Promise<void> {
  const running = await startServer(options);
  const stop = (signal: NodeJS.Signals): void => {
    process.stdout.write(`\n收到 ${signal}，正在停止服务……\n`);
    running.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`停止服务时出错：${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
