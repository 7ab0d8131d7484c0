/**
 * Evaluations: list (scoped to what the user may see), create, import a file, read (current or a version),
 * update with optimistic locking, score, check, export, versions and diff, audit trail.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { EXPORT_FORMATS, exportEvaluation, type ExportFormat } from '../../formats/export.js';
import { evaluationSchema, type Evaluation } from '../../model/index.js';
import { getProfile, profiles } from '../../rules/index.js';
import type { RuleProfile } from '../../rules/types.js';
import { score } from '../../scoring/index.js';
import type { EvaluationListQuery, EvaluationRecord, EvaluationVersion, User } from '../../store/index.js';
import { VersionConflictError } from '../../store/index.js';
import { analyse, profileOf } from '../analysis.js';
import { can } from '../authz.js';
import type { AppContext, AppEnv } from '../context.js';
import { diffDocuments } from '../diff.js';
import { ApiError, badRequest, forbidden, notFound } from '../errors.js';
import { authorize, authorizeEvaluation, deps, requireUser, scopeOfOrganisation } from '../guard.js';
import { bodyOf, contentDisposition, MEDIA_TYPES, parseIfMatch, versionTag } from '../http.js';
import { assertSavable, createEvaluation, importEvaluation, readReport, saveEvaluation } from '../operations.js';
import { ERROR_RESPONSES, PRECONDITION_RESPONSE, UNAVAILABLE_RESPONSE, UPLOAD_ERROR_RESPONSES } from '../openapi.js';
import {
  auditEntrySchema,
  checkResultSchema,
  evaluationRecordSchema,
  fileMetaSchema,
  findingSchema,
  findingSummarySchema,
  idParams,
  idSchema,
  jsonBody,
  jsonResponse,
  kindSchema,
  scoreSheetSchema,
  versionInfoSchema,
} from '../schemas.js';
import { TRANSITIONS, transitionsFrom, type TransitionName } from '../workflow.js';

const TAG = ['绩效自评'];

// ───────────────────────────── helpers ─────────────────────────────

/** A rule profile named in a query, or the evaluation's own. */
export function profileParam(id: string | undefined, document: Evaluation, fallback: RuleProfile): RuleProfile {
  if (id === undefined || id === '') return profileOf(document, fallback);
  const p = getProfile(id);
  if (!p) {
    throw badRequest(`未知的规则配置“${id}”。可用的配置：${profiles.map((x) => `${x.id}（${x.name}）`).join('、')}`, {
      issues: [{ path: 'profile', message: '未知的规则配置' }],
    });
  }
  return p;
}

/** One version (the current one when absent) of an evaluation the user may read. */
export async function readVersion(
  c: AppContext,
  id: string,
  version: number | undefined,
  action: Parameters<typeof authorizeEvaluation>[2] = 'evaluation.read',
): Promise<{ user: User; evaluation: EvaluationRecord; version: EvaluationVersion }> {
  const { user, evaluation } = await authorizeEvaluation(c, id, action);
  const v = await deps(c).store.evaluations.getVersion(id, version ?? evaluation.currentVersion);
  if (!v) throw notFound(version === undefined ? '该绩效自评的当前版本' : `第 ${version} 版`);
  return { user, evaluation, version: v };
}

/** The transitions the user could fire now (the UI's buttons). */
export function availableTransitions(user: User, evaluation: EvaluationRecord): TransitionName[] {
  return transitionsFrom(evaluation.state).filter((n) => can(user.role, TRANSITIONS[n].action, 'own'));
}

/**
 * The unit an evaluation is filed under (the given one, else the user's own), once the user is authorised for
 * `action` there.
 */
async function targetUnit(
  c: AppContext,
  user: User,
  unitId: string | undefined,
  action: 'evaluation.create' | 'evaluation.import',
) {
  const id = unitId ?? user.organisationId;
  const unit = await deps(c).store.organisations.get(id);
  if (!unit) throw notFound('该单位');
  await authorize(c, action, unit.id);
  if (unit.kind !== 'unit') {
    throw badRequest(`“${unit.name}”不是预算单位，请用 unitId 指定填报的单位`, {
      issues: [{ path: 'unitId', message: '应为预算单位' }],
    });
  }
  return unit;
}

