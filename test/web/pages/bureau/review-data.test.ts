import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/checks/types.js';
import { evaluationSchema } from '../../../../src/model/index.js';
import type { Comment } from '../../../../web/src/api/types.js';
import {
  changedScores,
  commentsInRow,
  describePath,
  editProblems,
  findingsInRow,
  inRow,
  joinPath,
  pathPrefixes,
  reviewScoreProblem,
  rowPathOf,
  splitPath,
  tabOfPath,
} from '../../../../web/src/pages/bureau/review-data.js';

const doc = evaluationSchema.parse({
  kind: 'department',
  year: 2024,
  selfEvaluation: {
    indicators: [
      {
        id: 'a',
        category: '产出指标',
        categoryKey: 'output',
        subcategory: '数量指标',
        subcategoryKey: 'quantity',
        name: '发稿数',
      },
      {
        id: 'b',
        category: '产出指标',
        categoryKey: 'output',
        subcategory: '质量指标',
        subcategoryKey: 'quality',
        name: '',
      },
    ],
  },
  narrative: { sections: [{ key: 'problems', heading: '四、存在的问题', level: 1, text: '……' }] },
});

function finding(paths: string[], severity: Finding['severity'] = 'error'): Finding {
  return { rule: 'x', severity, message: 'm', where: paths.map((path) => ({ path })), values: {} };
}

describe('paths', () => {
  it('splits dotted and bracketed paths alike', () => {
    expect(splitPath('selfEvaluation.indicators[3].actual')).toEqual(['selfEvaluation', 'indicators', '3', 'actual']);
    expect(splitPath('')).toEqual([]);
  });

  it('finds the tab that shows a path', () => {
    expect(tabOfPath('selfEvaluation.indicators.3.actual')).toBe('sheet');
    expect(tabOfPath('selfEvaluation.totalScore')).toBe('sheet');
    expect(tabOfPath('selfEvaluation.funding.executed')).toBe('budget');
    expect(tabOfPath('selfEvaluation.bySource.carryOver.executed')).toBe('budget');
    expect(tabOfPath('finances.basic.expenditure')).toBe('budget');
    expect(tabOfPath('selfEvaluation.overallGoal.actual')).toBe('goal');
    expect(tabOfPath('basicData.threePublicCosts.total.currentFinal')).toBe('basic');
    expect(tabOfPath('narrative.sections.4')).toBe('narrative');
    expect(tabOfPath('selfReported.total')).toBe('info');
    expect(tabOfPath('unit.name')).toBe('info');
  });

  it('finds the row of a path', () => {
    expect(rowPathOf('selfEvaluation.indicators.3.actual')).toBe('selfEvaluation.indicators.3');
    expect(rowPathOf('selfEvaluation.indicators[3]')).toBe('selfEvaluation.indicators.3');
    expect(rowPathOf('selfEvaluation.funding.executed')).toBe('selfEvaluation.funding');
    expect(rowPathOf('selfEvaluation.bySource.carryOver.executed')).toBe('selfEvaluation.bySource.carryOver');
    expect(rowPathOf('basicData.projectExpenditure.items.2.currentFinal')).toBe('basicData.projectExpenditure.items.2');
    expect(rowPathOf('basicData.threePublicCosts.total.currentFinal')).toBe('basicData.threePublicCosts.total');
    expect(rowPathOf('basicData.staffing.actualStaff')).toBe('basicData.staffing');
    expect(rowPathOf('narrative.sections.2')).toBe('narrative.sections.2');
    expect(rowPathOf('finances.basic.expenditure')).toBe('finances.basic');
  });

  it('lists a path and its ancestors, longest first', () => {
    expect(pathPrefixes('selfEvaluation.overallGoal.expected')).toEqual([
      'selfEvaluation.overallGoal.expected',
      'selfEvaluation.overallGoal',
      'selfEvaluation',
    ]);
  });

  it('tells whether a path lies in a row without confusing indices', () => {
    expect(inRow('selfEvaluation.indicators.1.actual', 'selfEvaluation.indicators.1')).toBe(true);
    expect(inRow('selfEvaluation.indicators.12.actual', 'selfEvaluation.indicators.1')).toBe(false);
    expect(inRow('selfEvaluation.indicators.1', 'selfEvaluation.indicators.1')).toBe(true);
  });

  it('joins a row and a field', () => {
    expect(joinPath('selfEvaluation.indicators.0', '')).toBe('selfEvaluation.indicators.0');
    expect(joinPath('selfEvaluation.indicators.0', 'actual')).toBe('selfEvaluation.indicators.0.actual');
  });
});

