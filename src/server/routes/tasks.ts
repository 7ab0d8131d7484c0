/** Tasks: a bureau asks a set of units for their self-evaluations of a year, with a deadline; and who has submitted. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { authorize, authorizeTask, bureauOf, deps, scopeOfOrganisation } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { idParams, idSchema, jsonBody, jsonResponse, kindSchema, taskSchema, taskWithUnitsSchema } from '../schemas.js';

const TAG = ['任务'];

const progressSchema = z
  .object({
    task: taskWithUnitsSchema,
    overdue: z.boolean(),
    counts: z.object({ units: z.number().int(), submitted: z.number().int(), notSubmitted: z.number().int() }),
    units: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        submitted: z.boolean(),
        evaluations: z.array(
          z.object({
            id: z.string(),
            state: z.enum(['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published']),
            projectName: z.string().nullable(),
            updatedAt: z.string(),
          }),
        ),
      }),
    ),
  })
  .openapi('TaskProgress');

const listRoute = createRoute({
  method: 'get',
  path: '/api/tasks',
  tags: TAG,
  summary: '任务列表',
  description: '财政用户：本财政局下发的任务；单位用户：下发给本单位的任务。',
  request: { query: z.object({ year: z.coerce.number().int().min(1990).max(2100).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(taskSchema) }), '最新的在前'), ...ERROR_RESPONSES },
});

const createTaskRoute = createRoute({
  method: 'post',
  path: '/api/tasks',
  tags: TAG,
  summary: '下发任务',
  request: {
    body: jsonBody(
      z
        .object({
          title: z.string().trim().min(1).max(200),
          year: z.number().int().min(1990).max(2100),
          kind: kindSchema.default('department'),
          deadline: z.string().refine((s) => !Number.isNaN(Date.parse(s)), '应为日期，如 2025-04-30'),
          unitIds: z.array(idSchema).min(1).max(20000),
        })
        .openapi('NewTask'),
    ),
  },
  responses: { 201: jsonResponse(taskWithUnitsSchema, '已下发'), ...ERROR_RESPONSES },
});

const getTaskRoute = createRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  tags: TAG,
  summary: '任务详情',
  request: { params: idParams },
  responses: { 200: jsonResponse(taskWithUnitsSchema, '任务'), ...ERROR_RESPONSES },
});

const progressRoute = createRoute({
  method: 'get',
  path: '/api/tasks/{id}/progress',
  tags: TAG,
  summary: '任务进度',
  description: '每个单位：该年度、该类型的自评及其状态，是否已提交。',
  request: { params: idParams },
  responses: { 200: jsonResponse(progressSchema, '进度'), ...ERROR_RESPONSES },
});

export function registerTasks(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const user = await authorize(c, 'task.read');
    const { year } = c.req.valid('query');
    const store = deps(c).store;
    const org = await store.organisations.get(user.organisationId);
    let items;
    if (org?.kind === 'unit') {
      items = await store.tasks.listForUnit(org.id);
      if (year !== undefined) items = items.filter((t) => t.year === year);
    } else {
      const bureau = await bureauOf(c, user);
      items = await store.tasks.listForBureau(bureau.id, year !== undefined ? { year } : {});
    }
    return c.json({ items }, 200);
  });

  app.openapi(createTaskRoute, async (c) => {
    const body = c.req.valid('json');
    const user = await authorize(c, 'task.create');
    const store = deps(c).store;
    const bureau = await bureauOf(c, user);
    const unitIds = [...new Set(body.unitIds)];
    const orgs = await Promise.all(unitIds.map((id) => store.organisations.get(id)));
    const issues = orgs.flatMap((o, i) =>
      !o
        ? [{ path: `unitIds[${i}]`, message: '单位不存在' }]
        : o.kind !== 'unit'
          ? [{ path: `unitIds[${i}]`, message: `“${o.name}”不是预算单位` }]
          : [],
    );
    if (issues.length > 0) throw badRequest(`任务对象有误：${issues[0]!.message}`, { issues });
    for (const id of unitIds) {
      if ((await scopeOfOrganisation(c, user, id)) !== 'own') throw forbidden('只能向本辖区的单位下发任务');
    }
    const task = await store.transaction(async (tx) => {
      const created = await tx.tasks.create({
        bureauId: bureau.id,
        year: body.year,
        kind: body.kind,
        title: body.title,
        deadline: body.deadline,
        createdBy: user.id,
        unitIds,
      });
      await tx.audit.append({
        actorId: user.id,
        action: 'task.create',
        entityType: 'task',
        entityId: created.id,
        details: { year: body.year, kind: body.kind, units: unitIds.length, deadline: body.deadline },
      });
      return created;
    });
    c.header('Location', `/api/tasks/${task.id}`);
    return c.json(task, 201);
  });

  app.openapi(getTaskRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { task } = await authorizeTask(c, id, 'task.read');
    return c.json(task, 200);
  });

  app.openapi(progressRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { task } = await authorizeTask(c, id, 'bureau.list');
    const units = await deps(c).store.tasks.progress(id);
    const submitted = units.filter((u) => u.submitted).length;
    const overdue = deps(c).now().getTime() > endOfDeadline(task.deadline);
    return c.json(
      { task, overdue, counts: { units: units.length, submitted, notSubmitted: units.length - submitted }, units },
      200,
    );
  });
}

/** A date-only deadline ("2025-04-30") lasts the whole day (China time, UTC+8). */
export function endOfDeadline(deadline: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return Date.parse(`${deadline}T23:59:59.999+08:00`);
  return Date.parse(deadline);
}
