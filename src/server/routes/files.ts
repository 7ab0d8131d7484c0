/** The original uploaded report files of an evaluation. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { authorizeEvaluation, deps, requireUser } from '../guard.js';
import { bodyOf, contentDisposition } from '../http.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { fileMetaSchema, idParams, jsonResponse } from '../schemas.js';

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/files',
  tags: ['文件'],
  summary: '上传的原始文件',
  request: { params: idParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(fileMetaSchema) }), '最新的在前'), ...ERROR_RESPONSES },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/files/{id}',
  tags: ['文件'],
  summary: '下载原始文件',
  request: { params: idParams },
  responses: {
    200: {
      description: '原文件',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...ERROR_RESPONSES,
  },
});

export function registerFiles(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const { id } = c.req.valid('param');
    await authorizeEvaluation(c, id, 'evaluation.read');
    return c.json({ items: await deps(c).store.files.listForEvaluation(id) }, 200);
  });

  app.openapi(downloadRoute, async (c) => {
    const { id } = c.req.valid('param');
    const store = deps(c).store;
    const meta = await store.files.getMeta(id);
    if (!meta) throw notFound('该文件');
    if (meta.evaluationId) await authorizeEvaluation(c, meta.evaluationId, 'evaluation.read');
    else if (meta.uploadedBy !== requireUser(c).id) throw forbidden('只能下载自己上传的文件');
    const file = await store.files.get(id);
    if (!file) throw notFound('该文件');
    return new Response(bodyOf(file.bytes), {
      status: 200,
      headers: {
        // never let a browser render an uploaded file as a page of ours
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': contentDisposition(file.fileName, 'report'),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  });
}
