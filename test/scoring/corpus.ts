// A deterministic corpus of random evaluations and rule-profile variants, for the golden pins of score() and for
// the property test that the fast (integer) path and the Dec path agree. Figures are built directly (kind, value,
// unit …), not through the quantity parser, so that the corpus depends on nothing but the model's schema.
import { evaluationSchema } from '../../src/model/index.js';
import type {
  CategoryKey,
  Comparator,
  Evaluation,
  EvaluationInput,
  Figure,
  SubcategoryKey,
} from '../../src/model/index.js';
import { profiles } from '../../src/rules/index.js';
import type { RuleProfile } from '../../src/rules/types.js';

/** A source of uniform numbers in [0, 1). */
export type Rand = () => number;

/** mulberry32: a small seeded generator, the same on every machine and Node version. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number): boolean => r() < p;
const int = (r: Rand, max: number): number => Math.floor(r() * (max + 1));

/** Digits with 0–`decimals` decimals, sometimes with trailing zeros ("0.30"). */
function digits(r: Rand, intMax: number, decimals: number): string {
  const i = String(int(r, intMax));
  const d = int(r, decimals);
  if (d === 0) return i;
  let f = '';
  for (let k = 0; k < d; k++) f += String(int(r, 9));
  return `${i}.${f}`;
}

/**
 * A decimal string as forms write them, with the unusual ones mixed in: long decimals, huge numbers, zeros with
 * decimals, negative zero. `negative`: the chance of a minus sign.
 */
export function decimalText(r: Rand, negative = 0): string {
  const x = r();
  let v: string;
  if (x < 0.3) v = String(int(r, 120));
  else if (x < 0.55) v = digits(r, 999, 2);
  else if (x < 0.7) v = digits(r, 99_999, 4);
  else if (x < 0.78) v = String(int(r, 3000));
  else if (x < 0.84) v = pick(r, ['0', '0.00', '0.5', '1', '2', '3', '8', '100', '0.125', '0.005', '2.555']);
  else if (x < 0.9) v = digits(r, 9, 12);
  else if (x < 0.94) v = `${int(r, 999_999_999)}${int(r, 999_999_999)}`.replace(/^0+(?=\d)/, '');
  else if (x < 0.97) v = `${digits(r, 999_999_999, 0)}.${digits(r, 999_999_999, 0)}`;
  else v = digits(r, 99_999_999_999, 9);
  return chance(r, negative) ? `-${v}` : v;
}

const NUMBER_UNITS = ['', '', '', '%', '‰', '万元', '元', '千元', '亿元', '篇', '个', '次', '分'] as const;

const SIGNS: Partial<Record<Comparator, string>> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

function numberFigure(r: Rand, value: string, unit: string, comparator?: Comparator): Figure {
  const q: Extract<Figure['q'], { kind: 'number' }> = { kind: 'number', value };
  if (unit !== '') q.unit = unit;
  if (comparator !== undefined) q.comparator = comparator;
  if (chance(r, 0.05)) q.approx = pick(r, ['more', 'about', 'nearly', 'over'] as const);
  const sign = comparator === undefined ? '' : (SIGNS[comparator] ?? '');
  return { text: `${sign}${value}${unit}`, q };
}

const QUALITATIVE = [
  '提升',
  '明显提升',
  '达成年度指标',
  '部分达成年度指标并具有一定效果',
  '未达成年度指标且效果较差',
  '基本完成',
  '未完成',
  '有所改善',
  '详见附件',
  '良好',
  '较差',
  '按时完成',
  '当年已完成',
  '延期完成',
  '优',
  '良',
  '中',
  '差',
  '优秀',
  '',
] as const;

function qualitativeFigure(r: Rand): Figure {
  const text = pick(r, QUALITATIVE);
  const q: Extract<Figure['q'], { kind: 'qualitative' }> = { kind: 'qualitative', text };
  if (text === '优' || text === '良' || text === '中' || text === '差') q.level = text;
  if (text === '当年已完成') q.relativeDate = 'currentYear';
  return { text, q };
}

