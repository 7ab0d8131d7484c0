import type { Dec, Figure } from '../../model/index.js';
import type { QualitativeTier, RuleProfile } from '../../rules/types.js';
import { DEC } from '../arith.js';
import type { Arith } from '../arith.js';
import { percent } from '../exact.js';
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
  // a pure function of three values that repeat a lot across rows and reports: remember the answers, by actual
  // and then by target (no key to build: the texts' own hashes are kept by the engine)
  let memo = tierMemo.get(tiers);
  if (memo === undefined) {
    memo = new Map();
    tierMemo.set(tiers, memo);
  }
  let byTarget = memo.get(actualText);
  if (byTarget === undefined) {
    if (memo.size >= 4096) memo.clear();
    byTarget = new Map();
    memo.set(actualText, byTarget);
  }
  const targetKey = targetText ?? '';
  const known = byTarget.get(targetKey);
  if (known !== undefined) return known ?? undefined;
  const tier = findTier(actualText, targetText, tiers);
  if (byTarget.size >= 256) byTarget.clear();
  byTarget.set(targetKey, tier ?? null);
  return tier;
}

const tierMemo = new WeakMap<readonly QualitativeTier[], Map<string, Map<string, QualitativeTier | null>>>();

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
function part<N, R>(E: Arith<N, R>, weight: N, share: number): N {
  return share === 1 ? weight : share === 0 ? E.zero : E.mul(weight, E.of(share));
}

interface Band<N> {
  min: N;
  max: N;
  band: TierResult['band'];
  /** the formula's opening words, naming the tier and its band */
  head: string;
}
const bandMemo = new Map<QualitativeTier, Map<object, Band<unknown>>>();

/**
 * A tier's band in points for a weight; remembered per (tier, weight), as both engines hand out one object per
 * weight text (a bounded map: weights repeat, and a profile's tiers are few).
 */
function bandOf<N extends object, R>(E: Arith<N, R>, tier: QualitativeTier, weight: N): Band<N> {
  let byWeight = bandMemo.get(tier);
  if (byWeight === undefined) {
    if (bandMemo.size >= 64) bandMemo.clear();
    byWeight = new Map();
    bandMemo.set(tier, byWeight);
  }
  let b = byWeight.get(weight) as Band<N> | undefined;
  if (b === undefined) {
    const min = part(E, weight, tier.band[0]);
    const max = part(E, weight, tier.band[1]);
    const maxInclusive = tier.band[1] === 1;
    const band = { tier: tier.label, min: E.plain(min), max: E.plain(max), maxInclusive };
    const head = `定性指标：实际完成情况属“${tier.label}”，得分区间 [${band.min}, ${band.max}${maxInclusive ? ']' : ')'}`;
    b = { min, max, band, head };
    if (byWeight.size >= 1024) byWeight.clear();
    byWeight.set(weight, b);
  }
  return b;
}

/** A qualitative result with the tier's band in points (decimal strings); `max` is exclusive unless `maxInclusive`. */
export interface TierResult<N = Dec> extends RuleResult<N> {
  band: { tier: string; min: string; max: string; maxInclusive: boolean };
}

/** on any engine: see scoreInTier. */
export function inTierWith<N extends object, R>(
  E: Arith<N, R>,
  tier: QualitativeTier,
  selfScore: N | undefined,
  weight: N,
  places: number,
): TierResult<N> {
  const { min, max, band, head } = bandOf(E, tier, weight);
  const maxInclusive = band.maxInclusive;
  const self = selfScore === undefined ? undefined : E.round(selfScore, places);
  if (self !== undefined && E.cmp(self, min) >= 0 && (maxInclusive ? E.cmp(self, max) <= 0 : E.cmp(self, max) < 0)) {
    return {
      method: 'qualitativeTier',
      score: self,
      scoreText: E.fixed(self, places),
      flags: [],
      band,
      formula: `${head}，自评 ${E.plain(self)} 在区间内，予以认可`,
    };
  }
  // the extreme scores with `places` decimals that lie inside the band
  const lowest = E.ceil(min, places);
  const below = maxInclusive ? E.floor(max, places) : E.sub(E.ceil(max, places), E.ulp(places));
  // a band too narrow to hold a score with `places` decimals (tiny weights): take its rounded-up lower end
  const highest = E.cmp(below, lowest) < 0 ? lowest : below;
  if (self === undefined) {
    const scoreText = E.fixed(highest, places);
    return {
      method: 'qualitativeTier',
      score: highest,
      scoreText,
      flags: ['systemSuggested'],
      band,
      formula: `${head}；未填自评得分，建议取区间上限 ${scoreText}（请复核）`,
    };
  }
  const under = E.cmp(self, lowest) < 0;
  const score = under ? lowest : highest;
  const scoreText = E.fixed(score, places);
  return {
    method: 'qualitativeTier',
    score,
    scoreText,
    flags: ['outsideBand'],
    band,
    formula: `${head}，自评 ${E.plain(self)} 超出区间，按区间${under ? '下限' : '上限'}计 ${scoreText}`,
  };
}

