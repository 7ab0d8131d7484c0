/**
 * The HTTP API: `createApp({ store, … })` builds the Hono app (routes under /api, the OpenAPI document at
 * /openapi.json, the web app or a small landing page at /). No socket here: tests call `app.request()`, and
 * src/cli/serve.ts puts it on a port.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { PdfPrinter } from '../formats/export.js';
import { DEFAULT_PROFILE_ID, getProfile, national2020 } from '../rules/index.js';
import type { RuleProfile } from '../rules/types.js';
import type { Store } from '../store/index.js';
import { DEFAULT_SCRYPT, type ScryptParams } from './auth/password.js';
import { DEFAULT_LOGIN_LIMIT, FailureLimiter, type RateLimitOptions } from './auth/rate-limit.js';
import {
  CSRF_HEADER,
  DEFAULT_SESSION_OPTIONS,
  readSessionToken,
  safeEqual,
  sessionIdOf,
  setSessionCookies,
  type SessionCookieOptions,
} from './auth/session.js';
import type { AppContext, AppEnv, Logger, ServerDeps } from './context.js';
import { ApiError, errorResponse, makeErrorHandler, unauthenticated } from './errors.js';
import { landingPage, type LandingInfo } from './landing.js';
import { registerDocument, router } from './openapi.js';
import { registerAudit } from './routes/audit.js';
import { registerAuth } from './routes/auth.js';
import { registerBureau } from './routes/bureau.js';
import { registerComments } from './routes/comments.js';
import { registerEvaluations } from './routes/evaluations.js';
import { registerFiles } from './routes/files.js';
import { registerOrganisations } from './routes/organisations.js';
import { registerPublic } from './routes/public.js';
import { registerReviews } from './routes/reviews.js';
import { registerTasks } from './routes/tasks.js';
import { registerUsers } from './routes/users.js';
import { registerWorkflow } from './routes/workflow.js';
import { VersionCache } from './version-cache.js';

// every validation message the API returns is zh-CN
z.config(z.locales.zhCN());

export const API_VERSION = '1.0.0';

export interface CreateAppOptions {
  store: Store;
  /** Secure cookies: true behind https, false for plain http, 'auto' (default) from the request's scheme */
  secureCookies?: boolean | 'auto';
  /** trust X-Forwarded-For / X-Forwarded-Proto (behind a reverse proxy) */
  trustProxy?: boolean;
  /** idle session lifetime in seconds (default 8 h) */
  sessionTtlSeconds?: number;
  /** login rate limit (default 5 failures per minute per username + IP) */
  loginLimit?: RateLimitOptions;
  /** largest uploaded report in bytes (default 20 MB) */
  maxUploadBytes?: number;
  /** largest JSON request body in bytes (default 10 MB) */
  maxJsonBytes?: number;
  /** memory for serialised evaluation versions, in bytes (default 64 MB; 0 turns the cache off) */
  versionCacheBytes?: number;
  /** rule profile id for evaluations that name none (default national-2020) */
  defaultProfile?: string;
  /** scrypt cost for new password hashes */
  scrypt?: ScryptParams;
  /** a warm Chromium for PDF exports (the caller closes it) */
  printer?: PdfPrinter;
  /** the built web app; served at / when the folder exists */
  staticDir?: string;
  /** what the landing page at / lists when there is no web app (demo logins) */
  landing?: LandingInfo;
  logger?: Logger;
  now?: () => Date;
}

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_JSON_BYTES = 10 * 1024 * 1024;

const consoleLogger: Logger = {
  info: (m) => console.log(m),
  error: (m, e) => console.error(m, e instanceof Error ? (e.stack ?? e.message) : (e ?? '')),
};

/** Paths under /api that need no login. */
function isPublicApi(pathname: string): boolean {
  return (
    pathname === '/api/auth/login' ||
    pathname === '/api/health' ||
    pathname === '/api/public' ||
    pathname.startsWith('/api/public/')
  );
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function clientIpFor(trustProxy: boolean): (c: AppContext) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'local';
    }
  };
}

