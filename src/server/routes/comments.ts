/** Comments pinned to a field of an evaluation (FieldPath), by the unit or the bureau. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { evaluationSchema } from '../../model/index.js';
import type { AppEnv } from '../context.js';
import { notFound } from '../errors.js';
import { authorizeEvaluation, deps } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { commentSchema, idParams, jsonBody, jsonResponse } from '../schemas.js';

const TOP_LEVEL = new Set(Object.keys(evaluationSchema.shape));

/** A FieldPath (`selfEvaluation.indicators.3.actual`, brackets accepted) into a known top-level field; '' = the whole. */
export const fieldPathSchema = z
  .string()
  .max(300)
  .refine((p) => p === '' || (/^[A-Za-z_]\w*(?:\.\w+|\[\d+\])*$/.test(p) && TOP_LEVEL.has(p.split(/[.[]/)[0] ?? '')), {
    message: '应为自评中的字段路径，如 selfEvaluation.indicators.3.actual；留空表示针对整份自评',
  })
  .openapi({ example: 'selfEvaluation.indicators.3.actual' });

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/comments',
  tags: ['批注'],
  summary: '批注列表',
  request: {
    params: idParams,
    query: z.object({
      includeResolved: z.enum(['true', 'false']).optional(),
      fieldPath: z.string().max(300).optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(commentSchema) }), '最早的在前'), ...ERROR_RESPONSES },
});

const createCommentRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/comments',
  tags: ['批注'],
  summary: '添加批注',
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({ fieldPath: fieldPathSchema.default(''), body: z.string().trim().min(1).max(5000) })
        .openapi('NewComment'),
    ),
  },
  responses: { 201: jsonResponse(commentSchema, '已添加（记在当前版本上）'), ...ERROR_RESPONSES },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/api/comments/{id}/resolve',
  tags: ['批注'],
  summary: '标记批注已处理',
  request: { params: idParams },
  responses: { 200: jsonResponse(commentSchema, '已处理'), ...ERROR_RESPONSES },
});

export function registerComments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    await authorizeEvaluation(c, id, 'comment.read');
    const items = await deps(c).store.comments.list(id, {
      includeResolved: q.includeResolved !== 'false',
      ...(q.fieldPath !== undefined ? { fieldPath: q.fieldPath } : {}),
    });
    return c.json({ items }, 200);
  });

  app.openapi(createCommentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { user, evaluation } = await authorizeEvaluation(c, id, 'comment.create');
    const store = deps(c).store;
    const comment = await store.transaction(async (tx) => {
      const created = await tx.comments.create({
        evaluationId: id,
        version: evaluation.currentVersion,
        fieldPath: body.fieldPath,
        body: body.body,
        authorId: user.id,
      });
      await tx.audit.append({
        actorId: user.id,
        action: 'comment.create',
        entityType: 'evaluation',
        entityId: id,
        details: { commentId: created.id, fieldPath: body.fieldPath },
      });
      return created;
    });
    return c.json(comment, 201);
  });

  app.openapi(resolveRoute, async (c) => {
    const { id } = c.req.valid('param');
    const store = deps(c).store;
    const comment = await store.comments.get(id);
    if (!comment) throw notFound('该批注');
    const { user } = await authorizeEvaluation(c, comment.evaluationId, 'comment.resolve');
    const resolved = await store.comments.resolve(id);
    await store.audit.append({
      actorId: user.id,
      action: 'comment.resolve',
      entityType: 'evaluation',
      entityId: comment.evaluationId,
      details: { commentId: id },
    });
    return c.json(resolved, 200);
  });
}