function dateFigure(r: Rand): Figure {
  const date = pick(r, ['2023-12-31', '2023-06-30', '2023', '2023-06', '--12-31', '--06', '2024-03-31', '2022-12-31']);
  const comparator = pick(r, [undefined, '<=', '>='] as const);
  const q: Extract<Figure['q'], { kind: 'date' }> = { kind: 'date', date };
  if (comparator !== undefined) q.comparator = comparator;
  return { text: `${date}${comparator === '<=' ? '前' : comparator === '>=' ? '后' : ''}`, q };
}

function targetFigure(r: Rand): Figure {
  const x = r();
  if (x < 0.6) {
    const comparator = pick(r, ['>=', '>=', '<=', '=', '>', '<', undefined] as const);
    return numberFigure(r, decimalText(r, 0.03), pick(r, NUMBER_UNITS), comparator);
  }
  if (x < 0.7) {
    const low = decimalText(r, 0.05);
    const high = decimalText(r);
    const unit = pick(r, ['', '%', '万元', '个']);
    const q: Extract<Figure['q'], { kind: 'range' }> = { kind: 'range', low, high };
    if (unit !== '') q.unit = unit;
    return { text: `${low}-${high}${unit}`, q };
  }
  if (x < 0.78) return dateFigure(r);
  if (x < 0.84) return { text: pick(r, ['优良中低差', '优/良/中/差', '优良中差']), q: { kind: 'unparsed' } };
  if (x < 0.95) return qualitativeFigure(r);
  if (x < 0.97) return { text: '无', q: { kind: 'none' } };
  return { text: '12.3.4', q: { kind: 'unparsed' } };
}

function actualFigure(r: Rand, target: Figure): Figure {
  const q = target.q;
  const x = r();
  if (q.kind === 'number' || q.kind === 'range' ? x < 0.85 : x < 0.2) {
    // near the target, in its unit, more often than not, so that every branch (met, short, over) is taken
    let value = decimalText(r, 0.06);
    if (q.kind === 'number' && chance(r, 0.6)) {
      const t = q.value.replace(/^-/, '');
      value = pick(r, [
        t,
        `${t}1`,
        t.replace(/\d$/, (d) => String(Math.max(0, Number(d) - 1))),
        t.split('.')[0]!.slice(0, -1) || '0',
      ]);
    }
    const unit =
      q.kind !== 'number' && q.kind !== 'range' ? '' : chance(r, 0.75) ? (q.unit ?? '') : pick(r, NUMBER_UNITS);
    return numberFigure(r, value, unit);
  }
  if (q.kind === 'date' ? x < 0.6 : x < 0.3) return dateFigure(r);
  if (x < 0.97) return qualitativeFigure(r);
  return { text: pick(r, ['—', '无']), q: { kind: 'none' } };
}

function pointsFigure(r: Rand): Figure | undefined {
  const x = r();
  if (x < 0.06) return undefined;
  if (x < 0.09) return { text: '若干', q: { kind: 'qualitative', text: '若干' } };
  const value = x < 0.75 ? String(pick(r, [2, 3, 4, 5, 6, 8, 10, 10, 15, 20])) : decimalText(r, 0.04);
  return numberFigure(r, value, chance(r, 0.1) ? '分' : chance(r, 0.03) ? '%' : '');
}

const CATEGORIES: readonly CategoryKey[] = ['output', 'outcome', 'satisfaction', 'cost', 'other'];
const SUBCATEGORIES: readonly SubcategoryKey[] = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'ecological',
  'sustainability',
  'satisfaction',
  'other',
];

function moneyFigure(r: Rand): Figure | undefined {
  if (chance(r, 0.12)) return undefined;
  const value = chance(r, 0.6) ? digits(r, 9999, 2) : decimalText(r, 0.04);
  return numberFigure(r, value, pick(r, ['', '', '', '万元', '元', '千元', '亿元', '个']));
}

