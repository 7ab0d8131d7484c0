import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEvaluation } from '../../../src/checks/index.js';
import { importFile } from '../../../src/formats/import.js';
import { evaluationSchema, type Evaluation } from '../../../src/model/index.js';
import { getProfile } from '../../../src/rules/index.js';
import { setAt } from '../../../web/src/lib/doc.js';
import { allFieldPaths, allSectionStatuses, sectionStatus } from '../../../web/src/lib/fields.js';
import { resolveFieldPaths, sectionOfPath } from '../../../web/src/lib/paths.js';

const blank = (): Evaluation => evaluationSchema.parse({ kind: 'department', year: 2024 });

describe('section status', () => {
  it('is not started for an empty section and in progress once something is typed', () => {
    const e = blank();
    expect(sectionStatus('goal', e, [])).toBe('notStarted');
    const typed = setAt(e, 'selfEvaluation.overallGoal.expected', '完成全年宣传任务');
    expect(sectionStatus('goal', typed, [])).toBe('inProgress');
    const both = setAt(typed, 'selfEvaluation.overallGoal.actual', '已完成');
    expect(sectionStatus('goal', both, [])).toBe('done');
  });

  it('has errors whenever an error finding points into the section', () => {
    const e = setAt(blank(), 'selfEvaluation.overallGoal.expected', 'x');
    expect(sectionStatus('goal', e, ['selfEvaluation.overallGoal.actual'])).toBe('hasErrors');
    expect(sectionStatus('goal', e, ['selfEvaluation.indicators.1.actual'])).toBe('inProgress');
  });

  it('counts the indicator grid done only when every row has a name, target, actual and weight', () => {
    const row = {
      id: 'i1',
      category: '产出指标',
      categoryKey: 'output',
      subcategory: '数量指标',
      subcategoryKey: 'quantity',
      name: '稿件数',
    };
    let e = setAt(blank(), 'selfEvaluation.indicators', [row]);
    e = setAt(e, 'selfEvaluation.totalScore', { text: '90', q: { kind: 'number', value: '90' } });
    expect(sectionStatus('indicators', e, [])).toBe('inProgress');
    for (const f of ['target', 'actual', 'weight'])
      e = setAt(e, `selfEvaluation.indicators.0.${f}`, { text: '1', q: { kind: 'number', value: '1' } });
    expect(sectionStatus('indicators', e, [])).toBe('done');
  });

  it('lists fields per section that all belong to that section', () => {
    const e = blank();
    const paths = allFieldPaths(e);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(sectionOfPath(p), p).toBeDefined();
    expect(Object.keys(allSectionStatuses(e, []))).toEqual([
      'basic',
      'budget',
      'basicData',
      'indicators',
      'goal',
      'narrative',
    ]);
  });
});

const seedUrl = new URL('../../../../shared/seed/beita-rongmeiti-2023.txt', import.meta.url);
const haveSeed = existsSync(seedUrl);
if (!haveSeed) console.warn('跳过：未找到 ../shared/seed/beita-rongmeiti-2023.txt');

describe.skipIf(!haveSeed)('findings of a real report land on editor fields', () => {
  it('every place a finding names is a field the editor shows, or inside a section it shows', async () => {
    const { evaluation } = await importFile(new Uint8Array(readFileSync(seedUrl)), 'seed.txt');
    const result = checkEvaluation(evaluation, getProfile('national-2020')!);
    expect(result.findings.length).toBeGreaterThan(5);
    const fields = allFieldPaths(evaluation);
    const unplaced: string[] = [];
    for (const f of result.findings) {
      for (const w of f.where) {
        if (resolveFieldPaths(w.path, fields).length === 0 && sectionOfPath(w.path) === undefined)
          unplaced.push(`${f.rule} ${w.path}`);
      }
    }
    expect(unplaced).toEqual([]);
    // and most of them land on an actual field, not just a section
    const places = result.findings.flatMap((f) => f.where);
    const onField = places.filter((w) => resolveFieldPaths(w.path, fields).length > 0);
    expect(onField.length / places.length).toBeGreaterThan(0.8);
    const statuses = allSectionStatuses(
      evaluation,
      result.findings.filter((f) => f.severity === 'error').flatMap((f) => f.where.map((w) => w.path)),
    );
    expect(statuses.indicators).toBe('hasErrors');
  });
});

describe('fieldLabel', () => {
  it('names fields in words', async () => {
    const { fieldLabel } = await import('../../../web/src/lib/fields.js');
    let e = blank();
    e = setAt(e, 'selfEvaluation.indicators', [
      {
        id: 'i1',
        category: '产出指标',
        categoryKey: 'output',
        subcategory: '数量指标',
        subcategoryKey: 'quantity',
        name: '稿件数',
      },
    ]);
    expect(fieldLabel(e, 'selfEvaluation.indicators.0.actual')).toBe('自评表第 1 行“稿件数”的实际完成值');
    expect(fieldLabel(e, 'selfEvaluation.indicators.0')).toBe('自评表第 1 行“稿件数”');
    expect(fieldLabel(e, 'finances.income')).toBe('预算执行 · 本年收入');
    expect(fieldLabel(e, '')).toBe('整份自评');
    expect(fieldLabel(e, 'basicData.threePublicCosts.total.currentBudget')).toBe('基础数据表 · 三公经费（本年预算数）');
  });
});
