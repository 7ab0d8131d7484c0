/** The organisation tree (财政局 → 主管部门 → 预算单位): read by everyone for their part, managed by admins. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { OrganisationNode } from '../../store/index.js';
import type { AppEnv } from '../context.js';
import { badRequest } from '../errors.js';
import { authorize, authorizeOrganisation, deps, requireUser } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { idParams, idSchema, jsonBody, jsonResponse, organisationSchema } from '../schemas.js';

const TAG = ['机构'];

type NodeOut = z.infer<typeof organisationSchema> & { children: NodeOut[] };
const nodeSchema: z.ZodType<NodeOut> = organisationSchema
  .extend({ children: z.lazy(() => z.array(nodeSchema)) })
  .openapi('OrganisationNode') as z.ZodType<NodeOut>;

const treeRoute = createRoute({
  method: 'get',
  path: '/api/organisations',
  tags: TAG,
  summary: '机构树',
  description: '当前用户所在机构及其下级（单位用户只看到本单位）。',
  responses: { 200: jsonResponse(z.object({ items: z.array(nodeSchema) }), '机构树'), ...ERROR_RESPONSES },
});

const getOrgRoute = createRoute({
  method: 'get',
  path: '/api/organisations/{id}',
  tags: TAG,
  summary: '机构详情',
  request: { params: idParams },
  responses: {
    200: jsonResponse(organisationSchema.extend({ ancestors: z.array(organisationSchema) }), '机构及其上级'),
    ...ERROR_RESPONSES,
  },
});

const createOrgRoute = createRoute({
  method: 'post',
  path: '/api/organisations',
  tags: TAG,
  summary: '新建机构',
  description: '主管部门建在财政局下，预算单位建在主管部门或财政局下。',
  request: {
    body: jsonBody(
      z
        .object({
          kind: z.enum(['department', 'unit']),
          name: z.string().trim().min(1).max(200),
          code: z.string().trim().max(100).nullable().optional(),
          parentId: idSchema,
        })
        .openapi('NewOrganisation'),
    ),
  },
  responses: { 201: jsonResponse(organisationSchema, '已创建'), ...ERROR_RESPONSES },
});

const updateOrgRoute = createRoute({
  method: 'patch',
  path: '/api/organisations/{id}',
  tags: TAG,
  summary: '修改机构名称或编码',
  request: {
    params: idParams,
    body: jsonBody(
      z.object({
        name: z.string().trim().min(1).max(200).optional(),
        code: z.string().trim().max(100).nullable().optional(),
      }),
    ),
  },
  responses: { 200: jsonResponse(organisationSchema, '已修改'), ...ERROR_RESPONSES },
});

function strip(n: OrganisationNode): NodeOut {
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    code: n.code,
    parentId: n.parentId,
    createdAt: n.createdAt,
    children: n.children.map(strip),
  };
}

export function registerOrganisations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(treeRoute, async (c) => {
    const user = await authorize(c, 'organisation.read');
    const items = await deps(c).store.organisations.tree(user.organisationId);
    return c.json({ items: items.map(strip) }, 200);
  });

  app.openapi(getOrgRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { organisation } = await authorizeOrganisation(c, id, 'organisation.read');
    const ancestors = (await deps(c).store.organisations.ancestors(id)).slice(0, -1);
    return c.json({ ...organisation, ancestors }, 200);
  });

  app.openapi(createOrgRoute, async (c) => {
    const body = c.req.valid('json');
    const user = requireUser(c);
    const store = deps(c).store;
    const parent = await store.organisations.get(body.parentId);
    if (!parent) throw badRequest('上级机构不存在', { issues: [{ path: 'parentId', message: '上级机构不存在' }] });
    await authorize(c, 'organisation.manage', parent.id);
    const allowed = body.kind === 'department' ? parent.kind === 'bureau' : parent.kind !== 'unit';
    if (!allowed) {
      throw badRequest(body.kind === 'department' ? '主管部门只能建在财政局下' : '预算单位只能建在主管部门或财政局下', {
        issues: [{ path: 'parentId', message: '上级机构类型不符' }],
      });
    }
    const created = await store.transaction(async (tx) => {
      const org = await tx.organisations.create({
        kind: body.kind,
        name: body.name,
        code: body.code ?? null,
        parentId: parent.id,
      });
      await tx.audit.append({
        actorId: user.id,
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: org.id,
        details: { kind: org.kind, name: org.name, parentId: parent.id },
      });
      return org;
    });
    return c.json(created, 201);
  });

  app.openapi(updateOrgRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { user } = await authorizeOrganisation(c, id, 'organisation.manage');
    const store = deps(c).store;
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.code !== undefined ? { code: body.code } : {}),
    };
    const updated = await store.transaction(async (tx) => {
      const org = await tx.organisations.update(id, changes);
      await tx.audit.append({
        actorId: user.id,
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        details: changes,
      });
      return org;
    });
    return c.json(updated, 200);
  });
}
