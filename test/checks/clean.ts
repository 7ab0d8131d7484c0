import type { EvaluationInput } from '../../src/model/index.js';
import { f, indicator } from './helpers.js';

/**
 * A fully consistent department self-evaluation (invented figures): every table agrees with the prose and with
 * itself, every score follows the national-2020 formulas. Each call returns a fresh copy to mutate.
 */
export function cleanInput(): EvaluationInput {
  const row = (label: string, a: string | undefined, b: string | undefined, c: string | undefined) => ({
    label,
    previousFinal: a === undefined ? undefined : f(a),
    currentBudget: b === undefined ? undefined : f(b),
    currentFinal: c === undefined ? undefined : f(c),
  });
  const money = (initialBudget: string, adjustedBudget: string, executed: string) => ({
    initialBudget: f(initialBudget),
    adjustedBudget: f(adjustedBudget),
    executed: f(executed),
  });
  const meta = {
    unitName: '示范县示范局',
    preparer: '张三',
    preparedOn: '2024年3月20日',
    contactPhone: '0731-1234567',
  };
  return {
    kind: 'department',
    title: '示范县示范局2023年部门整体支出绩效自评报告',
    unit: { name: '示范县示范局' },
    year: 2023,
    organisation: { authorizedStaff: f('10人'), actualStaff: f('9人'), functions: [] },
    finances: {
      openingBalance: f('5.00万元'),
      income: f('200.00万元'),
      expenditure: f('198.00万元'),
      closingBalance: f('7.00万元'),
      basic: {
        openingBalance: f('0.00万元'),
        initialBudget: f('150.00万元'),
        adjustedBudget: f('152.00万元'),
        expenditure: f('151.00万元'),
        executionRate: f('99.34%'),
        closingBalance: f('1.00万元'),
      },
      project: { initialBudget: f('40.00万元'), adjustedBudget: f('53.00万元'), expenditure: f('47.00万元') },
      threePublicCosts: {
        budget: f('3.00万元'),
        actual: f('2.50万元'),
        officialReception: f('1.00万元'),
        officialVehicles: f('2.00万元'),
        overseasTravel: f('0.00万元'),
      },
    },
    basicData: {
      meta,
      columnLabels: { previousFinal: '2022年决算数', currentBudget: '2023年预算数', currentFinal: '2023年决算数' },
      staffing: { authorizedStaff: f('10'), actualStaff: f('9'), staffControlRate: f('90%') },
      threePublicCosts: {
        total: row('三公经费', '2.80', '3.00', '2.50'),
        officialVehicles: row('1、公务用车购置和维护经费', '2.00', '2.00', '1.80'),
        vehiclePurchase: row('其中：公车购置', '0.00', '0.00', '0.00'),
        vehicleOperation: row('公车运行维护', '2.00', '2.00', '1.80'),
        overseasTravel: row('2、出国经费', '0.00', '0.00', '0.00'),
        officialReception: row('3、公务接待', '0.80', '1.00', '0.70'),
      },
      projectExpenditure: {
        total: row('项目支出', '45.00', '53.00', '47.00'),
        items: [row('1、业务工作经费', '30.00', '35.00', '32.00'), row('2、运行维护经费', '15.00', '18.00', '15.00')],
      },
      publicFunds: {
        total: row('公用经费', '20.00', '22.00', '21.00'),
        items: [
          row('其中：办公费', '5.00', '6.00', '5.50'),
          row('水费、电费、差旅费', '3.00', '3.00', '2.80'),
          row('会议费、培训费', '1.00', '1.00', '0.90'),
        ],
      },
      governmentProcurement: row('政府采购金额', '——', '30.00', '28.00'),
      basicBudgetAdjustment: row('部门基本支出预算调整', '——', '150.00', '152.00'),
      buildings: { label: '楼堂馆所控制情况（2023年完工项目）', items: [] },
      frugalityMeasures: '严格执行公务接待标准；压减会议和培训；推行无纸化办公。',
    },
    selfEvaluation: {
      meta,
      funding: {
        label: '年度资金总额',
        ...money('190.00', '205.00', '198.00'),
        weight: f('10'),
        executionRate: f('96.59%'),
        score: f('9.66'),
      },
      bySource: { generalPublic: { label: '一般公共预算', ...money('190.00', '205.00', '198.00') } },
      byNature: {
        basic: { label: '基本支出', ...money('150.00', '152.00', '151.00') },
        project: { label: '项目支出', ...money('40.00', '53.00', '47.00') },
      },
      overallGoal: {
        expected: '完成年度培训500人次，发布政策解读文章100篇，服务对象满意度不低于90%。',
        actual: '全年培训520人次，发布政策解读文章110篇，服务对象满意度93%。',
      },
      categoryWeights: { output: f('50'), outcome: f('30'), satisfaction: f('10') },
      indicators: [
        indicator('i1', 'output', 'quantity', '培训人次', '≥500人次', '520人次', '10', '10'),
        indicator('i2', 'output', 'quantity', '发布政策解读文章数', '≥100篇', '110篇', '10', '10'),
        indicator('i3', 'output', 'quality', '政策解读准确率', '≥98%', '99%', '10', '10'),
        indicator('i4', 'output', 'timeliness', '信息按时发布率', '≥95%', '97%', '10', '10'),
        indicator('i5', 'output', 'cost', '公用经费支出', '≤22.00万元', '21.00万元', '10', '10'),
        indicator('i6', 'outcome', 'social', '服务对象覆盖人数', '≥1000人', '1100人', '10', '10'),
        indicator('i7', 'outcome', 'social', '群众咨询办结率', '≥95%', '96%', '10', '10'),
        indicator('i8', 'outcome', 'sustainability', '长效机制建设', '建立并运行', '已建立并运行', '10', '10'),
        indicator('i9', 'satisfaction', 'satisfaction', '服务对象满意度', '≥90%', '93%', '10', '10'),
      ],
      totalWeight: f('100'),
      totalScore: f('99.66'),
      grade: '优',
    },
    selfReported: { total: f('99.66'), grade: '优' },
    narrative: {
      sections: [
        { key: 'basicInfo', heading: '一、部门（单位）基本情况', level: 1, text: '本单位核定编制10人，实有人数9人。' },
        {
          key: 'budgetExecution',
          heading: '二、部门整体支出管理及使用情况',
          level: 1,
          text:
            '2023年度年初结转和结余5.00万元，本年收入200.00万元，本年支出198.00万元，年末结转和结余7.00万元。' +
            '全年预算数205.00万元，全年执行数198.00万元，预算执行率96.59%。' +
            '年中追加项目预算8.00万元，用于业务设备更新，已按程序报批。',
        },
        {
          key: 'basicExpenditure',
          heading: '1.基本支出情况',
          level: 3,
          text: '基本支出年初预算数150.00万元，全年预算数152.00万元，本年支出151.00万元，预算执行率99.34%。',
        },
        {
          key: 'governmentFund',
          heading: '三、政府性基金预算支出情况',
          level: 1,
          text: '本单位无政府性基金预算支出。',
        },
        {
          key: 'stateCapital',
          heading: '四、国有资本经营预算支出情况',
          level: 1,
          text: '本单位无国有资本经营预算支出。',
        },
        {
          key: 'socialInsurance',
          heading: '五、社会保险基金预算支出情况',
          level: 1,
          text: '本单位无社会保险基金预算支出。',
        },
        {
          key: 'performance',
          heading: '六、部门整体支出绩效情况',
          level: 1,
          text:
            '经自评，自评分数为99.66分，绩效评价等次为“优”。' +
            '全年共举办培训班12期，累计培训520人次，其中线上培训300人次、线下培训220人次。' +
            '2023年12月，通过问卷调查了解服务对象满意度，发放问卷200份，回收有效问卷190份，满意度93%。',
        },
        { key: 'problems', heading: '七、存在的问题及原因分析', level: 1, text: '部分培训的针对性有待加强。' },
        { key: 'improvements', heading: '八、下一步改进措施', level: 1, text: '按需设计培训课程。' },
        {
          key: 'resultUse',
          heading: '九、部门整体支出绩效评价结果应用情况',
          level: 1,
          text: '自评结果作为编制下年度预算的依据。',
        },
        { key: 'other', heading: '十、其他需要说明的情况', level: 1, text: '无。' },
      ],
    },
  };
}
