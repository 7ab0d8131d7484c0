import { amountInWan, ratioOf } from '../model/index.js';
import type { Dec, Figure } from '../model/index.js';
import { HUNDRED, dec, plain } from './exact.js';

const MONEY = new Set(['元', '千元', '万元', '亿元']);
const RATIO = new Set(['%', '‰']);

/** Target and actual on one scale, ready to compare. */
export interface Aligned {
  target: Dec;
  actual: Dec;
  /** the unit both are now in (undefined: plain numbers) */
  unit: string | undefined;
  /** zh-CN: how the units were reconciled, when they had to be */
  note?: string;
  /** one side's unit was assumed (numbers compared as written) */
  assumed: boolean;
}

type NumberQuantity = Extract<Figure['q'], { kind: 'number' }>;

/**
 * Put a target and an actual number on one scale. A side without a unit takes the 计量单位 column's;
 * 万元 vs 元 (and 千元, 亿元) and % vs ‰ are converted exactly; if exactly one side still has a unit,
 * the numbers are compared as written ("≥95%" against "95") and the note says so; two different,
 * unconvertible units give an error (zh-CN).
 */
export function alignUnits(
  target: Figure & { q: NumberQuantity },
  actual: Figure & { q: NumberQuantity },
  columnUnit: string | undefined,
): Aligned | { error: string } {
  const column = columnUnit?.trim() || undefined;
  const tu = target.q.unit ?? column;
  const au = actual.q.unit ?? column;
  if (tu === au) return { target: dec(target.q.value), actual: dec(actual.q.value), unit: tu, assumed: false };
  if (tu !== undefined && au !== undefined) {
    if (MONEY.has(tu) && MONEY.has(au)) {
      const t = amountInWan({ text: target.text, q: { ...target.q, unit: tu } })!;
      const a = amountInWan({ text: actual.text, q: { ...actual.q, unit: au } })!;
      const note =
        tu === '万元'
          ? `实际 ${actual.q.value} ${au} 折合 ${plain(a)} 万元`
          : au === '万元'
            ? `目标 ${target.q.value} ${tu} 折合 ${plain(t)} 万元`
            : `目标 ${target.q.value} ${tu}、实际 ${actual.q.value} ${au} 均折合为万元`;
      return { target: t, actual: a, unit: '万元', note, assumed: false };
    }
    if (RATIO.has(tu) && RATIO.has(au)) {
      const t = ratioOf({ text: target.text, q: { ...target.q, unit: tu } })!.mul(HUNDRED);
      const a = ratioOf({ text: actual.text, q: { ...actual.q, unit: au } })!.mul(HUNDRED);
      return {
        target: t,
        actual: a,
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
    target: dec(target.q.value),
    actual: dec(actual.q.value),
    unit,
    note: `${missing}未写单位，按所写数值与${other}（${unit}）直接比较`,
    assumed: true,
  };
}
