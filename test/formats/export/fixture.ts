import { evaluationSchema, figure, type Evaluation, type EvaluationInput } from '../../../src/model/index.js';

/** figure() that must succeed (the test data never leaves a value blank by accident). */
export function f(text: string) {
  const fig = figure(text);
  if (!fig) throw new Error(`empty figure: ${text}`);
  return fig;
}

const row = (label: string, previousFinal?: string, currentBudget?: string, currentFinal?: string) => ({
  label,
  ...(previousFinal !== undefined ? { previousFinal: f(previousFinal) } : {}),
  ...(currentBudget !== undefined ? { currentBudget: f(currentBudget) } : {}),
  ...(currentFinal !== undefined ? { currentFinal: f(currentFinal) } : {}),
});

let counter = 0;
const indicator = (
  category: string,
  categoryKey: 'output' | 'outcome' | 'satisfaction',
  subcategory: string,
  subcategoryKey: 'quantity' | 'quality' | 'timeliness' | 'cost' | 'social' | 'sustainability' | 'satisfaction',
  name: string,
  target: string,
  actual: string,
  weight: string,
  selfScore: string,
  deviationNote?: string,
) => ({
  id: `i${++counter}`,
  category,
  categoryKey,
  subcategory,
  subcategoryKey,
  name,
  target: f(target),
  actual: f(actual),
  weight: f(weight),
  selfScore: f(selfScore),
  ...(deviationNote ? { deviationNote } : {}),
});

/**
 * A small, fully consistent department self-evaluation of a fictional unit (测试县测试中心, 2030), built directly
 * as an Evaluation: the exporters' unit tests use it without any importer.
 */
