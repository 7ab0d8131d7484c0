import { describe, expect, it } from 'vitest';
import { figure } from '../../src/model/index.js';
import type { Figure } from '../../src/model/index.js';
import { alignUnits } from '../../src/scoring/units.js';

type N = Figure & { q: Extract<Figure['q'], { kind: 'number' }> };
const n = (text: string): N => {
  const f = figure(text)!;
  if (f.q.kind !== 'number') throw new Error(`not a number: ${text}`);
  return f as N;
};
const align = (t: string, a: string, column?: string) => {
  const r = alignUnits(n(t), n(a), column);
  if ('error' in r) return r;
  return { target: r.target.toFixed(), actual: r.actual.toFixed(), unit: r.unit, note: r.note, assumed: r.assumed };
};

describe('alignUnits', () => {
  it('same unit or none: the values as written', () => {
    expect(align('≥2200篇', '2859篇')).toEqual({
      target: '2200',
      actual: '2859',
      unit: '篇',
      note: undefined,
      assumed: false,
    });
    expect(align('≥2', '3')).toMatchObject({ unit: undefined, assumed: false });
  });
  it('money in different units: exact 万元', () => {
    expect(align('≥50万元', '480000元')).toMatchObject({ target: '50', actual: '48', unit: '万元', assumed: false });
    expect(align('≤1200000元', '126万元')).toMatchObject({ target: '120', actual: '126', unit: '万元' });
    expect(align('≤1.2亿元', '12500万元')).toMatchObject({ target: '12000', actual: '12500' });
  });
  it('percent against per mille', () => {
    expect(align('≤5‰', '0.4%')).toMatchObject({ target: '0.5', actual: '0.4', unit: '%' });
  });
  it('one side without a unit: compared as written, and said', () => {
    const r = align('≥95%', '95');
    expect(r).toMatchObject({ target: '95', actual: '95', unit: '%', assumed: true });
    expect(r).toHaveProperty('note', '实际完成值未写单位，按所写数值与年度指标值（%）直接比较');
    expect(align('≥95', '96%')).toMatchObject({
      assumed: true,
      note: '年度指标值未写单位，按所写数值与实际完成值（%）直接比较',
    });
  });
  it('the 计量单位 column fills a missing unit', () => {
    expect(align('≥95', '95', '%')).toMatchObject({ unit: '%', assumed: false, note: undefined });
    expect(align('≤120', '1260000元', '万元')).toMatchObject({ target: '120', actual: '126', unit: '万元' });
  });
  it('units that do not convert are an error', () => {
    expect(align('≥100篇', '120个')).toEqual({ error: '年度指标值单位“篇”与实际完成值单位“个”不一致，无法换算比较' });
    expect(align('≥100万元', '100%')).toHaveProperty('error');
  });
});
