import { arithmeticChecks } from './arithmetic.js';
import { completenessChecks } from './completeness.js';
import { crossTableChecks } from './cross-table.js';
import { narrativeChecks } from './narrative.js';
import { plausibilityChecks } from './plausibility.js';
import { structureChecks } from './structure.js';
import type { Check, CheckFamily } from './types.js';

/** Every check, family by family. Ids are stable: tools and users filter by them. */
export const catalogue: readonly Check[] = [
  ...structureChecks,
  ...arithmeticChecks,
  ...crossTableChecks,
  ...narrativeChecks,
  ...plausibilityChecks,
  ...completenessChecks,
];

export const FAMILY_LABELS: Record<CheckFamily, string> = {
  structure: '结构',
  arithmetic: '算术',
  crossTable: '跨表一致',
  narrative: '正文与表格',
  plausibility: '合理性',
  completeness: '完整性',
};

export const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

/** The check with this id, or undefined. */
export function checkById(id: string): Check | undefined {
  return catalogue.find((c) => c.id === id);
}

/** docs/checks.md: a table of every check (kept in sync by test/checks/docs.test.ts). */
export function catalogueMarkdown(): string {
  const lines = [
    '# The check catalogue',
    '',
    '<!-- Generated from src/checks/catalogue.ts by `UPDATE_DOCS=1 npx vitest run test/checks/docs.test.ts`; do not edit by hand. -->',
    '',
    'Every check `jixiao check` runs, with its stable id (the `rule` of each finding), its family, the severity of its',
    'findings (a check may report a milder case one level lower, never higher), the rules of',
    '`../shared/domain/rules.md` it implements, and what it finds (as users see it, in Chinese). Thresholds and',
    'tolerances come from the rule profile (`checks` block of `src/rules/*.ts`, defaults in `src/checks/thresholds.ts`).',
    '',
    `${catalogue.length} checks. A check that fails on unexpected input never stops the others: its exception becomes one`,
    '`internal` finding of severity `info`.',
    '',
    '| id | family | severity | rules | what it finds |',
    '|---|---|---|---|---|',
  ];
  for (const c of catalogue) {
    lines.push(
      `| \`${c.id}\` | ${c.family} (${FAMILY_LABELS[c.family]}) | ${c.severity} | ${(c.rules ?? []).join(', ')} | ${c.title} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
