import type { CheckThresholds, OutlineSection, RuleProfile } from '../rules/types.js';

/**
 * The report outline of rules.md R-12 (Hunan county practice, the common 部门整体支出绩效自评报告 template):
 * sections 三 to 五 may say 无 but must be present.
 */
export const DEFAULT_REPORT_OUTLINE: readonly OutlineSection[] = [
  { key: 'basicInfo', label: '部门（单位）基本情况', required: true },
  { key: 'budgetExecution', label: '一般公共预算支出情况（部门整体支出管理及使用情况）', required: true },
  { key: 'governmentFund', label: '政府性基金预算支出情况', required: true },
  { key: 'stateCapital', label: '国有资本经营预算支出情况', required: true },
  { key: 'socialInsurance', label: '社会保险基金预算支出情况', required: true },
  { key: 'performance', label: '部门整体支出绩效情况', required: true },
  { key: 'problems', label: '存在的问题及原因分析', required: true },
  { key: 'improvements', label: '下一步改进措施', required: true },
  { key: 'resultUse', label: '部门整体支出绩效评价结果应用情况', required: true },
  { key: 'other', label: '其他需要说明的情况', required: true },
];

/** The catalogue's defaults; a profile's `checks` block overrides any of them. */
export const DEFAULT_CHECK_THRESHOLDS: CheckThresholds = {
  amountTolerance: 0.005,
  rateTolerance: 0.005,
  farOverRatio: 1.5,
  farUnderRatio: 0.5,
  budgetAdjustmentRatio: 0.2,
  costOverrunRatio: 0.1,
  achievementAheadGap: 0.3,
  reportOutline: DEFAULT_REPORT_OUTLINE,
};

/** The thresholds in force for a profile: its own `checks` knobs over the defaults. */
export function thresholdsOf(profile: RuleProfile): CheckThresholds {
  return { ...DEFAULT_CHECK_THRESHOLDS, ...profile.checks };
}
