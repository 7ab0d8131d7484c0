// Golden pins of score(): the exact JSON of every score sheet for the demo, the seed report and its office-made
// twins, the layout fixtures and a random corpus, under every rule profile and variant. The test
// (test/scoring/golden.test.ts) recomputes them; `npx tsx test/scoring/golden/update.ts` rewrites them, which is
// only right when a change to the output is intended (review the diff of demo.json). The files may be reformatted freely: they are compared as JSON.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../../../src/formats/import.js';
import type { Evaluation } from '../../../src/model/index.js';
import { profiles } from '../../../src/rules/index.js';
import type { RuleProfile } from '../../../src/rules/types.js';
import { score } from '../../../src/scoring/score.js';
import { mulberry32, profileVariants, randomEvaluation } from '../corpus.js';

export interface Pin {
  /** sha256 of the evaluation(s) scored, so that a changed import is told apart from changed scoring */
  evaluation: string;
  /** profile id → sha256 of the score sheet JSON */
  sheets: Record<string, string>;
}
export type Pins = Record<string, Pin>;

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export interface Source {
  name: string;
  file: string;
  /** lives in ../shared, outside the repository: may be absent */
  shared: boolean;
}

export const DEMO: Source = { name: 'demo', file: here('../../../examples/shili-rongmeiti-2024.txt'), shared: false };
const LAYOUTS = ['central-anhui.txt', 'chongqing.tsv', 'hubei.txt', 'project-central.txt', 'sichuan-project.txt'];
export const SOURCES: readonly Source[] = [
  DEMO,
  ...LAYOUTS.map((f) => ({ name: `layout:${f}`, file: here(`../../fixtures/layouts/${f}`), shared: false })),
  ...[
    'seed/beita-rongmeiti-2023.txt',
    'fixtures/beita-rongmeiti-2023.docx',
    'fixtures/beita-rongmeiti-2023-tables.xlsx',
    'fixtures/beita-rongmeiti-2023.pdf',
  ].map((f) => ({ name: `shared:${f}`, file: here(`../../../../shared/${f}`), shared: true })),
];

export const CORPUS = { name: 'corpus', seed: 20_240_611, size: 400 };
export const PINS_FILE = here('./pins.json');
/** The demo's full score sheets (real profiles), for a readable diff. */
export const DEMO_FILE = here('./demo.json');

export const available = (s: Source): boolean => existsSync(s.file);
export const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function importSource(s: Source): Promise<Evaluation> {
  // the bare file name: provenance must not depend on where the checkout lives
  return (await importFile(new Uint8Array(await readFile(s.file)), basename(s.file))).evaluation;
}

/** score() as JSON; a throw is pinned too (as its message), so that it cannot go unnoticed either way. */
export function sheetJson(ev: Evaluation, profile: RuleProfile): string {
  try {
    return JSON.stringify(score(ev, profile));
  } catch (e) {
    return `THROWS ${e instanceof Error ? e.message : String(e)}`;
  }
}

export const pinProfiles = (): RuleProfile[] => profileVariants();

export function pinOf(evaluations: readonly Evaluation[]): Pin {
  const sheets: Record<string, string> = {};
  for (const p of pinProfiles()) sheets[p.id] = sha(evaluations.map((ev) => sheetJson(ev, p)).join('\n'));
  return { evaluation: sha(evaluations.map((ev) => JSON.stringify(ev)).join('\n')), sheets };
}

export function corpus(): Evaluation[] {
  const r = mulberry32(CORPUS.seed);
  return Array.from({ length: CORPUS.size }, () => randomEvaluation(r));
}

/** The demo's sheets under the real profiles, pretty-printed (the test compares them parsed, not as text). */
export const demoSheets = (ev: Evaluation): string =>
  `${JSON.stringify(
    Object.fromEntries(profiles.map((p) => [p.id, JSON.parse(sheetJson(ev, p)) as unknown])),
    null,
    2,
  )}\n`;
