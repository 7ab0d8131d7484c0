import { describe, expect, it } from 'vitest';
import { figure } from '../../src/model/index.js';
import type { RuleProfile } from '../../src/rules/types.js';
import { hubei } from '../../src/rules/hubei.js';
import { national2020 } from '../../src/rules/national-2020.js';
import { isEmptyRow, scoreIndicator } from '../../src/scoring/indicator.js';
import type { ScoreItem } from '../../src/scoring/types.js';
import { evaluationWith } from './helpers.js';
import type { RowSpec } from './helpers.js';

function scored(spec: RowSpec, profile: RuleProfile = national2020, year: number | undefined = 2023): ScoreItem {
  const ind = evaluationWith([spec]).selfEvaluation!.indicators[0]!;
  return scoreIndicator(ind, 'selfEvaluation.indicators.0', { profile, year }).item;
}

describe('numeric rows', () => {
  it('a plain number target is scored as positive, and says so', () => {
    const item = scored({ target: '≥2', actual: '2', weight: '5', self: '5' });
    expect(item.flags).toEqual([]);
    const plain = scored({ target: '100%', actual: '98%', weight: '10', self: '10' });
    expect(plain.method).toBe('positive');
    expect(plain.recomputed).toBe(9.8);
    expect(plain.difference).toBe(0.2);
    expect(plain.flags).toContain('directionAssumed');
    expect(plain.formula).toContain('年度指标值未写方向（≥、≤、=），按正向指标计分');
  });

  it('a cost indicator without a direction is reverse (R-3.2, R-5)', () => {
    const item = scored({ sub: 'cost', target: '182.32万元', actual: '312.95万元', weight: '10', self: '7' });
    expect(item.method).toBe('reverseRatio');
    expect(item.recomputed).toBe(5.83); // 10 × 182.32 ÷ 312.95 = 5.8258…
    expect(item.flags).toEqual(['directionAssumed']);
    expect(item.formula).toBe(
      '反向指标（比值法）：实际 312.95 万元 > 目标 182.32 万元，得分 = 10 × 182.32 ÷ 312.95 = 5.83（年度指标值未写方向（≥、≤、=），成本指标按反向指标计分）',
    );
  });

  it('the comparator column wins over the target text', () => {
    const item = scored({ target: '120', actual: '126', weight: '10', extra: { comparator: '<=' } });
    expect(item.method).toBe('reverseRatio');
    expect(item.recomputed).toBe(9.52);
  });

  it('reverse by the profile variant', () => {
    const linear: RuleProfile = { ...national2020, id: 'linear-test', reverseMode: 'linearOverrun' };
    expect(scored({ target: '≤120万元', actual: '126万元', weight: '10' }, linear).recomputed).toBe(9.5);
  });

  it('万元 against 元 is converted exactly', () => {
    const item = scored({ target: '≥50万元', actual: '480000元', weight: '5' });
    expect(item.recomputed).toBe(4.8);
    expect(item.inputs).toMatchObject({ target: '50', actual: '48', unit: '万元' });
    expect(item.formula).toContain('实际 480000 元 折合 48 万元');
    expect(item.flags).toEqual([]);
  });

  it('% against a plain number: the numbers as written, and a note', () => {
    const item = scored({ target: '≥95%', actual: '95', weight: '10', self: '10' });
    expect(item.recomputed).toBe(10);
    expect(item.flags).toEqual(['unitAssumed']);
    expect(item.formula).toBe(
      '正向指标：实际 95% ≥ 目标 95%，得满分 10（实际完成值未写单位，按所写数值与年度指标值（%）直接比较）',
    );
  });

  it('the 计量单位 column gives a bare number its unit', () => {
    const item = scored({ target: '≥95', actual: '95', weight: '10', extra: { unit: '%' } });
    expect(item.flags).toEqual([]);
    expect(item.formula).toBe('正向指标：实际 95% ≥ 目标 95%，得满分 10');
  });

  it('over-achievement is flagged for ≥ and = rows', () => {
    expect(scored({ target: '≥2200', actual: '2859', weight: '10' }).flags).toEqual(['overAchieve']);
    expect(scored({ target: '≥100', actual: '130', weight: '10' }).flags).toEqual([
      'overAchieve',
      'overAchieveNoteRequired',
    ]);
    expect(scored({ target: '=100', actual: '125', weight: '10' }).flags).toEqual(['equalMismatch', 'overAchieve']);
    expect(scored({ target: '≤100', actual: '50', weight: '10' }).flags).toEqual([]);
  });

  it('an approved adjusted target is the one scored against', () => {
    const item = scored({ target: '≥100', actual: '90', weight: '10', extra: { adjustedTarget: figure('≥90') } });
    expect(item.recomputed).toBe(10);
    expect(item.inputs.targetSource).toBe('adjustedTarget');
    expect(item.formula).toContain('按调整后指标值计分');
  });

  it('ranges are system suggestions', () => {
    const item = scored({ target: '60%-80%', actual: '85%', weight: '10' });
    expect(item.method).toBe('range');
    expect(item.recomputed).toBe(9.38);
    expect(item.flags).toEqual(['systemSuggested']);
  });

  it('weights and scores written with 分 are read', () => {
    const item = scored({ target: '≥1', actual: '1', weight: '10分', self: '9分' });
    expect(item.weight).toBe(10);
    expect(item.selfScore).toBe(9);
    expect(item.difference).toBe(-1);
  });
});

