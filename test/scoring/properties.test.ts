import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/index.js';
import { profiles } from '../../src/rules/index.js';
import type { RuleProfile } from '../../src/rules/types.js';
import { scoreEqual } from '../../src/scoring/rules/equal.js';
import { scoreExecution } from '../../src/scoring/rules/execution.js';
import { scorePositive } from '../../src/scoring/rules/positive.js';
import { scoreRange } from '../../src/scoring/rules/range.js';
import { scoreReverseLinearOverrun, scoreReverseRatio } from '../../src/scoring/rules/reverse.js';
import { scoreInTier } from '../../src/scoring/rules/qualitative.js';
import { score } from '../../src/scoring/score.js';
import { evaluationWith } from './helpers.js';
import type { RowSpec } from './helpers.js';

/** Decimal strings as forms write them: up to 6 integer digits and 0–3 decimals, optionally negative. */
const decimal = (opts: { negative?: boolean } = {}) =>
  fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: 999_999 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([neg, int, decimals, frac]) => {
      const f = decimals === 0 ? '' : `.${String(frac).padStart(3, '0').slice(0, decimals)}`;
      return `${opts.negative && neg && (int > 0 || frac > 0) ? '-' : ''}${int}${f}`;
    });
const weight = fc.integer({ min: 0, max: 3000 }).map((n) => (n / 100).toFixed(n % 3 === 0 ? 0 : 2));
const places = fc.integer({ min: 0, max: 4 });
const d = (x: string) => new Dec(x);

type Rule = (a: Dec, t: Dec, w: Dec, places: number) => { score: Dec; scoreText: string };
const RULES: [string, Rule, 'up' | 'down'][] = [
  ['positive', scorePositive, 'up'],
  ['equal', scoreEqual, 'up'],
  ['reverse ratio', scoreReverseRatio, 'down'],
  ['reverse linear overrun', scoreReverseLinearOverrun, 'down'],
];

const decimalsOf = (text: string): number => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

describe.each(RULES)('%s', (_name, rule, direction) => {
  it('0 ≤ score ≤ weight, with exactly `places` decimals', () => {
    fc.assert(
      fc.property(decimal({ negative: true }), decimal(), weight, places, (a, t, w, p) => {
        const r = rule(d(a), d(t), d(w), p);
        expect(r.score.gte(0)).toBe(true);
        expect(r.score.lte(d(w).toDecimalPlaces(p, Dec.ROUND_HALF_UP))).toBe(true);
        expect(decimalsOf(r.scoreText)).toBe(p);
        expect(r.score.decimalPlaces()).toBeLessThanOrEqual(p);
      }),
    );
  });

  it(`is ${direction === 'up' ? 'non-decreasing' : 'non-increasing'} in the actual`, () => {
    // '=' only for a positive target: at target 0 it is all-or-nothing by design
    fc.assert(
      fc.property(
        decimal({ negative: true }),
        decimal({ negative: true }),
        decimal(),
        weight,
        places,
        (x, y, t, w, p) => {
          if (rule === scoreEqual && d(t).isZero()) return;
          const [lo, hi] = d(x).lte(d(y)) ? [x, y] : [y, x];
          const sLo = rule(d(lo), d(t), d(w), p).score;
          const sHi = rule(d(hi), d(t), d(w), p).score;
          expect(direction === 'up' ? sLo.lte(sHi) : sLo.gte(sHi)).toBe(true);
        },
      ),
    );
  });

  it(`at most half marks at ${direction === 'up' ? 'half' : 'twice'} the target or ${direction === 'up' ? 'below' : 'beyond'}`, () => {
    fc.assert(
      fc.property(decimal(), decimal(), weight, places, (t, x, w, p) => {
        if (d(t).isZero()) return;
        // actual ≤ t/2 (up) or ≥ 2t (down)
        const a = direction === 'up' ? d(t).div(2).mul(d(x).mod(1)) : d(t).mul(2).plus(d(x));
        const half = d(w).div(2).toDecimalPlaces(p, Dec.ROUND_CEIL);
        expect(rule(a, d(t), d(w), p).score.lte(half)).toBe(true);
      }),
    );
  });

  it('full marks once the target is met', () => {
    fc.assert(
      fc.property(decimal(), weight, places, (t, w, p) => {
        expect(rule(d(t), d(t), d(w), p).scoreText).toBe(d(w).toFixed(p, Dec.ROUND_HALF_UP));
      }),
    );
  });
});