function exportFileName(record: EvaluationRecord, format: ExportFormat): string {
  const what =
    record.kind === 'project' ? `${record.projectName ?? ''}项目支出绩效自评报告` : '部门整体支出绩效自评报告';
  return `${record.unitName}${record.year}年${what}.${format}`;
}

/** Export one version: bytes with a download name (shared with the public routes). */
export async function exportResponse(
  c: AppContext,
  record: EvaluationRecord,
  document: Evaluation,
  format: ExportFormat,
  options: { withReview: boolean; profile: RuleProfile; inline?: boolean },
): Promise<Response> {
  const d = deps(c);
  const data = await exportEvaluation(document, format, {
    withReview: options.withReview,
    profile: options.profile,
    ...(d.printer ? { printer: d.printer } : {}),
  });
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Response(bodyOf(bytes), {
    status: 200,
    headers: {
      'Content-Type': MEDIA_TYPES[format] ?? 'application/octet-stream',
      'Content-Disposition': contentDisposition(
        exportFileName(record, format),
        `evaluation-${record.year}`,
        options.inline,
      ),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const intParam = (name: string) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ param: { name, in: 'query' }, type: 'integer' });

const csv = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .transform((s, ctx) => {
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `无效选项“${p}”：应为 ${values.join('、')} 之一` });
          return z.NEVER;
        }
      }
      return parts as T[];
    })
    .optional();

const boolParam = z
  .enum(['true', 'false', '1', '0'])
  .transform((s) => s === 'true' || s === '1')
  .optional();

const STATES_ENUM = ['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published'] as const;
const SORT_FIELDS = [
  'unitName',
  'year',
  'kind',
  'state',
  'totalSelf',
  'totalRecomputed',
  'grade',
  'errors',
  'warnings',
  'updatedAt',
  'createdAt',
] as const;

export const listQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: kindSchema.optional(),
  state: csv(STATES_ENUM).openapi({ description: '一个或多个状态，逗号分隔', type: 'string' }),
  grade: csv(['优', '良', '中', '差'] as const).openapi({
    description: '一个或多个等次（优、良、中、差），逗号分隔',
    type: 'string',
  }),
  departmentId: idSchema.optional(),
  unitId: idSchema.optional(),
  search: z.string().max(100).optional().openapi({ description: '单位名称或项目名称中的文字' }),
  hasErrors: boolParam.openapi({ type: 'string', enum: ['true', 'false'] }),
  minTotal: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, '应为数字')
    .optional(),
  maxTotal: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, '应为数字')
    .optional(),
  totalField: z.enum(['totalSelf', 'totalRecomputed']).optional(),
  sort: z.enum(SORT_FIELDS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

const listItemSchema = evaluationRecordSchema
  .extend({ departmentName: z.string().nullable() })
  .openapi('EvaluationListItem');

/**
 * The list filter for what the user may see, narrowed by the query: a unit's users their unit; the bureau's users
 * their bureau (or department). A department or unit asked for outside that is a 403.
 */
export async function scopedFilter(c: AppContext, user: User, q: ListQuery): Promise<EvaluationListQuery> {
  const d = deps(c);
  const org = await d.store.organisations.get(user.organisationId);
  if (!org) throw forbidden('当前用户所属机构不存在');
  const filter: EvaluationListQuery = {};
  if (org.kind === 'unit') filter.unitIds = [org.id];
  else if (org.kind === 'department') filter.departmentId = org.id;
  else filter.bureauId = org.id;
  for (const [key, id] of [
    ['departmentId', q.departmentId],
    ['unitId', q.unitId],
  ] as const) {
    if (id === undefined) continue;
    if ((await scopeOfOrganisation(c, user, id)) !== 'own')
      throw forbidden(`无权查看该${key === 'unitId' ? '单位' : '主管部门'}的数据`);
    if (key === 'departmentId') filter.departmentId = id;
    else filter.unitIds = [id];
  }
  if (q.year !== undefined) filter.year = q.year;
  if (q.kind !== undefined) filter.kind = q.kind;
  if (q.state?.length) filter.state = q.state;
  if (q.grade?.length) filter.grade = q.grade;
  if (q.search) filter.search = q.search;
  if (q.hasErrors !== undefined) filter.hasErrors = q.hasErrors;
  if (q.minTotal !== undefined) filter.minTotal = q.minTotal;
  if (q.maxTotal !== undefined) filter.maxTotal = q.maxTotal;
  if (q.totalField !== undefined) filter.totalField = q.totalField;
  if (q.sort !== undefined) filter.sort = q.sort;
  if (q.direction !== undefined) filter.direction = q.direction;
  filter.limit = q.limit ?? 50;
  filter.offset = q.offset ?? 0;
  return filter;
}

/** Department names by id (for list rows). */
export async function departmentNames(c: AppContext): Promise<Map<string, string>> {
  const list = await deps(c).store.organisations.list({ kind: 'department' });
  return new Map(list.map((o) => [o.id, o.name]));
}

// ───────────────────────────── routes ─────────────────────────────

const listRoute = createRoute({
  method: 'get',
  path: '/api/evaluations',
  tags: TAG,
  summary: '绩效自评列表',
  description:
    '只列出当前用户可见的自评（单位用户：本单位；财政用户：本辖区）。可按年度、类型、状态、主管部门、单位、等次、关键词、是否有错误、总分区间筛选；分页。',
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(listItemSchema),
        total: z.number().int(),
        limit: z.number().int(),
        offset: z.number().int(),
      }),
      '一页结果',
    ),
    ...ERROR_RESPONSES,
  },
});

