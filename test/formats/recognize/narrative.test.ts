import { describe, expect, it } from 'vitest';
import { headingOf, isTitleLike, parseTitle, type Para } from '../../../src/formats/recognize/narrative.js';

const p = (text: string, headingLevel?: number): Para =>
  headingLevel === undefined
    ? { text, source: { file: 'x', text } }
    : { text, source: { file: 'x', text }, headingLevel };
const h = (text: string, previous = 1): [string, number] | undefined => {
  const r = headingOf(p(text), previous);
  return r ? [r.key, r.level] : undefined;
};

describe('section headings in any numbering style', () => {
  it('gives the level by numbering: 一、 1, （一） 2, 1. 3, (1) 4, ① 5, 第一部分 1', () => {
    expect(h('一、部门（单位）基本情况')).toEqual(['basicInfo', 1]);
    expect(h('十一、其他需要说明的情况')).toEqual(['other', 1]);
    expect(h('（二）部门预算执行情况')).toEqual(['budgetExecution', 2]);
    expect(h('(三)“三公”经费使用情况')).toEqual(['threePublicCosts', 2]);
    expect(h('1.基本支出情况')).toEqual(['basicExpenditure', 3]);
    expect(h('2、项目支出情况')).toEqual(['projectExpenditure', 3]);
    expect(h('１．基本支出情况')).toEqual(['basicExpenditure', 3]);
    expect(h('（1）人员编制情况')).toEqual(['staffing', 4]);
    expect(h('①存在的问题')).toEqual(['problems', 5]);
    expect(h('第一部分 部门概况')).toEqual(['basicInfo', 1]);
    expect(h('第三部分  存在的主要问题及原因')).toEqual(['problems', 1]);
  });

  it('maps headings to section keys', () => {
    expect(h('七、存在的问题及原因分析')?.[0]).toBe('problems');
    expect(h('八、下一步改进措施')?.[0]).toBe('improvements');
    expect(h('九、部门整体支出绩效评价结果应用情况')?.[0]).toBe('resultUse');
    expect(h('六、部门整体支出绩效情况')?.[0]).toBe('performance');
    expect(h('（一）综合评价结论。')?.[0]).toBe('conclusion');
    expect(h('（二）评价指标分析（或综合评价情况）')?.[0]).toBe('indicatorAnalysis');
    expect(h('三、政府性基金预算支出情况')?.[0]).toBe('governmentFund');
    expect(h('四、国有资本经营预算支出情况')?.[0]).toBe('stateCapital');
    expect(h('五、社会保险基金预算支出情况')?.[0]).toBe('socialInsurance');
    expect(h('（三）绩效目标设定情况')?.[0]).toBe('targets');
    expect(h('（一）机构设置情况')?.[0]).toBe('organisation');
    expect(h('二、主要职能职责')?.[0]).toBe('functions');
    expect(h('一、某某某某')).toEqual(['unknown', 1]);
  });

  it('takes known unnumbered headings, with a level no deeper than one below the previous heading', () => {
    expect(h('人员编制情况', 2)).toEqual(['staffing', 2]);
    expect(h('主要职能职责', 2)).toEqual(['functions', 2]);
    expect(h('“三公”经费使用情况和管理情况', 3)).toEqual(['threePublicCosts', 3]);
    expect(h('“三公”经费使用情况和管理情况', 1)).toEqual(['threePublicCosts', 2]);
    expect(h('下一步改进措施', 3)).toEqual(['improvements', 1]);
    expect(h('其他需要说明的情况', 3)).toEqual(['other', 1]);
    expect(h('附件：1.部门整体支出绩效评价基础数据表')).toEqual(['attachments', 1]);
  });

  it('does not take list items or sentences for headings', () => {
    expect(h('1.对绩效评价工作的重要性认识有待进一步提高。')).toBeUndefined();
    expect(h('1、坚决贯彻党管媒体原则,严格执行党中央和省、市、区委关于新闻宣传的方针政策。')).toBeUndefined();
    expect(h('1、宣传工作')).toBeUndefined();
    expect(h('一是完善体制机制，切实强化制度保障。')).toBeUndefined();
    expect(h('本部门共有编制人数7人，实有人数7人。')).toBeUndefined();
    expect(h('内设综合运行部、新闻采访部')).toBeUndefined();
    expect(h('无')).toBeUndefined();
    expect(h('1.5万元用于设备购置')).toBeUndefined();
    expect(h('预算执行情况良好')).toBeUndefined();
  });

  it('uses the heading level a format marks (Word heading styles)', () => {
    expect(headingOf(p('工作亮点', 2), 1)).toMatchObject({ key: 'unknown', level: 2 });
    expect(headingOf(p('存在问题', 1), 2)).toMatchObject({ key: 'problems', level: 1 });
  });
});

describe('titles', () => {
  it('reads unit, year and kind of a department report, unit first or year first', () => {
    expect(parseTitle('北塔区融媒体中心2023年部门整体支出绩效自评报告')).toEqual({
      unit: '北塔区融媒体中心',
      year: 2023,
      kind: 'department',
    });
    expect(parseTitle('2022年度青禾县图书馆部门整体支出绩效自评报告')).toEqual({
      unit: '青禾县图书馆',
      year: 2022,
      kind: 'department',
    });
    expect(parseTitle('关于青禾县财政局２０２１年度整体支出绩效评价报告')).toEqual({
      unit: '青禾县财政局',
      year: 2021,
      kind: 'department',
    });
  });

  it('reads the project of a project report', () => {
    expect(parseTitle('青禾县农业农村局2023年度高标准农田建设项目支出绩效自评报告')).toEqual({
      unit: '青禾县农业农村局',
      year: 2023,
      kind: 'project',
      project: '高标准农田建设项目',
    });
    expect(parseTitle('2023年度乡村书屋提质项目支出绩效自评报告')).toMatchObject({
      year: 2023,
      kind: 'project',
      project: '乡村书屋提质项目',
    });
  });

  it('tells titles from other paragraphs', () => {
    expect(isTitleLike('北塔区融媒体中心2023年部门整体支出绩效自评报告')).toBe(true);
    expect(isTitleLike('项目支出绩效自评表')).toBe(true);
    expect(isTitleLike('我中心对绩效评价情况进行了综合评定，形成自评报告。')).toBe(false);
    expect(parseTitle('一、部门基本情况')).toEqual({});
  });
});
