import { z } from 'zod';
import { comparatorSchema, figureSchema } from './figure.js';
import { sourceSchema } from './source.js';

const fig = figureSchema.optional();
const text = z.string().optional();

/** Who filled in an attached table, and how to reach them (填表人 / 填报日期 / 联系电话). */
export const tableMetaSchema = z.object({
  /** 填报单位 / 预算单位名称 as written on the table */
  unitName: text,
  preparer: text,
  preparedOn: text,
  contactPhone: text,
});
export type TableMeta = z.infer<typeof tableMetaSchema>;

/** One row of the 基础数据表's 经费控制情况 block: previous year's final accounts, this year's budget and final accounts. */
export const threeYearRowSchema = z.object({
  /** the row label as written */
  label: text,
  previousFinal: fig,
  currentBudget: fig,
  currentFinal: fig,
});
export type ThreeYearRow = z.infer<typeof threeYearRowSchema>;

export const buildingSchema = z.object({
  name: text,
  approvedArea: fig,
  actualArea: fig,
  areaControlRate: fig,
  budgetInvestment: fig,
  actualInvestment: fig,
  investmentControlRate: fig,
});

/** 基础数据表 (附件1). */
export const basicDataSchema = z.object({
  meta: tableMetaSchema.default({}),
  /** the three year-column headings as written, e.g. 2022年决算数 / 2023年预算数 / 2023年决算数 */
  columnLabels: z.object({ previousFinal: text, currentBudget: text, currentFinal: text }).default({}),
  staffing: z.object({ authorizedStaff: fig, actualStaff: fig, staffControlRate: fig }).default({}),
  threePublicCosts: z
    .object({
      total: threeYearRowSchema.optional(),
      officialVehicles: threeYearRowSchema.optional(),
      vehiclePurchase: threeYearRowSchema.optional(),
      vehicleOperation: threeYearRowSchema.optional(),
      overseasTravel: threeYearRowSchema.optional(),
      officialReception: threeYearRowSchema.optional(),
    })
    .default({}),
  projectExpenditure: z
    .object({ total: threeYearRowSchema.optional(), items: z.array(threeYearRowSchema).default([]) })
    .default({ items: [] }),
  publicFunds: z
    .object({ total: threeYearRowSchema.optional(), items: z.array(threeYearRowSchema).default([]) })
    .default({ items: [] }),
  governmentProcurement: threeYearRowSchema.optional(),
  basicBudgetAdjustment: threeYearRowSchema.optional(),
  /** 楼堂馆所控制情况, with the heading's year note as written */
  buildings: z.object({ label: text, items: z.array(buildingSchema).default([]) }).default({ items: [] }),
  frugalityMeasures: text,
  notes: text,
});
export type BasicData = z.infer<typeof basicDataSchema>;

/** One funding line of the 自评表's money block: 年初预算数 / 全年预算数 / 全年执行数 (and, on the total line, 分值 / 执行率 / 得分). */
export const fundingRowSchema = z.object({
  label: text,
  initialBudget: fig,
  adjustedBudget: fig,
  executed: fig,
  weight: fig,
  executionRate: fig,
  score: fig,
});
export type FundingRow = z.infer<typeof fundingRowSchema>;

export const categoryKeySchema = z.enum(['output', 'outcome', 'satisfaction', 'cost', 'other']);
export type CategoryKey = z.infer<typeof categoryKeySchema>;

export const subcategoryKeySchema = z.enum([
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'ecological',
  'sustainability',
  'satisfaction',
  'other',
]);
export type SubcategoryKey = z.infer<typeof subcategoryKeySchema>;

