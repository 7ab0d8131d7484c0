/** Login, logout, the current session and password change. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ACTIONS, holds } from '../authz.js';
import { burnVerification, hashPassword, needsRehash, passwordProblem, verifyPassword } from '../auth/password.js';
import { FailureLimiter } from '../auth/rate-limit.js';
import { clearSessionCookies, randomToken, sessionIdOf, setSessionCookies } from '../auth/session.js';
import type { AppContext, AppEnv } from '../context.js';
import { ApiError, badRequest, unauthenticated } from '../errors.js';
import { deps, requireUser } from '../guard.js';
import { ERROR_RESPONSES, RATE_LIMIT_RESPONSE } from '../openapi.js';
import { jsonBody, jsonResponse, organisationSchema, userSchema } from '../schemas.js';
import type { Organisation, User } from '../../store/index.js';

const sessionInfoSchema = z
  .object({
    user: userSchema,
    organisation: organisationSchema.nullable(),
    csrfToken: z.string(),
    expiresAt: z.string(),
    /** the actions the user's role holds (authz.ts), for the UI to show or hide */
    permissions: z.array(z.string()),
  })
  .openapi('SessionInfo');

async function sessionInfo(c: AppContext, user: User, csrfToken: string, expiresAt: string) {
  const organisation: Organisation | null = (await deps(c).store.organisations.get(user.organisationId)) ?? null;
  return {
    user: publicUser(user),
    organisation,
    csrfToken,
    expiresAt,
    permissions: ACTIONS.filter((a) => holds(user.role, a)),
  };
}

/** A user without the password hash. */
export function publicUser(u: User): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organisationId: u.organisationId,
    createdAt: u.createdAt,
    disabled: u.disabled,
  };
}

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['登录'],
  summary: '登录',
  description:
    '用户名 + 密码登录；成功后设置 httpOnly 会话 Cookie，并返回 csrfToken。同一用户名与 IP 每分钟失败 5 次后返回 429。',
  security: [],
  request: {
    body: jsonBody(
      z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).openapi('Login'),
    ),
  },
  responses: {
    200: jsonResponse(sessionInfoSchema, '已登录'),
    ...ERROR_RESPONSES,
    ...RATE_LIMIT_RESPONSE,
  },
});

const sessionRoute = createRoute({
  method: 'get',
  path: '/api/session',
  tags: ['登录'],
  summary: '当前会话',
  responses: { 200: jsonResponse(sessionInfoSchema, '当前用户与 csrfToken'), 401: ERROR_RESPONSES[401] },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['登录'],
  summary: '退出登录',
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), '已退出'), ...ERROR_RESPONSES },
});

const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['登录'],
  summary: '修改密码',
  description: '验证当前密码后设置新密码；该用户的其他会话全部失效。',
  request: {
    body: jsonBody(
      z
        .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
        .openapi('PasswordChange'),
    ),
  },
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), '已修改'), ...ERROR_RESPONSES },
});

function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function registerAuth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loginRoute, async (c) => {
    const d = deps(c);
    const { username, password } = c.req.valid('json');
    const ip = d.clientIp(c);
    const key = FailureLimiter.loginKey(username, ip);
    const decision = d.loginLimiter.check(key);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);

    const user = await d.store.users.getByUsername(username);
    const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnVerification(password), false);
    if (!user || !ok) {
      d.loginLimiter.fail(key);
      await d.store.audit.append({
        actorId: null,
        action: 'user.loginFailed',
        entityType: 'user',
        entityId: user?.id ?? null,
        details: { username, ip },
      });
      throw unauthenticated('用户名或密码错误');
    }
    if (user.disabled) throw new ApiError(403, 'forbidden', '该账号已停用，请联系管理员');
    d.loginLimiter.reset(key);
    if (needsRehash(user.passwordHash, d.scrypt)) {
      await d.store.users.setPassword(user.id, await hashPassword(password, d.scrypt));
    }
    const now = d.now();
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(now.getTime() + d.sessions.ttlSeconds * 1000).toISOString();
    await d.store.sessions.create({
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      createdAt: now.toISOString(),
    });
    await d.store.sessions.deleteExpired(now.toISOString());
    await d.store.audit.append({
      actorId: user.id,
      action: 'user.login',
      entityType: 'user',
      entityId: user.id,
      details: { ip },
    });
    setSessionCookies(c, token, csrfToken, d.sessions);
    return c.json(await sessionInfo(c, user, csrfToken, expiresAt), 200);
  });

  app.openapi(sessionRoute, async (c) => {
    const user = requireUser(c);
    const session = c.get('session');
    if (!session) throw unauthenticated();
    return c.json(await sessionInfo(c, user, session.csrfToken, session.expiresAt), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const d = deps(c);
    const user = requireUser(c);
    const session = c.get('session');
    if (session) await d.store.sessions.delete(session.id);
    await d.store.audit.append({ actorId: user.id, action: 'user.logout', entityType: 'user', entityId: user.id });
    clearSessionCookies(c, d.sessions);
    return c.json({ ok: true }, 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const d = deps(c);
    const user = requireUser(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const key = FailureLimiter.loginKey(user.username, d.clientIp(c));
    const decision = d.loginLimiter.check(key);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    const stored = await d.store.users.get(user.id);
    if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
      d.loginLimiter.fail(key);
      throw badRequest('当前密码不正确', { issues: [{ path: 'currentPassword', message: '当前密码不正确' }] });
    }
    const problem = passwordProblem(newPassword, user.username);
    if (problem) throw badRequest(problem, { issues: [{ path: 'newPassword', message: problem }] });
    if (newPassword === currentPassword) {
      throw badRequest('新密码不能与当前密码相同', {
        issues: [{ path: 'newPassword', message: '新密码不能与当前密码相同' }],
      });
    }
    await d.store.users.setPassword(user.id, await hashPassword(newPassword, d.scrypt));
    const session = c.get('session');
    await d.store.sessions.deleteForUser(user.id, session?.id);
    await d.store.audit.append({
      actorId: user.id,
      action: 'user.passwordChange',
      entityType: 'user',
      entityId: user.id,
    });
    return c.json({ ok: true }, 200);
  });
}
