import type { CategoryKey, Figure, Indicator } from '../model/index.js';
import { Dec } from '../model/index.js';
import { placeName } from './labels.js';
import type { Check, Finding } from './types.js';
import { D, differ, emit, fmtNum, isBlank, num, realIndicators } from './util.js';

// Structure: the 自评表's skeleton — weights, required blocks, and how each indicator is written (R-7.1, R-7.2,
// R-7.5, R-7.10, R-7.11, R-7.13, R-8.4).

export const CATEGORY_LABEL: Record<CategoryKey, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  other: '其他指标',
};

const CATEGORY_KEYS: readonly CategoryKey[] = ['output', 'outcome', 'satisfaction', 'cost', 'other'];

/** The direction an indicator is written with: its own 指标方向 column, else the target's sign. */
export function comparatorOf(ind: Indicator): string | undefined {
  if (ind.comparator) return ind.comparator;
  const q = ind.target?.q;
  if (!q) return undefined;
  if (q.kind === 'number') return q.comparator;
  if (q.kind === 'range') return 'range';
  return undefined;
}

/** The unit a figure carries (its own, else the indicator's 计量单位 column). */
export function unitOf(fig: Figure | undefined, ind: Indicator): string | undefined {
  if (fig?.q.kind === 'number' || fig?.q.kind === 'range') return fig.q.unit ?? nonBlank(ind.unit);
  return undefined;
}

function nonBlank(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s.trim() : undefined;
}

/** Indicator names that measure a ratio: they should be stated in %. */
export const RATE_NAME = /(率|比例|占比|比重|满意度|覆盖面)$/;
/** Indicator names that count or measure something: the target should be a number. */
const MEASURABLE_NAME =
  /(率|比例|占比|比重|满意度|知晓度|数量|次数|人数|个数|件数|户数|篇数|条数|数|量|时长|面积|金额)$/;
/** Vague words that do not say when a target is met (R-8.4). */
const VAGUE_PREFIX = /^(有所|明显|显著|大幅|稳步|持续|不断|进一步|逐步|较大|有效|全面|大力|切实)+/;
const VAGUE_WORD =
  /^(提升|提高|增强|加强|改善|扩大|增加|增长|优化|好转|上升|下降|降低|减少|推进|促进|较好|良好|有效|明显|显著|较高|较大|提速|加快)+$/;

function isQualitativeTarget(fig: Figure | undefined): boolean {
  return fig?.q.kind === 'qualitative' || fig?.q.kind === 'unparsed';
}

const categoryWeight: Check = {
  id: 'struct.category-weight',
  family: 'structure',
  severity: 'error',
  title: '一级指标标注的分值与规则规定的权重不一致（如产出50、效益30、满意度10）',
  rules: ['R-1.1', 'R-7.1'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const out: Finding[] = [];
    for (const key of CATEGORY_KEYS) {
      const stated = num(se.categoryWeights[key]);
      const expected = ctx.profile.weights[key];
      if (stated === undefined || expected === undefined) continue;
      if (differ(stated, D(expected), 0)) {
        const path = `selfEvaluation.categoryWeights.${key}`;
        out.push(
          emit(ctx, this, {
            message: `${placeName(ctx.evaluation, path)}为${fmtNum(stated)}分，而规则“${ctx.profile.name}”规定${CATEGORY_LABEL[key]}的权重为${expected}分。`,
            paths: [path],
            values: { expected },
            fix: `按规则将${CATEGORY_LABEL[key]}的分值定为${expected}分，并相应调整其下三级指标的分值。`,
          }),
        );
      }
    }
    return out;
  },
};

