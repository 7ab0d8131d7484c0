import { evaluationSchema, figure } from '../../src/model/index.js';
import type { Evaluation, EvaluationInput, Figure } from '../../src/model/index.js';
import { checkById, runChecks } from '../../src/checks/index.js';
import type { Finding } from '../../src/checks/index.js';
import { getProfile } from '../../src/rules/index.js';
import type { RuleProfile } from '../../src/rules/types.js';

/** A figure that must exist (tests write real values). */
export function f(text: string): Figure {
  const fig = figure(text);
  if (!fig) throw new Error(`empty figure: "${text}"`);
  return fig;
}

export function evaluation(input: EvaluationInput): Evaluation {
  return evaluationSchema.parse(input);
}

export const national = (): RuleProfile => {
  const p = getProfile('national-2020');
  if (!p) throw new Error('profile national-2020 missing');
  return p;
};

/** The findings of one check (by id) on an evaluation. */
export function run(ev: Evaluation, id: string, profile: RuleProfile = national()): Finding[] {
  const check = checkById(id);
  if (!check) throw new Error(`no check ${id}`);
  return runChecks(ev, profile, undefined, [check]);
}

/** Paths of every place the findings point at. */
export function paths(findings: readonly Finding[]): string[] {
  return findings.flatMap((x) => x.where.map((w) => w.path));
}

export type IndicatorInput = NonNullable<NonNullable<EvaluationInput['selfEvaluation']>['indicators']>[number];

/** A 三级指标 row with the usual cells. */
export function indicator(
  id: string,
  category: 'output' | 'outcome' | 'satisfaction',
  subcategoryKey: IndicatorInput['subcategoryKey'],
  name: string,
  target: string | undefined,
  actual: string | undefined,
  weight: string | undefined,
  selfScore: string | undefined,
  extra: { deviationNote?: string; unit?: string } = {},
): IndicatorInput {
  const labels = { output: '产出指标', outcome: '效益指标', satisfaction: '满意度指标' } as const;
  return {
    id,
    category: labels[category],
    categoryKey: category,
    subcategory: String(subcategoryKey),
    subcategoryKey,
    name,
    target: target === undefined ? undefined : f(target),
    actual: actual === undefined ? undefined : f(actual),
    weight: weight === undefined ? undefined : f(weight),
    selfScore: selfScore === undefined ? undefined : f(selfScore),
    ...extra,
  };
}

/** The first finding of a list, failing the test when there is none. */
export function only(findings: readonly Finding[]): Finding {
  const first = findings[0];
  if (!first) throw new Error('expected a finding, got none');
  return first;
}
