import type { GradeBand, RuleProfile } from '../../rules/types.js';
import type { GradeResult } from '../types.js';

const result = (band: GradeBand): GradeResult => ({ code: band.code, name: band.name, label: band.label });

/** the grade of a total by the profile's half-open bands ([90, 100] 优, [80, 90) 良 …): 89.5 → 良. */
export function gradeFor(total: number, profile: RuleProfile): GradeResult {
  const bands = profile.grades;
  for (const band of bands) if (total >= band.min) return result(band);
  const lowest = bands[bands.length - 1];
  if (!lowest) throw new RangeError(`规则配置“${profile.id}”没有等次分档`);
  return result(lowest);
}

/** Padding and wording around a grade as reports write it: “优秀”, 等次为优秀, 良好等次, 优秀级. */
const AROUND = /^(?:绩效)?(?:评价|自评)?(?:等次|等级|结论|结果)?(?:为|是|[:：])?|(?:等次|等级|级|等)$/g;

/**
 * The grade a report states, read with the profile's labels, canonical names and aliases
 * (优秀 → 优 …); null when the text is not one grade.
 */
export function parseGrade(text: string, profile: RuleProfile): GradeResult | null {
  // a pure function of a few texts that repeat across reports: remember the band, hand out a fresh result
  let memo = parsed.get(profile.grades);
  if (memo === undefined) {
    memo = new Map();
    parsed.set(profile.grades, memo);
  }
  let band = memo.get(text);
  if (band === undefined) {
    band = findBand(text, profile.grades);
    if (memo.size >= 1024) memo.clear();
    memo.set(text, band);
  }
  return band === null ? null : result(band);
}

const parsed = new WeakMap<readonly GradeBand[], Map<string, GradeBand | null>>();

function findBand(text: string, bands: readonly GradeBand[]): GradeBand | null {
  const cleaned = text.replace(/[\s\u3000"'“”‘’「」。.]/g, '').replace(AROUND, '');
  if (cleaned === '') return null;
  for (const band of bands) {
    if (band.label === cleaned || band.name === cleaned || band.aliases.includes(cleaned)) return band;
  }
  return null;
}
