import { describe, expect, it } from 'vitest';
import {
  indexByField,
  indicatorCellOfPath,
  indicatorPath,
  narrativeIndexOfPath,
  normalizePath,
  resolveFieldPaths,
  sectionOfPath,
} from '../../../web/src/lib/paths.js';

describe('field paths', () => {
  it('normalises bracket indices', () => {
    expect(normalizePath('selfEvaluation.indicators[3].actual')).toBe('selfEvaluation.indicators.3.actual');
    expect(normalizePath(' a..b. ')).toBe('a.b');
  });

  it('maps every top-level part of an evaluation to its editor section', () => {
    expect(sectionOfPath('finances.basic.initialBudget')).toBe('budget');
    expect(sectionOfPath('selfEvaluation.funding.executed')).toBe('budget');
    expect(sectionOfPath('selfEvaluation.byNature.project.adjustedBudget')).toBe('budget');
    expect(sectionOfPath('selfEvaluation.overallGoal.actual')).toBe('goal');
    expect(sectionOfPath('selfEvaluation.indicators.7.selfScore')).toBe('indicators');
    expect(sectionOfPath('selfEvaluation.totalScore')).toBe('indicators');
    expect(sectionOfPath('selfReported.total')).toBe('indicators');
    expect(sectionOfPath('basicData.threePublicCosts.total.currentBudget')).toBe('basicData');
    expect(sectionOfPath('narrative.sections.17')).toBe('narrative');
    expect(sectionOfPath('unit.name')).toBe('basic');
    expect(sectionOfPath('organisation.actualStaff')).toBe('basic');
    expect(sectionOfPath('')).toBeUndefined();
    expect(sectionOfPath('sources')).toBeUndefined();
    // a prefix must end at a dot: "unitX" is not inside "unit"
    expect(sectionOfPath('unitX')).toBeUndefined();
  });

  it('resolves a path to the fields that show it: itself, its children, or its nearest ancestor', () => {
    const fields = [
      'selfEvaluation.indicators.7.selfScore',
      'selfEvaluation.indicators.7.actual',
      'basicData.basicBudgetAdjustment.currentBudget',
      'basicData.basicBudgetAdjustment.currentFinal',
      'narrative.sections.17.text',
    ];
    expect(resolveFieldPaths('selfEvaluation.indicators[7].actual', fields)).toEqual([
      'selfEvaluation.indicators.7.actual',
    ]);
    expect(resolveFieldPaths('basicData.basicBudgetAdjustment', fields)).toEqual([
      'basicData.basicBudgetAdjustment.currentBudget',
      'basicData.basicBudgetAdjustment.currentFinal',
    ]);
    expect(resolveFieldPaths('narrative.sections.17', fields)).toEqual(['narrative.sections.17.text']);
    expect(resolveFieldPaths('narrative.sections.17.text.extra', fields)).toEqual(['narrative.sections.17.text']);
    expect(resolveFieldPaths('finances.income', fields)).toEqual([]);
    expect(resolveFieldPaths('', fields)).toEqual([]);
  });

  it('finds the grid cell of an indicator path', () => {
    expect(indicatorCellOfPath('selfEvaluation.indicators.7.selfScore')).toEqual({ index: 7, field: 'selfScore' });
    expect(indicatorCellOfPath('selfEvaluation.indicators[12]')).toEqual({ index: 12, field: undefined });
    expect(indicatorCellOfPath('selfEvaluation.indicators.2.scoreCoefficient')).toEqual({ index: 2, field: undefined });
    expect(indicatorCellOfPath('selfEvaluation.totalScore')).toBeUndefined();
    expect(indicatorPath(3, 'actual')).toBe('selfEvaluation.indicators.3.actual');
    expect(indicatorCellOfPath(indicatorPath(5, 'weight'))).toEqual({ index: 5, field: 'weight' });
    expect(narrativeIndexOfPath('narrative.sections.4.text')).toBe(4);
    expect(narrativeIndexOfPath('narrative')).toBeUndefined();
  });

  it('indexes findings by the fields they point at, each once', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const idx = indexByField(
      [
        { path: 'x.1', item: a },
        { path: 'x', item: b },
        { path: 'x.1', item: a },
      ],
      ['x.1', 'x.2'],
    );
    expect(idx.get('x.1')).toEqual([a, b]);
    expect(idx.get('x.2')).toEqual([b]);
  });
});
