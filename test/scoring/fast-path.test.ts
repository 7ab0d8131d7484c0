// score() (integer fast path, decimal.js fallback) against scoreWithDecimal() (decimal.js only): the same JSON,
// byte for byte, on random evaluations under every profile variant; and the fast path is really taken.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/formats/import.js';
import { figure } from '../../src/model/index.js';
import type { Evaluation } from '../../src/model/index.js';
import type { RuleProfile } from '../../src/rules/types.js';
import { executionRowWith } from '../../src/scoring/execution-row.js';
import { FIX, Fallback } from '../../src/scoring/fixed.js';
import { isEmptyRow, scoreIndicatorWith } from '../../src/scoring/indicator.js';
import { score, scoreWithDecimal } from '../../src/scoring/score.js';
import { mulberry32, profileVariants, randomEvaluation } from './corpus.js';
import { WORKED_EXAMPLE, evaluationWith } from './helpers.js';
import type { RowSpec } from './helpers.js';

const variants = profileVariants();

function expectSame(ev: Evaluation, profile: RuleProfile): void {
  expect(JSON.stringify(score(ev, profile))).toBe(JSON.stringify(scoreWithDecimal(ev, profile)));
}

/** Rows (and the execution row) that the integer engine scores without falling back. */
function onFastPath(ev: Evaluation, profile: RuleProfile): { rows: number; fast: number; execution: boolean } {
  const ctx = { profile, year: ev.year };
  let rows = 0;
  let fast = 0;
  for (const ind of ev.selfEvaluation?.indicators ?? []) {
    if (isEmptyRow(ind)) continue;
    rows++;
    try {
      scoreIndicatorWith(FIX, ind, 'x', ctx);
      fast++;
    } catch (e) {
      if (!(e instanceof Fallback)) throw e;
    }
  }
  let execution = true;
  try {
    executionRowWith(FIX, ev, profile);
  } catch (e) {
    if (!(e instanceof Fallback)) throw e;
    execution = false;
  }
  return { rows, fast, execution };
}

/** Decimal strings as forms write them, and some they should not (long, negative, zero with decimals). */
const decimal = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 999 }))
    .map(([i, d, f]) => (d === 0 ? String(i) : `${i}.${String(f).padStart(3, '0').slice(0, d)}`)),
  fc.constantFrom('0', '0.00', '-3', '-0', '0.005', '2.555', '12345678901234567', '0.1234567890123456789'),
);
const written = (units: string[]) => fc.tuple(decimal, fc.constantFrom(...units)).map(([v, u]) => `${v}${u}`);
const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
  cat: fc.constantFrom('output', 'outcome', 'satisfaction', 'cost'),
  sub: fc.constantFrom('quantity', 'quality', 'cost', 'social', 'satisfaction', 'timeliness'),
  target: fc.oneof(
    fc
      .tuple(fc.constantFrom('≥', '≤', '=', '', '不低于'), written(['', '%', '‰', '万元', '元', '篇']))
      .map(([c, v]) => `${c}${v}`),
    fc.tuple(decimal, decimal, fc.constantFrom('', '%')).map(([a, b, u]) => `${a}${u}-${b}${u}`),
    fc.constantFrom('提升', '达成年度指标', '优良中低差', '2023年12月31日前', '无', '≥95%'),
  ),
  actual: fc.oneof(
    written(['', '%', '‰', '万元', '元', '千元', '篇']),
    fc.constantFrom('提升', '部分完成', '未完成', '良', '当年已完成', '按时完成', '详见附件', '—', '约1600篇'),
  ),
  weight: fc.option(fc.oneof(decimal, fc.constantFrom('10', '5', '2.5', '15')), { nil: undefined }),
  self: fc.option(decimal, { nil: undefined }),
});
const funding = fc.record({
  adjustedBudget: written(['', '万元', '元']),
  executed: written(['', '万元', '元', '千元']),
  weight: fc.constantFrom('10', '10.00', '8', '20'),
  score: decimal,
});

describe('the fast path gives the Dec path’s sheet, byte for byte', () => {
  it('random evaluations (the corpus generator), every profile variant', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...variants), (seed, profile) => {
        expectSame(randomEvaluation(mulberry32(seed)), profile);
      }),
      { numRuns: 400 },
    );
  });

  it('random rows written as people write them, read by the quantity parser', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 14 }), funding, fc.constantFrom(...variants), (rows, f, profile) => {
        const ev = evaluationWith(rows, {
          selfEvaluation: {
            funding: {
              adjustedBudget: figure(f.adjustedBudget),
              executed: figure(f.executed),
              weight: figure(f.weight),
              score: figure(f.score),
            },
          },
        });
        expectSame(ev, profile);
      }),
      { numRuns: 300 },
    );
  });

  it('the worked example and the demo', async () => {
    const file = new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url);
    const { evaluation: demo } = await importFile(new Uint8Array(await readFile(file)), 'demo.txt');
    for (const profile of variants) {
      expectSame(evaluationWith(WORKED_EXAMPLE), profile);
      expectSame(demo, profile);
    }
  });
});

describe('the fast path is taken', () => {
  it('for every row of the demo and of the worked example, and for their execution rows', async () => {
    const file = new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url);
    const { evaluation: demo } = await importFile(new Uint8Array(await readFile(file)), 'demo.txt');
    for (const profile of variants) {
      for (const ev of [demo, evaluationWith(WORKED_EXAMPLE)]) {
        const { rows, fast, execution } = onFastPath(ev, profile);
        expect(fast, profile.id).toBe(rows);
        expect(execution, profile.id).toBe(true);
      }
    }
  });

  it('for most rows of the random corpus, unusual figures included', () => {
    const r = mulberry32(7);
    let rows = 0;
    let fast = 0;
    for (let i = 0; i < 200; i++) {
      const ev = randomEvaluation(r);
      for (const profile of variants.slice(0, 5)) {
        const got = onFastPath(ev, profile);
        rows += got.rows;
        fast += got.fast;
      }
    }
    expect(fast / rows).toBeGreaterThan(0.85);
  });
});
