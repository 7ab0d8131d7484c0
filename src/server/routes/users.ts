/** Users and their roles: managed by admins within their bureau. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Organisation, Role, User } from '../../store/index.js';
import { hashPassword, passwordProblem } from '../auth/password.js';
import { ROLE_LABELS } from '../authz.js';
import type { AppContext, AppEnv } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { authorize, deps } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { idParams, idSchema, jsonBody, jsonResponse, userSchema } from '../schemas.js';
import { publicUser } from './auth.js';

const TAG = ['用户'];
const roleEnum = z.enum(['preparer', 'unitApprover', 'reviewer', 'admin']);

/** Unit roles belong to a unit; bureau roles to a bureau or department. */
export function roleFitsOrganisation(role: Role, org: Organisation): boolean {
  return role === 'preparer' || role === 'unitApprover' ? org.kind === 'unit' : org.kind !== 'unit';
}

function misfit(role: Role, org: Organisation) {
  const where = role === 'preparer' || role === 'unitApprover' ? '预算单位' : '财政局或主管部门';
  return badRequest(`${ROLE_LABELS[role]}应属于${where}，而“${org.name}”不是`, {
    issues: [{ path: 'organisationId', message: `${ROLE_LABELS[role]}应属于${where}` }],
  });
}

async function organisationFor(c: AppContext, id: string): Promise<Organisation> {
  const org = await deps(c).store.organisations.get(id);
  if (!org) throw badRequest('机构不存在', { issues: [{ path: 'organisationId', message: '机构不存在' }] });
  return org;
}

/** A user the admin may manage (404 unknown, 403 outside their bureau). */
async function managedUser(c: AppContext, id: string): Promise<{ admin: User; target: User }> {
  const target = await deps(c).store.users.get(id);
  if (!target) throw notFound('该用户');
  const admin = await authorize(c, 'user.manage', target.organisationId);
  return { admin, target: publicUser(target) };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags: TAG,
  summary: '用户列表',
  request: { query: z.object({ organisationId: idSchema.optional(), role: roleEnum.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(userSchema) }), '按用户名排序'), ...ERROR_RESPONSES },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags: TAG,
  summary: '新建用户',
  request: {
    body: jsonBody(
      z
        .object({
          username: z
            .string()
            .trim()
            .min(2)
            .max(64)
            .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -'),
          displayName: z.string().trim().min(1).max(100),
          password: z.string().min(1).max(200),
          role: roleEnum,
          organisationId: idSchema,
        })
        .openapi('NewUser'),
    ),
  },
  responses: { 201: jsonResponse(userSchema, '已创建'), ...ERROR_RESPONSES },
});

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags: TAG,
  summary: '修改用户（姓名、角色、机构、停用）',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({
        displayName: z.string().trim().min(1).max(100).optional(),
        role: roleEnum.optional(),
        organisationId: idSchema.optional(),
        disabled: z.boolean().optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(userSchema, '已修改'), ...ERROR_RESPONSES },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/password',
  tags: TAG,
  summary: '重置密码',
  description: '管理员为用户设置新密码；该用户的所有会话失效。',
  request: { params: idParams, body: jsonBody(z.object({ newPassword: z.string().min(1).max(200) })) },
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), '已重置'), ...ERROR_RESPONSES },
});

export function registerUsers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const admin = await authorize(c, 'user.read', q.organisationId ?? null);
    const store = deps(c).store;
    const tree = await store.organisations.tree(admin.organisationId);
    const inScope = new Set<string>();
    const walk = (nodes: { id: string; children: { id: string; children: unknown[] }[] }[]): void => {
      for (const n of nodes) {
        inScope.add(n.id);
        walk(n.children as { id: string; children: { id: string; children: unknown[] }[] }[]);
      }
    };
    walk(tree);
    const users = await store.users.list({
      ...(q.organisationId ? { organisationId: q.organisationId } : {}),
      ...(q.role ? { role: q.role } : {}),
    });
    return c.json({ items: users.filter((u) => inScope.has(u.organisationId)).map(publicUser) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json');
    const org = await organisationFor(c, body.organisationId);
    const admin = await authorize(c, 'user.manage', org.id);
    if (!roleFitsOrganisation(body.role, org)) throw misfit(body.role, org);
    const problem = passwordProblem(body.password, body.username);
    if (problem) throw badRequest(problem, { issues: [{ path: 'password', message: problem }] });
    const d = deps(c);
    const passwordHash = await hashPassword(body.password, d.scrypt);
    const user = await d.store.transaction(async (tx) => {
      const created = await tx.users.create({
        username: body.username,
        displayName: body.displayName,
        passwordHash,
        role: body.role,
        organisationId: org.id,
      });
      await tx.audit.append({
        actorId: admin.id,
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        details: { username: created.username, role: created.role, organisationId: org.id },
      });
      return created;
    });
    return c.json(publicUser(user), 201);
  });

  app.openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { admin, target } = await managedUser(c, id);
    const org = body.organisationId ? await organisationFor(c, body.organisationId) : undefined;
    if (org) await authorize(c, 'user.manage', org.id);
    const finalOrg = org ?? (await organisationFor(c, target.organisationId));
    const role = body.role ?? target.role;
    if (!roleFitsOrganisation(role, finalOrg)) throw misfit(role, finalOrg);
    if (admin.id === id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
      throw badRequest('不能停用自己或取消自己的管理员角色');
    }
    const store = deps(c).store;
    const updated = await store.transaction(async (tx) => {
      const changes = {
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.role !== undefined ? { role: body.role } : {}),
        ...(body.organisationId !== undefined ? { organisationId: body.organisationId } : {}),
      };
      let u = Object.keys(changes).length > 0 ? await tx.users.update(id, changes) : target;
      if (body.disabled !== undefined) {
        await tx.users.setDisabled(id, body.disabled);
        u = { ...u, disabled: body.disabled };
      }
      // a changed role, organisation or a disabled account: the user logs in again
      if (body.disabled || body.role !== undefined || body.organisationId !== undefined)
        await tx.sessions.deleteForUser(id);
      await tx.audit.append({
        actorId: admin.id,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        details: { ...changes, ...(body.disabled !== undefined ? { disabled: body.disabled } : {}) },
      });
      return u;
    });
    return c.json(publicUser(updated), 200);
  });

  app.openapi(resetRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { newPassword } = c.req.valid('json');
    const { admin, target } = await managedUser(c, id);
    const problem = passwordProblem(newPassword, target.username);
    if (problem) throw badRequest(problem, { issues: [{ path: 'newPassword', message: problem }] });
    const d = deps(c);
    const hash = await hashPassword(newPassword, d.scrypt);
    await d.store.transaction(async (tx) => {
      await tx.users.setPassword(id, hash);
      await tx.sessions.deleteForUser(id);
      await tx.audit.append({ actorId: admin.id, action: 'user.passwordReset', entityType: 'user', entityId: id });
    });
    return c.json({ ok: true }, 200);
  });
}