describe('range', () => {
  it('0 ≤ score ≤ weight, full inside', () => {
    fc.assert(
      fc.property(decimal({ negative: true }), decimal(), decimal(), weight, places, (a, x, y, w, p) => {
        const r = scoreRange(d(a), d(x), d(y), d(w), p);
        expect(r.score.gte(0) && r.score.lte(d(w).toDecimalPlaces(p, Dec.ROUND_HALF_UP))).toBe(true);
        const [lo, hi] = d(x).lte(d(y)) ? [d(x), d(y)] : [d(y), d(x)];
        if (d(a).gte(lo) && d(a).lte(hi)) expect(r.score.eq(d(w).toDecimalPlaces(p, Dec.ROUND_HALF_UP))).toBe(true);
      }),
    );
  });
});

describe.each(profiles.map((p) => [p.id, p] as const))('profile %s', (_id, profile: RuleProfile) => {
  it('execution: 0 ≤ score ≤ weight and non-decreasing in what was spent', () => {
    fc.assert(
      fc.property(decimal({ negative: true }), decimal({ negative: true }), decimal(), weight, (x, y, base, w) => {
        if (d(base).isZero()) return;
        const [lo, hi] = d(x).lte(d(y)) ? [x, y] : [y, x];
        const sLo = scoreExecution(d(lo), d(base), d(w), profile.execution, profile.rounding).score;
        const sHi = scoreExecution(d(hi), d(base), d(w), profile.execution, profile.rounding).score;
        expect(sLo.gte(0) && sHi.lte(d(w).toDecimalPlaces(profile.rounding, Dec.ROUND_HALF_UP))).toBe(true);
        expect(sLo.lte(sHi)).toBe(true);
      }),
    );
  });

  it('qualitative: the score lies in the tier band (or is the weight) and never above the weight', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profile.qualitative.tiers),
        fc.option(decimal({ negative: true }), { nil: undefined }),
        fc.integer({ min: 1, max: 3000 }).map((n) => (n / 100).toFixed(2)),
        (tier, self, w) => {
          const r = scoreInTier(tier, self === undefined ? undefined : d(self), d(w), profile.rounding);
          const min = d(w).mul(tier.band[0]);
          const max = d(w).mul(tier.band[1]);
          expect(r.score.lte(d(w))).toBe(true);
          expect(r.score.gte(min.toDecimalPlaces(profile.rounding, Dec.ROUND_CEIL))).toBe(true);
          if (tier.band[1] === 1) expect(r.score.lte(max)).toBe(true);
          else if (max.minus(min).gte(0.01)) expect(r.score.lt(max)).toBe(true);
        },
      ),
    );
  });
});

describe('whole score sheets', () => {
  const rowSpec: fc.Arbitrary<RowSpec> = fc.record({
    cat: fc.constantFrom('output', 'outcome', 'satisfaction'),
    sub: fc.constantFrom('quantity', 'quality', 'cost', 'social', 'satisfaction'),
    target: fc.oneof(
      fc
        .tuple(fc.constantFrom('≥', '≤', '=', ''), decimal(), fc.constantFrom('', '%', '万元', '元', '篇'))
        .map(([c, v, u]) => `${c}${v}${u}`),
      fc.constantFrom('提升', '达成年度指标', '优良中低差', '2023年12月31日前', '60%-80%', '无'),
    ),
    actual: fc.oneof(
      fc.tuple(decimal({ negative: true }), fc.constantFrom('', '%', '万元', '元', '篇')).map(([v, u]) => `${v}${u}`),
      fc.constantFrom('提升', '部分完成', '未完成', '良', '当年已完成', '详见附件', '—'),
    ),
    weight: fc.option(weight, { nil: undefined }),
    self: fc.option(decimal({ negative: true }), { nil: undefined }),
  });

  it('rows and groups stay within their weights; the total is the sum of the rows; scoring is repeatable', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 15 }), fc.constantFrom(...profiles), (rows, profile) => {
        const ev = evaluationWith(rows);
        const a = score(ev, profile);
        const b = score(ev, profile);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        const scale = 10 ** profile.rounding;
        const units = (x: number) => Math.round(x * scale);
        let sum = units(a.execution.recomputed ?? 0);
        for (const item of a.items) {
          if (item.recomputed === null) {
            expect(item.unscorableReason).toBeTruthy();
            continue;
          }
          expect(item.recomputed).toBeGreaterThanOrEqual(0);
          expect(item.recomputed).toBeLessThanOrEqual(item.weight ?? 0);
          expect(String(item.recomputed).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(profile.rounding);
          expect(item.formula.length).toBeGreaterThan(0);
          sum += units(item.recomputed);
        }
        expect(units(a.total.recomputed)).toBe(sum);
        for (const g of a.groups) expect(g.recomputed).toBeLessThanOrEqual(g.weight);
      }),
      { numRuns: 200 },
    );
  });
});
