import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_ID, getProfile, profiles, validateProfile } from '../../src/rules/index.js';
import { hubei } from '../../src/rules/hubei.js';
import { hunan } from '../../src/rules/hunan.js';
import { hunan2018 } from '../../src/rules/hunan-2018.js';
import { national2020 } from '../../src/rules/national-2020.js';
import { sichuan } from '../../src/rules/sichuan.js';
import type { RuleProfile } from '../../src/rules/types.js';

/** A copy of a profile with some fields changed (deep enough for the fields the tests touch). */
const changed = (p: RuleProfile, patch: Partial<RuleProfile>): RuleProfile => ({ ...p, ...patch });
const fields = (p: RuleProfile): string[] => validateProfile(p).map((x) => x.field);

describe('shipped profiles', () => {
  it.each(profiles.map((p) => [p.id, p] as const))('%s is internally consistent', (_id, p) => {
    expect(validateProfile(p)).toEqual([]);
  });

  it('have unique ids and can be looked up', () => {
    expect(new Set(profiles.map((p) => p.id)).size).toBe(profiles.length);
    for (const p of profiles) expect(getProfile(p.id)).toBe(p);
    expect(getProfile('atlantis')).toBeUndefined();
  });

  it('default to national-2020', () => {
    expect(DEFAULT_PROFILE_ID).toBe('national-2020');
    expect(getProfile(DEFAULT_PROFILE_ID)).toBe(national2020);
  });

  it('national-2020 holds the defaults of rules.md', () => {
    expect(national2020.weights).toEqual({ execution: 10, output: 50, outcome: 30, satisfaction: 10 });
    expect(national2020.execution).toMatchObject({
      mode: 'linear',
      cap: true,
      explainBelow: 0.9,
      base: 'adjustedBudget',
    });
    expect(national2020.reverseMode).toBe('ratio');
    expect(national2020.qualitative.tiers.map((t) => [t.label, t.band])).toEqual([
      ['达成年度指标', [0.8, 1]],
      ['部分达成年度指标并具有一定效果', [0.6, 0.8]],
      ['未达成年度指标且效果较差', [0, 0.6]],
    ]);
    expect(national2020.qualitative.gradeShares).toEqual({ 优: 1, 良: 0.8, 中: 0.6, 低: 0.4, 差: 0 });
    expect(national2020.overAchieve).toEqual({ flagAt: 1.2, mandatoryNoteAt: 1.3 });
    expect(national2020.grades.map((g) => [g.min, g.label])).toEqual([
      [90, '优'],
      [80, '良'],
      [60, '中'],
      [0, '差'],
    ]);
    expect(national2020.rounding).toBe(2);
    expect(national2020.scoreTolerance).toBe(0.01);
  });

  it('hunan prints 优秀/良好 and scores execution linearly (10号 form); hunan-2018 in tiers of 5 points of rate', () => {
    expect(hunan.grades.map((g) => g.label)).toEqual(['优秀', '良好', '中', '差']);
    expect(hunan.execution.mode).toBe('linear');
    expect(hunan2018.grades).toEqual(hunan.grades);
    expect(hunan2018.execution.mode).toBe('tiered');
    expect(hunan2018.execution.tiers[0]).toEqual({ minRate: 1, share: 1 });
    expect(hunan2018.execution.tiers[1]).toEqual({ minRate: 0.95, share: 0.8 });
    expect(hunan2018.basis).toMatch(/S13/);
    expect(hunan.weights).toEqual(national2020.weights);
    expect(hunan.basis).toMatch(/hunan-2018/);
  });

  it('hubei gives execution 20 points and uses the 80/50 tiers with their own option texts', () => {
    expect(hubei.weights.execution).toBe(20);
    expect(hubei.indicatorsTotal).toBe(80);
    expect(hubei.qualitative.tiers.map((t) => [t.label, t.band])).toEqual([
      ['达成预期指标', [0.8, 1]],
      ['部分达成预期指标', [0.5, 0.8]],
      ['未达成预期指标', [0, 0.5]],
    ]);
  });

  it('sichuan fixes only execution 10 + indicators 90', () => {
    expect(sichuan.weights).toEqual({ execution: 10 });
    expect(sichuan.indicatorsTotal).toBe(90);
  });

  it('every profile states its evidence', () => {
    for (const p of profiles) expect(p.basis).toMatch(/\b(V|V2|I)\b|（V|（I|（V2/);
  });
});

