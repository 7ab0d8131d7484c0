/**
 * What every route handler gets: the request's user and session (set by the auth middleware) and the server's
 * dependencies (store, clock, limits, rule profile).
 */
import type { Context } from 'hono';
import type { PdfPrinter } from '../formats/export.js';
import type { RuleProfile } from '../rules/types.js';
import type { Session, Store, User } from '../store/index.js';
import type { ScryptParams } from './auth/password.js';
import type { FailureLimiter } from './auth/rate-limit.js';
import type { SessionCookieOptions } from './auth/session.js';
import type { VersionCache } from './version-cache.js';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ServerDeps {
  store: Store;
  now: () => Date;
  sessions: SessionCookieOptions;
  loginLimiter: FailureLimiter;
  scrypt: ScryptParams;
  /** bytes an uploaded report may have */
  maxUploadBytes: number;
  /** bytes a JSON request body may have */
  maxJsonBytes: number;
  /** the rule profile for evaluations that name none (or an unknown one) */
  defaultProfile: RuleProfile;
  printer?: PdfPrinter;
  log: Logger;
  /** the client's address (rate limiting, audit) */
  clientIp: (c: Context<AppEnv>) => string;
  /** serialised versions (immutable, so never stale) */
  versions: VersionCache;
}

export interface AppVariables {
  deps: ServerDeps;
  user: User | undefined;
  session: Session | undefined;
}

export type AppEnv = { Variables: AppVariables };
export type AppContext = Context<AppEnv>;