const weightSum: Check = {
  id: 'struct.weight-sum',
  family: 'structure',
  severity: 'error',
  title: '三级指标分值之和不等于其一级指标的分值',
  rules: ['R-7.1'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const out: Finding[] = [];
    const rows = realIndicators(ctx.evaluation);
    for (const key of CATEGORY_KEYS) {
      const inCategory = rows.filter((r) => r.ind.categoryKey === key);
      const weighted = inCategory.filter((r) => num(r.ind.weight) !== undefined);
      if (weighted.length === 0) continue;
      const stated = num(se.categoryWeights[key]);
      const profileWeight = ctx.profile.weights[key];
      const parent = stated ?? (profileWeight !== undefined ? D(profileWeight) : undefined);
      if (parent === undefined) continue;
      const sum = weighted.reduce((acc, r) => acc.plus(num(r.ind.weight) ?? 0), new Dec(0));
      if (!differ(sum, parent, 0)) continue;
      const source = stated !== undefined ? `表中标注的${fmtNum(parent)}分` : `规则规定的${fmtNum(parent)}分`;
      out.push(
        emit(ctx, this, {
          message: `${CATEGORY_LABEL[key]}下各三级指标分值合计${fmtNum(sum)}分（${weighted
            .map((r) => `${r.ind.name}${fmtNum(num(r.ind.weight) ?? 0)}分`)
            .join('、')}），不等于${CATEGORY_LABEL[key]}${source}。`,
          paths: [
            ...(stated !== undefined ? [`selfEvaluation.categoryWeights.${key}`] : []),
            ...weighted.map((r) => `${r.path}.weight`),
          ],
          values: { sum: sum.toString(), parent: parent.toString() },
          fix: `调整${CATEGORY_LABEL[key]}下三级指标的分值，使其合计为${fmtNum(parent)}分。`,
        }),
      );
    }
    return out;
  },
};