const createBody = z
  .object({
    unitId: idSchema.optional().openapi({ description: '默认为当前用户所在单位' }),
    year: z.number().int().min(1990).max(2100),
    kind: kindSchema.default('department'),
    projectName: z.string().trim().min(1).max(200).optional(),
    document: evaluationSchema.optional().openapi({ description: '初始内容；缺省时为空白自评' }),
  })
  .openapi('NewEvaluation');

const evaluationViewSchema = z
  .object({
    evaluation: evaluationRecordSchema,
    version: versionInfoSchema,
    document: evaluationSchema,
    /** transitions the user may fire now */
    transitions: z.array(z.string()),
  })
  .openapi('EvaluationView');

const createRouteDef = createRoute({
  method: 'post',
  path: '/api/evaluations',
  tags: TAG,
  summary: '新建绩效自评',
  request: { body: jsonBody(createBody) },
  responses: { 201: jsonResponse(evaluationViewSchema, '已创建（第 1 版）'), ...ERROR_RESPONSES },
});

const importForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: '请上传报告文件（字段名 file）' })
    .openapi({ type: 'string', format: 'binary' }),
  unitId: idSchema.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: kindSchema.optional(),
  projectName: z.string().trim().min(1).max(200).optional(),
});

const importResultSchema = z
  .object({
    evaluation: evaluationRecordSchema,
    version: z.number().int(),
    document: evaluationSchema,
    findings: z.array(findingSchema),
    summary: findingSummarySchema,
    score: z.object({
      selfReported: z.object({ total: z.number().nullable(), grade: z.string().nullable() }),
      recomputed: z.object({ total: z.number(), grade: z.string() }),
    }),
    file: fileMetaSchema,
  })
  .openapi('ImportResult');

const importRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/import',
  tags: TAG,
  summary: '导入报告文件',
  description:
    '上传一份自评报告（.txt .docx .xlsx .pdf，或 Evaluation JSON），读成结构化的绩效自评并保存原文件；返回自评内容和核查发现。',
  request: { body: { required: true, content: { 'multipart/form-data': { schema: importForm } } } },
  responses: { 201: jsonResponse(importResultSchema, '已导入'), ...UPLOAD_ERROR_RESPONSES },
});

const reimportRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/import',
  tags: TAG,
  summary: '导入文件为新版本',
  description: '把上传的报告文件保存为该自评的新版本（需 If-Match 或 version 字段）。',
  request: {
    params: idParams,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({ file: importForm.shape.file, version: z.coerce.number().int().min(1).optional() }),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(importResultSchema, '已保存为新版本'),
    ...UPLOAD_ERROR_RESPONSES,
    ...PRECONDITION_RESPONSE,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}',
  tags: TAG,
  summary: '读取绩效自评',
  request: { params: idParams, query: z.object({ version: intParam('version') }) },
  responses: {
    200: jsonResponse(evaluationViewSchema, '自评内容（ETag 为版本号）'),
    304: { description: '未修改：If-None-Match 与当前版本的 ETag 相同' },
    ...ERROR_RESPONSES,
  },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/api/evaluations/{id}',
  tags: TAG,
  summary: '保存（乐观锁）',
  description:
    '保存为新版本。须说明基于哪一版修改：If-Match 请求头（ETag）或正文 version。版本已变化时返回 409，details 中带当前版本及其内容，您的修改不会被保存也不会被合并。仅草稿可修改。',
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({
          version: z.number().int().min(1).optional(),
          document: evaluationSchema,
          note: z.string().max(500).optional(),
        })
        .openapi('EvaluationUpdate'),
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        evaluation: evaluationRecordSchema,
        version: versionInfoSchema,
        summary: findingSummarySchema,
      }),
      '已保存为新版本',
    ),
    ...ERROR_RESPONSES,
    ...PRECONDITION_RESPONSE,
  },
});

