import { describe, expect, it } from 'vitest';
import { describeSource, sourceOf } from '../../../web/src/lib/sources.js';

describe('describeSource', () => {
  it('names the place in each kind of file', () => {
    expect(describeSource({ file: 'a.pdf', page: 3, text: 'x' })).toBe('第 3 页');
    expect(describeSource({ file: 'a.txt', line: 12, text: 'x' })).toBe('第 12 行');
    expect(describeSource({ file: 'a.xlsx', sheet: 'Sheet1', cell: 'B5', text: 'x' })).toBe('工作表“Sheet1” B5 单元格');
    expect(describeSource({ file: 'a.docx', table: 2, row: 3, col: 4, text: 'x' })).toBe('表格 2 第 3 行第 4 列');
    expect(describeSource({ file: 'a.docx', paragraph: 7, text: 'x' })).toBe('第 7 段');
    expect(describeSource({ file: 'a.docx', text: 'x' })).toBe('位置未记录');
  });

  it('falls back to the nearest ancestor that has a source', () => {
    const s = { file: 'f', line: 4, text: 'row' };
    const sources = { 'basicData.threePublicCosts.total': s };
    expect(sourceOf(sources, 'basicData.threePublicCosts.total.currentBudget')).toEqual({
      path: 'basicData.threePublicCosts.total',
      source: s,
    });
    expect(sourceOf(sources, 'finances.income')).toBeUndefined();
  });
});
