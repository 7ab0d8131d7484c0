import { hunan } from './hunan.js';
import type { RuleProfile } from './types.js';

/**
 * Hunan's older scorecard (2018 附件3-style tables): the same as `hunan` except that the execution rate is scored in
 * tiers, "full marks at 100%, −2 points (of 10) per 5 percentage points short".
 */
export const hunan2018: RuleProfile = {
  ...hunan,
  id: 'hunan-2018',
  name: '湖南省（2018年版评分表：预算执行率分档计分）',
  basis:
    '与 hunan 配置相同，唯预算执行率按湖南式2018年评分表分档计分：“执行率100%得满分，每低5个百分点扣2分”' +
    '（V [S13]），按分值10折算为每档20%、100%以下即进入下一档。用于2020年后10号格式的自评表属推断（I）。',
  execution: {
    mode: 'tiered',
    cap: true,
    tiers: [
      { minRate: 1, share: 1 },
      { minRate: 0.95, share: 0.8 },
      { minRate: 0.9, share: 0.6 },
      { minRate: 0.85, share: 0.4 },
      { minRate: 0.8, share: 0.2 },
      { minRate: 0, share: 0 },
    ],
    explainBelow: 0.9,
    base: 'adjustedBudget',
  },
};
