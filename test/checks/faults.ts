import type { EvaluationInput } from '../../src/model/index.js';
import type { CheckFamily } from '../../src/checks/index.js';
import { f, indicator } from './helpers.js';

/** One fault injected into the clean evaluation, and the finding it must make appear. */
export interface Fault {
  /** what was done, for the test name */
  what: string;
  family: CheckFamily;
  /** the check that must report it */
  rule: string;
  /** a path the finding must point at (exactly, or a parent of it) */
  path: string;
  mutate(input: EvaluationInput): void;
}

type I = EvaluationInput;
type Se = NonNullable<I['selfEvaluation']>;
type Bd = NonNullable<I['basicData']>;
type Ind = NonNullable<Se['indicators']>[number];
type Row = NonNullable<NonNullable<Bd['threePublicCosts']>['total']>;

const se = (i: I): Se => i.selfEvaluation!;
const bd = (i: I): Bd => i.basicData!;
const ind = (i: I, n: number): Ind => se(i).indicators![n]!;
const fin = (i: I) => i.finances!;
const tp = (i: I, k: keyof NonNullable<Bd['threePublicCosts']>): Row => bd(i).threePublicCosts![k]!;
const section = (i: I, key: string) => i.narrative!.sections!.find((s) => s.key === key)!;

export const FAULTS: readonly Fault[] = [
  // structure
  {
    what: '产出指标标为40分',
    family: 'structure',
    rule: 'struct.category-weight',
    path: 'selfEvaluation.categoryWeights.output',
    mutate: (i) => void (se(i).categoryWeights!.output = f('40')),
  },
  {
    what: '一个三级指标分值改为12',
    family: 'structure',
    rule: 'struct.weight-sum',
    path: 'selfEvaluation.indicators.0.weight',
    mutate: (i) => void (ind(i, 0).weight = f('12')),
  },
  {
    what: '总分行分值写成90',
    family: 'structure',
    rule: 'struct.total-weight',
    path: 'selfEvaluation.totalWeight',
    mutate: (i) => void (se(i).totalWeight = f('90')),
  },
  {
    what: '执行率分值写成20',
    family: 'structure',
    rule: 'struct.execution-weight',
    path: 'selfEvaluation.funding.weight',
    mutate: (i) => void (se(i).funding!.weight = f('20')),
  },
  {
    what: '一个指标分值为0',
    family: 'structure',
    rule: 'struct.positive-weight',
    path: 'selfEvaluation.indicators.1.weight',
    mutate: (i) => void (ind(i, 1).weight = f('0')),
  },
  {
    what: '删去基础数据表',
    family: 'structure',
    rule: 'struct.required-blocks',
    path: 'basicData',
    mutate: (i) => void delete i.basicData,
  },
  {
    what: '删去满意度指标',
    family: 'structure',
    rule: 'struct.category-coverage',
    path: 'selfEvaluation.indicators',
    mutate: (i) => void se(i).indicators!.pop(),
  },
  {
    what: '两个指标同名',
    family: 'structure',
    rule: 'struct.duplicate-indicator',
    path: 'selfEvaluation.indicators.1.name',
    mutate: (i) => void (ind(i, 1).name = ind(i, 0).name),
  },
  {
    what: '指标值不写方向',
    family: 'structure',
    rule: 'struct.comparator-missing',
    path: 'selfEvaluation.indicators.1.target',
    mutate: (i) => void (ind(i, 1).target = f('100篇')),
  },
  {
    what: '比率指标不写%',
    family: 'structure',
    rule: 'struct.unit-missing',
    path: 'selfEvaluation.indicators.2.target',
    mutate: (i) => void (ind(i, 2).target = f('≥98')),
  },
  {
    what: '满意度实际值不写%',
    family: 'structure',
    rule: 'struct.unit-mismatch',
    path: 'selfEvaluation.indicators.8.actual',
    mutate: (i) => void (ind(i, 8).actual = f('93')),
  },
  {
    what: '定量指标完成值写成文字',
    family: 'structure',
    rule: 'struct.numeric-value',
    path: 'selfEvaluation.indicators.0.actual',
    mutate: (i) => void (ind(i, 0).actual = f('基本完成')),
  },
  {
    what: '办结率目标写成“提高”',
    family: 'structure',
    rule: 'struct.qualitative-measurable',
    path: 'selfEvaluation.indicators.6.target',
    mutate: (i) => {
      ind(i, 6).target = f('提高');
      ind(i, 6).actual = f('提高');
    },
  },
  {
    what: '定性目标只写“明显提升”',
    family: 'structure',
    rule: 'struct.vague-target',
    path: 'selfEvaluation.indicators.7.target',
    mutate: (i) => {
      ind(i, 7).target = f('明显提升');
      ind(i, 7).actual = f('明显提升');
    },
  },
  {
    what: '删去年度指标值',
    family: 'structure',
    rule: 'struct.empty-target-filled',
    path: 'selfEvaluation.indicators.7.target',
    mutate: (i) => void delete ind(i, 7).target,
  },
  {
    what: '写了调整后指标值而无依据',
    family: 'structure',
    rule: 'struct.adjusted-target',
    path: 'selfEvaluation.indicators.0.adjustedTarget',
    mutate: (i) => void (ind(i, 0).adjustedTarget = f('≥450人次')),
  },

  // arithmetic
  {
    what: '年末结转改为8.00',
    family: 'arithmetic',
    rule: 'arith.balance-identity',
    path: 'finances.closingBalance',
    mutate: (i) => void (fin(i).closingBalance = f('8.00万元')),
  },
  {
    what: '自评表项目支出执行数改为46',
    family: 'arithmetic',
    rule: 'arith.nature-sum',
    path: 'selfEvaluation.byNature.project.executed',
    mutate: (i) => void (se(i).byNature!.project!.executed = f('46.00')),
  },
  {
    what: '一般公共预算全年预算改为200',
    family: 'arithmetic',
    rule: 'arith.source-sum',
    path: 'selfEvaluation.bySource.generalPublic.adjustedBudget',
    mutate: (i) => void (se(i).bySource!.generalPublic!.adjustedBudget = f('200.00')),
  },
  {
    what: '三公合计决算改为2.60',
    family: 'arithmetic',
    rule: 'arith.three-public-sum',
    path: 'basicData.threePublicCosts.total.currentFinal',
    mutate: (i) => void (tp(i, 'total').currentFinal = f('2.60')),
  },
  {
    what: '公车运行维护决算改为1.70',
    family: 'arithmetic',
    rule: 'arith.vehicle-sum',
    path: 'basicData.threePublicCosts.vehicleOperation.currentFinal',
    mutate: (i) => void (tp(i, 'vehicleOperation').currentFinal = f('1.70')),
  },
  {
    what: '办公费决算改为20',
    family: 'arithmetic',
    rule: 'arith.public-funds-parts',
    path: 'basicData.publicFunds.total.currentFinal',
    mutate: (i) => void (bd(i).publicFunds!.items![0]!.currentFinal = f('20.00')),
  },
  {
    what: '业务工作经费决算改为33',
    family: 'arithmetic',
    rule: 'arith.project-sum',
    path: 'basicData.projectExpenditure.items.0.currentFinal',
    mutate: (i) => void (bd(i).projectExpenditure!.items![0]!.currentFinal = f('33.00')),
  },
  {
    what: '控制率写成100%',
    family: 'arithmetic',
    rule: 'arith.staff-control-rate',
    path: 'basicData.staffing.staffControlRate',
    mutate: (i) => void (bd(i).staffing!.staffControlRate = f('100%')),
  },
  {
    what: '执行率写成98%',
    family: 'arithmetic',
    rule: 'arith.execution-rate',
    path: 'selfEvaluation.funding.executionRate',
    mutate: (i) => void (se(i).funding!.executionRate = f('98%')),
  },
  {
    what: '执行率得分写成10',
    family: 'arithmetic',
    rule: 'arith.execution-score',
    path: 'selfEvaluation.funding.score',
    mutate: (i) => void (se(i).funding!.score = f('10')),
  },
  {
    what: '完成值90篇仍得满分',
    family: 'arithmetic',
    rule: 'arith.indicator-score',
    path: 'selfEvaluation.indicators.1.selfScore',
    mutate: (i) => void (ind(i, 1).actual = f('90篇')),
  },
  {
    what: '得分超过分值',
    family: 'arithmetic',
    rule: 'arith.score-range',
    path: 'selfEvaluation.indicators.0.selfScore',
    mutate: (i) => void (ind(i, 0).selfScore = f('12')),
  },
  {
    what: '总分少加1分',
    family: 'arithmetic',
    rule: 'arith.total-sum',
    path: 'selfEvaluation.totalScore',
    mutate: (i) => {
      se(i).totalScore = f('98.66');
      i.selfReported = { total: f('98.66'), grade: '优' };
    },
  },
  {
    what: '完成值不足仍得满分，总分未重算',
    family: 'arithmetic',
    rule: 'arith.total-recomputed',
    path: 'selfEvaluation.totalScore',
    mutate: (i) => void (ind(i, 1).actual = f('90篇')),
  },
  {
    what: '等次写成良',
    family: 'arithmetic',
    rule: 'arith.grade-band',
    path: 'selfEvaluation.grade',
    mutate: (i) => {
      se(i).grade = '良';
      i.selfReported = { total: f('99.66'), grade: '良' };
    },
  },
  {
    what: '两个指标远未完成仍自评优',
    family: 'arithmetic',
    rule: 'arith.grade-recomputed',
    path: 'selfReported.grade',
    mutate: (i) => {
      ind(i, 0).actual = f('100人次');
      ind(i, 1).actual = f('20篇');
    },
  },
  {
    what: '楼堂馆所规模控制率算错',
    family: 'arithmetic',
    rule: 'arith.building-rates',
    path: 'basicData.buildings.items.0.areaControlRate',
    mutate: (i) =>
      void (bd(i).buildings!.items = [
        { name: '业务用房', approvedArea: f('1000'), actualArea: f('900'), areaControlRate: f('95%') },
      ]),
  },

  // cross-table
  {
    what: '自评表年初预算数改为185',
    family: 'crossTable',
    rule: 'xtable.initial-budget',
    path: 'selfEvaluation.funding.initialBudget',
    mutate: (i) => void (se(i).funding!.initialBudget = f('185.00')),
  },
  {
    what: '正文基本支出全年预算改为160',
    family: 'crossTable',
    rule: 'xtable.adjusted-budget',
    path: 'finances.basic.adjustedBudget',
    mutate: (i) => void (fin(i).basic!.adjustedBudget = f('160.00万元')),
  },
  {
    what: '正文本年支出改为199',
    family: 'crossTable',
    rule: 'xtable.expenditure',
    path: 'finances.expenditure',
    mutate: (i) => void (fin(i).expenditure = f('199.00万元')),
  },
  {
    what: '正文三公预算写成0',
    family: 'crossTable',
    rule: 'xtable.three-public-costs',
    path: 'finances.threePublicCosts.budget',
    mutate: (i) => void (fin(i).threePublicCosts!.budget = f('0万元')),
  },
  {
    what: '基础数据表项目支出预算改为60',
    family: 'crossTable',
    rule: 'xtable.project-expenditure',
    path: 'basicData.projectExpenditure.total.currentBudget',
    mutate: (i) => void (bd(i).projectExpenditure!.total!.currentBudget = f('60.00')),
  },
  {
    what: '自评表基本支出年初预算改为140',
    family: 'crossTable',
    rule: 'xtable.basic-expenditure',
    path: 'selfEvaluation.byNature.basic.initialBudget',
    mutate: (i) => void (se(i).byNature!.basic!.initialBudget = f('140.00')),
  },
  {
    what: '公用经费成本指标目标改为25',
    family: 'crossTable',
    rule: 'xtable.cost-indicator',
    path: 'selfEvaluation.indicators.4.target',
    mutate: (i) => void (ind(i, 4).target = f('≤25.00万元')),
  },
  {
    what: '正文实有人数改为8',
    family: 'crossTable',
    rule: 'xtable.staffing',
    path: 'organisation.actualStaff',
    mutate: (i) => void (i.organisation!.actualStaff = f('8人')),
  },
  {
    what: '正文自评分数改为95',
    family: 'crossTable',
    rule: 'xtable.total-score',
    path: 'selfReported.total',
    mutate: (i) => void (i.selfReported = { total: f('95'), grade: '优' }),
  },
  {
    what: '正文等次写成良好',
    family: 'crossTable',
    rule: 'xtable.grade',
    path: 'selfReported.grade',
    mutate: (i) => void (i.selfReported = { total: f('99.66'), grade: '良好' }),
  },
  {
    what: '自评表单位名称写成另一单位',
    family: 'crossTable',
    rule: 'xtable.unit-name',
    path: 'selfEvaluation.meta.unitName',
    mutate: (i) => void (se(i).meta = { ...se(i).meta, unitName: '示范县另一局' }),
  },
  {
    what: '基础数据表栏目写成2022年预算数',
    family: 'crossTable',
    rule: 'xtable.year',
    path: 'basicData.columnLabels.currentBudget',
    mutate: (i) => void (bd(i).columnLabels = { ...bd(i).columnLabels, currentBudget: '2022年预算数' }),
  },
  {
    what: '自评表填表人不同',
    family: 'crossTable',
    rule: 'xtable.preparer',
    path: 'selfEvaluation.meta.preparer',
    mutate: (i) => void (se(i).meta = { ...se(i).meta, preparer: '李四' }),
  },
  {
    what: '自评表填报日期不同',
    family: 'crossTable',
    rule: 'xtable.prepared-on',
    path: 'selfEvaluation.meta.preparedOn',
    mutate: (i) => void (se(i).meta = { ...se(i).meta, preparedOn: '2024年3月21日' }),
  },
  {
    what: '自评表联系电话错一位',
    family: 'crossTable',
    rule: 'xtable.contact-phone',
    path: 'selfEvaluation.meta.contactPhone',
    mutate: (i) => void (se(i).meta = { ...se(i).meta, contactPhone: '0731-1234568' }),
  },

  // narrative
  {
    what: '正文分项之和大于总数',
    family: 'narrative',
    rule: 'narr.parts-sum',
    path: 'narrative.sections.6',
    mutate: (i) =>
      void (section(i, 'performance').text = section(i, 'performance').text.replace(
        '线下培训220人次',
        '线下培训250人次',
      )),
  },
  {
    what: '指标完成值与正文总数不同',
    family: 'narrative',
    rule: 'narr.indicator-vs-prose',
    path: 'selfEvaluation.indicators.0.actual',
    mutate: (i) => void (ind(i, 0).actual = f('530人次')),
  },
  {
    what: '正文另写自评分98分',
    family: 'narrative',
    rule: 'narr.self-score',
    path: 'narrative.sections.6',
    mutate: (i) =>
      void (section(i, 'performance').text = section(i, 'performance').text.replace(
        '自评分数为99.66分',
        '自评分数为98分',
      )),
  },
  {
    what: '正文执行率写成90%',
    family: 'narrative',
    rule: 'narr.execution-rate',
    path: 'narrative.sections.1',
    mutate: (i) =>
      void (section(i, 'budgetExecution').text = section(i, 'budgetExecution').text.replace(
        '预算执行率96.59%',
        '预算执行率90%',
      )),
  },

  {
    what: '正文公用经费预算数与表不符',
    family: 'narrative',
    rule: 'narr.line-amounts',
    path: 'basicData.publicFunds.total.currentBudget',
    mutate: (i) => void (section(i, 'performance').text += '2023年公用经费预算数25.00万元，实际支出21.00万元。'),
  },

  // plausibility
  {
    what: '扣分而无偏差说明',
    family: 'plausibility',
    rule: 'plaus.deviation-note-missing',
    path: 'selfEvaluation.indicators.0.deviationNote',
    mutate: (i) => {
      ind(i, 0).actual = f('450人次');
      ind(i, 0).selfScore = f('9');
    },
  },
  {
    what: '定性指标已达成却扣分',
    family: 'plausibility',
    rule: 'plaus.achieved-but-deducted',
    path: 'selfEvaluation.indicators.7.selfScore',
    mutate: (i) => {
      ind(i, 7).selfScore = f('9');
      ind(i, 7).deviationNote = '个别制度尚待完善';
    },
  },
  {
    what: '定性指标未完成却满分',
    family: 'plausibility',
    rule: 'plaus.full-marks-unmet',
    path: 'selfEvaluation.indicators.7.actual',
    mutate: (i) => void (ind(i, 7).actual = f('未完成')),
  },
  {
    what: '超额135%而无说明',
    family: 'plausibility',
    rule: 'plaus.over-achievement',
    path: 'selfEvaluation.indicators.1.actual',
    mutate: (i) => void (ind(i, 1).actual = f('135篇')),
  },
  {
    what: '定性未完成得分在达成档',
    family: 'plausibility',
    rule: 'plaus.qualitative-band',
    path: 'selfEvaluation.indicators.7.selfScore',
    mutate: (i) => void (ind(i, 7).actual = f('未完成')),
  },
  {
    what: '成本超支14%',
    family: 'plausibility',
    rule: 'plaus.cost-overrun',
    path: 'selfEvaluation.indicators.4.actual',
    mutate: (i) => {
      ind(i, 4).actual = f('25.00万元');
      ind(i, 4).selfScore = f('8.8');
      ind(i, 4).deviationNote = '设备维修费增加';
    },
  },
  {
    what: '执行率低于90%而无说明',
    family: 'plausibility',
    rule: 'plaus.execution-explain',
    path: 'selfEvaluation.funding.executionRate',
    mutate: (i) => {
      se(i).funding = { ...se(i).funding, executed: f('180.00'), executionRate: f('87.80%'), score: f('8.78') };
    },
  },
  {
    what: '公用经费决算远超预算',
    family: 'plausibility',
    rule: 'plaus.budget-line-deviation',
    path: 'basicData.publicFunds.total.currentFinal',
    mutate: (i) => void (bd(i).publicFunds!.total!.currentFinal = f('40.00')),
  },
  {
    what: '项目预算大幅追加而无说明',
    family: 'plausibility',
    rule: 'plaus.budget-adjustment',
    path: 'finances.project.adjustedBudget',
    mutate: (i) => {
      delete bd(i).basicBudgetAdjustment;
      const s = section(i, 'budgetExecution');
      s.text = s.text.replace(/年中追加[^。]*。/, '');
    },
  },
  {
    what: '执行率不足一半而指标全部完成',
    family: 'plausibility',
    rule: 'plaus.achievement-vs-execution',
    path: 'selfEvaluation.funding.executed',
    mutate: (i) => {
      se(i).funding = { ...se(i).funding, executed: f('100.00'), executionRate: f('48.78%'), score: f('4.88') };
    },
  },
  {
    what: '数据截至11月30日',
    family: 'plausibility',
    rule: 'plaus.data-cutoff',
    path: 'narrative.sections.6',
    mutate: (i) => void (section(i, 'performance').text = `截至11月30日，${section(i, 'performance').text}`),
  },
  {
    what: '楼堂馆所写成2021年项目',
    family: 'plausibility',
    rule: 'plaus.year-mismatch',
    path: 'basicData.buildings.label',
    mutate: (i) => void (bd(i).buildings!.label = '楼堂馆所控制情况（2021年完工项目）'),
  },
  {
    what: '删去满意度调查说明',
    family: 'plausibility',
    rule: 'plaus.satisfaction-evidence',
    path: 'selfEvaluation.indicators.8.actual',
    mutate: (i) =>
      void (section(i, 'performance').text = section(i, 'performance').text.replace(
        /2023年12月，通过问卷[^。]*。/,
        '',
      )),
  },
  {
    what: '实有人数超编',
    family: 'plausibility',
    rule: 'plaus.staff-over-quota',
    path: 'basicData.staffing.actualStaff',
    mutate: (i) => {
      bd(i).staffing = { authorizedStaff: f('10'), actualStaff: f('11'), staffControlRate: f('110%') };
      i.organisation!.actualStaff = f('11人');
      const s = section(i, 'basicInfo');
      s.text = s.text.replace('实有人数9人', '实有人数11人');
    },
  },
  {
    what: '三公经费比上年增加',
    family: 'plausibility',
    rule: 'plaus.three-public-growth',
    path: 'basicData.threePublicCosts.total.currentFinal',
    mutate: (i) => {
      tp(i, 'total').previousFinal = f('2.00');
      tp(i, 'officialVehicles').previousFinal = f('1.20');
      tp(i, 'vehicleOperation').previousFinal = f('1.20');
    },
  },
  {
    what: '楼堂馆所超批复规模',
    family: 'plausibility',
    rule: 'plaus.building-overrun',
    path: 'basicData.buildings.items.0.actualArea',
    mutate: (i) =>
      void (bd(i).buildings!.items = [
        { name: '业务用房', approvedArea: f('1000'), actualArea: f('1100'), areaControlRate: f('110%') },
      ]),
  },

  // completeness
  {
    what: '年度总体目标预期目标为空',
    family: 'completeness',
    rule: 'compl.overall-goal',
    path: 'selfEvaluation.overallGoal.expected',
    mutate: (i) => void delete se(i).overallGoal!.expected,
  },
  {
    what: '填报单位为空',
    family: 'completeness',
    rule: 'compl.unit-name',
    path: 'basicData.meta.unitName',
    mutate: (i) => void (bd(i).meta = { ...bd(i).meta, unitName: '' }),
  },
  {
    what: '联系电话为空',
    family: 'completeness',
    rule: 'compl.table-meta',
    path: 'basicData.meta.contactPhone',
    mutate: (i) => void (bd(i).meta = { ...bd(i).meta, contactPhone: undefined }),
  },
  {
    what: '项目支出留有填表说明',
    family: 'completeness',
    rule: 'compl.template-text',
    path: 'basicData.projectExpenditure.items.2.label',
    mutate: (i) => void bd(i).projectExpenditure!.items!.push({ label: '3、市级专项资金（一个专项一行）' }),
  },
  {
    what: '占位行填了分值',
    family: 'completeness',
    rule: 'compl.placeholder-indicator',
    path: 'selfEvaluation.indicators.9.weight',
    mutate: (i) =>
      void se(i).indicators!.push({
        ...indicator('p1', 'output', 'quantity', '……', undefined, undefined, '5', undefined),
        placeholder: true,
      }),
  },
  {
    what: '生态效益指标只留空行',
    family: 'completeness',
    rule: 'compl.empty-subcategory',
    path: 'selfEvaluation.indicators.9',
    mutate: (i) =>
      void se(i).indicators!.push({
        id: 'e1',
        category: '效益指标',
        categoryKey: 'outcome',
        subcategory: '生态效益指标',
        subcategoryKey: 'ecological',
        name: '',
        placeholder: true,
      }),
  },
  {
    what: '删去结果应用情况',
    family: 'completeness',
    rule: 'compl.missing-section',
    path: 'narrative.sections',
    mutate: (i) => void (i.narrative!.sections = i.narrative!.sections!.filter((s) => s.key !== 'resultUse')),
  },
  {
    what: '一级标题漏编号',
    family: 'completeness',
    rule: 'compl.section-order',
    path: 'narrative.sections.8',
    mutate: (i) => void (section(i, 'improvements').heading = '下一步改进措施'),
  },
  {
    what: '删去一个完成值',
    family: 'completeness',
    rule: 'compl.indicator-cells',
    path: 'selfEvaluation.indicators.0.actual',
    mutate: (i) => void delete ind(i, 0).actual,
  },
  {
    what: '厉行节约措施为空',
    family: 'completeness',
    rule: 'compl.frugality',
    path: 'basicData.frugalityMeasures',
    mutate: (i) => void (bd(i).frugalityMeasures = ''),
  },
  {
    what: '执行率得分为空',
    family: 'completeness',
    rule: 'compl.funding-cells',
    path: 'selfEvaluation.funding.score',
    mutate: (i) => void delete se(i).funding!.score,
  },
  {
    what: '有未识别的内容',
    family: 'completeness',
    rule: 'compl.unrecognised',
    path: 'unrecognised.0',
    mutate: (i) => void (i.unrecognised = [{ what: 'paragraph', text: '附注：本表另有补充材料', reason: '无法归类' }]),
  },
];

/** The clean input with one fault injected. */
export function withFault(clean: () => EvaluationInput, fault: Fault): EvaluationInput {
  const input = clean();
  fault.mutate(input);
  return input;
}
