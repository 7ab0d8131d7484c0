import { describe, expect, it } from 'vitest';
import { headingNumber, templateTextIn } from '../../src/checks/completeness.js';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, only, run } from './helpers.js';

familySuite('completeness');

describe('completeness: edge cases', () => {
  it('templateTextIn finds ellipses, XX fillers and bracketed instructions, not ordinary brackets', () => {
    expect(templateTextIn('……')).toBe('……');
    expect(templateTextIn('...')).toBe('...');
    expect(templateTextIn('3、市级专项资金（一个专项一行）')).toBe('（一个专项一行）');
    expect(templateTextIn('（如有请填写）')).toBe('（如有请填写）');
    expect(templateTextIn('XX单位')).toBe('XX单位');
    expect(templateTextIn('出国（境）经费')).toBeUndefined();
    expect(templateTextIn('楼堂馆所控制情况（2023年完工项目）')).toBeUndefined();
  });

  it('headingNumber reads 一 to 九十九', () => {
    expect(['一、甲', '十、乙', '十二、丙', '二十、丁', '三十一．戊', '（一）己', '下一步'].map(headingNumber)).toEqual(
      [1, 10, 12, 20, 31, undefined, undefined],
    );
  });

  it('compl.missing-section: a report read without its prose is one note, not ten warnings', () => {
    const input = cleanInput();
    input.narrative = { sections: [] };
    const found = only(run(evaluation(input), 'compl.missing-section'));
    expect(found.severity).toBe('info');
  });

  it('compl.missing-section: the parts of a section stand for it', () => {
    const input = cleanInput();
    const s = input.narrative!.sections!;
    s[0] = { ...s[0]!, key: 'organisation', level: 2, heading: '（一）机构设置' };
    expect(run(evaluation(input), 'compl.missing-section')).toEqual([]);
  });

  it('compl.section-order: numbers that skip, and sections out of the template’s order', () => {
    const input = cleanInput();
    const s = input.narrative!.sections!;
    s.find((x) => x.key === 'problems')!.heading = '八、存在的问题及原因分析';
    const found = run(evaluation(input), 'compl.section-order');
    // 六 → 八 skips 七, and the next 八 repeats it
    expect(found.map((x) => x.where[0]?.path)).toEqual(['narrative.sections.7', 'narrative.sections.8']);
    const moved = cleanInput();
    const list = moved.narrative!.sections!;
    const [other] = list.splice(
      list.findIndex((x) => x.key === 'other'),
      1,
    );
    list.splice(1, 0, { ...other!, heading: '二、其他需要说明的情况' });
    expect(run(evaluation(moved), 'compl.section-order').some((x) => x.message.includes('顺序'))).toBe(true);
  });

  it('compl.indicator-cells: a row with nothing but its name is left to other checks', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators!.push({
      id: 'n',
      category: '产出指标',
      categoryKey: 'output',
      subcategory: '数量指标',
      subcategoryKey: 'quantity',
      name: '新增指标',
    });
    expect(run(evaluation(input), 'compl.indicator-cells')).toEqual([]);
  });

  it('compl.template-text: one finding per table, every place listed', () => {
    const input = cleanInput();
    const items = input.basicData!.projectExpenditure!.items!;
    items.push({ label: '……' }, { label: '3、专项资金（一个专项一行）' });
    const found = only(run(evaluation(input), 'compl.template-text'));
    expect(found.where.map((w) => w.path)).toEqual([
      'basicData.projectExpenditure.items.2.label',
      'basicData.projectExpenditure.items.3.label',
    ]);
  });
});
