/** Bureau views: counts by state, batch check of all submissions of a task or year, summary export to .xlsx. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { EvaluationListQuery, EvaluationRecord, EvaluationSummary, User } from '../../store/index.js';
import { VersionConflictError, StateConflictError } from '../../store/index.js';
import { analyse, profileOf } from '../analysis.js';
import type { AppContext, AppEnv } from '../context.js';
import { badRequest } from '../errors.js';
import { authorize, authorizeTask, deps, requireUser } from '../guard.js';
import { bodyOf, contentDisposition, MEDIA_TYPES } from '../http.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { idSchema, jsonBody, jsonResponse, kindSchema } from '../schemas.js';
import { summaryWorkbook, type SummaryRow } from '../summary-xlsx.js';
import { HANDED_IN_STATES } from '../workflow.js';
import { departmentNames, scopedFilter } from './evaluations.js';

const TAG = ['财政汇总'];

const scopeQuery = z.object({
  taskId: idSchema.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: kindSchema.optional(),
});
type ScopeQuery = z.infer<typeof scopeQuery>;

/** Every evaluation matching a filter, page by page. */
async function listAll(c: AppContext, filter: EvaluationListQuery): Promise<EvaluationRecord[]> {
  const out: EvaluationRecord[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await deps(c).store.evaluations.list({
      ...filter,
      sort: 'unitName',
      direction: 'asc',
      limit: 1000,
      offset,
    });
    out.push(...page.items);
    if (page.items.length < 1000) return out;
  }
}

/** The evaluations a task or a year covers, within what the user may see; and the task's unit list. */
async function selection(
  c: AppContext,
  user: User,
  q: ScopeQuery,
  action: 'bureau.batchCheck' | 'bureau.export',
): Promise<{
  records: EvaluationRecord[];
  units?: { unitId: string; unitName: string }[];
  year: number;
  title: string;
}> {
  if (q.taskId) {
    const { task } = await authorizeTask(c, q.taskId, action);
    const base = await scopedFilter(c, user, {});
    const records = task.unitIds.length
      ? await listAll(c, { ...base, unitIds: task.unitIds, year: task.year, kind: task.kind, limit: 1000 })
      : [];
    const units = (await deps(c).store.tasks.progress(task.id)).map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
    }));
    return { records, units, year: task.year, title: task.title };
  }
  if (q.year === undefined) {
    throw badRequest('请指定 taskId（任务）或 year（年度）', { issues: [{ path: 'year', message: '必填其一' }] });
  }
  await authorize(c, action);
  const base = await scopedFilter(c, user, { year: q.year, ...(q.kind ? { kind: q.kind } : {}) });
  return { records: await listAll(c, base), year: q.year, title: `${q.year}年度绩效自评汇总` };
}

const sameSummary = (r: EvaluationRecord, s: EvaluationSummary): boolean =>
  r.totalSelf === s.totalSelf &&
  r.totalRecomputed === s.totalRecomputed &&
  r.grade === s.grade &&
  r.errors === s.errors &&
  r.warnings === s.warnings &&
  r.infos === s.infos;

const batchResultSchema = z
  .object({
    checked: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        unitName: z.string(),
        state: z.string(),
        totalSelf: z.string().nullable(),
        totalRecomputed: z.string().nullable(),
        grade: z.string().nullable(),
        errors: z.number().int(),
        warnings: z.number().int(),
        infos: z.number().int(),
        updated: z.boolean(),
      }),
    ),
  })
  .openapi('BatchCheckResult');

const batchRoute = createRoute({
  method: 'post',
  path: '/api/bureau/batch-check',
  tags: TAG,
  summary: '批量核查',
  description: '对一个任务（或一个年度）的所有已提交自评重新计分、核查，并更新列表中的总分、等次和问题数。',
  request: { body: jsonBody(scopeQuery.extend({ year: z.number().int().min(1990).max(2100).optional() })) },
  responses: { 200: jsonResponse(batchResultSchema, '核查结果'), ...ERROR_RESPONSES },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/api/bureau/summary.xlsx',
  tags: TAG,
  summary: '导出汇总表（.xlsx）',
  description:
    '每个单位一行：主管部门、单位、状态、自评总分、重算总分、等次、问题数。按任务导出时，未填报的单位也列出。',
  request: { query: scopeQuery },
  responses: {
    200: {
      description: 'Excel 工作簿',
      content: { [MEDIA_TYPES['xlsx']!]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...ERROR_RESPONSES,
  },
});

const overviewRoute = createRoute({
  method: 'get',
  path: '/api/bureau/overview',
  tags: TAG,
  summary: '各状态数量',
  request: {
    query: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional(), kind: kindSchema.optional() }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        byState: z.record(z.string(), z.number().int()),
        withErrors: z.number().int(),
        total: z.number().int(),
      }),
      '数量',
    ),
    ...ERROR_RESPONSES,
  },
});