/** One 三级指标 row of the 自评表. */
export const indicatorSchema = z.object({
  /** stable id inside the evaluation */
  id: z.string(),
  /** 一级指标 as written (产出指标) and its canonical key */
  category: z.string(),
  categoryKey: categoryKeySchema,
  /** 二级指标 as written (数量指标) and its canonical key */
  subcategory: z.string(),
  subcategoryKey: subcategoryKeySchema,
  /** 三级指标 name; empty when the row was left blank */
  name: z.string(),
  /** 指标性质 as written or decided: quantitative (定量) or qualitative (定性) */
  nature: z.enum(['quantitative', 'qualitative']).optional(),
  /** direction given separately from the target (指标方向 column); otherwise taken from the target's own comparator */
  comparator: comparatorSchema.optional(),
  target: fig,
  /** 调整后指标值, where an approved adjustment exists */
  adjustedTarget: fig,
  /** 计量单位 as written */
  unit: text,
  actual: fig,
  /** 分值 / 权重 */
  weight: fig,
  /** 得分 as reported */
  selfScore: fig,
  /** 偏差原因分析及改进措施 */
  deviationNote: text,
  /** 是否核心指标 */
  core: z.boolean().optional(),
  /** 得分系数 as reported (Chongqing layout: score = coefficient × weight) */
  scoreCoefficient: fig,
  /** a template placeholder row such as "……" */
  placeholder: z.boolean().optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** 自评表 (附件2). */
export const selfEvaluationSchema = z.object({
  meta: tableMetaSchema.default({}),
  /** 年度资金总额 row (with the 预算执行率 score cells) */
  funding: fundingRowSchema.default({}),
  /** by source of funds: 一般公共预算, 政府性基金, 国有资本经营, 社会保险基金, 纳入专户管理的非税收入, 其他资金; also 本年财政拨款 / 上年结转 */
  bySource: z
    .object({
      generalPublic: fundingRowSchema.optional(),
      governmentFund: fundingRowSchema.optional(),
      stateCapital: fundingRowSchema.optional(),
      socialInsurance: fundingRowSchema.optional(),
      specialAccountNonTax: fundingRowSchema.optional(),
      currentYearAppropriation: fundingRowSchema.optional(),
      carryOver: fundingRowSchema.optional(),
      other: fundingRowSchema.optional(),
    })
    .default({}),
  /** by nature of spending: 基本支出 / 项目支出 */
  byNature: z.object({ basic: fundingRowSchema.optional(), project: fundingRowSchema.optional() }).default({}),
  overallGoal: z.object({ expected: text, actual: text }).default({}),
  /** points stated for each 一级指标 heading, e.g. 产出指标（50分） → { output: "50" } */
  categoryWeights: z.partialRecord(categoryKeySchema, figureSchema).default({}),
  indicators: z.array(indicatorSchema).default([]),
  /** 总分 row: its 分值 and 得分 */
  totalWeight: fig,
  totalScore: fig,
  /** 评价等次 / 绩效结论 written on the table */
  grade: text,
  conclusion: text,
});
export type SelfEvaluation = z.infer<typeof selfEvaluationSchema>;

export const sectionKeySchema = z.enum([
  'basicInfo', // 部门（单位）基本情况
  'organisation', // 机构设置
  'staffing', // 人员编制
  'functions', // 主要职能职责
  'targets', // 绩效目标设定情况
  'budgetExecution', // 部门整体支出管理及使用情况 / 预算执行情况
  'basicExpenditure', // 基本支出情况
  'projectExpenditure', // 项目支出情况
  'threePublicCosts', // 三公经费
  'governmentFund', // 政府性基金预算支出情况
  'stateCapital', // 国有资本经营预算支出情况
  'socialInsurance', // 社会保险基金预算支出情况
  'performance', // 部门整体支出绩效情况
  'conclusion', // 综合评价结论
  'indicatorAnalysis', // 评价指标分析
  'problems', // 存在的问题及原因分析
  'improvements', // 下一步改进措施
  'resultUse', // 绩效评价结果应用情况
  'other', // 其他需要说明的情况
  'attachments', // 附件
  'unknown',
]);
export type SectionKey = z.infer<typeof sectionKeySchema>;

export const sectionSchema = z.object({
  key: sectionKeySchema,
  /** heading as written, numbering included */
  heading: z.string(),
  /** nesting depth: 1 for 一、, 2 for （一）, 3 for 1. */
  level: z.number().int().min(1),
  /** the section's own paragraphs (not its sub-sections'), joined with "\n" */
  text: z.string(),
  /** path in `sources` of the heading */
  sourceKey: z.string().optional(),
});
export type Section = z.infer<typeof sectionSchema>;

/** Content an importer found but could not place: kept and reported, never dropped. */
export const unrecognisedSchema = z.object({
  what: z.enum(['row', 'column', 'table', 'paragraph', 'cell']),
  text: z.string(),
  reason: z.string(),
  source: sourceSchema.optional(),
});
export type Unrecognised = z.infer<typeof unrecognisedSchema>;

export const evaluationKindSchema = z.enum(['department', 'project']);
export type EvaluationKind = z.infer<typeof evaluationKindSchema>;

export const evaluationSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  kind: evaluationKindSchema,
  /** the report's title as written */
  title: text,
  unit: z.object({ name: text, code: text, supervisingDepartment: text }).default({}),
  /** the project, for kind = project */
  project: z.object({ name: text, code: text }).optional(),
  year: z.number().int().min(1990).max(2100).optional(),
  /** rule profile the report is written for, when known (e.g. 'hunan') */
  profile: text,

  /** 部门（单位）基本情况 as stated in the report's prose */
  organisation: z
    .object({
      internalDivisions: text,
      authorizedStaff: fig,
      actualStaff: fig,
      functions: z.array(z.string()).default([]),
    })
    .default({ functions: [] }),

  /**
   * The money as stated in the report's prose (部门整体支出管理及使用情况):
   * 年初结转和结余, 本年收入, 本年支出, 年末结转和结余, and the 基本/项目 breakdown.
   */
  finances: z
    .object({
      openingBalance: fig,
      income: fig,
      expenditure: fig,
      closingBalance: fig,
      basic: z
        .object({
          openingBalance: fig,
          initialBudget: fig,
          adjustedBudget: fig,
          expenditure: fig,
          executionRate: fig,
          closingBalance: fig,
        })
        .default({}),
      project: z.object({ initialBudget: fig, adjustedBudget: fig, expenditure: fig }).default({}),
      threePublicCosts: z
        .object({
          budget: fig,
          actual: fig,
          officialReception: fig,
          officialVehicles: fig,
          overseasTravel: fig,
        })
        .default({}),
      governmentFund: fig,
      stateCapital: fig,
      socialInsurance: fig,
    })
    .default({ basic: {}, project: {}, threePublicCosts: {} }),

  basicData: basicDataSchema.optional(),
  selfEvaluation: selfEvaluationSchema.optional(),

  /** 综合评价结论 as stated in prose: 自评分数 and 等次 */
  selfReported: z.object({ total: fig, grade: text }).default({}),

  narrative: z.object({ sections: z.array(sectionSchema).default([]) }).default({ sections: [] }),

  unrecognised: z.array(unrecognisedSchema).default([]),
  /** provenance: FieldPath → where that value came from */
  sources: z.record(z.string(), sourceSchema).default({}),
});
/** The Evaluation after parsing: defaults filled in. */
export type Evaluation = z.infer<typeof evaluationSchema>;
/** What a producer may write: defaults optional. */
export type EvaluationInput = z.input<typeof evaluationSchema>;