const totalWeight: Check = {
  id: 'struct.total-weight',
  family: 'structure',
  severity: 'error',
  title: '预算执行率分值与全部三级指标分值之和不等于100分（或总分行分值不是100）',
  rules: ['R-7.1'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const out: Finding[] = [];
    const expected = Object.values(ctx.profile.weights).reduce<Dec>((acc, w) => acc.plus(D(w ?? 0)), new Dec(0));
    const full =
      ctx.profile.indicatorsTotal !== undefined
        ? D(ctx.profile.weights.execution + ctx.profile.indicatorsTotal)
        : expected;
    const rows = realIndicators(ctx.evaluation).filter((r) => num(r.ind.weight) !== undefined);
    const stated = num(se.totalWeight);
    if (stated !== undefined && differ(stated, full, 0)) {
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, 'selfEvaluation.totalWeight')}为${fmtNum(stated)}分，应为${fmtNum(full)}分。`,
          paths: ['selfEvaluation.totalWeight'],
          values: { expected: full.toString() },
          fix: `总分行的分值应为${fmtNum(full)}分。`,
        }),
      );
    }
    if (rows.length === 0) return out;
    const exec = num(se.funding.weight) ?? D(ctx.profile.weights.execution);
    const sum = rows.reduce((acc, r) => acc.plus(num(r.ind.weight) ?? 0), exec);
    if (differ(sum, full, 0)) {
      out.push(
        emit(ctx, this, {
          message: `预算执行率分值${fmtNum(exec)}分与${rows.length}个三级指标分值合计为${fmtNum(sum)}分，不等于${fmtNum(full)}分。`,
          paths: [
            ...(se.funding.weight ? ['selfEvaluation.funding.weight'] : []),
            ...rows.map((r) => `${r.path}.weight`),
          ],
          values: { sum: sum.toString(), expected: full.toString() },
          fix: `调整各指标分值，使预算执行率与全部三级指标的分值合计为${fmtNum(full)}分。`,
        }),
      );
    }
    return out;
  },
};

const executionWeight: Check = {
  id: 'struct.execution-weight',
  family: 'structure',
  severity: 'error',
  title: '预算执行率的分值与规则规定不一致',
  rules: ['R-1.1', 'R-2'],
  run(ctx) {
    const w = num(ctx.evaluation.selfEvaluation?.funding.weight);
    const expected = ctx.profile.weights.execution;
    if (w === undefined || !differ(w, D(expected), 0)) return [];
    return [
      emit(ctx, this, {
        message: `${placeName(ctx.evaluation, 'selfEvaluation.funding.weight')}为${fmtNum(w)}分，而规则“${ctx.profile.name}”规定预算执行率为${expected}分。`,
        paths: ['selfEvaluation.funding.weight'],
        values: { expected },
        fix: `将预算执行率的分值改为${expected}分。`,
      }),
    ];
  },
};

const positiveWeight: Check = {
  id: 'struct.positive-weight',
  family: 'structure',
  severity: 'error',
  title: '三级指标未填分值或分值不大于0',
  rules: ['R-7.2'],
  run(ctx) {
    if (!ctx.profile.requirePositiveWeights) return [];
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const w = num(r.ind.weight);
      if (w !== undefined && w.gt(0)) continue;
      const path = `${r.path}.weight`;
      out.push(
        emit(ctx, this, {
          message:
            w === undefined
              ? `${placeName(ctx.evaluation, r.path)}没有填写分值${r.ind.weight ? `（写的是“${r.ind.weight.text}”）` : ''}。`
              : `${placeName(ctx.evaluation, path)}为${fmtNum(w)}分，三级指标的分值应大于0。`,
          paths: [path],
          fix: '为每个三级指标填写大于0的分值；不适用的指标应删除该行。',
        }),
      );
    }
    return out;
  },
};

const requiredBlocks: Check = {
  id: 'struct.required-blocks',
  family: 'structure',
  severity: 'error',
  title: '缺少必备的附表或表内栏目（基础数据表、自评表、年度资金总额、绩效指标、总分）',
  rules: ['R-1.2', 'R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const missing = (path: string, what: string, fix: string): void => {
      out.push(emit(ctx, this, { message: `报告缺少${what}。`, paths: [path], fix }));
    };
    if (ev.kind === 'department' && !ev.basicData) {
      missing('basicData', '附件“部门整体支出绩效评价基础数据表”', '附上基础数据表并按模板填写各栏。');
    }
    const se = ev.selfEvaluation;
    if (!se) {
      missing('selfEvaluation', '附件“绩效自评表”', '附上绩效自评表并按模板填写各栏。');
      return out;
    }
    const f = se.funding;
    if (!f.initialBudget && !f.adjustedBudget && !f.executed) {
      missing(
        'selfEvaluation.funding',
        '自评表“年度资金总额”行（年初预算数、全年预算数、全年执行数）',
        '在自评表中填写年度资金总额的年初预算数、全年预算数和全年执行数。',
      );
    }
    if (realIndicators(ev).length === 0) {
      missing('selfEvaluation.indicators', '自评表的绩效指标（三级指标）', '按产出、效益、满意度填写三级绩效指标。');
    }
    if (!se.totalScore) {
      missing('selfEvaluation.totalScore', '自评表“总分”行的得分', '在自评表总分行填写自评总分。');
    }
    return out;
  },
};

const categoryCoverage: Check = {
  id: 'struct.category-coverage',
  family: 'structure',
  severity: 'warning',
  title: '某个一级指标下没有三级指标，或产出指标缺少数量指标、质量/时效指标',
  rules: ['R-7.10'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const rows = realIndicators(ctx.evaluation);
    if (rows.length === 0) return [];
    const out: Finding[] = [];
    for (const key of CATEGORY_KEYS) {
      const w = ctx.profile.weights[key];
      if (w === undefined || w <= 0) continue;
      if (rows.some((r) => r.ind.categoryKey === key)) continue;
      out.push(
        emit(ctx, this, {
          message: `自评表的${CATEGORY_LABEL[key]}（${w}分）下没有任何三级指标。`,
          paths: ['selfEvaluation.indicators'],
          values: { category: key },
          fix: `在${CATEGORY_LABEL[key]}下设置至少一个三级指标。`,
        }),
      );
    }
    const output = rows.filter((r) => r.ind.categoryKey === 'output');
    if (output.length > 0) {
      const lacks: string[] = [];
      if (!output.some((r) => r.ind.subcategoryKey === 'quantity')) lacks.push('数量指标');
      if (!output.some((r) => r.ind.subcategoryKey === 'quality' || r.ind.subcategoryKey === 'timeliness')) {
        lacks.push('质量指标或时效指标');
      }
      if (lacks.length > 0) {
        out.push(
          emit(ctx, this, {
            message: `自评表的产出指标下没有${lacks.join('，也没有')}。`,
            paths: output.map((r) => r.path),
            fix: `产出指标应至少包括一个数量指标和一个质量或时效指标。`,
          }),
        );
      }
    }
    return out;
  },
};

const duplicateIndicator: Check = {
  id: 'struct.duplicate-indicator',
  family: 'structure',
  severity: 'warning',
  title: '同一个三级指标名称出现不止一次',
  run(ctx) {
    const seen = new Map<string, number[]>();
    for (const r of realIndicators(ctx.evaluation)) {
      const key = r.ind.name.replace(/[\s\u3000]/g, '');
      seen.set(key, [...(seen.get(key) ?? []), r.index]);
    }
    const out: Finding[] = [];
    for (const [name, indices] of seen) {
      if (indices.length < 2) continue;
      out.push(
        emit(ctx, this, {
          message: `三级指标“${name}”在自评表中出现了${indices.length}次。`,
          paths: indices.map((i) => `selfEvaluation.indicators.${i}.name`),
          fix: '合并重复的指标，或改用能区分的名称。',
        }),
      );
    }
    return out;
  },
};

const comparatorMissing: Check = {
  id: 'struct.comparator-missing',
  family: 'structure',
  severity: 'warning',
  title: '定量指标的年度指标值没有写明方向（≥、≤、=）',
  rules: ['R-8.4', 'R-3'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      if (r.ind.target?.q.kind !== 'number' || comparatorOf(r.ind) !== undefined) continue;
      const path = `${r.path}.target`;
      const cost = r.ind.subcategoryKey === 'cost' || r.ind.categoryKey === 'cost';
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, path)}写为“${r.ind.target.text}”，没有写明“≥”“≤”或“=”，无法判断是正向还是反向指标${cost ? '（成本指标通常应为“≤”）' : ''}。`,
          paths: [path],
          fix: `在指标值前写明方向，例如“${cost ? '≤' : '≥'}${r.ind.target.text}”。`,
        }),
      );
    }
    return out;
  },
};

