/** Bureau views: tasks and progress, batch check, summary workbook, overview; and the public results. */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { EvaluationRecord } from '../../src/store/index.js';
import { describeBackends, json, makeEvaluation, type ErrorBody } from './helpers.js';

async function sheetRows(res: Response): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describeBackends('bureau views', (env) => {
  it('sends a task to units and shows who has submitted', async () => {
    const { store, world } = env();
    const reviewer = await env().as('reviewer');
    const res = await reviewer.post('/api/tasks', {
      title: '2026年度部门整体支出绩效自评',
      year: 2026,
      kind: 'project',
      deadline: '2027-04-30',
      unitIds: [world.unitA1.id, world.unitA2.id],
    });
    expect(res.status).toBe(201);
    const task = await json<{ id: string; unitIds: string[]; bureauId: string }>(res);
    expect(task.bureauId).toBe(world.bureauA.id);
    await makeEvaluation(store, world.unitA1, 'submitted', 2026);
    await makeEvaluation(store, world.unitA2, 'draft', 2026);
    const progress = await json<{
      counts: { units: number; submitted: number; notSubmitted: number };
      units: { unitId: string; submitted: boolean }[];
      overdue: boolean;
    }>(await reviewer.get(`/api/tasks/${task.id}/progress`));
    expect(progress.counts).toEqual({ units: 2, submitted: 1, notSubmitted: 1 });
    expect(progress.units.find((u) => u.unitId === world.unitA1.id)?.submitted).toBe(true);
    expect(progress.units.find((u) => u.unitId === world.unitA2.id)?.submitted).toBe(false);
    expect(progress.overdue).toBe(false);
    // the unit sees the task addressed to it, not its progress
    const preparer = await env().as('preparer');
    const mine = await json<{ items: { id: string }[] }>(await preparer.get('/api/tasks'));
    expect(mine.items.map((t) => t.id)).toContain(task.id);
    expect((await preparer.get(`/api/tasks/${task.id}/progress`)).status).toBe(403);
    // tasks only for own units; only units
    const outside = await reviewer.post('/api/tasks', {
      title: 'x',
      year: 2026,
      deadline: '2027-01-01',
      unitIds: [world.unitB1.id],
    });
    expect(outside.status).toBe(403);
    const notUnit = await reviewer.post('/api/tasks', {
      title: 'x',
      year: 2026,
      deadline: '2027-01-01',
      unitIds: [world.deptA.id],
    });
    expect(notUnit.status).toBe(400);
    const badDate = await reviewer.post('/api/tasks', {
      title: 'x',
      year: 2026,
      deadline: '明年',
      unitIds: [world.unitA1.id],
    });
    expect(badDate.status).toBe(400);
  });

  it('batch check re-scores every submission of a task and updates the list columns', async () => {
    const { store, world } = env();
    const reviewer = await env().as('reviewer');
    const year = 2025;
    const a = await makeEvaluation(store, world.unitA1, 'unitApproved', year);
    const b = await makeEvaluation(store, world.unitA2, 'submitted', year);
    const draft = await makeEvaluation(store, world.unitA2, 'draft', year);
    expect(a.totalRecomputed).toBeNull();
    const task = await json<{ id: string }>(
      await reviewer.post('/api/tasks', {
        title: '项目自评',
        year,
        kind: 'project',
        deadline: '2026-04-30',
        unitIds: [world.unitA1.id, world.unitA2.id],
      }),
    );
    const res = await reviewer.post('/api/bureau/batch-check', { taskId: task.id });
    expect(res.status).toBe(200);
    const body = await json<{
      checked: number;
      updated: number;
      items: { id: string; totalRecomputed: string | null; grade: string | null }[];
    }>(res);
    expect(body.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.updated).toBe(2);
    for (const id of [a.id, b.id]) {
      const r = (await store.evaluations.get(id))!;
      expect(r.totalRecomputed).toBe('98.54');
      expect(r.grade).toBe('优');
    }
    expect((await store.evaluations.get(draft.id))!.totalRecomputed).toBeNull();
    // nothing changed since: nothing written
    const again = await json<{ updated: number; checked: number }>(
      await reviewer.post('/api/bureau/batch-check', { taskId: task.id }),
    );
    expect(again).toMatchObject({ checked: 2, updated: 0 });
    // the bureau list can now filter on grade and totals
    const list = await json<{ items: EvaluationRecord[] }>(
      await reviewer.get(`/api/evaluations?year=${year}&grade=优&minTotal=90&sort=totalRecomputed`),
    );
    expect(list.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const missing = await reviewer.post('/api/bureau/batch-check', {});
    expect([missing.status, (await json<ErrorBody>(missing)).error.code]).toEqual([400, 'validation']);
  });

  it('exports the summary workbook: one row per unit of the task, unsubmitted units included', async () => {
    const { store, world } = env();
    const reviewer = await env().as('reviewer');
    const year = 2028;
    const e = await makeEvaluation(store, world.unitA1, 'accepted', year);
    const task = await json<{ id: string }>(
      await reviewer.post('/api/tasks', {
        title: '2028年度项目自评',
        year,
        kind: 'project',
        deadline: '2029-04-30',
        unitIds: [world.unitA1.id, world.unitA2.id],
      }),
    );
    const res = await reviewer.get(`/api/bureau/summary.xlsx?taskId=${task.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await sheetRows(res);
    expect(rows[0]![0]).toBe('2028年度项目自评');
    expect(rows[1]).toEqual(expect.arrayContaining(['单位', '状态', '自评总分', '重算总分', '等次']));
    const body = rows.slice(2);
    expect(body).toHaveLength(2);
    const unitCol = rows[1]!.indexOf('单位');
    const stateCol = rows[1]!.indexOf('状态');
    const byUnit = new Map(body.map((r) => [r[unitCol], r]));
    expect(byUnit.get(world.unitA1.name)?.[stateCol]).toBe('已通过');
    expect(byUnit.get(world.unitA2.name)?.[stateCol]).toBe('未填报');
    expect(byUnit.get(world.unitA1.name)?.[rows[1]!.indexOf('项目')]).toBe(e.projectName);
    // by year: every evaluation of the year in the bureau
    const byYear = await sheetRows(await reviewer.get(`/api/bureau/summary.xlsx?year=${year}`));
    expect(byYear.slice(2)).toHaveLength(1);
    expect((await reviewer.get('/api/bureau/summary.xlsx')).status).toBe(400);
  });

  it('counts evaluations by state', async () => {
    const { store, world } = env();
    const year = 2029;
    await makeEvaluation(store, world.unitA1, 'draft', year);
    await makeEvaluation(store, world.unitA2, 'published', year);
    await makeEvaluation(store, world.unitB1, 'published', year);
    const admin = await env().as('admin');
    const body = await json<{ byState: Record<string, number>; total: number }>(
      await admin.get(`/api/bureau/overview?year=${year}`),
    );
    expect(body.total).toBe(2);
    expect(body.byState).toMatchObject({ draft: 1, published: 1, submitted: 0 });
  });

  it('publishes results without login: only published evaluations, and their reports', async () => {
    const { store, world, app } = env();
    const year = 2032;
    const published = await makeEvaluation(store, world.unitA1, 'published', year);
    const accepted = await makeEvaluation(store, world.unitA2, 'accepted', year);
    const res = await app.request(`/api/public/results?year=${year}`);
    expect(res.status).toBe(200);
    const body = await json<{ items: { id: string; unitName: string; year: number }[] }>(res);
    expect(body.items.map((i) => i.id)).toEqual([published.id]);
    expect(body.items[0]).toMatchObject({ unitName: world.unitA1.name, year });
    const report = await app.request(`/api/public/results/${published.id}/report?format=html`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-disposition')).toMatch(/^inline/);
    expect(await report.text()).toContain('<html');
    expect((await app.request(`/api/public/results/${accepted.id}/report?format=html`)).status).toBe(404);
    expect((await app.request(`/api/public/results?year=abc`)).status).toBe(400);
  });
});
