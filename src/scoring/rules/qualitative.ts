import { Dec } from '../../model/index.js';
import type { Figure } from '../../model/index.js';
import type { QualitativeTier, RuleProfile } from '../../rules/types.js';
import { ZERO, dec, percent, fixed, roundTo } from '../exact.js';
import type { RuleResult } from './result.js';

type GradeLevel = '优' | '良' | '中' | '低' | '差';

/** Drop what does not carry meaning in a short wording: spaces, quotes, end punctuation. */
function normalise(text: string): string {
  return text.replace(/[\s\u3000"'“”‘’「」《》。．.，,；;！!]/g, '');
}

/**
 * R-4: the tier an actual wording puts a qualitative indicator in, or undefined when it cannot be told.
 * Exact option texts first; then the lower tiers' words (未完成 and 部分完成 contain 完成, so they go
 * first); then an actual that restates the target counts as achieved; then the achieved words.
 */
export function qualitativeTierOf(
  actualText: string,
  targetText: string | undefined,
  tiers: readonly QualitativeTier[],
): QualitativeTier | undefined {
  // a pure function of three values that repeat a lot across rows and reports: remember the answers
  let memo = tierMemo.get(tiers);
  if (memo === undefined) {
    memo = new Map();
    tierMemo.set(tiers, memo);
  }
  const key = `${actualText}\u0000${targetText ?? ''}`;
  const known = memo.get(key);
  if (known !== undefined) return known ?? undefined;
  const tier = findTier(actualText, targetText, tiers);
  if (memo.size >= 4096) memo.clear();
  memo.set(key, tier ?? null);
  return tier;
}

const tierMemo = new WeakMap<readonly QualitativeTier[], Map<string, QualitativeTier | null>>();

function findTier(
  actualText: string,
  targetText: string | undefined,
  tiers: readonly QualitativeTier[],
): QualitativeTier | undefined {
  const a = normalise(actualText);
  if (a === '') return undefined;
  const exact = tiers.find((t) => normalise(t.label) === a);
  if (exact) return exact;
  const top = tiers.find((t) => t.key === 'achieved');
  for (let i = tiers.length - 1; i >= 0; i--) {
    const tier = tiers[i]!;
    if (tier !== top && tier.keywords.some((k) => a.includes(k))) return tier;
  }
  const t = targetText === undefined ? '' : normalise(targetText);
  if (t !== '' && (a.includes(t) || (a.length >= 2 && t.includes(a)))) return top;
  if (top && top.keywords.some((k) => a.includes(k))) return top;
  return undefined;
}

/** weight × share, without arithmetic for the shares 0 and 1. */
function part(weight: Dec, share: number): Dec {
  return share === 1 ? weight : share === 0 ? ZERO : weight.mul(dec(share));
}

interface Band {
  min: Dec;
  max: Dec;
  band: TierResult['band'];
  /** the formula's opening words, naming the tier and its band */
  head: string;
}
const bandMemo = new WeakMap<QualitativeTier, WeakMap<Dec, Band>>();

/** A tier's band in points for a weight; remembered per (tier, weight), as weights are cached Decs. */
function bandOf(tier: QualitativeTier, weight: Dec): Band {
  let byWeight = bandMemo.get(tier);
  if (byWeight === undefined) {
    byWeight = new WeakMap();
    bandMemo.set(tier, byWeight);
  }
  let b = byWeight.get(weight);
  if (b === undefined) {
    const min = part(weight, tier.band[0]);
    const max = part(weight, tier.band[1]);
    const maxInclusive = tier.band[1] === 1;
    const band = { tier: tier.label, min: min.toFixed(), max: max.toFixed(), maxInclusive };
    const head = `定性指标：实际完成情况属“${tier.label}”，得分区间 [${band.min}, ${band.max}${maxInclusive ? ']' : ')'}`;
    b = { min, max, band, head };
    byWeight.set(weight, b);
  }
  return b;
}

/** A qualitative result with the tier's band in points (decimal strings); `max` is exclusive unless `maxInclusive`. */
export interface TierResult extends RuleResult {
  band: { tier: string; min: string; max: string; maxInclusive: boolean };
}

/**
 * the score of a qualitative row whose tier is known. A self score inside the band is kept;
 * one outside is moved to the nearest score inside it (flag outsideBand); with no self score, the top of
 * the band is suggested (flag systemSuggested). Never above the weight.
 */
export function scoreInTier(
  tier: QualitativeTier,
  selfScore: Dec | undefined,
  weight: Dec,
  places: number,
): TierResult {
  const { min, max, band, head } = bandOf(tier, weight);
  const maxInclusive = band.maxInclusive;
  const self = selfScore === undefined ? undefined : roundTo(selfScore, places);
  if (self !== undefined && self.gte(min) && (maxInclusive ? self.lte(max) : self.lt(max))) {
    const scoreText = fixed(self, places);
    return {
      method: 'qualitativeTier',
      score: self,
      scoreText,
      flags: [],
      band,
      formula: `${head}，自评 ${self.toFixed()} 在区间内，予以认可`,
    };
  }
  // the extreme scores with `places` decimals that lie inside the band
  const lowest = min.toDecimalPlaces(places, Dec.ROUND_CEIL);
  const below = maxInclusive
    ? max.toDecimalPlaces(places, Dec.ROUND_FLOOR)
    : max.toDecimalPlaces(places, Dec.ROUND_CEIL).minus(dec(`1e-${places}`));
  // a band too narrow to hold a score with `places` decimals (tiny weights): take its rounded-up lower end
  const highest = below.lt(lowest) ? lowest : below;
  if (self === undefined) {
    const scoreText = highest.toFixed(places);
    return {
      method: 'qualitativeTier',
      score: highest,
      scoreText,
      flags: ['systemSuggested'],
      band,
      formula: `${head}；未填自评得分，建议取区间上限 ${scoreText}（请复核）`,
    };
  }
  const under = self.lt(lowest);
  const score = under ? lowest : highest;
  const scoreText = score.toFixed(places);
  return {
    method: 'qualitativeTier',
    score,
    scoreText,
    flags: ['outsideBand'],
    band,
    formula: `${head}，自评 ${self.toFixed()} 超出区间，按区间${under ? '下限' : '上限'}计 ${scoreText}`,
  };
}

/**
 * A qualitative (or deadline) row whose outcome cannot be told from the wording (`actualText`): the self
 * score is kept (flag selfScoreKept), clamped to [0, weight].
 */
export function keepSelfScore(
  selfScore: Dec,
  weight: Dec,
  places: number,
  actualText: string,
  method: 'qualitativeTier' | 'deadline' = 'qualitativeTier',
): RuleResult {
  const capped = selfScore.gt(weight);
  const score = roundTo(selfScore.isNegative() ? ZERO : capped ? weight : selfScore, places);
  const scoreText = fixed(score, places);
  const cannotTell = method === 'deadline' ? '时效指标：无法判断是否按期完成' : '定性指标：无法判断达成档次';
  return {
    method,
    score,
    scoreText,
    flags: ['selfScoreKept'],
    formula:
      `${cannotTell}（实际“${actualText}”），保留自评得分 ${selfScore.toFixed()}` +
      (capped ? `，但不超过分值 ${weight.toFixed()}，计 ${scoreText}` : selfScore.isNegative() ? '，负分按 0 计' : ''),
  };
}

const LEVEL_WORDS: Readonly<Record<string, GradeLevel>> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  低: '低',
  较低: '低',
  差: '差',
  较差: '差',
};

/** The 优/良/中/低/差 level an actual value states, if it is one. */
export function gradeLevelOf(figure: Figure): GradeLevel | undefined {
  if (figure.q.kind === 'qualitative' && figure.q.level) return figure.q.level;
  return LEVEL_WORDS[normalise(figure.text)];
}

const GRADE_CHARS = '优良中低差';

/** A target written as the grade scale itself ("优良中低差", "优/良/中/差"), as some forms do [S27]. */
export function isGradeScale(figure: Figure): boolean {
  if (!GRADE_CHARS.includes(figure.text.charAt(0))) return false;
  const t = normalise(figure.text).replace(/[、/|\\-]/g, '');
  return /^[优良中低差]{3,5}$/.test(t) && new Set(t).size === t.length;
}

/** R-4 graded targets: the actual's level as a share of the weight (优 100%, 良 80% … by the profile). */
export function scoreGrade(
  level: GradeLevel,
  weight: Dec,
  shares: RuleProfile['qualitative']['gradeShares'],
  places: number,
): RuleResult {
  const share = shares[level];
  const score = roundTo(part(weight, share), places);
  const scoreText = score.toFixed(places);
  return {
    method: 'qualitativeGrade',
    score,
    scoreText,
    flags: [],
    formula: `定性指标（等级）：实际为“${level}”，得分 = ${weight.toFixed()} × ${percent(share)} = ${scoreText}`,
  };
}