const versionQuery = z.object({
  version: intParam('version'),
  profile: z.string().max(50).optional().openapi({ description: '规则配置 id；默认为自评所用的配置' }),
});

const scoreRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/score',
  tags: TAG,
  summary: '计分',
  request: { params: idParams, query: versionQuery },
  responses: { 200: jsonResponse(scoreSheetSchema, '计分表'), ...ERROR_RESPONSES },
});

const checkRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/check',
  tags: TAG,
  summary: '核查',
  request: { params: idParams, query: versionQuery },
  responses: { 200: jsonResponse(checkResultSchema, '核查结果'), ...ERROR_RESPONSES },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/export',
  tags: TAG,
  summary: '导出',
  request: {
    params: idParams,
    query: versionQuery.extend({
      format: z.enum(EXPORT_FORMATS),
      withReview: boolParam.openapi({ type: 'string', enum: ['true', 'false'], description: '附重算得分表和核查结果' }),
    }),
  },
  responses: {
    200: {
      description: '文件（Content-Disposition 给出中文文件名）',
      content: {
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...ERROR_RESPONSES,
    ...UNAVAILABLE_RESPONSE,
  },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/versions',
  tags: TAG,
  summary: '历史版本',
  request: { params: idParams },
  responses: {
    200: jsonResponse(z.object({ items: z.array(versionInfoSchema) }), '所有版本，最早的在前'),
    ...ERROR_RESPONSES,
  },
});

const diffRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/diff',
  tags: TAG,
  summary: '两个版本的差异',
  description: '逐字段列出差异（path、before、after）；默认比较当前版本与上一版。',
  request: {
    params: idParams,
    query: z.object({
      from: intParam('from'),
      to: intParam('to'),
      includeSources: boolParam.openapi({ type: 'string' }),
    }),
  },
  responses: {
    200: jsonResponse(
      z
        .object({
          from: z.number().int(),
          to: z.number().int(),
          changes: z.array(
            z.object({
              path: z.string(),
              kind: z.enum(['added', 'removed', 'changed']),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
          truncated: z.boolean(),
        })
        .openapi('Diff'),
      '差异',
    ),
    ...ERROR_RESPONSES,
  },
});

const auditRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/audit',
  tags: TAG,
  summary: '操作记录',
  request: { params: idParams },
  responses: { 200: jsonResponse(z.object({ items: z.array(auditEntrySchema) }), '最早的在前'), ...ERROR_RESPONSES },
});

/** The version a writer based its edit on: If-Match or the body's version (both must agree when both given). */
function expectedVersionOf(c: AppContext, bodyVersion: number | undefined): number {
  const header = parseIfMatch(c.req.header('if-match'));
  if (header !== undefined && Number.isNaN(header)) {
    throw badRequest('If-Match 请求头应为版本号，如 "3"', { issues: [{ path: 'If-Match', message: '应为版本号' }] });
  }
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion) {
    throw badRequest(`If-Match（${header}）与正文 version（${bodyVersion}）不一致`);
  }
  const v = header ?? bodyVersion;
  if (v === undefined) {
    throw new ApiError(
      428,
      'precondition_required',
      '缺少版本号：请带 If-Match 请求头或在正文中给出 version（您基于哪一版修改）',
    );
  }
  return v;
}

/** A version conflict, with the current version's content so that the client loses nothing. */
async function conflictWithCurrent(c: AppContext, e: VersionConflictError): Promise<ApiError> {
  const current = await deps(c).store.evaluations.getVersion(e.evaluationId);
  return new ApiError(
    409,
    'version_conflict',
    e.message,
    {
      expectedVersion: e.expectedVersion,
      currentVersion: current?.version ?? e.currentVersion,
      current: current
        ? {
            version: current.version,
            createdAt: current.createdAt,
            createdBy: current.createdBy,
            note: current.note,
            document: JSON.parse(JSON.stringify(current.document)),
          }
        : null,
    },
    current ? { ETag: versionTag(current.version) } : {},
  );
}