/**
 * the score of a qualitative row whose tier is known. A self score inside the band is kept;
 * one outside is moved to the nearest score inside it (flag outsideBand); with no self score, the top of
 * the band is suggested (flag systemSuggested). Never above the weight.
 */
export const scoreInTier = (
  tier: QualitativeTier,
  selfScore: Dec | undefined,
  weight: Dec,
  places: number,
): TierResult => inTierWith(DEC, tier, selfScore, weight, places);

/** keepSelfScore on any engine. */
export function keepSelfScoreWith<N, R>(
  E: Arith<N, R>,
  selfScore: N,
  weight: N,
  places: number,
  actualText: string,
  method: 'qualitativeTier' | 'deadline' = 'qualitativeTier',
): RuleResult<N> {
  const capped = E.cmp(selfScore, weight) > 0;
  const negative = E.neg(selfScore);
  const score = E.round(negative ? E.zero : capped ? weight : selfScore, places);
  const scoreText = E.fixed(score, places);
  const cannotTell = method === 'deadline' ? '时效指标：无法判断是否按期完成' : '定性指标：无法判断达成档次';
  return {
    method,
    score,
    scoreText,
    flags: ['selfScoreKept'],
    formula:
      `${cannotTell}（实际“${actualText}”），保留自评得分 ${E.plain(selfScore)}` +
      (capped ? `，但不超过分值 ${E.plain(weight)}，计 ${scoreText}` : negative ? '，负分按 0 计' : ''),
  };
}

/**
 * A qualitative (or deadline) row whose outcome cannot be told from the wording (`actualText`): the self
 * score is kept (flag selfScoreKept), clamped to [0, weight].
 */
export const keepSelfScore = (
  selfScore: Dec,
  weight: Dec,
  places: number,
  actualText: string,
  method: 'qualitativeTier' | 'deadline' = 'qualitativeTier',
): RuleResult => keepSelfScoreWith(DEC, selfScore, weight, places, actualText, method);

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
  const text = figure.text;
  if (!GRADE_CHARS.includes(text.charAt(0))) return false;
  let known = gradeScales.get(text);
  if (known === undefined) {
    const t = normalise(text).replace(/[、/|\\-]/g, '');
    known = /^[优良中低差]{3,5}$/.test(t) && new Set(t).size === t.length;
    if (gradeScales.size >= 1024) gradeScales.clear();
    gradeScales.set(text, known);
  }
  return known;
}

/** isGradeScale by text: a pure function of a few texts that repeat */
const gradeScales = new Map<string, boolean>();

/** R-4 graded targets on any engine: see scoreGrade. */
export function gradeWith<N, R>(
  E: Arith<N, R>,
  level: GradeLevel,
  weight: N,
  shares: RuleProfile['qualitative']['gradeShares'],
  places: number,
): RuleResult<N> {
  const share = shares[level];
  const score = E.round(part(E, weight, share), places);
  const scoreText = E.fixed(score, places);
  return {
    method: 'qualitativeGrade',
    score,
    scoreText,
    flags: [],
    formula: `定性指标（等级）：实际为“${level}”，得分 = ${E.plain(weight)} × ${percent(share)} = ${scoreText}`,
  };
}

/** R-4 graded targets: the actual's level as a share of the weight (优 100%, 良 80% … by the profile). */
export const scoreGrade = (
  level: GradeLevel,
  weight: Dec,
  shares: RuleProfile['qualitative']['gradeShares'],
  places: number,
): RuleResult => gradeWith(DEC, level, weight, shares, places);
