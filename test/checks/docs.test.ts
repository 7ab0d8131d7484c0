import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueMarkdown, checkEvaluation } from '../../src/checks/index.js';
import { cleanInput } from './clean.js';
import { evaluation, f, national } from './helpers.js';

const CHECKS_MD = fileURLToPath(new URL('../../docs/checks.md', import.meta.url));
const JSON_MD = fileURLToPath(new URL('../../docs/check-json.md', import.meta.url));

describe('docs/checks.md', () => {
  it('is in sync with the catalogue (regenerate: UPDATE_DOCS=1 npx vitest run test/checks/docs.test.ts)', () => {
    const expected = catalogueMarkdown();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(CHECKS_MD, expected);
    expect(existsSync(CHECKS_MD)).toBe(true);
    expect(readFileSync(CHECKS_MD, 'utf8')).toBe(expected);
  });

  it('lists every check once, with its family and severity', () => {
    const text = catalogueMarkdown();
    for (const c of catalogue) {
      const rows = text.split('\n').filter((l) => l.startsWith(`| \`${c.id}\` |`));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain(`| ${c.severity} |`);
      expect(rows[0]).toContain(c.family);
    }
  });
});

describe('docs/check-json.md', () => {
  const text = existsSync(JSON_MD) ? readFileSync(JSON_MD, 'utf8') : '';

  it('documents every field of the contract', () => {
    for (const field of [
      'file',
      'evaluation',
      'score',
      'selfReported',
      'recomputed',
      'items',
      'findings',
      'summary',
      'errors',
      'warnings',
      'infos',
      'rule',
      'severity',
      'message',
      'where',
      'path',
      'source',
      'values',
      'fix',
    ]) {
      expect(text, field).toMatch(new RegExp(`\`[^\`]*\\b${field}\\b[^\`]*\``));
    }
  });

  it('its example has the shape checkEvaluation produces', () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(block).toBeDefined();
    const example = JSON.parse(block ?? '{}') as Record<string, unknown>;
    const input = cleanInput();
    input.selfEvaluation!.indicators![1]!.actual = f('90篇');
    const actual = checkEvaluation(evaluation(input), national());
    const shape = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.length > 0
          ? [shape(v[0])]
          : []
        : v && typeof v === 'object'
          ? Object.keys(v).sort()
          : typeof v;
    expect(Object.keys(example).sort()).toEqual(['evaluation', 'file', 'findings', 'score', 'summary']);
    expect(shape(example.score)).toEqual(shape(actual.score));
    expect(shape(example.summary)).toEqual(shape(actual.summary));
    const exampleFinding = (example.findings as Record<string, unknown>[])[0] ?? {};
    expect(Object.keys(exampleFinding).sort()).toEqual(['fix', 'message', 'rule', 'severity', 'values', 'where']);
  });
});