export function sampleInput(): EvaluationInput {
  counter = 0;
  return {
    kind: 'department',
    title: '测试县测试中心2030年部门整体支出绩效自评报告',
    unit: { name: '测试县测试中心' },
    year: 2030,
    organisation: { authorizedStaff: f('12'), actualStaff: f('11'), functions: [] },
    finances: {
      openingBalance: f('10.00'),
      income: f('390.00'),
      expenditure: f('392.50'),
      closingBalance: f('7.50'),
      basic: { initialBudget: f('300.00'), adjustedBudget: f('310.00'), expenditure: f('305.00') },
      project: { expenditure: f('87.50') },
      threePublicCosts: {
        budget: f('3.00'),
        actual: f('2.60'),
        officialReception: f('1.00'),
        officialVehicles: f('2.00'),
        overseasTravel: f('0.00'),
      },
      governmentFund: f('0'),
    },
    basicData: {
      meta: { unitName: '测试县测试中心', preparer: '张测试', preparedOn: '2031年3月1日', contactPhone: '000-0000000' },
      columnLabels: { previousFinal: '2029年决算数', currentBudget: '2030年预算数', currentFinal: '2030年决算数' },
      staffing: { authorizedStaff: f('12'), actualStaff: f('11'), staffControlRate: f('91.67%') },
      threePublicCosts: {
        total: row('三公经费', '2.80', '3.00', '2.60'),
        officialVehicles: row('1、公务用车购置和维护经费', '1.90', '2.00', '1.80'),
        vehiclePurchase: row('其中：公车购置', '0.00', '0.00', '0.00'),
        vehicleOperation: row('公车运行维护', '1.90', '2.00', '1.80'),
        overseasTravel: row('2、出国经费', '0.00', '0.00', '0.00'),
        officialReception: row('3、公务接待', '0.90', '1.00', '0.80'),
      },
      projectExpenditure: {
        total: row('项目支出', '80.00', '90.00', '87.50'),
        items: [row('1、业务工作经费', '50.00', '55.00', '54.00'), row('2、运行维护经费', '30.00', '35.00', '33.50')],
      },
      publicFunds: {
        total: row('公用经费', '40.00', '42.00', '41.00'),
        items: [row('其中：办公费', '5.00', '5.50', '5.20')],
      },
      governmentProcurement: row('政府采购金额', '——', '20.00', '19.00'),
      basicBudgetAdjustment: row('部门基本支出预算调整', '——', '300.00', '310.00'),
      buildings: { label: '楼堂馆所控制情况', items: [] },
      frugalityMeasures: '严格执行公务接待标准，压减会议数量。',
      notes: '金额单位为万元。',
    },
    selfEvaluation: {
      meta: { unitName: '测试县测试中心', preparer: '张测试', preparedOn: '2031年3月1日', contactPhone: '000-0000000' },
      funding: {
        label: '年度资金总额',
        initialBudget: f('380.00'),
        adjustedBudget: f('400.00'),
        executed: f('392.50'),
        weight: f('10'),
        executionRate: f('98.13%'),
        score: f('9.81'),
      },
      // the Hunan form's lines, as printed: one amount a line, the empty lines with their labels
      bySource: {
        generalPublic: { label: '一般公共预算', adjustedBudget: f('400.00') },
        governmentFund: { label: '政府性基金拨款' },
        specialAccountNonTax: { label: '纳入专户管理的非税收入拨款' },
        other: { label: '其他资金' },
      },
      byNature: {
        basic: { label: '基本支出', adjustedBudget: f('310.00') },
        project: { label: '项目支出', adjustedBudget: f('90.00') },
      },
      overallGoal: { expected: '完成年度宣传任务。', actual: '年度宣传任务全部完成。' },
      categoryWeights: { output: f('50'), outcome: f('30'), satisfaction: f('10') },
      indicators: [
        indicator('产出指标', 'output', '数量指标', 'quantity', '发布稿件数', '≥1000篇', '1100篇', '20', '20'),
        indicator('产出指标', 'output', '质量指标', 'quality', '审校落实率', '≥98%', '100%', '10', '10'),
        indicator(
          '产出指标',
          'output',
          '时效指标',
          'timeliness',
          '任务完成时间',
          '2030年12月31日',
          '当年已完成',
          '10',
          '10',
        ),
        indicator('产出指标', 'output', '成本指标', 'cost', '公用经费', '≤42万元', '41万元', '10', '10'),
        indicator(
          '效益指标',
          'outcome',
          '社会效益指标',
          'social',
          '客户端用户数',
          '≥5000人',
          '4500人',
          '20',
          '18',
          '推广不足，将加强推广。',
        ),
        indicator(
          '效益指标',
          'outcome',
          '可持续影响指标',
          'sustainability',
          '账号持续运营',
          '持续运营',
          '持续运营',
          '10',
          '10',
        ),
        indicator(
          '满意度指标',
          'satisfaction',
          '服务对象满意度指标',
          'satisfaction',
          '群众满意度',
          '≥90%',
          '93%',
          '10',
          '10',
        ),
      ],
      totalWeight: f('100'),
      totalScore: f('97.81'),
    },
    selfReported: { total: f('97.81'), grade: '优秀' },
    narrative: {
      sections: [
        { key: 'basicInfo', heading: '一、部门（单位）基本情况', level: 1, text: '' },
        { key: 'staffing', heading: '（一）人员编制情况', level: 2, text: '本中心核定编制人数12人，实有人数11人。' },
        { key: 'budgetExecution', heading: '二、部门整体支出管理及使用情况', level: 1, text: '' },
        {
          key: 'budgetExecution',
          heading: '（一）预算执行总体情况',
          level: 2,
          text: '2030年度年初结转和结余10.00万元，本年收入390.00万元，本年支出392.50万元，年末结转和结余7.50万元。各项支出均按规定审批。',
        },
        {
          key: 'threePublicCosts',
          heading: '（二）“三公”经费情况',
          level: 2,
          text: '2030年“三公”经费年初预算数3.00万元（公务接待费1.00万元、公务用车购置及运行维护费2.00万元、因公出国（境）费0.00万元），实际支出2.60万元。',
        },
        {
          key: 'governmentFund',
          heading: '三、政府性基金预算支出情况',
          level: 1,
          text: '2030年，本中心无政府性基金预算支出。',
        },
        { key: 'performance', heading: '四、部门整体支出绩效情况', level: 1, text: '' },
        {
          key: 'conclusion',
          heading: '（一）综合评价结论',
          level: 2,
          text: '经综合评定，自评分数为97.81分，绩效评价等次为“优秀”。',
        },
        { key: 'problems', heading: '五、存在的问题及原因分析', level: 1, text: '1.客户端用户增长不及预期。' },
        { key: 'improvements', heading: '六、下一步改进措施', level: 1, text: '1.加强客户端推广。\n2.完善考核机制。' },
      ],
    },
  };
}

export function sampleEvaluation(): Evaluation {
  return evaluationSchema.parse(sampleInput());
}
