import type { GradeBand, QualitativeTier, RuleProfile } from './types.js';

/**
 * Words that place a qualitative actual value in a tier. Shared by the profiles whose sources
 * give no wording of their own; matching runs lowest tier first, so 未完成 and 部分完成 never read as 完成.
 */
export const ACHIEVED_WORDS: readonly string[] = [
  '达成',
  '完成',
  '实现',
  '达到',
  '达标',
  '提升',
  '提高',
  '增强',
  '改善',
  '加强',
  '及时',
  '按时',
  '如期',
  '到位',
  '满意',
  '良好',
  '显著',
  '有效',
  '合格',
  '优秀',
  '全覆盖',
];
export const PARTIAL_WORDS: readonly string[] = ['部分', '基本', '一定', '有所', '较为', '尚可'];
export const NOT_ACHIEVED_WORDS: readonly string[] = [
  '未达',
  '未完成',
  '未实现',
  '未能',
  '未按',
  '未及时',
  '尚未',
  '没有',
  '无法',
  '较差',
  '不达标',
  '不合格',
  '不及时',
  '不到位',
  '不满意',
  '不理想',
  '滞后',
];

/** The three tiers with the vendor's exact option texts and the 80/60 bands (R-4, V2 [S4]). */
export const NATIONAL_QUALITATIVE_TIERS: readonly QualitativeTier[] = [
  { key: 'achieved', label: '达成年度指标', keywords: ACHIEVED_WORDS, band: [0.8, 1] },
  { key: 'partial', label: '部分达成年度指标并具有一定效果', keywords: PARTIAL_WORDS, band: [0.6, 0.8] },
  { key: 'notAchieved', label: '未达成年度指标且效果较差', keywords: NOT_ACHIEVED_WORDS, band: [0, 0.6] },
];

/** 优 90–100 / 良 80–89 / 中 60–79 / 差 0–59, half-open (R-6, V2 [S3]), printed 优/良/中/差. */
export const NATIONAL_GRADES: readonly GradeBand[] = [
  { min: 90, code: 'A', name: '优', label: '优', aliases: ['优秀'] },
  { min: 80, code: 'B', name: '良', label: '良', aliases: ['良好'] },
  { min: 60, code: 'C', name: '中', label: '中', aliases: ['中等', '合格'] },
  { min: 0, code: 'D', name: '差', label: '差', aliases: ['较差', '不合格'] },
];

/**
 * 财预〔2020〕10号 as the defaults of rules.md describe it: the profile every other one starts from.
 */
export const national2020: RuleProfile = {
  id: 'national-2020',
  name: '全国通用（财预〔2020〕10号）',
  basis:
    '财预〔2020〕10号《项目支出绩效评价管理办法》及配套自评表。一级指标权重 预算执行率10/产出50/效益30/满意度10（V2，' +
    '二手解读与10号格式自评表 [S2][S8]）；执行率 = 全年执行数 ÷ 全年预算数（调整后，含上年结转，V [S5][S7]），' +
    '得分 = 分值 × 执行率，封顶100%（V2/I）；正向 实际÷目标、反向 目标÷实际（V [S5][S6]）；' +
    '定性三档 80%/60%（V2，省级系统配置 [S4]）；优良中低差 按 100/80/60/40/0%（I）；超额完成 120% 标记、130% 须说明（V2 [S4]）；' +
    '等次 优≥90、良≥80、中≥60、差<60（V2，财政部预算司 [S3]）；各级保留两位小数（V2 [S4]）。',
  weights: { execution: 10, output: 50, outcome: 30, satisfaction: 10 },
  indicatorsTotal: 90,
  execution: {
    mode: 'linear',
    cap: true,
    tiers: [],
    explainBelow: 0.9,
    base: 'adjustedBudget',
  },
  reverseMode: 'ratio',
  qualitative: {
    tiers: NATIONAL_QUALITATIVE_TIERS,
    gradeShares: { 优: 1, 良: 0.8, 中: 0.6, 低: 0.4, 差: 0 },
  },
  overAchieve: { flagAt: 1.2, mandatoryNoteAt: 1.3 },
  grades: NATIONAL_GRADES,
  rounding: 2,
  scoreTolerance: 0.01,
  rescaleNotApplicable: false,
  requirePositiveWeights: true,
  reviewGapWarning: 10,
  monitoring: { lights: 'ratio', red: 60, yellow: 80, cutoffMonths: [7] },
  disclosureDeadlineDays: 20,
  // the check catalogue's knobs (src/checks); the report outline keeps the catalogue's R-12 default
  checks: {
    amountTolerance: 0.005,
    rateTolerance: 0.005,
    farOverRatio: 1.5,
    farUnderRatio: 0.5,
    budgetAdjustmentRatio: 0.2,
    costOverrunRatio: 0.1,
    achievementAheadGap: 0.3,
  },
};