const unitMissing: Check = {
  id: 'struct.unit-missing',
  family: 'structure',
  severity: 'warning',
  title: '定量指标没有计量单位（比率类指标未以%表示）',
  rules: ['R-8.4'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const t = r.ind.target;
      if (t?.q.kind !== 'number' && t?.q.kind !== 'range') continue;
      if (unitOf(t, r.ind) !== undefined) continue;
      const rate = RATE_NAME.test(r.ind.name.trim());
      const path = `${r.path}.target`;
      out.push(
        emit(ctx, this, {
          severity: rate ? 'warning' : 'info',
          message: rate
            ? `${placeName(ctx.evaluation, path)}写为“${t.text}”，这是一个比率类指标，却没有“%”，看不出是百分比还是其他数。`
            : `${placeName(ctx.evaluation, path)}写为“${t.text}”，没有计量单位。`,
          paths: [path],
          fix: rate ? `写成百分比，例如“${t.text}%”。` : '在指标值后（或“计量单位”栏）写明单位，如个、篇、次、万元。',
        }),
      );
    }
    return out;
  },
};

const unitMismatch: Check = {
  id: 'struct.unit-mismatch',
  family: 'structure',
  severity: 'warning',
  title: '实际完成值与年度指标值的单位不一致（如目标“≥95%”、实际“95”）',
  rules: ['R-8.4'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const t = r.ind.target;
      const a = r.ind.actual;
      if ((t?.q.kind !== 'number' && t?.q.kind !== 'range') || a?.q.kind !== 'number') continue;
      const tu = t.q.unit;
      const au = a.q.unit;
      if (tu === au) continue;
      if (nonBlank(r.ind.unit) !== undefined && (tu === undefined || au === undefined)) continue;
      if ((tu === '万元' && au === '元') || (tu === '元' && au === '万元')) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, r.path)}的年度指标值是“${t.text}”，实际完成值却是“${a.text}”，两者单位不一致${
            au === undefined ? '（实际完成值没有单位）' : tu === undefined ? '（年度指标值没有单位）' : ''
          }。`,
          paths: [`${r.path}.target`, `${r.path}.actual`],
          fix: `实际完成值应与年度指标值使用同一单位${tu ? `，例如写作“${a.text}${au === undefined ? tu : ''}”` : ''}。`,
        }),
      );
    }
    return out;
  },
};

const numericValue: Check = {
  id: 'struct.numeric-value',
  family: 'structure',
  severity: 'error',
  title: '定量指标的实际完成值不是数字',
  rules: ['R-7.5'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const t = r.ind.target;
      const a = r.ind.actual;
      if (!a || a.q.kind === 'none') continue;
      const quantTarget = t?.q.kind === 'number' || t?.q.kind === 'range';
      if (quantTarget && a.q.kind !== 'number' && a.q.kind !== 'range') {
        out.push(
          emit(ctx, this, {
            message: `${placeName(ctx.evaluation, r.path)}的年度指标值是数字“${t.text}”，实际完成值却写为“${a.text}”，无法按定量指标计分。`,
            paths: [`${r.path}.actual`],
            fix: '实际完成值应填写与年度指标值同口径的数字。',
          }),
        );
      } else if (r.ind.nature === 'quantitative' && t && !quantTarget && t.q.kind !== 'date') {
        out.push(
          emit(ctx, this, {
            message: `${placeName(ctx.evaluation, r.path)}标为定量指标，年度指标值却写为“${t.text}”，不是数字。`,
            paths: [`${r.path}.target`],
            fix: '定量指标的年度指标值应写成“方向+数字+单位”，如“≥95%”。',
          }),
        );
      }
    }
    return out;
  },
};

const measurableQualitative: Check = {
  id: 'struct.qualitative-measurable',
  family: 'structure',
  severity: 'warning',
  title: '比率、数量类指标的年度指标值却写成定性文字（如覆盖率目标“提升”）',
  rules: ['R-8.4'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      if (!isQualitativeTarget(r.ind.target) || !MEASURABLE_NAME.test(r.ind.name.trim())) continue;
      if (r.ind.target?.q.kind === 'qualitative' && r.ind.target.q.level !== undefined) continue;
      const path = `${r.path}.target`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, r.path)}是可以计量的指标，年度指标值却写为“${r.ind.target?.text ?? ''}”，没有量化。`,
          paths: [path],
          fix: `写出可衡量的目标值，例如“≥90%”，并据实填写实际完成值。`,
        }),
      );
    }
    return out;
  },
};