describe('describePath', () => {
  it('names fields in Chinese with the document’s own names', () => {
    expect(describePath('', doc)).toBe('整份自评');
    expect(describePath('selfEvaluation.indicators.0.actual', doc)).toBe('自评表·“发稿数”·实际完成值');
    expect(describePath('selfEvaluation.indicators.1.selfScore', doc)).toBe('自评表·第 2 个指标·自评得分');
    expect(describePath('selfEvaluation.funding.executed', doc)).toBe('自评表·年度资金总额·全年执行数');
    expect(describePath('selfEvaluation.totalScore', doc)).toBe('自评表·总分');
    expect(describePath('selfEvaluation.overallGoal.actual', doc)).toBe('年度总体目标·实际完成情况');
    expect(describePath('narrative.sections.0', doc)).toBe('报告正文·“四、存在的问题”');
    expect(describePath('basicData.projectExpenditure.items.1.currentFinal', doc)).toBe(
      '基础数据表·项目支出·第 2 项·本年决算数',
    );
    expect(describePath('selfReported.total', doc)).toBe('报告正文·综合评价结论·自评分数');
  });
});

describe('findings and comments of a row', () => {
  it('attributes a finding to the rows it names, but a total against every row only to its first place', () => {
    const own = finding(['selfEvaluation.indicators.1.selfScore', 'selfEvaluation.indicators.1.actual']);
    const cross = finding(['basicData.threePublicCosts.total.currentFinal', 'finances.threePublicCosts.actual']);
    const total = finding([
      'selfEvaluation.totalScore',
      ...Array.from({ length: 10 }, (_, i) => `selfEvaluation.indicators.${i}.selfScore`),
    ]);
    const all = [own, cross, total];
    expect(findingsInRow(all, 'selfEvaluation.indicators.1')).toEqual([own]);
    expect(findingsInRow(all, 'selfEvaluation.totalScore')).toEqual([total]);
    expect(findingsInRow(all, 'finances.threePublicCosts')).toEqual([cross]);
    expect(findingsInRow(all, 'selfEvaluation.indicators.5')).toEqual([]);
  });

  it('keeps comments pinned to the row or its fields, not the whole-evaluation ones', () => {
    const c = (fieldPath: string): Comment => ({
      id: fieldPath,
      evaluationId: 'e',
      version: 1,
      fieldPath,
      body: 'b',
      authorId: null,
      createdAt: '',
      resolvedAt: null,
    });
    const comments = [
      c(''),
      c('selfEvaluation.indicators.0'),
      c('selfEvaluation.indicators.0.actual'),
      c('selfEvaluation.indicators.10'),
    ];
    expect(commentsInRow(comments, 'selfEvaluation.indicators.0').map((x) => x.id)).toEqual([
      'selfEvaluation.indicators.0',
      'selfEvaluation.indicators.0.actual',
    ]);
  });
});

describe('review scores', () => {
  it('accepts blank, decimals up to two places within the weight', () => {
    expect(reviewScoreProblem('', '5')).toBeNull();
    expect(reviewScoreProblem('4.6', '5')).toBeNull();
    expect(reviewScoreProblem('5.00', '5')).toBeNull();
    expect(reviewScoreProblem('0', null)).toBeNull();
  });

  it('rejects negatives, words, three decimals and scores above the weight (exactly)', () => {
    expect(reviewScoreProblem('-1', '5')).toMatch(/不小于 0/);
    expect(reviewScoreProblem('四', '5')).toMatch(/数字/);
    expect(reviewScoreProblem('4.555', '5')).toMatch(/两位小数/);
    expect(reviewScoreProblem('5.01', '5')).toBe('不能超过分值 5');
    // 0.1 + 0.2 style float errors cannot happen: compared as decimals
    expect(reviewScoreProblem('0.3', '0.30')).toBeNull();
  });

  const rows = [
    { indicatorId: 'execution', weight: '10', reviewScore: '9.50', note: null },
    { indicatorId: 'a', weight: '5', reviewScore: null, note: null },
    { indicatorId: 'b', weight: '5', reviewScore: '4', note: '原说明' },
  ];

  it('sends only changed, valid, filled-in scores as typed', () => {
    const out = changedScores(rows, {
      execution: { reviewScore: '9.5', note: '' }, // same value as saved (9.50): unchanged
      a: { reviewScore: '4.60', note: ' 抽查原始记录 ' },
      b: { reviewScore: '4', note: '原说明' }, // unchanged
    });
    expect(out).toEqual([{ indicatorId: 'a', reviewScore: '4.60', note: '抽查原始记录' }]);
  });

  it('sends a note change with the same score, and skips invalid or blank scores', () => {
    expect(changedScores(rows, { b: { reviewScore: '4', note: '新说明' } })).toEqual([
      { indicatorId: 'b', reviewScore: '4', note: '新说明' },
    ]);
    expect(changedScores(rows, { a: { reviewScore: '6', note: '' }, b: { reviewScore: '', note: 'x' } })).toEqual([]);
    expect(editProblems(rows, { a: { reviewScore: '6', note: '' } })).toEqual({ a: '不能超过分值 5' });
  });
});
