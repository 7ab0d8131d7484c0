import { describe, expect, it } from 'vitest';
import {
  isPlaceholderText,
  joinLines,
  labelKey,
  looksNone,
  looksNumeric,
  pad,
  pointsOf,
  withoutPoints,
  withoutTemplateNotes,
} from '../../../src/formats/recognize/normalize.js';
import {
  basicRow,
  categoryKeyOf,
  fundingRow,
  indicatorColumn,
  subcategoryKeyOf,
} from '../../../src/formats/recognize/vocabulary.js';

describe('text helpers', () => {
  it('pads off spaces, full-width spaces, tabs and NBSP only at the ends', () => {
    expect(pad('\u3000 7\u00a0\t')).toBe('7');
    expect(pad('a b')).toBe('a b');
    expect(pad('')).toBe('');
  });

  it('joins the line breaks Word puts into narrow cells', () => {
    expect(joinLines('数量\n\n指标')).toBe('数量指标');
    expect(joinLines('年度预\n\n算申请\n（万元）')).toBe('年度预算申请（万元）');
    expect(joinLines('APP\nversion 2')).toBe('APP version 2');
    expect(joinLines('  ≥800 ')).toBe('≥800');
  });

  it('makes matching keys that ignore numbering, 其中, years, brackets, quotes and colons', () => {
    expect(labelKey('   1、公务用车购置和维护经费')).toBe('公务用车购置和维护经费');
    expect(labelKey('其中：公车购置')).toBe('公车购置');
    expect(labelKey('项目支出：')).toBe('项目支出');
    expect(labelKey('楼堂馆所控制情况\n（2022年完工项目）')).toBe('楼堂馆所控制情况');
    expect(labelKey('因公出国（境）费')).toBe('因公出国费');
    expect(labelKey('“三公”经费合计')).toBe('三公经费合计');
    expect(labelKey('2023年实际在职人数')).toBe('实际在职人数');
    expect(labelKey('（二）部门预算执行情况')).toBe('部门预算执行情况');
    expect(labelKey('绩\n\n效\n\n指\n\n标')).toBe('绩效指标');
  });

  it('reads points from category headings', () => {
    expect(pointsOf('产出指标\n\n（50分)')).toBe('50');
    expect(pointsOf('预算执行情况(10分)')).toBe('10');
    expect(pointsOf('满意度指标（１０分）')).toBe('10');
    expect(pointsOf('产出指标')).toBeUndefined();
    expect(withoutPoints('产出指标\n\n（50分)')).toBe('产出指标');
    expect(withoutPoints('效益指标（30分）')).toBe('效益指标');
  });

  it('knows placeholders, template notes, numbers and explicit nothing', () => {
    expect(isPlaceholderText('……')).toBe(true);
    expect(isPlaceholderText('...')).toBe(true);
    expect(isPlaceholderText('——')).toBe(false);
    expect(isPlaceholderText('提升')).toBe(false);
    expect(withoutTemplateNotes('3、市级专项资金（一个专项一行）')).toBe('3、市级专项资金');
    expect(looksNumeric('≥95%')).toBe(true);
    expect(looksNumeric('312.95万元')).toBe(true);
    expect(looksNumeric('1,200.5')).toBe(true);
    expect(looksNumeric('提升')).toBe(false);
    expect(looksNone('——')).toBe(true);
    expect(looksNone('无')).toBe(true);
    expect(looksNone('0')).toBe(false);
  });
});

describe('vocabulary (synonyms are data)', () => {
  it('maps the words people use for the same 基础数据表 row to one key', () => {
    for (const s of ['实有人数', '实际在职人数', '在职人员数', '2023年实际在职人数'])
      expect(basicRow(s)).toBe('actualStaff');
    for (const s of ['公务接待', '公务接待费', '3、公务接待']) expect(basicRow(s)).toBe('officialReception');
    for (const s of ['出国经费', '因公出国（境）费', '出国（境）经费', '2、出国经费'])
      expect(basicRow(s)).toBe('overseasTravel');
    for (const s of ['公务用车购置及运行维护费', '公务用车购置和维护经费', '1、公务用车购置及运行费']) {
      expect(basicRow(s)).toBe('officialVehicles');
    }
    expect(basicRow('其中：公车购置')).toBe('vehiclePurchase');
    expect(basicRow('公车运行维护')).toBe('vehicleOperation');
    expect(basicRow('2、运行维护经费')).toBeUndefined();
  });

  it('maps 自评表 column headings and funding rows', () => {
    expect(indicatorColumn('年度\n\n指标值')).toBe('target');
    expect(indicatorColumn('年初指标值')).toBe('target');
    expect(indicatorColumn('全年完成值')).toBe('actual');
    expect(indicatorColumn('指标权重')).toBe('weight');
    expect(indicatorColumn('指标得分')).toBe('selfScore');
    expect(indicatorColumn('度量单位')).toBe('unit');
    expect(indicatorColumn('偏差原因\n\n分析及\n\n改进措施')).toBe('deviationNote');
    expect(fundingRow('其中：本年财政拨款')).toBe('currentYearAppropriation');
    expect(fundingRow('上年结转资金')).toBe('carryOver');
    expect(fundingRow('纳入专户管理的非税收入拨款：')).toBe('specialAccountNonTax');
  });

  it('maps categories and subcategories to keys (成本 under 产出 is a subcategory; first-level 成本 a category)', () => {
    expect(categoryKeyOf('产出指标')).toBe('output');
    expect(categoryKeyOf('效益指标')).toBe('outcome');
    expect(categoryKeyOf('满意度指标')).toBe('satisfaction');
    expect(categoryKeyOf('成本指标')).toBe('cost');
    expect(categoryKeyOf('其他')).toBe('other');
    expect(subcategoryKeyOf('成本指标')).toBe('cost');
    expect(subcategoryKeyOf('经济成本指标')).toBe('cost');
    expect(subcategoryKeyOf('经济效益指标')).toBe('economic');
    expect(subcategoryKeyOf('生态效\n\n益指标')).toBe('ecological');
    expect(subcategoryKeyOf('服务对象满意度指标')).toBe('satisfaction');
  });
});
