import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/formats/document.js';
import { importFile } from '../../../src/formats/import.js';
import { evaluationSchema } from '../../../src/model/index.js';
import { LAYOUTS, SEED, seedExists, warnMissing } from '../recognize/helpers.js';

/**
 * Mutated reports through the text path (decode → RawDocument → recognise → Evaluation): whatever the damage,
 * the answer is a valid Evaluation or one ImportError, within a time bound. Never another exception, never a hang.
 */

const BOUND_MS = 3_000;

warnMissing('种子报告（模糊测试只用自己的样例）', seedExists);

const bases: { name: string; bytes: Uint8Array }[] = [
  ...(seedExists ? [{ name: 'seed.txt', bytes: new Uint8Array(readFileSync(SEED)) }] : []),
  ...['central-anhui.txt', 'hubei.txt', 'sichuan-project.txt', 'project-central.txt', 'chongqing.tsv']
    .filter((n) => existsSync(`${LAYOUTS}${n}`))
    .map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(`${LAYOUTS}${n}`)) })),
];

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; len: number }
  | { op: 'tab' | 'blank' | 'pipe' | 'untab' | 'dupLine' | 'dropLine'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 16 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    op: fc.constantFrom(
      'tab' as const,
      'blank' as const,
      'pipe' as const,
      'untab' as const,
      'dupLine' as const,
      'dropLine' as const,
    ),
    at: fc.nat(),
  }),
);

const LF = 0x0a;

function lineStart(b: Uint8Array, at: number): number {
  let i = Math.min(at, b.length);
  while (i > 0 && b[i - 1] !== LF) i--;
  return i;
}

function lineEnd(b: Uint8Array, at: number): number {
  let i = Math.min(at, b.length);
  while (i < b.length && b[i] !== LF) i++;
  return Math.min(i + 1, b.length);
}

function splice(b: Uint8Array, at: number, remove: number, insert: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length);
  out.set(b.subarray(0, at), 0);
  out.set(insert, at);
  out.set(b.subarray(at + remove), at + insert.length);
  return out;
}

function apply(b: Uint8Array, m: Mutation): Uint8Array {
  if (b.length === 0) return b;
  const at = m.at % (b.length + 1);
  switch (m.op) {
    case 'truncate':
      return b.subarray(0, at);
    case 'insert':
      return splice(b, at, 0, m.bytes);
    case 'delete':
      return splice(b, at, Math.min(m.len, b.length - at), []);
    case 'tab':
      return splice(b, lineStart(b, at), 0, [0x09]);
    case 'blank':
      return splice(b, lineStart(b, at), 0, [LF]);
    case 'pipe':
      return splice(b, lineStart(b, at), 0, [0x7c, 0x20]);
    case 'untab': {
      const s = lineStart(b, at);
      return b[s] === 0x09 ? splice(b, s, 1, []) : b;
    }
    case 'dupLine': {
      const s = lineStart(b, at);
      return splice(b, s, 0, b.slice(s, lineEnd(b, at)));
    }
    case 'dropLine': {
      const s = lineStart(b, at);
      return splice(b, s, lineEnd(b, at) - s, []);
    }
  }
}

describe.skipIf(bases.length === 0)('fuzz: mutated reports through the text importer', () => {
  it('always gives a valid Evaluation or an ImportError, each within the time bound (2,400 cases)', async () => {
    let results = 0;
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (which, muts) => {
          const base = bases[which]!;
          const bytes = muts.reduce(apply, base.bytes);
          const t0 = performance.now();
          try {
            const { evaluation } = await importFile(bytes, base.name);
            expect(evaluationSchema.safeParse(evaluation).success).toBe(true);
            results++;
          } catch (e) {
            if (!(e instanceof ImportError)) throw e;
            expect(e.message).toContain(base.name);
            expect(['encoding', 'empty', 'not-a-report', 'unsupported', 'corrupt']).toContain(e.code);
            errors++;
          }
          expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 2_400 },
    );
    expect(results + errors).toBe(2_400);
    expect(results).toBeGreaterThan(errors);
  }, 600_000);

  it('survives whole files of random bytes, tabs and blank lines', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc
            .array(fc.constantFrom(0x09, 0x0a, 0x0d, 0x7c, 0x20, 0xe3, 0x80, 0x80), { maxLength: 3000 })
            .map((a) => new Uint8Array(a)),
        ),
        async (bytes) => {
          const t0 = performance.now();
          try {
            await importFile(bytes, 'noise.txt');
          } catch (e) {
            if (!(e instanceof ImportError)) throw e;
          }
          expect(performance.now() - t0).toBeLessThan(BOUND_MS);
        },
      ),
      { numRuns: 400 },
    );
  }, 300_000);
});
