/** Evaluations over HTTP: import, create, read, update (optimistic locking), score, check, export, versions, diff, list. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/index.js';
import { createApp } from '../../src/server/app.js';
import type { EvaluationRecord } from '../../src/store/index.js';
import {
  FAST_SCRYPT,
  demoBytes,
  demoDocument,
  describeBackends,
  json,
  login,
  makeEvaluation,
  openTestDb,
  seedWorld,
  type ErrorBody,
} from './helpers.js';

interface View {
  evaluation: EvaluationRecord;
  version: { version: number };
  document: Evaluation;
}

function demoUpload(
  fields: Record<string, string> = {},
  name = '示例区融媒体中心2024年自评报告.txt',
  bytes = demoBytes(),
): FormData {
  const form = new FormData();
  form.set('file', new File([bytes], name, { type: 'text/plain' }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

describeBackends('evaluations', (env) => {
  it('imports an uploaded report: the Evaluation, its findings, and the original file kept', async () => {
    const c = await env().as('preparer');
    const res = await c.request('POST', '/api/evaluations/import', { form: demoUpload({ year: '2021' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await json<{
      evaluation: EvaluationRecord;
      document: Evaluation;
      findings: { severity: string }[];
      summary: { errors: number; warnings: number; infos: number };
      file: { id: string; sha256: string; size: number; fileName: string };
    }>(res);
    expect(body.evaluation).toMatchObject({
      unitId: env().world.unitA1.id,
      year: 2021,
      state: 'draft',
      currentVersion: 1,
    });
    expect(body.document.year).toBe(2021);
    expect(body.document.selfEvaluation?.indicators.length).toBeGreaterThan(10);
    const count = (s: string) => body.findings.filter((f) => f.severity === s).length;
    expect(body.summary).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    expect(body.evaluation.errors).toBe(body.summary.errors);
    expect(body.evaluation.totalSelf).toBe('98.54');
    const bytes = demoBytes();
    expect(body.file).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const files = await json<{ items: { id: string }[] }>(await c.get(`/api/evaluations/${body.evaluation.id}/files`));
    expect(files.items.map((f) => f.id)).toEqual([body.file.id]);
    const download = await c.get(`/api/files/${body.file.id}`);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    // the same unit, year and kind again: a conflict, nothing new stored
    const again = await c.request('POST', '/api/evaluations/import', { form: demoUpload({ year: '2021' }) });
    expect(again.status).toBe(409);
    expect((await json<ErrorBody>(again)).error.code).toBe('already_exists');
  });

  it('refuses bad uploads with the right status, never a 500', async () => {
    const c = await env().as('preparer');
    const cases: [FormData | undefined, Record<string, string>, number, string][] = [
      [new FormData(), {}, 400, 'validation'],
      [demoUpload({}, 'empty.txt', new Uint8Array()), {}, 422, 'import_failed'],
      [
        demoUpload({}, 'picture.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])),
        {},
        422,
        'import_failed',
      ],
      [
        demoUpload({}, 'nonsense.txt', new TextEncoder().encode('今天天气很好。\n我们去公园散步。\n')),
        {},
        422,
        'import_failed',
      ],
      [demoUpload({ year: '1066' }), {}, 400, 'validation'],
      [demoUpload({ kind: 'other' }), {}, 400, 'validation'],
      [demoUpload({ unitId: env().world.deptA.id }), {}, 403, 'forbidden'],
    ];
    for (const [form, headers, status, code] of cases) {
      const res = await c.request('POST', '/api/evaluations/import', { ...(form ? { form } : {}), headers });
      const body = await json<ErrorBody>(res);
      expect([res.status, body.error.code], body.error.message).toEqual([status, code]);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const asJson = await c.post('/api/evaluations/import', { file: 'x' });
    expect(asJson.status).toBe(415);
    // a report without a year: the JSON form of an Evaluation with none
    const noYear = demoUpload(
      {},
      'noyear.json',
      new TextEncoder().encode(JSON.stringify({ kind: 'department', title: '无年度' })),
    );
    const r = await c.request('POST', '/api/evaluations/import', { form: noYear });
    expect(r.status).toBe(400);
    expect((await json<ErrorBody>(r)).error.message).toContain('年度');
  });

  it('creates an evaluation; a project needs its name; only units hold evaluations', async () => {
    const c = await env().as('preparer');
    const res = await c.post('/api/evaluations', { year: 2030, kind: 'department' });
    expect(res.status).toBe(201);
    const body = await json<View>(res);
    expect(body.document).toMatchObject({ year: 2030, kind: 'department', unit: { name: env().world.unitA1.name } });
    expect(body.version.version).toBe(1);
    expect((await c.post('/api/evaluations', { year: 2030, kind: 'project' })).status).toBe(400);
    const bad = await c.post('/api/evaluations', { year: 2030, unitId: env().world.deptA.id });
    expect([bad.status, (await json<ErrorBody>(bad)).error.code]).toEqual([403, 'forbidden']);
    const invalid = await c.post('/api/evaluations', { year: 'soon', document: { kind: 'neither' } });
    expect(invalid.status).toBe(400);
    const err = await json<ErrorBody & { error: { details: { issues: { path: string }[] } } }>(invalid);
    expect(err.error.details.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['year', 'document.kind']));
  });

  it('updates with optimistic locking: If-Match or version; stale → 409 with the current version, nothing merged', async () => {
    const c = await env().as('preparer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'draft');
    const doc = (await json<View>(await c.get(`/api/evaluations/${e.id}`))).document;
    const first = await c.put(
      `/api/evaluations/${e.id}`,
      { document: { ...doc, title: '第二版' } },
      { headers: { 'if-match': '"1"' } },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await c.put(`/api/evaluations/${e.id}`, {
      version: 1,
      document: { ...doc, title: '基于旧版的修改' },
    });
    expect(stale.status).toBe(409);
    const conflict = await json<
      ErrorBody & { error: { details: { currentVersion: number; current: { document: Evaluation } } } }
    >(stale);
    expect(conflict.error.code).toBe('version_conflict');
    expect(conflict.error.details.currentVersion).toBe(2);
    expect(conflict.error.details.current.document.title).toBe('第二版');
    expect((await env().store.evaluations.get(e.id))?.currentVersion).toBe(2);
    // no version at all; a malformed If-Match; disagreeing version and If-Match
    expect((await c.put(`/api/evaluations/${e.id}`, { document: doc })).status).toBe(428);
    expect(
      (await c.put(`/api/evaluations/${e.id}`, { document: doc }, { headers: { 'if-match': 'yesterday' } })).status,
    ).toBe(400);
    expect(
      (await c.put(`/api/evaluations/${e.id}`, { version: 2, document: doc }, { headers: { 'if-match': '"3"' } }))
        .status,
    ).toBe(400);
    // an invalid document names the path
    const bad = await c.put(`/api/evaluations/${e.id}`, {
      version: 2,
      document: { ...doc, selfEvaluation: { indicators: [{ id: 1 }] } },
    });
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.message).toContain('document.selfEvaluation.indicators[0]');
    // versions are kept: read the old one
    const v1 = await json<View>(await c.get(`/api/evaluations/${e.id}?version=1`));
    expect(v1.document.title).toBe(doc.title);
    expect((await c.get(`/api/evaluations/${e.id}?version=9`)).status).toBe(404);
  });

  it('answers If-None-Match with 304 and serves every version from the cache correctly', async () => {
    const c = await env().as('preparer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'draft');
    const first = await c.get(`/api/evaluations/${e.id}`);
    const etag = first.headers.get('etag')!;
    const doc = (await json<View>(first)).document;
    const again = await c.get(`/api/evaluations/${e.id}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    await c.put(`/api/evaluations/${e.id}`, { version: 1, document: { ...doc, title: '第二版标题' } });
    const changed = await c.get(`/api/evaluations/${e.id}`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    const [v1, v2] = await Promise.all([
      json<View>(await c.get(`/api/evaluations/${e.id}?version=1`)),
      json<View>(await c.get(`/api/evaluations/${e.id}`)),
    ]);
    expect(v1.document).toEqual(doc);
    expect(v2.document.title).toBe('第二版标题');
    expect(v2.version.version).toBe(2);
    // another user of another unit still gets the matrix's answer, cached or not
    const other = await env().client(env().world.users.preparerA2);
    expect((await other.get(`/api/evaluations/${e.id}`)).status).toBe(403);
  });

  it('lists versions and diffs two of them field by field', async () => {
    const c = await env().as('preparer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'draft');
    const doc = (await json<View>(await c.get(`/api/evaluations/${e.id}`))).document;
    const se = structuredClone(doc.selfEvaluation!);
    se.indicators[0]!.actual = { text: '2700篇', q: { kind: 'number', value: '2700', unit: '篇' } };
    await c.put(`/api/evaluations/${e.id}`, {
      version: 1,
      document: { ...doc, selfEvaluation: se },
      note: '修改实际完成值',
    });
    await c.put(`/api/evaluations/${e.id}`, { version: 2, document: { ...doc, selfEvaluation: se, title: '新标题' } });
    const versions = await json<{ items: { version: number; note: string | null }[] }>(
      await c.get(`/api/evaluations/${e.id}/versions`),
    );
    expect(versions.items.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions.items[1]!.note).toBe('修改实际完成值');
    const diff = await json<{ changes: { path: string; before: unknown; after: unknown }[] }>(
      await c.get(`/api/evaluations/${e.id}/diff?from=1&to=3`),
    );
    expect(diff.changes.map((ch) => ch.path).sort()).toEqual(['selfEvaluation.indicators.0.actual', 'title']);
    expect(diff.changes.find((ch) => ch.path === 'title')).toMatchObject({ before: doc.title, after: '新标题' });
    const last = await json<{ from: number; to: number; changes: unknown[] }>(
      await c.get(`/api/evaluations/${e.id}/diff`),
    );
    expect([last.from, last.to, last.changes.length]).toEqual([2, 3, 1]);
    expect((await c.get(`/api/evaluations/${e.id}/diff?from=1&to=7`)).status).toBe(404);
  });

  it('scores and checks any version with the evaluation’s or a chosen profile', async () => {
    const c = await env().as('reviewer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const sheet = await json<{ profileId: string; total: { recomputed: number } }>(
      await c.get(`/api/evaluations/${e.id}/score`),
    );
    expect(sheet.profileId).toBe('national-2020');
    expect(sheet.total.recomputed).toBeCloseTo(98.54, 2);
    const hunan = await json<{ profileId: string }>(await c.get(`/api/evaluations/${e.id}/score?profile=hunan`));
    expect(hunan.profileId).toBe('hunan');
    const unknown = await c.get(`/api/evaluations/${e.id}/score?profile=atlantis`);
    expect(unknown.status).toBe(400);
    expect((await json<ErrorBody>(unknown)).error.message).toContain('national-2020');
    const check = await json<{
      summary: { errors: number };
      findings: unknown[];
      score: { recomputed: { grade: string } };
    }>(await c.get(`/api/evaluations/${e.id}/check?profile=hunan`));
    expect(check.score.recomputed.grade).toBe('优秀');
    expect(Array.isArray(check.findings)).toBe(true);
  });

  it('exports docx, xlsx, html and json with a Chinese file name', async () => {
    const c = await env().as('preparer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'draft');
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
      ['html', '<!'],
      ['json', '{'],
    ] as const) {
      const res = await c.get(`/api/evaluations/${e.id}/export?format=${format}&withReview=true`);
      expect(res.status, format).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(new TextDecoder().decode(bytes.subarray(0, 2)).trimStart().slice(0, magic.length)).toBe(magic);
      const disposition = res.headers.get('content-disposition') ?? '';
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe(
        `${env().world.unitA1.name}2024年${e.projectName}项目支出绩效自评报告.${format}`,
      );
      if (format === 'xlsx') {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        expect(wb.worksheets.length).toBeGreaterThan(1);
      }
    }
    expect((await c.get(`/api/evaluations/${e.id}/export?format=odt`)).status).toBe(400);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('exports PDF through Chromium', { timeout: 120_000 }, async () => {
    const c = await env().as('preparer');
    const e = await makeEvaluation(env().store, env().world.unitA1, 'draft');
    const res = await c.get(`/api/evaluations/${e.id}/export?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer()).subarray(0, 5))).toBe('%PDF-');
  });

  it('lists only what the user may see, with filters, sorting and paging', async () => {
    const { store, world } = env();
    const year = 2027;
    await makeEvaluation(store, world.unitA1, 'draft', year);
    await makeEvaluation(store, world.unitA1, 'submitted', year);
    await makeEvaluation(store, world.unitA2, 'unitApproved', year);
    await makeEvaluation(store, world.unitB1, 'unitApproved', year);
    const preparer = await env().as('preparer');
    const reviewer = await env().as('reviewer');
    type ListBody = { items: (EvaluationRecord & { departmentName: string | null })[]; total: number };
    const own = await json<ListBody>(await preparer.get(`/api/evaluations?year=${year}`));
    expect(own.total).toBe(2);
    expect(own.items.every((i) => i.unitId === world.unitA1.id)).toBe(true);
    const bureau = await json<ListBody>(await reviewer.get(`/api/evaluations?year=${year}`));
    expect(bureau.total).toBe(3);
    expect(bureau.items.every((i) => i.bureauId === world.bureauA.id && i.departmentName === world.deptA.name)).toBe(
      true,
    );
    const queue = await json<ListBody>(
      await reviewer.get(`/api/evaluations?year=${year}&state=unitApproved,submitted&sort=unitName&direction=desc`),
    );
    expect(queue.items.map((i) => i.state).sort()).toEqual(['submitted', 'unitApproved']);
    expect(queue.items[0]!.unitName >= queue.items[1]!.unitName).toBe(true);
    const page = await json<ListBody & { limit: number; offset: number }>(
      await reviewer.get(`/api/evaluations?year=${year}&limit=2&offset=2`),
    );
    expect([page.items.length, page.total, page.limit, page.offset]).toEqual([1, 3, 2, 2]);
    const search = await json<ListBody>(
      await reviewer.get(`/api/evaluations?year=${year}&search=${encodeURIComponent('实验小学')}`),
    );
    expect(search.items.map((i) => i.unitId)).toEqual([world.unitA2.id]);
    expect((await json<ListBody>(await reviewer.get(`/api/evaluations?year=${year}&hasErrors=true`))).total).toBe(0);
    expect((await reviewer.get(`/api/evaluations?departmentId=${world.deptB.id}`)).status).toBe(403);
    const badState = await reviewer.get('/api/evaluations?state=finished');
    expect(badState.status).toBe(400);
    expect((await json<ErrorBody>(badState)).error.message).toContain('finished');
    expect((await reviewer.get('/api/evaluations?limit=0')).status).toBe(400);
  });

  it('answers unknown ids with 404, malformed ones with 400, unknown paths with a JSON 404', async () => {
    const c = await env().as('reviewer');
    expect((await c.get('/api/evaluations/01931c4e-8b7a-7c3d-9f10-2a4b6c8d0e1f')).status).toBe(404);
    const bad = await c.get('/api/evaluations/not-an-id');
    expect([bad.status, (await json<ErrorBody>(bad)).error.code]).toEqual([400, 'validation']);
    const none = await c.get('/api/nothing-here');
    expect([none.status, (await json<ErrorBody>(none)).error.code]).toEqual([404, 'not_found']);
  });
});

describe('upload and body limits', () => {
  it('413 for an upload over the limit and for an oversized JSON body', async () => {
    const db = await openTestDb('sqlite');
    try {
      const world = await seedWorld(db.store);
      const app = createApp({ store: db.store, scrypt: FAST_SCRYPT, maxUploadBytes: 4096, maxJsonBytes: 2048 });
      const c = await login(app, world.users.preparer);
      const res = await c.request('POST', '/api/evaluations/import', { form: demoUpload() });
      expect(res.status).toBe(413);
      expect((await json<ErrorBody>(res)).error.code).toBe('payload_too_large');
      const big = await c.post('/api/evaluations', {
        year: 2030,
        document: { kind: 'department', title: '长'.repeat(3000) },
      });
      expect(big.status).toBe(413);
      expect(await db.store.evaluations.list({})).toMatchObject({ total: 0 });
    } finally {
      await db.dispose();
    }
  });
});

describe('bad input never gives a 500', () => {
  it('junk of every kind on every write route: never a 5xx; errors are JSON in Chinese', async () => {
    const db = await openTestDb('sqlite');
    try {
      const world = await seedWorld(db.store);
      const app = createApp({
        store: db.store,
        scrypt: FAST_SCRYPT,
        logger: { info: () => undefined, error: () => undefined },
      });
      const c = await login(app, world.users.preparer);
      const e = await makeEvaluation(db.store, world.unitA1, 'draft');
      const paths = [
        '/api/evaluations',
        `/api/evaluations/${e.id}`,
        `/api/evaluations/${e.id}/comments`,
        `/api/evaluations/${e.id}/review`,
        `/api/evaluations/${e.id}/transitions/submit`,
        `/api/evaluations/${e.id}/transitions/launch`,
        '/api/tasks',
        '/api/users',
        '/api/organisations',
        '/api/auth/password',
        '/api/bureau/batch-check',
      ];
      const bodies = [
        '{',
        '[]',
        'null',
        '"text"',
        '{"year":1e400}',
        '{"document":{"kind":[]}}',
        '{"version":-1,"document":{}}',
        '\u0000\uffff',
      ];
      for (const path of paths) {
        for (const method of ['POST', 'PUT', 'PATCH']) {
          for (const body of bodies) {
            for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
              const res = await c.request(method, path, { headers: { 'content-type': type }, ...{} });
              const res2 = await app.request(path, {
                method,
                headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': type },
                body,
              });
              for (const r of [res, res2]) {
                expect(r.status, `${method} ${path} ${type} ${body}`).toBeLessThan(500);
                if (r.status < 400) continue; // a body that happens to be valid (an empty transition request)
                const err = await json<ErrorBody>(r);
                expect(err.error.message).toMatch(/[\u4e00-\u9fff]/);
              }
            }
          }
        }
      }
      const after = await db.store.evaluations.get(e.id);
      expect(after?.currentVersion).toBe(1);
      expect(after?.state).toBe('submitted');
    } finally {
      await db.dispose();
    }
  });

  it('an unexpected failure is a generic 500; the stack goes to the server log only', async () => {
    const db = await openTestDb('sqlite');
    try {
      const world = await seedWorld(db.store);
      const logged: unknown[] = [];
      const broken = {
        ...db.store,
        evaluations: {
          ...db.store.evaluations,
          list: () => Promise.reject(new Error('disk on fire at /var/lib/secret')),
        },
      };
      const app = createApp({
        store: broken,
        scrypt: FAST_SCRYPT,
        logger: { info: () => undefined, error: (_m, err) => logged.push(err) },
      });
      const c = await login(app, world.users.preparer);
      const res = await c.get('/api/evaluations');
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain('disk on fire');
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'internal', message: expect.stringMatching(/服务器内部错误/) },
      });
      expect(logged).toHaveLength(1);
      expect(String((logged[0] as Error).stack)).toContain('disk on fire');
    } finally {
      await db.dispose();
    }
  });
});

describe('the demo document', () => {
  it('is available to the tests', async () => {
    expect((await demoDocument()).selfEvaluation?.indicators.length).toBe(14);
  });
});
