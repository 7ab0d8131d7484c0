/** Disclosure (信息公开): published results and reports, no login. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { EXPORT_FORMATS } from '../../formats/export.js';
import { profileOf } from '../analysis.js';
import type { AppEnv } from '../context.js';
import { notFound } from '../errors.js';
import { deps } from '../guard.js';
import { ERROR_RESPONSES, UNAVAILABLE_RESPONSE } from '../openapi.js';
import { idParams, jsonResponse, kindSchema } from '../schemas.js';
import { exportResponse } from './evaluations.js';

const TAG = ['公开'];

const resultSchema = z
  .object({
    id: z.string(),
    unitName: z.string(),
    year: z.number().int(),
    kind: z.enum(['department', 'project']),
    projectName: z.string().nullable(),
    /** 自评总分 as the unit states it */
    total: z.string().nullable(),
    /** 按规则重算的总分 */
    recomputedTotal: z.string().nullable(),
    grade: z.string().nullable(),
    publishedAt: z.string(),
  })
  .openapi('PublicResult');

const listRoute = createRoute({
  method: 'get',
  path: '/api/public/results',
  tags: TAG,
  summary: '已公开的评价结果',
  security: [],
  request: {
    query: z.object({
      year: z.coerce.number().int().min(1990).max(2100).optional(),
      kind: kindSchema.optional(),
      search: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(resultSchema),
        total: z.number().int(),
        limit: z.number().int(),
        offset: z.number().int(),
      }),
      '按单位名称排序',
    ),
    400: ERROR_RESPONSES[400],
  },
});

const PUBLIC_FORMATS = EXPORT_FORMATS.filter((f) => f !== 'json');

const reportRoute = createRoute({
  method: 'get',
  path: '/api/public/results/{id}/report',
  tags: TAG,
  summary: '下载已公开的报告',
  security: [],
  request: {
    params: idParams,
    query: z.object({ format: z.enum(PUBLIC_FORMATS as ['docx', 'xlsx', 'pdf', 'html']).default('pdf') }),
  },
  responses: {
    200: {
      description: '报告文件',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    400: ERROR_RESPONSES[400],
    404: ERROR_RESPONSES[404],
    ...UNAVAILABLE_RESPONSE,
  },
});

export function registerPublic(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await deps(c).store.evaluations.list({
      state: 'published',
      sort: 'unitName',
      direction: 'asc',
      limit: q.limit,
      offset: q.offset,
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.search ? { search: q.search } : {}),
    });
    const items = page.items.map((e) => ({
      id: e.id,
      unitName: e.unitName,
      year: e.year,
      kind: e.kind,
      projectName: e.projectName,
      total: e.totalSelf,
      recomputedTotal: e.totalRecomputed,
      grade: e.grade,
      publishedAt: e.updatedAt,
    }));
    return c.json({ items, total: page.total, limit: page.limit, offset: page.offset }, 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const found = await deps(c).store.evaluations.getCurrent(id);
    // unpublished and unknown look the same from outside
    if (!found || found.evaluation.state !== 'published') throw notFound('该公开报告');
    const document = found.version.document;
    return exportResponse(c, found.evaluation, document, format, {
      withReview: false,
      profile: profileOf(document, deps(c).defaultProfile),
      inline: format === 'pdf' || format === 'html',
    });
  });
}
