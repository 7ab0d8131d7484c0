import type { Dec, Figure } from '../model/index.js';
import { DEC } from './arith.js';
import type { Arith } from './arith.js';

const MONEY = new Set(['元', '千元', '万元', '亿元']);
const RATIO = new Set(['%', '‰']);

/** Target and actual on one scale, ready to compare; `N` is the engine's number type (see arith.ts). */
export interface Aligned<N = Dec> {
  target: N;
  actual: N;
  /** the unit both are now in (undefined: plain numbers) */
  unit: string | undefined;
  /** zh-CN: how the units were reconciled, when they had to be */
  note?: string;
  /** one side's unit was assumed (numbers compared as written) */
  assumed: boolean;
}

type NumberQuantity = Extract<Figure['q'], { kind: 'number' }>;
type NumberFigure = Figure & { q: NumberQuantity };

/** alignUnits on any engine. */
export const alignWith = <N, R>(
  E: Arith<N, R>,
  target: NumberFigure,
  actual: NumberFigure,
  columnUnit: string | undefined,
): Aligned<N> | { error: string } => alignQuantities(E, target.q, actual.q, columnUnit);

/** alignUnits on any engine, given the two quantities. */
export function alignQuantities<N, R>(
  E: Arith<N, R>,
  tq: NumberQuantity,
  aq: NumberQuantity,
  columnUnit: string | undefined,
): Aligned<N> | { error: string } {
  const column = columnUnit?.trim() || undefined;
  const tv = tq.value;
  const av = aq.value;
  const tu = tq.unit ?? column;
  const au = aq.unit ?? column;
  if (tu === au) return { target: E.num(tv), actual: E.num(av), unit: tu, assumed: false };
  if (tu !== undefined && au !== undefined) {
    if (MONEY.has(tu) && MONEY.has(au)) {
      const t = E.wan(tv, tu)!;
      const a = E.wan(av, au)!;
      const note =
        tu === '万元'
          ? `实际 ${av} ${au} 折合 ${E.plain(a)} 万元`
          : au === '万元'
            ? `目标 ${tv} ${tu} 折合 ${E.plain(t)} 万元`
            : `目标 ${tv} ${tu}、实际 ${av} ${au} 均折合为万元`;
      return { target: t, actual: a, unit: '万元', note, assumed: false };
    }
    if (RATIO.has(tu) && RATIO.has(au)) {
      return {
        target: E.percentage(tv, tu as '%' | '‰'),
        actual: E.percentage(av, au as '%' | '‰'),
        unit: '%',
        note: `${tu === '%' ? '实际' : '目标'}由千分比折合为百分比`,
        assumed: false,
      };
    }
    return { error: `年度指标值单位“${tu}”与实际完成值单位“${au}”不一致，无法换算比较` };
  }
  const unit = tu ?? au;
  const [missing, other] = tu === undefined ? ['年度指标值', '实际完成值'] : ['实际完成值', '年度指标值'];
  return {
    target: E.num(tv),
    actual: E.num(av),
    unit,
    note: `${missing}未写单位，按所写数值与${other}（${unit}）直接比较`,
    assumed: true,
  };
}

/**
 * Put a target and an actual number on one scale. A side without a unit takes the 计量单位 column's;
 * 万元 vs 元 (and 千元, 亿元) and % vs ‰ are converted exactly; if exactly one side still has a unit,
 * the numbers are compared as written ("≥95%" against "95") and the note says so; two different,
 * unconvertible units give an error (zh-CN).
 */
export const alignUnits = (
  target: NumberFigure,
  actual: NumberFigure,
  columnUnit: string | undefined,
): Aligned | { error: string } => alignWith(DEC, target, actual, columnUnit);
