import type { Evaluation, FieldPath, Source } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { score } from '../scoring/score.js';
import type { ScoreItem, ScoreSheet } from '../scoring/types.js';
import { catalogue } from './catalogue.js';
import type { Check, CheckContext, Finding, FindingSummary, Severity } from './types.js';
import { withMemo } from './util.js';

export type * from './types.js';
export { catalogue, catalogueMarkdown, checkById, FAMILY_LABELS, SEVERITY_LABELS } from './catalogue.js';
export { DEFAULT_CHECK_THRESHOLDS, DEFAULT_REPORT_OUTLINE, thresholdsOf } from './thresholds.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Top-level fields in the order a report presents them: title, prose, 基础数据表, 自评表. */
const PATH_RANK = [
  'title',
  'unit',
  'year',
  'organisation',
  'finances',
  'selfReported',
  'narrative',
  'basicData',
  'selfEvaluation',
  'unrecognised',
];

/** A source's position in its file, as a tuple compared left to right. */
function sourcePosition(s: Source): number[] {
  const cell = s.cell ? /^([A-Z]+)(\d+)$/.exec(s.cell) : null;
  const cellRow = cell ? Number(cell[2]) : 0;
  const cellCol = cell ? [...cell[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
  return [
    s.page ?? 0,
    s.line ?? 0,
    s.y ?? 0,
    s.paragraph ?? 0,
    s.table ?? 0,
    s.row ?? 0,
    cellRow,
    s.col ?? 0,
    cellCol,
    s.x ?? 0,
  ];
}

function pathKey(path: FieldPath): (number | string)[] {
  const parts = path.split('.');
  const head = PATH_RANK.indexOf(parts[0] ?? '');
  return [head < 0 ? PATH_RANK.length : head, ...parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
}

function compareKeys(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/** Severity first, then document order: by where the finding's first place stands in the file, else by its path. */
export function compareFindings(a: Finding, b: Finding): number {
  const s = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (s !== 0) return s;
  const sa = a.where.find((w) => w.source)?.source;
  const sb = b.where.find((w) => w.source)?.source;
  if (sa && sb) {
    const c = compareKeys(sourcePosition(sa), sourcePosition(sb));
    if (c !== 0) return c;
  } else if (sa || sb) {
    return sa ? -1 : 1;
  }
  return compareKeys(pathKey(a.where[0]?.path ?? ''), pathKey(b.where[0]?.path ?? ''));
}

/** Run one check; an exception becomes an 'internal' info finding rather than a crash. */
export function runCheck(check: Check, ctx: CheckContext): Finding[] {
  try {
    return check.run(ctx);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [
      {
        rule: 'internal',
        severity: 'info',
        message: `核查项“${check.title}”（${check.id}）运行出错，已跳过：${why}`,
        where: [],
        values: { check: check.id },
      },
    ];
  }
}

/**
 * Run the whole catalogue (or the given checks) on an evaluation: findings sorted by severity, then by
 * document order. The score sheet is computed when not given.
 */
export function runChecks(
  evaluation: Evaluation,
  profile: RuleProfile,
  sheet?: ScoreSheet,
  checks: readonly Check[] = catalogue,
): Finding[] {
  const ctx: CheckContext = { evaluation, profile, sheet: sheet ?? score(evaluation, profile) };
  const findings = withMemo(evaluation, () => checks.flatMap((c) => runCheck(c, ctx)));
  return findings.sort(compareFindings);
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** The result of checking one evaluation: the public JSON contract of `jixiao check --format json` (docs/check-json.md). */
export interface CheckResult {
  score: {
    /** as the report states them: the 自评表's 总分 (else the prose's 自评分数) and the grade as written */
    selfReported: { total: number | null; grade: string | null };
    /** recomputed by the profile's rules, with the profile's grade label */
    recomputed: { total: number; grade: string };
    /** every scored row: the 预算执行率 row first, then each 三级指标 */
    items: ScoreItem[];
  };
  findings: Finding[];
  summary: FindingSummary;
}

/** Score and check an evaluation: what `jixiao check` reports for one file (the CLI adds `file` and `evaluation`). */
export function checkEvaluation(evaluation: Evaluation, profile: RuleProfile): CheckResult {
  const sheet = score(evaluation, profile);
  const findings = runChecks(evaluation, profile, sheet);
  return {
    score: {
      selfReported: {
        total: sheet.total.selfReportedTable ?? sheet.total.selfReportedNarrative,
        grade: sheet.grade.selfReportedText ?? sheet.grade.selfReported?.label ?? null,
      },
      recomputed: { total: sheet.total.recomputed, grade: sheet.grade.recomputed.label },
      items: [sheet.execution, ...sheet.items],
    },
    findings,
    summary: summarise(findings),
  };
}
