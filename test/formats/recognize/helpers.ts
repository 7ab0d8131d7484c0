import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '../../../src/model/index.js';

/** <repo>/../shared: the seed report and the office-made fixtures (absent outside the project's workspace). */
export const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
export const SEED = `${SHARED}seed/beita-rongmeiti-2023.txt`;
export const OFFICE_FIXTURES = `${SHARED}fixtures/`;
export const seedExists = existsSync(SEED);
export const officeFixturesExist = existsSync(`${OFFICE_FIXTURES}beita-rongmeiti-2023.docx`);

/** test/fixtures/layouts: our own fictional reports, one per 自评表 layout. */
export const LAYOUTS = fileURLToPath(new URL('../../fixtures/layouts/', import.meta.url));

export function readSeed(): Uint8Array {
  return readFileSync(SEED);
}

export function warnMissing(what: string, exists: boolean): void {
  if (!exists) console.warn(`跳过：找不到 ${what}（../shared 不在本机）`);
}

const DERIVED = new Set(['id', 'categoryKey', 'subcategoryKey', 'placeholder', 'schemaVersion']);

/**
 * Every value the recogniser stored, as FieldPaths: figures (objects with text + q) and non-empty strings inside
 * the structured parts of an Evaluation. Derived keys (ids, category keys, flags) are not stored values.
 */
export function storedPaths(e: Evaluation): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'string') {
      if (v !== '') out.push(path);
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      out.push(path);
      return;
    }
    if (!v || typeof v !== 'object') return;
    if ('text' in v && 'q' in v) {
      out.push(path);
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (DERIVED.has(k)) continue;
      walk(x, path === '' ? k : `${path}.${k}`);
    }
  };
  walk(
    {
      title: e.title,
      unit: e.unit,
      project: e.project,
      year: e.year,
      organisation: e.organisation,
      finances: e.finances,
      basicData: e.basicData,
      selfEvaluation: e.selfEvaluation,
      selfReported: e.selfReported,
    },
    '',
  );
  return out;
}
