/**
 * Session tokens and cookies. The cookie holds a random token; the store keeps only its SHA-256 (a stolen
 * database does not yield live sessions). Each session has its own random CSRF token, returned at login and by
 * GET /api/session, and required in the X-CSRF-Token header on every unsafe request (see ../app.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'jixiao_session';
/** Readable by the page's script (not httpOnly): the double-submit copy of the CSRF token. */
export const CSRF_COOKIE = 'jixiao_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface SessionCookieOptions {
  /** Secure cookies: always, never, or when the request came over https ('auto', the default) */
  secure: boolean | 'auto';
  /** idle lifetime of a session in seconds (sliding) */
  ttlSeconds: number;
  /** honour X-Forwarded-Proto when deciding 'auto' (behind a TLS-terminating proxy) */
  trustProxy: boolean;
}

export const DEFAULT_SESSION_OPTIONS: SessionCookieOptions = {
  secure: 'auto',
  ttlSeconds: 8 * 3600,
  trustProxy: false,
};

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored session id for a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time string comparison (false for different lengths, which leaks only the length). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

function secureFor(c: Context, options: SessionCookieOptions): boolean {
  return options.secure === 'auto' ? isHttps(c, options.trustProxy) : options.secure;
}

export function readSessionToken(c: Context): string | undefined {
  const token = getCookie(c, SESSION_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** Set the session cookie (httpOnly, SameSite=Lax) and its CSRF companion. */
export function setSessionCookies(c: Context, token: string, csrfToken: string, options: SessionCookieOptions): void {
  const secure = secureFor(c, options);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: options.ttlSeconds,
  });
  setCookie(c, CSRF_COOKIE, csrfToken, {
    httpOnly: false,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: options.ttlSeconds,
  });
}

export function clearSessionCookies(c: Context, options: SessionCookieOptions): void {
  const secure = secureFor(c, options);
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
  deleteCookie(c, CSRF_COOKIE, { path: '/', secure, sameSite: 'Lax' });
}