/** Session cookie → user; CSRF on unsafe methods; 401 for anonymous requests to non-public API paths. */
function authMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const d = c.get('deps');
    const pathname = new URL(c.req.url).pathname;
    const token = readSessionToken(c);
    if (token) {
      const now = d.now();
      const found = await d.store.sessions.getValid(sessionIdOf(token), now.toISOString());
      if (found) {
        c.set('user', found.user);
        c.set('session', found.session);
        // sliding expiry, written at most once per half lifetime
        const remaining = Date.parse(found.session.expiresAt) - now.getTime();
        if (remaining < (d.sessions.ttlSeconds * 1000) / 2) {
          const expiresAt = new Date(now.getTime() + d.sessions.ttlSeconds * 1000).toISOString();
          await d.store.sessions.extend(found.session.id, expiresAt);
          c.set('session', { ...found.session, expiresAt });
          setSessionCookies(c, token, found.session.csrfToken, d.sessions);
        }
      }
    }
    const session = c.get('session');
    if (session && UNSAFE.has(c.req.method) && pathname !== '/api/auth/login') {
      const sent = c.req.header(CSRF_HEADER) ?? '';
      if (!safeEqual(sent, session.csrfToken)) {
        return errorResponse(
          c,
          new ApiError(403, 'csrf', `缺少或错误的 ${CSRF_HEADER} 请求头（CSRF 防护）；请刷新页面或重新登录后再试`),
        );
      }
    }
    if (!session && !isPublicApi(pathname)) return errorResponse(c, unauthenticated());
    await next();
  };
}

/** Upload routes take multipart bodies up to maxUploadBytes; every other unsafe request JSON up to maxJsonBytes. */
function bodyLimits(d: ServerDeps): MiddlewareHandler<AppEnv> {
  const tooLarge = (limit: number, what: string) => () => {
    throw new ApiError(413, 'payload_too_large', `${what}超过上限 ${formatBytes(limit)}`, { limit });
  };
  const upload = bodyLimit({ maxSize: d.maxUploadBytes, onError: tooLarge(d.maxUploadBytes, '上传的文件') });
  const json = bodyLimit({ maxSize: d.maxJsonBytes, onError: tooLarge(d.maxJsonBytes, '请求正文') });
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const pathname = new URL(c.req.url).pathname;
    return /\/import$/.test(pathname) ? upload(c, next) : json(c, next);
  };
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Build the app. */
export function createApp(options: CreateAppOptions): OpenAPIHono<AppEnv> {
  const profile: RuleProfile = getProfile(options.defaultProfile ?? DEFAULT_PROFILE_ID) ?? national2020;
  if (options.defaultProfile && profile.id !== options.defaultProfile) {
    throw new Error(`未知的规则配置：${options.defaultProfile}`);
  }
  const sessions: SessionCookieOptions = {
    ...DEFAULT_SESSION_OPTIONS,
    secure: options.secureCookies ?? DEFAULT_SESSION_OPTIONS.secure,
    trustProxy: options.trustProxy ?? false,
    ttlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_OPTIONS.ttlSeconds,
  };
  const log = options.logger ?? consoleLogger;
  const deps: ServerDeps = {
    store: options.store,
    now: options.now ?? (() => new Date()),
    sessions,
    loginLimiter: new FailureLimiter(options.loginLimit ?? DEFAULT_LOGIN_LIMIT),
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxJsonBytes: options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    defaultProfile: profile,
    log,
    clientIp: clientIpFor(options.trustProxy ?? false),
    versions: new VersionCache(options.versionCacheBytes),
  };
  if (options.printer) deps.printer = options.printer;

  const app = router();
  app.onError(makeErrorHandler((m, e) => log.error(m, e)));
  app.notFound((c) =>
    errorResponse(c, new ApiError(404, 'not_found', `没有这个接口：${c.req.method} ${new URL(c.req.url).pathname}`)),
  );

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('user', undefined);
    c.set('session', undefined);
    await next();
  });
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use('/api/*', authMiddleware());
  app.use('/api/*', bodyLimits(deps));

  app.get('/api/health', (c) => c.json({ ok: true, dialect: deps.store.dialect }));
  registerAuth(app);
  registerEvaluations(app);
  registerWorkflow(app);
  registerComments(app);
  registerReviews(app);
  registerFiles(app);
  registerTasks(app);
  registerBureau(app);
  registerOrganisations(app);
  registerUsers(app);
  registerAudit(app);
  registerPublic(app);
  registerDocument(app, API_VERSION);

  const staticDir = options.staticDir;
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), staticDir) || '.';
    app.use('/*', serveStatic({ root }));
    // single-page app: unknown non-API paths get index.html
    app.get('*', async (c, next) => {
      if (c.req.path.startsWith('/api/')) return next();
      return serveStatic({ root, path: 'index.html' })(c, next);
    });
  } else {
    app.get('/', (c) => c.html(landingPage(options.landing ?? {})));
  }
  return app;
}