async function fileFromForm(file: File): Promise<{ bytes: Uint8Array; fileName: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = (file.name || 'upload').replace(/[\\/]/g, '_').slice(0, 200);
  return { bytes, fileName };
}

export function registerEvaluations(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const user = await authorize(c, 'evaluation.read');
    const filter = await scopedFilter(c, user, c.req.valid('query'));
    const [page, names] = await Promise.all([deps(c).store.evaluations.list(filter), departmentNames(c)]);
    const items = page.items.map((r) => ({
      ...r,
      departmentName: r.departmentId ? (names.get(r.departmentId) ?? null) : null,
    }));
    return c.json({ items, total: page.total, limit: page.limit, offset: page.offset }, 200);
  });

  app.openapi(createRouteDef, async (c) => {
    const body = c.req.valid('json');
    const user = requireUser(c);
    const unit = await targetUnit(c, user, body.unitId, 'evaluation.create');
    if (body.kind === 'project' && !body.projectName) {
      throw badRequest('项目支出绩效自评须填写项目名称（projectName）', {
        issues: [{ path: 'projectName', message: '必填' }],
      });
    }
    const { evaluation, document } = await createEvaluation(deps(c).store, {
      unitId: unit.id,
      unitName: unit.name,
      year: body.year,
      kind: body.kind,
      projectName: body.projectName ?? null,
      document: body.document ?? { kind: body.kind, year: body.year },
      by: user.id,
      profile: deps(c).defaultProfile,
    });
    const version = await deps(c).store.evaluations.getVersion(evaluation.id, 1);
    c.header('ETag', versionTag(1));
    c.header('Location', `/api/evaluations/${evaluation.id}`);
    return c.json(
      {
        evaluation,
        version: versionInfo(version, evaluation),
        document,
        transitions: availableTransitions(user, evaluation),
      },
      201,
    );
  });

  app.openapi(importRoute, async (c) => {
    const form = c.req.valid('form');
    const user = requireUser(c);
    const unit = await targetUnit(c, user, form.unitId, 'evaluation.import');
    const d = deps(c);
    const { bytes, fileName } = await fileFromForm(form.file);
    const out = await importEvaluation(d.store, {
      bytes,
      fileName,
      unitId: unit.id,
      unitName: unit.name,
      ...(form.year !== undefined ? { year: form.year } : {}),
      ...(form.kind !== undefined ? { kind: form.kind } : {}),
      ...(form.projectName !== undefined ? { projectName: form.projectName } : {}),
      by: user.id,
      profile: d.defaultProfile,
      maxBytes: d.maxUploadBytes,
    });
    c.header('ETag', versionTag(1));
    c.header('Location', `/api/evaluations/${out.evaluation.id}`);
    return c.json(
      {
        evaluation: out.evaluation,
        version: 1,
        document: out.document,
        findings: out.result.findings,
        summary: out.result.summary,
        score: {
          selfReported: out.result.score.selfReported,
          recomputed: out.result.score.recomputed,
        },
        file: out.file,
      },
      201,
    );
  });

  app.openapi(reimportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const form = c.req.valid('form');
    const { user, evaluation } = await authorizeEvaluation(c, id, 'evaluation.update');
    const expected = expectedVersionOf(c, form.version);
    const d = deps(c);
    try {
      assertSavable(evaluation, expected);
      const file = await fileFromForm(form.file);
      const document = await readReport(file.bytes, file.fileName, d.maxUploadBytes);
      const out = await saveEvaluation(d.store, {
        evaluation,
        expectedVersion: expected,
        document,
        by: user.id,
        profile: d.defaultProfile,
        note: `导入文件：${file.fileName}`,
        file,
      });
      c.header('ETag', versionTag(out.version.version));
      return c.json(
        {
          evaluation: out.evaluation,
          version: out.version.version,
          document: out.document,
          findings: out.result.findings,
          summary: out.result.summary,
          score: { selfReported: out.result.score.selfReported, recomputed: out.result.score.recomputed },
          file: out.file!,
        },
        200,
      );
    } catch (e) {
      if (e instanceof VersionConflictError) throw await conflictWithCurrent(c, e);
      throw e;
    }
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = c.req.valid('query');
    const d = deps(c);
    const { user, evaluation } = await authorizeEvaluation(c, id, 'evaluation.read');
    const wanted = version ?? evaluation.currentVersion;
    const tag = versionTag(wanted);
    const ifNoneMatch = parseIfMatch(c.req.header('if-none-match'));
    if (ifNoneMatch === wanted)
      return new Response(null, { status: 304, headers: { ETag: tag, 'Cache-Control': 'no-store' } });
    let cached = d.versions.get(id, wanted);
    if (!cached) {
      const v = await d.store.evaluations.getVersion(id, wanted);
      if (!v) throw notFound(version === undefined ? '该绩效自评的当前版本' : `第 ${version} 版`);
      cached = d.versions.put(v);
    }
    // the document's JSON goes out as stored, without parsing it again
    const body =
      `{"evaluation":${JSON.stringify(evaluation)},"version":${JSON.stringify(cached.info)},` +
      `"document":${cached.json},"transitions":${JSON.stringify(availableTransitions(user, evaluation))}}`;
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'application/json',
        ETag: tag,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });

  app.openapi(updateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { user, evaluation } = await authorizeEvaluation(c, id, 'evaluation.update');
    const expected = expectedVersionOf(c, body.version);
    const d = deps(c);
    try {
      const out = await saveEvaluation(d.store, {
        evaluation,
        expectedVersion: expected,
        document: body.document,
        by: user.id,
        profile: d.defaultProfile,
        note: body.note ?? null,
      });
      c.header('ETag', versionTag(out.version.version));
      return c.json({ evaluation: out.evaluation, version: out.version, summary: out.result.summary }, 200);
    } catch (e) {
      if (e instanceof VersionConflictError) throw await conflictWithCurrent(c, e);
      throw e;
    }
  });

  app.openapi(scoreRoute, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { version } = await readVersion(c, id, q.version);
    return c.json(score(version.document, profileParam(q.profile, version.document, deps(c).defaultProfile)), 200);
  });

  app.openapi(checkRoute, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { version } = await readVersion(c, id, q.version);
    const { result } = analyse(version.document, profileParam(q.profile, version.document, deps(c).defaultProfile));
    return c.json(result, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { evaluation, version } = await readVersion(c, id, q.version);
    const profile = profileParam(q.profile, version.document, deps(c).defaultProfile);
    return exportResponse(c, evaluation, version.document, q.format, { withReview: q.withReview ?? false, profile });
  });

  app.openapi(versionsRoute, async (c) => {
    const { id } = c.req.valid('param');
    await authorizeEvaluation(c, id, 'evaluation.read');
    return c.json({ items: await deps(c).store.evaluations.listVersions(id) }, 200);
  });

  app.openapi(diffRoute, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const { evaluation } = await authorizeEvaluation(c, id, 'evaluation.read');
    const to = q.to ?? evaluation.currentVersion;
    const from = q.from ?? Math.max(1, to - 1);
    const [a, b] = await Promise.all([
      deps(c).store.evaluations.getVersion(id, from),
      deps(c).store.evaluations.getVersion(id, to),
    ]);
    if (!a) throw notFound(`第 ${from} 版`);
    if (!b) throw notFound(`第 ${to} 版`);
    const { changes, truncated } = diffDocuments(a.document, b.document, {
      ignore: q.includeSources ? [] : ['sources'],
      limit: 5000,
    });
    return c.json({ from, to, changes, truncated }, 200);
  });

  app.openapi(auditRoute, async (c) => {
    const { id } = c.req.valid('param');
    await authorizeEvaluation(c, id, 'evaluation.read');
    return c.json({ items: await deps(c).store.audit.listByEntity('evaluation', id) }, 200);
  });
}

function versionInfo(v: EvaluationVersion | undefined, record: EvaluationRecord) {
  return v
    ? { evaluationId: v.evaluationId, version: v.version, createdBy: v.createdBy, createdAt: v.createdAt, note: v.note }
    : {
        evaluationId: record.id,
        version: record.currentVersion,
        createdBy: record.createdBy,
        createdAt: record.createdAt,
        note: null,
      };
}
