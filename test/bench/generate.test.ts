import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { evaluationSchema } from '../../src/model/index.js';
import { DEMO_REPORT_URL, generateDataset, prng } from '../../bench/generate.js';
import { describeStores } from '../store/helpers.js';

const haveDemo = existsSync(fileURLToPath(DEMO_REPORT_URL));
if (!haveDemo) console.warn(`demo report missing (${fileURLToPath(DEMO_REPORT_URL)}): generate tests skipped`);

it('the PRNG is deterministic and uniform enough', () => {
  const a = prng(7);
  const b = prng(7);
  const xs = Array.from({ length: 1000 }, () => a());
  expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThan(1);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  expect(mean).toBeGreaterThan(0.45);
  expect(mean).toBeLessThan(0.55);
});

describeStores('generated data set', (db) => {
  it.skipIf(!haveDemo)('bulk-inserts units × years of realistic, varied, valid evaluations', async () => {
    const { store } = db();
    const progress: number[] = [];
    const r = await generateDataset(store, {
      units: 60,
      years: [2023, 2024],
      departments: 4,
      batchSize: 25,
      variants: 6,
      versionsPerEvaluation: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(r).toMatchObject({ evaluations: 120, versions: 240, years: [2023, 2024] });
    expect(r.unitIds).toHaveLength(60);
    expect(r.departmentIds).toHaveLength(4);
    expect(progress).toEqual([25, 50, 75, 100, 120]);
    expect((await store.organisations.unitsUnder(r.bureauId)).length).toBe(60);
    expect((await store.organisations.unitsUnder(r.departmentIds[0] ?? '')).length).toBe(15);

    const page = await store.evaluations.list({ bureauId: r.bureauId, limit: 1000 });
    expect(page.total).toBe(120);
    // the list columns come from scoring and checking, and vary
    const totals = new Set(page.items.map((e) => e.totalRecomputed));
    expect(totals.size).toBeGreaterThan(1);
    for (const e of page.items) {
      expect(e.totalRecomputed).toMatch(/^\d+(\.\d+)?$/);
      expect(e.grade).not.toBeNull();
      expect(e.currentVersion).toBe(2);
    }
    const states = new Set(page.items.map((e) => e.state));
    expect(states.size).toBeGreaterThan(2);

    // documents are valid Evaluations carrying their own unit name and year
    const sample = page.items[7];
    const current = await store.evaluations.getCurrent(sample?.id ?? '');
    const doc = current?.version.document;
    expect(evaluationSchema.safeParse(doc).success).toBe(true);
    expect(doc?.unit.name).toBe(sample?.unitName);
    expect(doc?.year).toBe(sample?.year);
    expect(doc?.title).toContain(`${sample?.year}年`);
    expect(doc?.title).toContain(sample?.unitName ?? '?');
    expect(doc?.sources).toEqual({});
    expect((await store.evaluations.listVersions(sample?.id ?? '')).map((v) => v.version)).toEqual([1, 2]);

    // one task per year, addressed to every unit, with progress
    expect(r.taskIds).toHaveLength(2);
    const progressRows = await store.tasks.progress(r.taskIds[0] ?? '');
    expect(progressRows).toHaveLength(60);
    expect(progressRows.every((p) => p.evaluations.length === 1)).toBe(true);
  });
});
