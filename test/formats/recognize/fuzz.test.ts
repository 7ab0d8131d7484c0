import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawBlock, RawCell, RawDocument } from '../../../src/formats/document.js';
import { recognizeWithSummary } from '../../../src/formats/recognize/index.js';
import { evaluationSchema } from '../../../src/model/index.js';

/**
 * RawDocuments as any importer might give them — paragraphs and tables built from the words reports use, in any
 * order, with merges — never make the recogniser throw, and always give a valid Evaluation.
 */

const WORDS = [
  '一、部门基本情况',
  '（二）部门预算执行情况',
  '1.基本支出情况',
  '存在的问题',
  '部门整体支出绩效自评表',
  '（2023年度）',
  '填表人：张三 联系电话：123',
  '说明：无',
  '本年收入100万元，本年支出90万元。',
  '自评得分90分，等次为“优秀”。',
  '财政供养人员情况',
  '编制数',
  '实有人数',
  '控制率',
  '经费控制情况',
  '2022年决算数',
  '2023年预算数',
  '2023年决算数',
  '三公经费',
  '公务接待费',
  '项目支出：',
  '公用经费',
  '其中：办公费',
  '政府采购金额',
  '楼堂馆所控制情况',
  '批复规模（㎡）',
  '厉行节约保障措施',
  '预算单位名称',
  '项目名称',
  '年度预算申请（万元）',
  '年初预算数',
  '全年预算数',
  '全年执行数',
  '分值',
  '执行率',
  '得分',
  '年度资金总额',
  '其中：一般公共预算：10',
  '按收入性质分：',
  '年度总体目标',
  '预期目标',
  '实际完成情况',
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '指标性质',
  '指标方向',
  '是否核心指标',
  '得分系数',
  '产出指标（50分）',
  '数量指标',
  '预算执行情况（10分）',
  '……',
  '总分',
  '评价等次',
  '优',
  '≥95%',
  '100',
  '0.30',
  '——',
  '是',
  '定性',
  '',
  '',
  '',
];

const src = { file: 'f.docx', text: '' };
const word = fc.constantFrom(...WORDS);
const cellArb: fc.Arbitrary<RawCell> = fc
  .record({
    text: fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }),
    colSpan: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    continued: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map((c) => ({
    text: c.text,
    source: { ...src, text: c.text },
    ...(c.colSpan !== undefined ? { colSpan: c.colSpan } : {}),
    ...(c.continued !== undefined ? { continued: c.continued } : {}),
  }));

const blockArb: fc.Arbitrary<RawBlock> = fc.oneof(
  fc
    .record({
      type: fc.constant('paragraph' as const),
      text: word,
      headingLevel: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    })
    .map((p) => ({
      type: 'paragraph' as const,
      text: p.text,
      source: { ...src, text: p.text },
      ...(p.headingLevel !== undefined ? { headingLevel: p.headingLevel } : {}),
    })),
  fc
    .array(fc.array(cellArb, { minLength: 0, maxLength: 10 }), { minLength: 0, maxLength: 25 })
    .map((rows) => ({ type: 'table' as const, rows, source: src })),
);

describe('fuzz: the recogniser on arbitrary RawDocuments', () => {
  it('never throws and always gives a valid Evaluation, as zod parses it (1,500 documents)', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 30 }), (blocks) => {
        const doc: RawDocument = { file: 'f.docx', format: 'docx', blocks };
        const t0 = performance.now();
        const { evaluation } = recognizeWithSummary(doc);
        expect(performance.now() - t0).toBeLessThan(2_000);
        const parsed = evaluationSchema.safeParse(evaluation);
        expect(parsed.success).toBe(true);
        // what zod makes of it is itself, key order included: the precompiled parse returned zod's own output
        expect(JSON.stringify(parsed.data)).toBe(JSON.stringify(evaluation));
      }),
      { numRuns: 1_500 },
    );
  }, 300_000);
});
