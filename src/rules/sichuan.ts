import { national2020 } from './national-2020.js';
import type { RuleProfile } from './types.js';

/**
 * Sichuan project self-evaluation forms (青神县 2023 [S7]; 优良中低差 qualitative targets [S27]). The form
 * splits the table as 预算执行情况 10 + 绩效指标 90 and fixes no per-category weights.
 */
export const sichuan: RuleProfile = {
  ...national2020,
  id: 'sichuan',
  name: '四川省（项目支出绩效自评表）',
  basis:
    '四川（青神县）2023年项目支出绩效自评表（V [S7]）：预算执行情况 10 分 + 绩效指标 90 分，未规定一级指标间的分配；' +
    '执行率 = 执行数 ÷ 调整后预算数，执行率低于90%须说明原因（V [S7]）；得分 = 分值 × 执行率，封顶100%（I）。' +
    '定性指标可按“优良中低差”设定（V [S27]），折算 100/80/60/40/0%（I）。正反向公式、定性80%/60%三档、' +
    '超额完成标记、等次分档沿用全国默认（V2/I）；等次显示为 优/良/中/差（I）。',
  weights: { execution: 10 },
  indicatorsTotal: 90,
};
