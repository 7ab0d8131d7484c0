import type { z } from 'zod';
import { evaluationSchema, figure } from '../../src/model/index.js';
import type { indicatorSchema } from '../../src/model/index.js';
import type {
  CategoryKey,
  Evaluation,
  EvaluationInput,
  Figure,
  Indicator,
  SubcategoryKey,
} from '../../src/model/index.js';

const CATEGORY: Record<CategoryKey, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  other: '其他指标',
};
const SUBCATEGORY: Record<SubcategoryKey, string> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainability: '可持续影响指标',
  satisfaction: '服务对象满意度指标',
  other: '其他指标',
};

export interface RowSpec {
  cat?: CategoryKey;
  sub?: SubcategoryKey;
  name?: string;
  /** written text, parsed by the model's figure(); or a Figure as is */
  target?: string | Figure;
  actual?: string | Figure;
  weight?: string;
  self?: string;
  extra?: Partial<Indicator>;
}

const fig = (x: string | Figure | undefined): Figure | undefined => (typeof x === 'string' ? figure(x) : x);

/** One 三级指标 row as an importer would produce it. */
export function row(spec: RowSpec, i = 0): z.input<typeof indicatorSchema> {
  const cat = spec.cat ?? 'output';
  const sub = spec.sub ?? 'quantity';
  return {
    id: `r${i + 1}`,
    category: CATEGORY[cat],
    categoryKey: cat,
    subcategory: SUBCATEGORY[sub],
    subcategoryKey: sub,
    name: spec.name ?? `指标${i + 1}`,
    target: fig(spec.target),
    actual: fig(spec.actual),
    weight: figure(spec.weight),
    selfScore: figure(spec.self),
    ...spec.extra,
  };
}

/** An evaluation with a 自评表 holding these rows; `input` is merged in at the top level. */
export function evaluationWith(rows: RowSpec[], input: Partial<EvaluationInput> = {}): Evaluation {
  const se = input.selfEvaluation ?? {};
  return evaluationSchema.parse({
    kind: 'department',
    year: 2023,
    ...input,
    selfEvaluation: { ...se, indicators: rows.map((r, i) => row(r, i)) },
  });
}

/** The rows of rules.md §14 (the worked example), with self scores as a unit might write them. */
export const WORKED_EXAMPLE: RowSpec[] = [
  { cat: 'output', sub: 'quantity', name: '播发稿件数', target: '≥2200篇', actual: '2859篇', weight: '10', self: '10' },
  { cat: 'output', sub: 'quality', name: '安全播出事故', target: '≤0次', actual: '0次', weight: '10', self: '10' },
  { cat: 'output', sub: 'cost', name: '运行成本', target: '≤120万元', actual: '126万元', weight: '10', self: '10' },
  {
    cat: 'output',
    sub: 'quality',
    name: '宣传质量',
    target: '达成年度指标',
    actual: '部分达成年度指标并具有一定效果',
    weight: '10',
    self: '7',
  },
  {
    cat: 'output',
    sub: 'timeliness',
    name: '完成时间',
    target: '2023年12月31日前',
    actual: '当年已完成',
    weight: '10',
    self: '10',
  },
  { cat: 'outcome', sub: 'social', name: '舆论引导力', target: '提升', actual: '提升', weight: '15', self: '14' },
  {
    cat: 'outcome',
    sub: 'sustainability',
    name: '长效机制',
    target: '优良中低差',
    actual: '良',
    weight: '15',
    self: '15',
  },
  {
    cat: 'satisfaction',
    sub: 'satisfaction',
    name: '群众满意度',
    target: '≥90%',
    actual: '92%',
    weight: '10',
    self: '10',
  },
];
