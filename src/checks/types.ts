import type { Evaluation, FieldPath, Source } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import type { ScoreSheet } from '../scoring/types.js';

export type Severity = 'error' | 'warning' | 'info';

export type CheckFamily = 'structure' | 'arithmetic' | 'crossTable' | 'narrative' | 'plausibility' | 'completeness';

/** One place a finding points at: a field of the Evaluation and, when the importer recorded it, where it stood. */
export interface FindingPlace {
  path: FieldPath;
  source?: Source;
}

/** One problem found in a report: what is wrong (zh-CN), where, the values involved and how to fix it. */
export interface Finding {
  /** the id of the check that found it, e.g. 'arith.balance-identity' ('internal' when a check failed) */
  rule: string;
  severity: Severity;
  /** zh-CN, naming the conflicting values and where they stand, in plain words */
  message: string;
  where: FindingPlace[];
  /** the values involved, keyed by field path (or by a short name for derived values) */
  values: Record<string, string | number | null>;
  /** zh-CN, how to fix it */
  fix?: string;
}

export interface CheckContext {
  evaluation: Evaluation;
  profile: RuleProfile;
  sheet: ScoreSheet;
}

/** A check: a stable id, its family and severity, a zh-CN title, and a pure function returning findings. */
export interface Check {
  /** stable, `<family prefix>.<name>`, e.g. 'arith.balance-identity' */
  id: string;
  family: CheckFamily;
  /** the severity of its findings (a check may lower it for a milder case, never raise it) */
  severity: Severity;
  /** zh-CN, what the check finds, one line */
  title: string;
  /** the rules.md ids it implements, if any (e.g. ['R-7.4']) */
  rules?: readonly string[];
  run(ctx: CheckContext): Finding[];
}

/** Severity counts of a list of findings. */
export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
}
