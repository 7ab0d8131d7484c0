import { describe, expect, it } from 'vitest';
import { evaluationSchema, type Indicator } from '../../../src/model/index.js';
import type { EvaluationRecord } from '../../../web/src/api/types.js';
import { addBelow, removeIndicator } from '../../../web/src/lib/indicatorTree.js';
import { editorReducer, initialState, isDirty, isEditable } from '../../../web/src/pages/unit/editor/store.js';

const record: EvaluationRecord = {
  id: 'e1',
  unitId: 'u1',
  unitName: '示例单位',
  departmentId: null,
  bureauId: null,
  year: 2024,
  kind: 'department',
  projectName: null,
  state: 'draft',
  currentVersion: 1,
  totalSelf: null,
  totalRecomputed: null,
  grade: null,
  errors: 0,
  warnings: 0,
  infos: 0,
  createdBy: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const row: Indicator = {
  id: 'i1',
  category: '产出指标',
  categoryKey: 'output',
  subcategory: '数量指标',
  subcategoryKey: 'quantity',
  name: 'A',
};
const doc = evaluationSchema.parse({ kind: 'department', year: 2024, selfEvaluation: { indicators: [row] } });

describe('editor state', () => {
  it('tracks unsaved edits and keeps edits typed during a save', () => {
    let s = initialState(doc, 1, record, ['submit']);
    expect(isDirty(s)).toBe(false);
    s = editorReducer(s, { type: 'set', path: 'unit.name', value: '单位甲' });
    expect(isDirty(s)).toBe(true);
    const sent = s.doc;
    s = editorReducer(s, { type: 'set', path: 'unit.code', value: '001' });
    s = editorReducer(s, { type: 'saved', doc: sent, version: 2, record: { ...record, currentVersion: 2 } });
    expect(s.version).toBe(2);
    expect(isDirty(s)).toBe(true); // unit.code typed after the save started
    expect(s.doc.unit.code).toBe('001');
    s = editorReducer(s, { type: 'saved', doc: s.doc, version: 3, record });
    expect(isDirty(s)).toBe(false);
  });

  it('ignores a set that changes nothing', () => {
    const s = initialState(doc, 1, record, []);
    expect(editorReducer(s, { type: 'set', path: 'year', value: 2024 })).toBe(s);
  });

  it('undoes structural changes only', () => {
    let s = initialState(doc, 1, record, []);
    s = editorReducer(s, { type: 'indicators', update: (l) => addBelow(l, 0).indicators, undoable: true });
    expect(s.doc.selfEvaluation!.indicators).toHaveLength(2);
    s = editorReducer(s, { type: 'set', path: 'selfEvaluation.indicators.1.name', value: 'B' });
    s = editorReducer(s, { type: 'indicators', update: (l) => removeIndicator(l, 0), undoable: true });
    expect(s.doc.selfEvaluation!.indicators.map((i) => i.name)).toEqual(['B']);
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc.selfEvaluation!.indicators.map((i) => i.name)).toEqual(['A', 'B']);
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc.selfEvaluation!.indicators.map((i) => i.name)).toEqual(['A']);
    expect(editorReducer(s, { type: 'undo' })).toBe(s);
  });

  it('is editable only as a draft with the update permission', () => {
    expect(isEditable({ record }, true)).toBe(true);
    expect(isEditable({ record }, false)).toBe(false);
    expect(isEditable({ record: { ...record, state: 'submitted' } }, true)).toBe(false);
  });
});

describe('optional parts', () => {
  it('fills in the defaults of the 基础数据表 and the 自评表 when an edit creates them', () => {
    const bare = evaluationSchema.parse({ kind: 'department', year: 2024 });
    let s = initialState(bare, 1, record, []);
    s = editorReducer(s, {
      type: 'set',
      path: 'basicData.staffing.authorizedStaff',
      value: { text: '7', q: { kind: 'number', value: '7' } },
    });
    expect(s.doc.basicData!.projectExpenditure.items).toEqual([]);
    expect(s.doc.basicData!.staffing.authorizedStaff?.text).toBe('7');
    s = editorReducer(s, { type: 'indicators', update: () => [row] });
    expect(s.doc.selfEvaluation!.bySource).toEqual({});
    expect(s.doc.selfEvaluation!.indicators).toEqual([row]);
  });
});