const vagueTarget: Check = {
  id: 'struct.vague-target',
  family: 'structure',
  severity: 'warning',
  title: '定性指标的年度指标值只写“提升”“增强”等含糊词语，没有达成标准',
  rules: ['R-8.4'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const t = r.ind.target;
      if (!t || !isQualitativeTarget(t)) continue;
      if (MEASURABLE_NAME.test(r.ind.name.trim())) continue; // reported by struct.qualitative-measurable
      const words = t.text.replace(/[\s\u3000“”"'。，,]/g, '');
      if (/\d/.test(words)) continue;
      const rest = words.replace(VAGUE_PREFIX, '');
      if (rest !== '' && !VAGUE_WORD.test(rest)) continue;
      const path = `${r.path}.target`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, path)}只写了“${t.text}”，没有说明达到什么程度才算完成。`,
          paths: [path],
          fix: '写明可以判断的达成标准（如具体数值、等级或完成事项），含糊的“提升”“增强”无法评价。',
        }),
      );
    }
    return out;
  },
};

const emptyTargetFilled: Check = {
  id: 'struct.empty-target-filled',
  family: 'structure',
  severity: 'warning',
  title: '年度指标值为空，却填了实际完成值或得分',
  rules: ['R-7.13'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      if (r.ind.target) continue;
      const filled = [r.ind.actual ? 'actual' : '', r.ind.selfScore ? 'selfScore' : ''].filter(Boolean);
      if (filled.length === 0) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, r.path)}没有年度指标值，却填写了${filled.map((f) => (f === 'actual' ? `实际完成值“${r.ind.actual?.text}”` : `得分“${r.ind.selfScore?.text}”`)).join('和')}。`,
          paths: [`${r.path}.target`, ...filled.map((f) => `${r.path}.${f}`)],
          fix: '补填批复的年度指标值；没有目标值的指标不应填写完成值和得分。',
        }),
      );
    }
    return out;
  },
};

const adjustedTarget: Check = {
  id: 'struct.adjusted-target',
  family: 'structure',
  severity: 'warning',
  title: '指标值与年初批复的目标不同，却没有说明调整依据',
  rules: ['R-7.11', 'R-8.3'],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of realIndicators(ctx.evaluation)) {
      const t = r.ind.target;
      const adj = r.ind.adjustedTarget;
      if (!t || !adj || t.text.replace(/\s/g, '') === adj.text.replace(/\s/g, '')) continue;
      const note = r.ind.deviationNote ?? '';
      if (!isBlank(note) && /(批复|批准|审批|调整)/.test(note)) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, r.path)}年初批复的指标值为“${t.text}”，调整后为“${adj.text}”，但没有说明调整的批复依据。`,
          paths: [`${r.path}.target`, `${r.path}.adjustedTarget`],
          fix: '自评应使用随预算批复的指标值；确经批准调整的，在偏差原因分析中注明批复文件。',
        }),
      );
    }
    return out;
  },
};

export const structureChecks: readonly Check[] = [
  categoryWeight,
  weightSum,
  totalWeight,
  executionWeight,
  positiveWeight,
  requiredBlocks,
  categoryCoverage,
  duplicateIndicator,
  comparatorMissing,
  unitMissing,
  unitMismatch,
  numericValue,
  measurableQualitative,
  vagueTarget,
  emptyTargetFilled,
  adjustedTarget,
];
