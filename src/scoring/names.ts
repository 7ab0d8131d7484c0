import type { ScoreFlag, ScoringMethod } from './types.js';

/** zh-CN names of the scoring methods, for every face (CLI, web, exports) to print the same words. */
export const METHOD_NAMES: Readonly<Record<ScoringMethod, string>> = {
  executionLinear: '执行率×分值',
  executionTiered: '执行率分档',
  positive: '正向指标',
  reverseRatio: '反向指标（比值法）',
  reverseLinearOverrun: '反向指标（超支线性扣分）',
  equal: '等于指标',
  equalZero: '等于零指标',
  range: '区间指标',
  qualitativeTier: '定性指标（分档）',
  qualitativeGrade: '定性指标（等级）',
  deadline: '时效指标（日期）',
  unscorable: '无法计分',
};

/** zh-CN meaning of each flag a scored row can carry. */
export const FLAG_NAMES: Readonly<Record<ScoreFlag, string>> = {
  overAchieve: '超额完成，请复核目标是否偏低',
  overAchieveNoteRequired: '大幅超额完成，须说明偏差原因',
  equalMismatch: '实际与目标不相等',
  systemSuggested: '系统建议分，须人工确认',
  belowExplainThreshold: '执行率偏低，须说明原因',
  outsideBand: '自评得分超出所属档次的分值区间',
  selfScoreKept: '无法判断达成情况，沿用自评得分',
  negativeClamped: '实际值为负数，按 0 计',
  directionAssumed: '未写指标方向，按惯例判定',
  unitAssumed: '一侧未写单位，按所写数值比较',
  weightMismatch: '分值与规则不一致',
  narrativeFallback: '自评表缺数，取自报告正文',
  overBudget: '执行数超过预算数',
};