describe('validateProfile finds inconsistencies', () => {
  it('weights that do not add up to 100', () => {
    expect(
      fields(changed(national2020, { weights: { execution: 10, output: 50, outcome: 30, satisfaction: 5 } })),
    ).toContain('weights');
    expect(fields(changed(national2020, { indicatorsTotal: 80 }))).toContain('weights');
    expect(fields(changed(sichuan, { indicatorsTotal: undefined }))).toContain('weights');
    expect(
      fields(changed(national2020, { weights: { execution: 0, output: 50, outcome: 30, satisfaction: 20 } })),
    ).toContain('weights.execution');
  });

  it('execution tiers out of order, not reaching 0, or with a share above 1', () => {
    const tiers = hunan2018.execution.tiers;
    const withTiers = (t: RuleProfile['execution']['tiers']): RuleProfile =>
      changed(hunan2018, { execution: { ...hunan2018.execution, tiers: t } });
    expect(fields(withTiers([tiers[1]!, tiers[0]!, ...tiers.slice(2)]))).toContain('execution.tiers.1.minRate');
    expect(fields(withTiers(tiers.slice(0, -1)))).toContain(`execution.tiers.${tiers.length - 2}.minRate`);
    expect(
      fields(
        withTiers([
          { minRate: 1, share: 1.5 },
          { minRate: 0, share: 0 },
        ]),
      ),
    ).toContain('execution.tiers.0.share');
    expect(fields(withTiers([]))).toContain('execution.tiers');
    expect(fields(changed(national2020, { execution: { ...national2020.execution, cap: false } }))).toContain(
      'execution.cap',
    );
  });

  it('qualitative bands that overlap, leave gaps or are reversed', () => {
    const [a, p, n] = national2020.qualitative.tiers;
    const withTiers = (t: RuleProfile['qualitative']['tiers']): RuleProfile =>
      changed(national2020, { qualitative: { ...national2020.qualitative, tiers: t } });
    expect(fields(withTiers([a!, { ...p!, band: [0.6, 0.7] }, n!]))).toContain('qualitative.tiers.1.band');
    expect(fields(withTiers([a!, p!, { ...n!, band: [0.1, 0.6] }]))).toContain('qualitative.tiers.2.band');
    expect(fields(withTiers([a!, { ...p!, band: [0.8, 0.6] }, n!]))).toContain('qualitative.tiers.1.band');
    expect(fields(withTiers([p!, a!, n!]))).toContain('qualitative.tiers');
    expect(fields(withTiers([a!, { ...p!, keywords: [] }, n!]))).toContain('qualitative.tiers.1.keywords');
  });

  it('grade shares that rise as the grade falls', () => {
    const q = national2020.qualitative;
    expect(
      fields(changed(national2020, { qualitative: { ...q, gradeShares: { ...q.gradeShares, 低: 0.7 } } })),
    ).toContain('qualitative.gradeShares.低');
  });

  it('grade bands out of order, not starting at 0, or with an alias meaning two grades', () => {
    const g = national2020.grades;
    expect(fields(changed(national2020, { grades: [g[0]!, { ...g[1]!, min: 95 }, g[2]!, g[3]!] }))).toContain(
      'grades.1.min',
    );
    expect(fields(changed(national2020, { grades: [g[0]!, g[1]!, g[2]!, { ...g[3]!, min: 10 }] }))).toContain(
      'grades.3.min',
    );
    expect(fields(changed(national2020, { grades: [g[0]!, { ...g[1]!, aliases: ['优秀'] }, g[2]!, g[3]!] }))).toContain(
      'grades',
    );
    expect(fields(changed(national2020, { grades: [g[1]!, g[0]!, g[2]!, g[3]!] }))).toContain('grades.0');
  });

  it('thresholds that make no sense', () => {
    expect(fields(changed(national2020, { overAchieve: { flagAt: 1.3, mandatoryNoteAt: 1.2 } }))).toContain(
      'overAchieve.mandatoryNoteAt',
    );
    expect(fields(changed(national2020, { rounding: 2.5 }))).toContain('rounding');
    expect(fields(changed(national2020, { monitoring: { ...national2020.monitoring, red: 90 } }))).toContain(
      'monitoring',
    );
    expect(fields(changed(national2020, { id: 'Hunan Province' }))).toContain('id');
    expect(fields(changed(national2020, { basis: ' ' }))).toContain('basis');
    expect(fields(changed(national2020, { rescaleNotApplicable: true }))).toContain('rescaleNotApplicable');
  });

  it('messages are in Chinese', () => {
    const problems = validateProfile(changed(national2020, { rounding: -1, reviewGapWarning: 0 }));
    expect(problems.length).toBe(2);
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