describe('qualitative and date rows', () => {
  it('a qualitative row is scored within the tier the wording shows', () => {
    const item = scored({ target: '提升', actual: '提升', weight: '10', self: '9' });
    expect(item.method).toBe('qualitativeTier');
    expect(item.recomputed).toBe(9);
    expect(item.band).toEqual({ tier: '达成年度指标', min: 8, max: 10, maxInclusive: true });
  });
  it('the tier labels follow the profile', () => {
    const item = scored({ target: '达成预期指标', actual: '部分达成预期指标', weight: '10', self: '9' }, hubei);
    expect(item.band).toEqual({ tier: '部分达成预期指标', min: 5, max: 8, maxInclusive: false });
    expect(item.recomputed).toBe(7.99);
    expect(item.flags).toEqual(['outsideBand']);
  });
  it('unreadable wording keeps the self score, flagged', () => {
    const item = scored({ target: '提升', actual: '详见附件', weight: '10', self: '8' });
    expect(item.recomputed).toBe(8);
    expect(item.flags).toEqual(['selfScoreKept']);
  });
  it('graded targets', () => {
    const item = scored({ target: '优良中低差', actual: '中', weight: '10', self: '10' });
    expect(item.method).toBe('qualitativeGrade');
    expect(item.recomputed).toBe(6);
    expect(item.difference).toBe(4);
  });
  it('a date target met by 当年已完成', () => {
    const item = scored({
      sub: 'timeliness',
      target: '2023年12月31日',
      actual: '当年已完成',
      weight: '10',
      self: '10',
    });
    expect(item.method).toBe('deadline');
    expect(item.recomputed).toBe(10);
  });
  it('a date target met by an earlier date, missed by a later one', () => {
    const deadline = {
      text: '2023年6月30日前',
      q: { kind: 'date' as const, date: '2023-06-30', comparator: '<=' as const },
    };
    expect(
      scored({ target: deadline, actual: { text: '2023年5月', q: { kind: 'date', date: '2023-05' } }, weight: '5' })
        .recomputed,
    ).toBe(5);
    const late = scored({
      target: deadline,
      actual: { text: '2023年8月', q: { kind: 'date', date: '2023-08' } },
      weight: '5',
    });
    expect(late.recomputed).toBe(0);
    expect(late.flags).toEqual(['systemSuggested']);
  });
});

describe('rows that cannot be scored say why (never 0 or full silently)', () => {
  it.each<[string, RowSpec, RegExp]>([
    ['no weight', { target: '≥1', actual: '1' }, /未填写分值/],
    ['no target', { actual: '1', weight: '5', self: '5' }, /未填写年度指标值/],
    ['no actual', { target: '≥1', weight: '5', self: '5' }, /未填写实际完成值/],
    ['target 无', { target: '无', actual: '1', weight: '5' }, /年度指标值写作“无”/],
    ['actual —', { target: '≥1', actual: '—', weight: '5' }, /实际完成值写作“—”/],
    ['words against a number', { target: '≥95%', actual: '较好', weight: '5' }, /不是数值/],
    ['units that do not convert', { target: '≥100篇', actual: '120个', weight: '5' }, /单位.*不一致/],
    ['a negative target', { target: '≥-5', actual: '3', weight: '5' }, /负数/],
    ['a negative weight', { target: '≥1', actual: '1', weight: '-5' }, /分值为负数/],
    ['words with no self score', { target: '提升', actual: '详见附件', weight: '5' }, /无法从实际完成情况/],
    ['a weight in words', { target: '≥1', actual: '1', weight: '若干' }, /分值“若干”无法识别/],
  ])('%s', (_name, spec, reason) => {
    const item = scored(spec);
    expect(item.method).toBe('unscorable');
    expect(item.recomputed).toBeNull();
    expect(item.difference).toBeNull();
    expect(item.unscorableReason).toMatch(reason);
    expect(item.formula).toBe(`无法计分：${item.unscorableReason}`);
  });

  it('keeps what it could read', () => {
    const item = scored({ actual: '1', weight: '5', self: '4' });
    expect(item.weight).toBe(5);
    expect(item.selfScore).toBe(4);
  });
});

describe('isEmptyRow', () => {
  it('placeholders and blank rows are empty; a named row or one with figures is not', () => {
    const rows = evaluationWith([
      { name: '……', extra: { placeholder: true } },
      { name: '' },
      { name: '', target: '≥1' },
      { name: '新闻稿件' },
    ]).selfEvaluation!.indicators;
    expect(rows.map(isEmptyRow)).toEqual([true, true, false, false]);
  });
});