export function registerBureau(app: OpenAPIHono<AppEnv>): void {
  app.openapi(batchRoute, async (c) => {
    const q = c.req.valid('json');
    const user = requireUser(c);
    const { records } = await selection(c, user, q, 'bureau.batchCheck');
    const store = deps(c).store;
    const submitted = records.filter((r) => HANDED_IN_STATES.includes(r.state));
    const items = [];
    let updated = 0;
    let skipped = 0;
    for (const record of submitted) {
      const version = await store.evaluations.getVersion(record.id, record.currentVersion);
      if (!version) {
        skipped++;
        continue;
      }
      const { summary } = analyse(version.document, profileOf(version.document, deps(c).defaultProfile));
      let changed = false;
      if (!sameSummary(record, summary)) {
        // The store has no summary-only update yet: the re-check is saved as a version with the same document.
        try {
          await store.transaction(async (tx) => {
            await tx.evaluations.saveVersion(record.id, record.currentVersion, version.document, user.id, {
              note: '批量核查：核查结果已更新',
              summary,
              allowedStates: [record.state],
            });
            await tx.audit.append({
              actorId: user.id,
              action: 'evaluation.recheck',
              entityType: 'evaluation',
              entityId: record.id,
              details: { version: record.currentVersion + 1, errors: summary.errors, warnings: summary.warnings },
            });
          });
          changed = true;
          updated++;
        } catch (e) {
          if (!(e instanceof VersionConflictError || e instanceof StateConflictError)) throw e;
          skipped++;
        }
      }
      items.push({ id: record.id, unitName: record.unitName, state: record.state, ...summary, updated: changed });
    }
    await store.audit.append({
      actorId: user.id,
      action: 'bureau.batchCheck',
      entityType: q.taskId ? 'task' : 'bureau',
      entityId: q.taskId ?? null,
      details: { year: q.year ?? null, checked: items.length, updated },
    });
    return c.json({ checked: items.length, updated, skipped, items }, 200);
  });

  app.openapi(summaryRoute, async (c) => {
    const q = c.req.valid('query');
    const user = requireUser(c);
    const { records, units, year, title } = await selection(c, user, q, 'bureau.export');
    const names = await departmentNames(c);
    const dept = (r: EvaluationRecord): string | null => (r.departmentId ? (names.get(r.departmentId) ?? null) : null);
    let rows: SummaryRow[];
    if (units) {
      const byUnit = new Map<string, EvaluationRecord[]>();
      for (const r of records) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
      const orgs = await deps(c).store.organisations.list({ kind: 'unit' });
      const parentOf = new Map(orgs.map((o) => [o.id, o.parentId]));
      rows = units.flatMap((u) => {
        const list = byUnit.get(u.unitId);
        if (list?.length)
          return list.map((e) => ({ departmentName: dept(e), unitName: u.unitName, evaluation: e, year }));
        const parent = parentOf.get(u.unitId);
        return [{ departmentName: parent ? (names.get(parent) ?? null) : null, unitName: u.unitName, year }];
      });
    } else {
      rows = records.map((e) => ({ departmentName: dept(e), unitName: e.unitName, evaluation: e, year }));
    }
    const bytes = await summaryWorkbook(title, rows, deps(c).now());
    return new Response(bodyOf(bytes), {
      status: 200,
      headers: {
        'Content-Type': MEDIA_TYPES['xlsx']!,
        'Content-Disposition': contentDisposition(`${title}.xlsx`, `summary-${year}`),
        'Cache-Control': 'no-store',
      },
    });
  });

  app.openapi(overviewRoute, async (c) => {
    const q = c.req.valid('query');
    const user = await authorize(c, 'bureau.list');
    const filter = await scopedFilter(c, user, q);
    const { limit: _l, offset: _o, sort: _s, direction: _d, ...where } = filter;
    const store = deps(c).store;
    const [byState, withErrors] = await Promise.all([
      store.evaluations.countByState(where),
      store.evaluations.list({ ...where, hasErrors: true, limit: 1 }),
    ]);
    const total = Object.values(byState).reduce((a, b) => a + b, 0);
    return c.json({ byState, withErrors: withErrors.total, total }, 200);
  });
}
