import { ACHIEVED_WORDS, NOT_ACHIEVED_WORDS, PARTIAL_WORDS, national2020 } from './national-2020.js';
import type { RuleProfile } from './types.js';

/**
 * Hubei-type 2020 project self-evaluation form notes [S5]: 预算执行率 worth 20 points, indicators 80,
 * qualitative tiers 100–80 / 80–50 / 50–0 with their own option texts.
 */
export const hubei: RuleProfile = {
  ...national2020,
  id: 'hubei',
  name: '湖北省（2020年项目支出自评表）',
  basis:
    '湖北式2020年项目支出绩效自评表填表说明（V [S5]）：预算执行率 20 分、绩效指标 80 分（rules.md A1），' +
    '得分 = 分值 × 执行率，执行率以调整后预算（含上年结余结转）为基数（V [S5]，封顶100%为 I）；' +
    '正向 实际÷目标、反向 目标÷实际（V [S5]）；定性三档 100–80/80–50/50–0，选项“达成预期指标/部分达成预期指标/' +
    '未达成预期指标”（V [S5]）。80 分在 产出40/效益30/满意度10 之间的划分未见原文（I，按表单惯例）；' +
    '执行率低于90%须说明、超额完成、等次分档及小数位沿用全国默认（I/V2）。',
  weights: { execution: 20, output: 40, outcome: 30, satisfaction: 10 },
  indicatorsTotal: 80,
  qualitative: {
    ...national2020.qualitative,
    tiers: [
      { key: 'achieved', label: '达成预期指标', keywords: ACHIEVED_WORDS, band: [0.8, 1] },
      { key: 'partial', label: '部分达成预期指标', keywords: PARTIAL_WORDS, band: [0.5, 0.8] },
      { key: 'notAchieved', label: '未达成预期指标', keywords: NOT_ACHIEVED_WORDS, band: [0, 0.5] },
    ],
  },
};