/** One random evaluation: a 自评表 of 0–16 rows, a funding line (sometimes empty), prose figures, grades. */
export function randomEvaluation(r: Rand): Evaluation {
  const n = int(r, 16);
  const indicators = [];
  for (let i = 0; i < n; i++) {
    const target = chance(r, 0.95) ? targetFigure(r) : undefined;
    const actual = chance(r, 0.95) ? actualFigure(r, target ?? targetFigure(r)) : undefined;
    const categoryKey = pick(r, CATEGORIES);
    indicators.push({
      id: `r${i + 1}`,
      category: chance(r, 0.8) ? `${categoryKey}类` : '',
      categoryKey,
      subcategory: chance(r, 0.8) ? `${i % 3}号二级` : ' ',
      subcategoryKey: pick(r, SUBCATEGORIES),
      name: chance(r, 0.95) ? `指标${i + 1}` : '',
      comparator: chance(r, 0.1) ? pick(r, ['>=', '<=', '=', 'qualitative'] as const) : undefined,
      target,
      adjustedTarget: chance(r, 0.05) ? targetFigure(r) : undefined,
      unit: chance(r, 0.15) ? pick(r, ['%', '万元', '元', '篇', ' ']) : undefined,
      actual,
      weight: pointsFigure(r),
      selfScore: chance(r, 0.85) ? pointsFigure(r) : undefined,
      placeholder: chance(r, 0.03) ? true : undefined,
    });
  }
  const input: EvaluationInput = {
    kind: 'department',
    year: chance(r, 0.85) ? 2023 : undefined,
    selfEvaluation: chance(r, 0.95)
      ? {
          funding: {
            initialBudget: moneyFigure(r),
            adjustedBudget: chance(r, 0.85) ? moneyFigure(r) : undefined,
            executed: chance(r, 0.85) ? moneyFigure(r) : undefined,
            weight: chance(r, 0.8) ? numberFigure(r, pick(r, ['10', '10', '15', '20', '10.00', '8']), '') : undefined,
            score: chance(r, 0.8) ? numberFigure(r, decimalText(r), '') : undefined,
          },
          categoryWeights: chance(r, 0.7)
            ? { output: numberFigure(r, '50', ''), outcome: numberFigure(r, '30', '分') }
            : {},
          indicators,
          totalScore: chance(r, 0.7) ? numberFigure(r, digits(r, 100, 2), '') : undefined,
          grade: chance(r, 0.6) ? pick(r, ['优秀', '良', '等次为优', '良好等次', '合格', '甲', ' ']) : undefined,
        }
      : undefined,
    finances: {
      expenditure: chance(r, 0.5) ? moneyFigure(r) : undefined,
      basic: { adjustedBudget: moneyFigure(r), initialBudget: moneyFigure(r), expenditure: moneyFigure(r) },
      project: { adjustedBudget: moneyFigure(r), initialBudget: moneyFigure(r), expenditure: moneyFigure(r) },
    },
    selfReported: {
      total: chance(r, 0.6) ? numberFigure(r, digits(r, 100, 2), chance(r, 0.2) ? '分' : '') : undefined,
      grade: chance(r, 0.6) ? pick(r, ['优', '“优秀”', '评价等次为良好', '差', '中等']) : undefined,
    },
  };
  return evaluationSchema.parse(input);
}

/**
 * The real profiles and variants of them that take every other branch: each rounding from 0 to 6 places, the
 * other reverse mode, tiered and uncapped linear execution, the other execution base.
 */
export function profileVariants(): RuleProfile[] {
  const out: RuleProfile[] = [...profiles];
  const base = profiles[0]!;
  const tiered = profiles.find((p) => p.execution.mode === 'tiered');
  for (let rounding = 0; rounding <= 6; rounding++) {
    out.push({
      ...base,
      id: `${base.id}~r${rounding}`,
      rounding,
      reverseMode: rounding % 2 === 0 ? 'linearOverrun' : 'ratio',
      execution: {
        ...(rounding % 3 === 0 && tiered ? tiered.execution : base.execution),
        cap: rounding % 2 === 1,
        base: rounding === 4 ? 'initialBudget' : base.execution.base,
      },
    });
  }
  return out;
}
