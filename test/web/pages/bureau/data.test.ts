import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/formats/import.js';
import { getProfile } from '../../../../src/rules/index.js';
import { score } from '../../../../src/scoring/index.js';
import type { EvaluationListItem, TaskProgress } from '../../../../web/src/api/types.js';
import {
  departmentOfUnit,
  departmentsOf,
  executionVsAchievement,
  fetchAllPages,
  gradeDistribution,
  gradeNameOf,
  mapLimit,
  meanOf,
  mostErrors,
  plotNumber,
  scorePoints,
  stageCounts,
  stageOf,
  type OrgNode,
} from '../../../../web/src/pages/bureau/data.js';

function item(over: Partial<EvaluationListItem>): EvaluationListItem {
  return {
    id: over.id ?? 'e1',
    unitId: 'u1',
    unitName: over.unitName ?? '甲单位',
    departmentId: null,
    departmentName: null,
    bureauId: null,
    year: 2024,
    kind: 'department',
    projectName: null,
    state: 'unitApproved',
    currentVersion: 1,
    totalSelf: null,
    totalRecomputed: null,
    grade: null,
    errors: 0,
    warnings: 0,
    infos: 0,
    createdBy: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

describe('grades', () => {
  it('reads canonical names, profile labels and aliases with the core parser', () => {
    expect(gradeNameOf('优')).toBe('优');
    expect(gradeNameOf('优秀')).toBe('优');
    expect(gradeNameOf('良好')).toBe('良');
    expect(gradeNameOf('合格')).toBe('中');
    expect(gradeNameOf('不合格')).toBe('差');
    expect(gradeNameOf('很好')).toBeNull();
    expect(gradeNameOf(null)).toBeNull();
  });

  it('counts evaluations per grade in grade order, the ungraded last and only when present', () => {
    const dist = gradeDistribution([{ grade: '良好' }, { grade: '优' }, { grade: '良' }, { grade: '差' }]);
    expect(dist).toEqual([
      { name: '优', count: 1 },
      { name: '良', count: 2 },
      { name: '中', count: 0 },
      { name: '差', count: 1 },
    ]);
    const withNone = gradeDistribution([{ grade: null }, { grade: '优' }]);
    expect(withNone.at(-1)).toEqual({ name: '未评定', count: 1 });
  });
});

describe('score points', () => {
  it('keeps evaluations with both totals and computes the exact gap', () => {
    const points = scorePoints([
      item({ id: 'a', totalSelf: '95.10', totalRecomputed: '92.30' }),
      item({ id: 'b', totalSelf: null, totalRecomputed: '80' }),
      item({ id: 'c', totalSelf: '0.3', totalRecomputed: '0.1' }),
    ]);
    expect(points.map((p) => p.id)).toEqual(['a', 'c']);
    expect(points[0]).toMatchObject({ self: 95.1, recomputed: 92.3, gap: '2.80' });
    // 0.3 − 0.1 is exact, not 0.19999999999999998
    expect(points[1]!.gap).toBe('0.20');
  });

  it('plots only decimal strings', () => {
    expect(plotNumber('12.5')).toBe(12.5);
    expect(plotNumber('abc')).toBeNull();
    expect(plotNumber(null)).toBeNull();
  });

  it('means decimal strings exactly', () => {
    expect(meanOf(['0.1', '0.2', null])).toBe('0.15');
    expect(meanOf([null])).toBeNull();
  });
});

describe('most errors', () => {
  it('orders by errors, then warnings, drops the clean ones and cuts at n', () => {
    const top = mostErrors(
      [
        item({ id: 'a', unitName: '甲', errors: 1, warnings: 9 }),
        item({ id: 'b', unitName: '乙', errors: 3 }),
        item({ id: 'c', unitName: '丙' }),
        item({ id: 'd', unitName: '丁', errors: 1, warnings: 2 }),
        item({ id: 'e', unitName: '戊', warnings: 1 }),
      ],
      3,
    );
    expect(top.map((t) => t.id)).toEqual(['b', 'a', 'd']);
  });
});

const DEMO = new URL('../../../../examples/shili-rongmeiti-2024.txt', import.meta.url);

describe.skipIf(!existsSync(DEMO))('execution vs achievement from a real score sheet', () => {
  it('takes the execution rate from the sheet and the achievement from the indicator rows', async () => {
    const { evaluation } = await importFile(new Uint8Array(readFileSync(DEMO)), 'demo.txt');
    const profile = getProfile('hunan')!;
    const sheet = score(evaluation, profile);
    const p = executionVsAchievement(sheet);
    expect(p.executionRate).toBe('97.70');
    const weight = sheet.items.reduce((s, i) => s + (i.weight ?? 0), 0);
    const got = sheet.items.reduce((s, i) => s + (i.recomputed ?? 0), 0);
    expect(Number(p.achievement)).toBeCloseTo((got / weight) * 100, 2);
    expect(Number(p.achievement)).toBeLessThan(100);
  });

  it('gives null without a rate or without weights', () => {
    const p = executionVsAchievement({
      execution: { inputs: {} } as never,
      items: [{ weight: null, recomputed: null } as never],
    });
    expect(p).toEqual({ executionRate: null, achievement: null });
  });
});

describe('organisation tree', () => {
  const node = (id: string, kind: OrgNode['kind'], name: string, children: OrgNode[] = []): OrgNode => ({
    id,
    kind,
    name,
    code: null,
    parentId: null,
    createdAt: '',
    children,
  });
  const tree = [
    node('b', 'bureau', '财政局', [
      node('d2', 'department', '乙部门', [node('u2', 'unit', '单位二')]),
      node('d1', 'department', '甲部门', [node('u1', 'unit', '单位一')]),
      node('u3', 'unit', '直属单位'),
    ]),
  ];

  it('lists the departments and maps units to them', () => {
    expect(departmentsOf(tree).map((d) => d.id)).toEqual(['d1', 'd2']);
    const of = departmentOfUnit(tree);
    expect(of.get('u1')).toBe('d1');
    expect(of.get('u2')).toBe('d2');
    expect(of.get('u3')).toBeNull();
  });
});

describe('task stages', () => {
  const unit = (states: TaskProgress['units'][number]['evaluations'][number]['state'][]) => ({
    unitId: 'u',
    unitName: 'u',
    submitted: false,
    evaluations: states.map((state, i) => ({ id: String(i), state, projectName: null, updatedAt: '' })),
  });

  it('takes the most advanced state of a unit', () => {
    expect(stageOf(unit([]))).toBe('notStarted');
    expect(stageOf(unit(['draft', 'accepted']))).toBe('accepted');
    expect(stageOf(unit(['returned']))).toBe('returned');
  });

  it('counts units per stage in workflow order', () => {
    expect(stageCounts([unit([]), unit(['published']), unit(['draft']), unit(['draft'])])).toEqual([
      { stage: 'notStarted', count: 1 },
      { stage: 'draft', count: 2 },
      { stage: 'published', count: 1 },
    ]);
  });
});

describe('paging and concurrency helpers', () => {
  it('reads every page until the total and reports truncation at max', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => i);
    const calls: number[] = [];
    const page = async (offset: number, limit: number) => {
      calls.push(offset);
      return { items: all.slice(offset, offset + limit), total: all.length };
    };
    const r = await fetchAllPages(page, 5000, 1000);
    expect(r.items).toHaveLength(2500);
    expect(r.truncated).toBe(false);
    expect(calls).toEqual([0, 1000, 2000]);
    const cut = await fetchAllPages(page, 1500, 1000);
    expect(cut.items).toHaveLength(1500);
    expect(cut.truncated).toBe(true);
  });

  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
