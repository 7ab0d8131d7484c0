import { national2020 } from './national-2020.js';
import type { RuleProfile } from './types.js';

/**
 * Hunan (湘办发〔2019〕10号 practice, county 部门整体支出 reports). No 湘财绩 notice was available: every
 * choice below comes from Hunan county/city forms and reports and from the seed report, and `basis`
 * says how sure each one is.
 */
export const hunan: RuleProfile = {
  ...national2020,
  id: 'hunan',
  name: '湖南省（部门整体支出绩效自评）',
  basis:
    '湖南县市区部门整体支出自评表与报告（湘办发〔2019〕10号 [S24][S25]；岳阳、南县、邵东样本 [S14][S26][S28]），' +
    '未见湘财绩通知原文。一级指标权重 预算执行率10/产出50/效益30/满意度10：V（湖南2023年自评表表头即为此格式）。' +
    '预算执行率：按财预〔2020〕10号格式的“分值×执行率”线性计分，执行率封顶100%（湖南2023年自评表采用10号格式的' +
    '“全年预算数/全年执行数/分值/执行率/得分”栏，V；线性计分与全国默认一致，A5）。2018年旧版评分表的分档计分见' +
    '配置 hunan-2018。执行率以全年预算数（调整后）为基数（V）。' +
    '反向比值法、定性80%/60%三档、超额完成120%/130%：沿用全国默认（湖南无专门依据，I）。' +
    '等次分档 优≥90、良≥80、中≥60、差<60（V2 [S3]）；显示为 优秀/良好/中/差（“优秀”见湖南报告 V，“良好”I）。',
  grades: [
    { min: 90, code: 'A', name: '优', label: '优秀', aliases: ['优'] },
    { min: 80, code: 'B', name: '良', label: '良好', aliases: ['良'] },
    { min: 60, code: 'C', name: '中', label: '中', aliases: ['中等', '合格'] },
    { min: 0, code: 'D', name: '差', label: '差', aliases: ['较差', '不合格'] },
  ],
};
