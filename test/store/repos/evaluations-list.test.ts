import { beforeAll, expect, it } from 'vitest';
import { Dec } from '../../../src/model/index.js';
import {
  InvalidInputError,
  type EvaluationListQuery,
  type EvaluationRecord,
  type EvaluationState,
} from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree, type Tree } from '../helpers.js';

const STATES: EvaluationState[] = ['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published'];
const GRADES = ['优', '良', '中', '差', null];
const TOTALS = ['95.5', '90', '89.99', '100.00', '60', '59.5', '0.30', '88.125', null, '90.000001', '75', '12'];

describeStores('evaluation list', (db) => {
  let tree: Tree;
  let all: EvaluationRecord[];

  beforeAll(async () => {
    const { store } = db();
    tree = await seedTree(store);
    all = [];
    let i = 0;
    for (const year of [2023, 2024]) {
      for (const unit of tree.units) {
        for (const project of [null, '校园安全工程']) {
          const total = TOTALS[i % TOTALS.length] ?? null;
          all.push(
            await store.evaluations.create({
              unitId: unit.id,
              year,
              kind: project ? 'project' : 'department',
              projectName: project,
              document: makeDocument(),
              createdBy: null,
              state: STATES[i % STATES.length],
              at: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
              summary: {
                totalRecomputed: total,
                totalSelf: TOTALS[(i + 5) % TOTALS.length],
                grade: GRADES[i % GRADES.length],
                errors: i % 3,
                warnings: i % 4,
                infos: i % 2,
              },
            }),
          );
          i++;
        }
      }
    }
    // another bureau's evaluation that no filter of ours may return
    const other = await seedTree(store);
    await store.evaluations.create({
      unitId: other.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
  });

  /** Expected ids: the same filter applied in plain JS. */
  function expected(q: EvaluationListQuery, pool = all): string[] {
    const states = q.state === undefined ? undefined : Array.isArray(q.state) ? q.state : [q.state];
    const grades = q.grade === undefined ? undefined : Array.isArray(q.grade) ? q.grade : [q.grade];
    const field = q.totalField ?? 'totalRecomputed';
    return pool
      .filter((e) => q.departmentId === undefined || e.departmentId === q.departmentId)
      .filter((e) => q.unitIds === undefined || q.unitIds.includes(e.unitId))
      .filter((e) => q.year === undefined || e.year === q.year)
      .filter((e) => q.kind === undefined || e.kind === q.kind)
      .filter((e) => states === undefined || states.includes(e.state))
      .filter((e) => grades === undefined || (e.grade !== null && grades.includes(e.grade)))
      .filter(
        (e) =>
          q.search === undefined ||
          e.unitName.toLowerCase().includes(q.search.toLowerCase()) ||
          (e.projectName ?? '').toLowerCase().includes(q.search.toLowerCase()),
      )
      .filter((e) => q.minTotal === undefined || (e[field] !== null && new Dec(e[field] ?? 0).gte(q.minTotal)))
      .filter((e) => q.maxTotal === undefined || (e[field] !== null && new Dec(e[field] ?? 0).lte(q.maxTotal)))
      .filter((e) => q.hasErrors === undefined || e.errors > 0 === q.hasErrors)
      .map((e) => e.id)
      .sort();
  }

  async function ids(q: EvaluationListQuery): Promise<string[]> {
    const page = await db().store.evaluations.list({ bureauId: tree.bureau.id, limit: 1000, ...q });
    expect(page.total).toBe(page.items.length);
    return page.items.map((e) => e.id).sort();
  }

  const filters: [string, () => EvaluationListQuery][] = [
    ['no filter but the bureau', () => ({})],
    ['year', () => ({ year: 2023 })],
    ['kind', () => ({ kind: 'project' })],
    ['one state', () => ({ state: 'submitted' })],
    ['several states', () => ({ state: ['draft', 'returned', 'published'] })],
    ['no state at all', () => ({ state: [] })],
    ['department', () => ({ departmentId: tree.departments[0].id })],
    ['unit ids', () => ({ unitIds: [tree.units[1].id, tree.units[3].id] })],
    ['empty unit ids', () => ({ unitIds: [] })],
    ['one grade', () => ({ grade: '优' })],
    ['several grades', () => ({ grade: ['良', '差'] })],
    ['search by unit name', () => ({ search: '人民医院' })],
    ['search by project name', () => ({ search: '安全' })],
    ['search with LIKE wildcards is literal', () => ({ search: '%' })],
    ['min total (recomputed)', () => ({ minTotal: '90' })],
    ['max total (recomputed)', () => ({ maxTotal: '60' })],
    ['min and max total', () => ({ minTotal: '59.5', maxTotal: '90.000001' })],
    ['total bounds on the self total', () => ({ minTotal: '89.99', totalField: 'totalSelf' })],
    ['has errors', () => ({ hasErrors: true })],
    ['has no errors', () => ({ hasErrors: false })],
    [
      'everything at once',
      () => ({
        year: 2024,
        departmentId: tree.departments[0].id,
        state: ['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published'],
        search: '测试',
        minTotal: '0',
        hasErrors: true,
      }),
    ],
  ];
  for (const [name, make] of filters) {
    it(`filters: ${name}`, async () => {
      const q = make();
      const want = expected(q);
      expect(await ids(q)).toEqual(want);
    });
  }

  it('the filters are not vacuous on this data', () => {
    for (const [name, make] of filters) {
      const n = expected(make()).length;
      if (name.startsWith('no state') || name.startsWith('empty') || name.includes('wildcards')) expect(n).toBe(0);
      else expect(n, name).toBeGreaterThan(0);
      if (name !== 'no filter but the bureau') expect(n, name).toBeLessThan(all.length);
    }
  });

  it('sorts numerically by total with NULLs last, in both directions', async () => {
    const { store } = db();
    const withTotal = all.filter((e) => e.totalRecomputed !== null);
    const asc = [...withTotal].sort((a, b) => new Dec(a.totalRecomputed ?? 0).cmp(b.totalRecomputed ?? 0));
    const up = await store.evaluations.list({ bureauId: tree.bureau.id, sort: 'totalRecomputed', limit: 1000 });
    const upTotals = up.items.map((e) => e.totalRecomputed);
    expect(upTotals.slice(0, withTotal.length)).toEqual(asc.map((e) => e.totalRecomputed));
    expect(upTotals.slice(withTotal.length).every((t) => t === null)).toBe(true);
    const down = await store.evaluations.list({
      bureauId: tree.bureau.id,
      sort: 'totalRecomputed',
      direction: 'desc',
      limit: 1000,
    });
    const downTotals = down.items.map((e) => e.totalRecomputed);
    expect(downTotals.slice(0, withTotal.length)).toEqual(asc.reverse().map((e) => e.totalRecomputed));
    expect(downTotals.slice(withTotal.length).every((t) => t === null)).toBe(true);
  });

  it('sorts by other columns and defaults to the newest first', async () => {
    const { store } = db();
    const byDefault = await store.evaluations.list({ bureauId: tree.bureau.id, limit: 1000 });
    const updated = byDefault.items.map((e) => e.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const byName = await store.evaluations.list({ bureauId: tree.bureau.id, sort: 'unitName', limit: 1000 });
    const names = byName.items.map((e) => e.unitName);
    expect(names).toEqual([...names].sort());
    const byErrors = await store.evaluations.list({
      bureauId: tree.bureau.id,
      sort: 'errors',
      direction: 'desc',
      limit: 1000,
    });
    const errors = byErrors.items.map((e) => e.errors);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    await expect(store.evaluations.list({ sort: 'password' as never })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(store.evaluations.list({ minTotal: 'ninety' })).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('pages with a total count, stable across pages', async () => {
    const { store } = db();
    const seen: string[] = [];
    for (let offset = 0; offset < all.length; offset += 5) {
      const page = await store.evaluations.list({ bureauId: tree.bureau.id, sort: 'unitName', limit: 5, offset });
      expect(page.total).toBe(all.length);
      expect(page).toMatchObject({ limit: 5, offset });
      seen.push(...page.items.map((e) => e.id));
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    const beyond = await store.evaluations.list({ bureauId: tree.bureau.id, offset: 1000 });
    expect(beyond).toMatchObject({ items: [], total: all.length });
    const capped = await store.evaluations.list({ bureauId: tree.bureau.id, limit: 10_000 });
    expect(capped.limit).toBe(1000);
  });

  it('counts by state', async () => {
    const { store } = db();
    const counts = await store.evaluations.countByState({ bureauId: tree.bureau.id, year: 2024 });
    for (const state of STATES) {
      expect(counts[state]).toBe(all.filter((e) => e.year === 2024 && e.state === state).length);
    }
  });
});
