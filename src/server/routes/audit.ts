/** The append-only audit log, for admins. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { authorize, deps } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { auditEntrySchema, idSchema, jsonResponse } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/api/audit',
  tags: ['审计'],
  summary: '审计日志',
  request: {
    query: z.object({
      actorId: idSchema.optional(),
      action: z.string().max(100).optional(),
      entityType: z.string().max(50).optional(),
      since: z.string().datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(auditEntrySchema) }), '最新的在前'), ...ERROR_RESPONSES },
});

export function registerAudit(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await authorize(c, 'audit.read');
    const q = c.req.valid('query');
    const items = await deps(c).store.audit.list({
      limit: q.limit,
      offset: q.offset,
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.entityType ? { entityType: q.entityType } : {}),
      ...(q.since ? { since: new Date(q.since).toISOString() } : {}),
    });
    return c.json({ items }, 200);
  });
}
