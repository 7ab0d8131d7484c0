import { Dec } from '../model/index.js';
import type { CategoryKey } from '../model/index.js';
import type { RuleProfile } from './types.js';

/** One inconsistency in a profile: the field (dot path) and what is wrong, in zh-CN. */
export interface ProfileProblem {
  field: string;
  message: string;
}

const CATEGORY_KEYS: readonly CategoryKey[] = ['output', 'outcome', 'satisfaction', 'cost', 'other'];
const GRADE_LEVELS = ['优', '良', '中', '低', '差'] as const;
const GRADE_CODES = ['A', 'B', 'C', 'D'] as const;
const GRADE_NAMES = ['优', '良', '中', '差'] as const;
const TIER_KEYS = ['achieved', 'partial', 'notAchieved'] as const;

const isShare = (x: number): boolean => Number.isFinite(x) && x >= 0 && x <= 1;
/** Exact sum of profile numbers (they are written as decimal literals; add them as decimals). */
const sum = (xs: readonly number[]): Dec => xs.reduce((acc, x) => acc.plus(String(x)), new Dec(0));

/**
 * Check a profile's internal consistency: weights add up to 100, tiers and bands are ordered and cover
 * their range, grade bands and labels are unambiguous, thresholds make sense. Empty when consistent.
 */
