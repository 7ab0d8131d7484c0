import { describe, expect, it } from 'vitest';
import { unitNameFromTitle } from '../../src/checks/cross-table.js';
import { cleanInput } from './clean.js';
import { familySuite } from './family.js';
import { evaluation, f, indicator, only, paths, run } from './helpers.js';

familySuite('crossTable');

describe('cross-table: edge cases', () => {
  it('xtable.initial-budget: three places, three values, one error naming all three', () => {
    const input = cleanInput();
    input.selfEvaluation!.funding!.initialBudget = f('185.00');
    input.selfEvaluation!.byNature!.basic!.initialBudget = f('145.00');
    input.selfEvaluation!.indicators!.push(
      indicator('x', 'output', 'cost', '年度预算控制数', '≤182.00万元', '198.00万元', '0', '0'),
    );
    const found = only(run(evaluation(input), 'xtable.initial-budget'));
    expect(found.severity).toBe('error');
    expect(paths([found])).toEqual([
      'selfEvaluation.funding.initialBudget',
      'finances.basic.initialBudget',
      'finances.project.initialBudget',
      'selfEvaluation.indicators.9.target',
    ]);
    expect(found.message).toContain('185.00');
    expect(found.message).toContain('190.00');
    expect(found.message).toContain('182.00');
  });

  it('xtable.initial-budget: when only a cost indicator’s target differs it is a warning', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators!.push(
      indicator('x', 'output', 'cost', '预算控制数', '≤182.00万元', '198.00万元', '0', '0'),
    );
    expect(only(run(evaluation(input), 'xtable.initial-budget')).severity).toBe('warning');
  });

  it('xtable.initial-budget: the prose’s basic budget stands for the whole when the prose says project spending was 0', () => {
    const input = cleanInput();
    input.finances!.project = { expenditure: f('0万元') };
    input.selfEvaluation!.funding!.initialBudget = f('150.00');
    expect(run(evaluation(input), 'xtable.initial-budget')).toEqual([]);
    input.selfEvaluation!.funding!.initialBudget = f('190.00');
    expect(only(run(evaluation(input), 'xtable.initial-budget')).message).toContain('正文所写项目支出为0');
  });

  it('xtable.project-expenditure: a project budget the 自评表 totals leave no room for', () => {
    const input = cleanInput();
    input.finances!.project = { expenditure: f('47.00万元') };
    input.selfEvaluation!.byNature = {};
    input.finances!.basic!.adjustedBudget = f('205.00万元');
    const found = only(run(evaluation(input), 'xtable.project-expenditure'));
    expect(found.message).toContain('0.00万元');
    expect(paths([found])).toContain('basicData.projectExpenditure.total.currentBudget');
  });

  it('xtable.three-public-costs: the prose’s parts are compared with the column its total stands for', () => {
    const input = cleanInput();
    delete input.finances!.threePublicCosts!.budget;
    input.finances!.threePublicCosts = {
      actual: f('2.50万元'),
      officialReception: f('0.70万元'),
      officialVehicles: f('1.80万元'),
      overseasTravel: f('0万元'),
    };
    expect(run(evaluation(input), 'xtable.three-public-costs')).toEqual([]);
  });

  it('xtable.unit-name: a city prefix is only a note; another name is a warning; the title gives the name', () => {
    const input = cleanInput();
    delete input.unit;
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, unitName: '某市示范县示范局' };
    const note = only(run(evaluation(input), 'xtable.unit-name'));
    expect(note.severity).toBe('info');
    expect(paths([note])).toContain('title');
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, unitName: '示范县另一局' };
    expect(only(run(evaluation(input), 'xtable.unit-name')).severity).toBe('warning');
    expect(unitNameFromTitle('某县某局2023年度部门整体支出绩效自评报告')).toBe('某县某局');
    expect(unitNameFromTitle('关于某县某局部门整体支出的自评报告')).toBeUndefined();
  });

  it('xtable.year: the title’s year against the report year', () => {
    const input = cleanInput();
    input.title = '示范县示范局2022年部门整体支出绩效自评报告';
    expect(paths(run(evaluation(input), 'xtable.year'))).toEqual(['title', 'year']);
  });

  it('xtable.contact-phone and xtable.prepared-on ignore how the same value is written', () => {
    const input = cleanInput();
    input.selfEvaluation!.meta = {
      ...input.selfEvaluation!.meta,
      contactPhone: '0731 123 4567',
      preparedOn: '2024-03-20',
    };
    expect(run(evaluation(input), 'xtable.contact-phone')).toEqual([]);
    expect(run(evaluation(input), 'xtable.prepared-on')).toEqual([]);
  });

  it('xtable.contact-phone says when the numbers differ in one digit', () => {
    const input = cleanInput();
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, contactPhone: '0731-1234568' };
    expect(only(run(evaluation(input), 'xtable.contact-phone')).message).toContain('只差一位数字');
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, contactPhone: '0731-7654321' };
    expect(only(run(evaluation(input), 'xtable.contact-phone')).message).not.toContain('只差一位数字');
  });

  it('xtable.grade compares grades, not spellings (优 = 优秀 in the national profile)', () => {
    const input = cleanInput();
    input.selfReported = { total: f('99.66'), grade: '优秀' };
    expect(run(evaluation(input), 'xtable.grade')).toEqual([]);
  });

  it('xtable.basic-expenditure: a one-figure split is compared with every prose figure', () => {
    const input = cleanInput();
    input.selfEvaluation!.byNature = {
      basic: { adjustedBudget: f('151.00') },
      project: { adjustedBudget: f('47.00') },
    };
    expect(run(evaluation(input), 'xtable.basic-expenditure')).toEqual([]);
    input.selfEvaluation!.byNature = {
      basic: { adjustedBudget: f('149.00') },
      project: { adjustedBudget: f('49.00') },
    };
    expect(only(run(evaluation(input), 'xtable.basic-expenditure')).message).toContain('都不一致');
  });
});