export function validateProfile(p: RuleProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const bad = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(p.id)) bad('id', `编号“${p.id}”应为小写字母、数字和连字符`);
  if (p.name.trim() === '') bad('name', '名称不能为空');
  if (p.basis.trim() === '') bad('basis', '须写明规则依据及证据等级');

  // Weights
  const w = p.weights;
  if (!(Number.isFinite(w.execution) && w.execution > 0)) bad('weights.execution', '预算执行率分值应大于 0');
  const categoryWeights: number[] = [];
  for (const key of CATEGORY_KEYS) {
    const v = w[key];
    if (v === undefined) continue;
    if (!(Number.isFinite(v) && v >= 0)) bad(`weights.${key}`, '一级指标权重应为非负数');
    categoryWeights.push(v);
  }
  const indicators = categoryWeights.length > 0 ? sum(categoryWeights) : undefined;
  if (p.indicatorsTotal !== undefined) {
    if (!(Number.isFinite(p.indicatorsTotal) && p.indicatorsTotal > 0)) bad('indicatorsTotal', '指标总分应大于 0');
    if (indicators && !indicators.eq(String(p.indicatorsTotal)))
      bad('weights', `一级指标权重合计 ${indicators.toFixed()} 与指标总分 ${p.indicatorsTotal} 不一致`);
  }
  const indicatorPoints = indicators ?? (p.indicatorsTotal === undefined ? undefined : new Dec(p.indicatorsTotal));
  if (indicatorPoints === undefined) bad('weights', '须给出一级指标权重或指标总分');
  else if (!indicatorPoints.plus(String(w.execution)).eq(100))
    bad('weights', `预算执行率 ${w.execution} 与指标 ${indicatorPoints.toFixed()} 合计应为 100`);

  // Execution rate
  const ex = p.execution;
  if (!(ex.explainBelow > 0 && ex.explainBelow <= 1))
    bad('execution.explainBelow', '须说明的执行率下限应在 (0, 1] 之内');
  if (ex.mode === 'linear' && !ex.cap) bad('execution.cap', '线性计分须以 100% 封顶，否则得分会超过分值');
  if (ex.mode === 'tiered') {
    if (ex.tiers.length === 0) bad('execution.tiers', '分档计分须列出档次');
    ex.tiers.forEach((t, i) => {
      if (!isShare(t.share)) bad(`execution.tiers.${i}.share`, '档次得分比例应在 0 到 1 之间');
      if (!(Number.isFinite(t.minRate) && t.minRate >= 0)) bad(`execution.tiers.${i}.minRate`, '档次下限应为非负数');
      const prev = ex.tiers[i - 1];
      if (prev && !(t.minRate < prev.minRate)) bad(`execution.tiers.${i}.minRate`, '档次应按执行率从高到低排列');
      if (prev && t.share > prev.share) bad(`execution.tiers.${i}.share`, '执行率越低，得分比例不应越高');
    });
    const first = ex.tiers[0];
    const last = ex.tiers[ex.tiers.length - 1];
    if (first && first.share !== 1) bad('execution.tiers.0.share', '最高档应得满分（比例 1）');
    if (last && last.minRate !== 0)
      bad(`execution.tiers.${ex.tiers.length - 1}.minRate`, '最低档下限应为 0，覆盖所有执行率');
  }

  // Qualitative tiers and graded targets
  const tiers = p.qualitative.tiers;
  const keys = tiers.map((t) => t.key);
  if (tiers.length !== TIER_KEYS.length || TIER_KEYS.some((k, i) => keys[i] !== k))
    bad('qualitative.tiers', '定性档次应依次为 达成、部分达成、未达成 三档');
  tiers.forEach((t, i) => {
    const [lo, hi] = t.band;
    if (!(isShare(lo) && isShare(hi) && lo < hi))
      bad(`qualitative.tiers.${i}.band`, '得分区间应满足 0 ≤ 下限 < 上限 ≤ 1');
    if (t.label.trim() === '') bad(`qualitative.tiers.${i}.label`, '档次名称不能为空');
    if (t.keywords.length === 0 || t.keywords.some((k) => k.trim() === ''))
      bad(`qualitative.tiers.${i}.keywords`, '档次关键词不能为空');
    const prev = tiers[i - 1];
    if (prev && prev.band[0] !== hi) bad(`qualitative.tiers.${i}.band`, '相邻档次的得分区间应首尾相接');
  });
  if (tiers[0] && tiers[0].band[1] !== 1) bad('qualitative.tiers.0.band', '最高档上限应为满分');
  const lowest = tiers[tiers.length - 1];
  if (lowest && lowest.band[0] !== 0) bad(`qualitative.tiers.${tiers.length - 1}.band`, '最低档下限应为 0');
  if (new Set(tiers.map((t) => t.label)).size !== tiers.length) bad('qualitative.tiers', '档次名称不能重复');

  const shares = p.qualitative.gradeShares;
  GRADE_LEVELS.forEach((level, i) => {
    const s = shares[level];
    if (!isShare(s)) bad(`qualitative.gradeShares.${level}`, '等级得分比例应在 0 到 1 之间');
    const prevLevel = GRADE_LEVELS[i - 1];
    if (prevLevel !== undefined && s > shares[prevLevel])
      bad(`qualitative.gradeShares.${level}`, `“${level}”的得分比例不应高于“${prevLevel}”`);
  });
  if (shares['优'] !== 1) bad('qualitative.gradeShares.优', '“优”应得满分（比例 1）');

  // Over-achievement
  const oa = p.overAchieve;
  if (!(oa.flagAt > 1)) bad('overAchieve.flagAt', '超额完成标记比例应大于 1');
  if (!(oa.mandatoryNoteAt >= oa.flagAt)) bad('overAchieve.mandatoryNoteAt', '须说明比例不应低于标记比例');

  // Grades
  const g = p.grades;
  if (g.length !== 4) bad('grades', '等次应为 优、良、中、差 四档');
  g.forEach((band, i) => {
    if (band.code !== GRADE_CODES[i] || band.name !== GRADE_NAMES[i])
      bad(`grades.${i}`, '等次应依次为 A 优、B 良、C 中、D 差');
    if (!(Number.isFinite(band.min) && band.min >= 0 && band.min <= 100))
      bad(`grades.${i}.min`, '等次下限应在 0 到 100 之间');
    const prev = g[i - 1];
    if (prev && !(band.min < prev.min)) bad(`grades.${i}.min`, '等次下限应从高到低排列');
    if (band.label.trim() === '') bad(`grades.${i}.label`, '等次显示名称不能为空');
  });
  const last = g[g.length - 1];
  if (last && last.min !== 0) bad(`grades.${g.length - 1}.min`, '最低等次下限应为 0，覆盖所有得分');
  const spellings = new Map<string, string>();
  for (const band of g) {
    for (const text of new Set([band.name, band.label, ...band.aliases])) {
      const owner = spellings.get(text);
      if (owner !== undefined && owner !== band.name) bad('grades', `“${text}”同时指向“${owner}”和“${band.name}”`);
      spellings.set(text, band.name);
    }
  }

  // R-3.7 (drop not-applicable indicators and rescale to 100) is not implemented by scoring yet: refuse
  // the switch rather than ignore it
  if (p.rescaleNotApplicable)
    bad('rescaleNotApplicable', '计分暂不支持“不适用指标剔除后折算为百分制”（R-3.7），请关闭此项');

  // Numbers and thresholds
  if (!(Number.isInteger(p.rounding) && p.rounding >= 0 && p.rounding <= 6))
    bad('rounding', '小数位数应为 0 到 6 的整数');
  if (!(p.scoreTolerance >= 0)) bad('scoreTolerance', '比较容差应为非负数');
  if (!(p.reviewGapWarning > 0)) bad('reviewGapWarning', '复核差异预警分值应大于 0');
  const m = p.monitoring;
  if (!(m.red > 0 && m.red < m.yellow && m.yellow <= 100)) bad('monitoring', '预警阈值应满足 0 < 红灯 < 黄灯 ≤ 100');
  if (
    m.cutoffMonths.length === 0 ||
    m.cutoffMonths.some((x, i) => !Number.isInteger(x) || x < 1 || x > 12 || (i > 0 && x <= m.cutoffMonths[i - 1]!))
  )
    bad('monitoring.cutoffMonths', '监控截止月份应为 1 到 12 的整数并从小到大排列');
  if (!(Number.isInteger(p.disclosureDeadlineDays) && p.disclosureDeadlineDays > 0))
    bad('disclosureDeadlineDays', '公开期限天数应为正整数');

  return problems;
}
