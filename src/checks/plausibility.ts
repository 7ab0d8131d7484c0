import type { Evaluation, Figure, Indicator } from '../model/index.js';
import { Dec } from '../model/index.js';
import type { ScoreItem } from '../scoring/types.js';
import { indicatorIndexOf } from './arithmetic.js';
import { cutoffsIn, proseSentences, splitSentences } from './claims.js';
import { placeName } from './labels.js';
import { comparatorOf } from './structure.js';
import { thresholdsOf } from './thresholds.js';
import type { Check, CheckContext, Finding } from './types.js';
import {
  D,
  amt,
  memo,
  emit,
  fmtNum,
  fmtPct,
  isBlank,
  num,
  parseDate,
  realIndicators,
  valueAt,
  wanText,
  yearsIn,
} from './util.js';

// Plausibility: figures that may each be well written but together are hard to believe, and gaps an
// explanation should fill.

/** Words that give a reason. */
const REASON = /(原因|主要是|主要系|主要用于|用于|由于|因为|导致|致使|追加|调增|调减|调整|调剂|增加了|减少了)/;

/** Every sentence a reader may find an explanation in: the prose, the basic data sheet's note, the indicator notes. */
function explanationTexts(ctx: CheckContext): string[] {
  const ev = ctx.evaluation;
  return memo(ev, 'explanationTexts', () => explanationTextsOf(ev));
}

function explanationTextsOf(ev: Evaluation): string[] {
  const texts = proseSentences(ev).map((s) => s.text);
  if (ev.basicData?.notes) texts.push(...splitSentences(ev.basicData.notes));
  for (const ind of ev.selfEvaluation?.indicators ?? []) if (ind.deviationNote) texts.push(ind.deviationNote);
  if (ev.selfEvaluation?.overallGoal.actual) texts.push(...splitSentences(ev.selfEvaluation.overallGoal.actual));
  return texts;
}

/** Some sentence mentions the subject and gives a reason. */
function explained(ctx: CheckContext, subject: RegExp, reason: RegExp = REASON): boolean {
  return explanationTexts(ctx).some((t) => subject.test(t) && reason.test(t));
}

function itemFor(ctx: CheckContext, index: number): ScoreItem | undefined {
  return ctx.sheet.items.find((item) => indicatorIndexOf(ctx.evaluation, item) === index);
}

const deviationNote: Check = {
  id: 'plaus.deviation-note-missing',
  family: 'plausibility',
  severity: 'error',
  title: '扣了分却没有填写偏差原因分析及改进措施',
  rules: ['R-7.4'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const r of realIndicators(ev)) {
      const w = num(r.ind.weight);
      const s = num(r.ind.selfScore);
      if (w === undefined || s === undefined || !s.lt(w) || !isBlank(r.ind.deviationNote)) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, r.path)}分值${fmtNum(w)}分、自评${fmtNum(s)}分，扣了${fmtNum(w.minus(s))}分，却没有填写偏差原因分析及改进措施。`,
          paths: [`${r.path}.selfScore`, `${r.path}.deviationNote`],
          fix: '扣分的指标必须在“偏差原因分析及改进措施”栏写明未完成的原因和改进措施。',
        }),
      );
    }
    return out;
  },
};

/** Wording that says a target was met or not (used only for non-numeric values). */
const MET = /(已完成|完成|达成|已达到|达到|实现|落实|提升|提高|增强)/;
const UNMET = /(未|没有|尚未|部分|基本|滞后|延期|推迟|不足|较差|下降)/;

function norm(text: string): string {
  return text.replace(/[\s\u3000“”"'。，,；;]/g, '');
}

/** Whether a non-numeric actual says the target was met: true, false, or undefined when it cannot be told. */
export function qualitativeMet(ind: Indicator): boolean | undefined {
  const a = ind.actual;
  if (!a || a.q.kind === 'number' || a.q.kind === 'range') return undefined;
  const at = norm(a.text);
  if (at === '') return undefined;
  if (UNMET.test(at)) return false;
  const t = ind.target ? norm(ind.target.text) : '';
  if (t !== '' && (at === t || at.includes(t))) return true;
  if (MET.test(at)) return true;
  return undefined;
}

/** Whether a numeric actual meets its numeric target by the written direction; undefined when it cannot be told. */
export function numericMet(ind: Indicator): boolean | undefined {
  const t = ind.target;
  const a = ind.actual;
  if (t?.q.kind !== 'number' || a?.q.kind !== 'number') return undefined;
  const tv = new Dec(t.q.value);
  const av = new Dec(a.q.value);
  switch (comparatorOf(ind)) {
    case '>=':
      return av.gte(tv);
    case '>':
      return av.gt(tv);
    case '<=':
      return av.lte(tv);
    case '<':
      return av.lt(tv);
    case '=':
      return av.eq(tv);
    default:
      return undefined;
  }
}

const achievedButDeducted: Check = {
  id: 'plaus.achieved-but-deducted',
  family: 'plausibility',
  severity: 'warning',
  title: '实际完成情况表明已达成目标，却扣了分',
  rules: ['R-4'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const r of realIndicators(ev)) {
      const w = num(r.ind.weight);
      const s = num(r.ind.selfScore);
      if (w === undefined || s === undefined || !s.lt(w)) continue;
      // numeric rows are recomputed by arith.indicator-score; here only the wording
      if (qualitativeMet(r.ind) !== true) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, r.path)}的年度指标值为“${r.ind.target?.text ?? ''}”，实际完成值为“${r.ind.actual?.text ?? ''}”，表明已经达成，却只得${fmtNum(s)}分（分值${fmtNum(w)}分）。`,
          paths: [`${r.path}.actual`, `${r.path}.selfScore`],
          fix: '已达成目标的应得满分；确有不足的，应在实际完成值中如实写明未达成之处并说明扣分原因。',
        }),
      );
    }
    return out;
  },
};

const QUANTITATIVE = new Set([
  'positive',
  'reverseRatio',
  'reverseLinearOverrun',
  'equal',
  'equalZero',
  'range',
  'deadline',
]);

const fullMarksUnmet: Check = {
  id: 'plaus.full-marks-unmet',
  family: 'plausibility',
  severity: 'warning',
  title: '目标没有完成却得了满分',
  rules: ['R-3', 'R-4'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const r of realIndicators(ev)) {
      const w = num(r.ind.weight);
      const s = num(r.ind.selfScore);
      if (w === undefined || s === undefined || !s.gte(w)) continue;
      const met = numericMet(r.ind) ?? qualitativeMet(r.ind);
      if (met !== false) continue;
      const item = itemFor(ctx, r.index);
      // a numeric row whose recomputed score differs is already reported by arith.indicator-score
      if (
        item &&
        QUANTITATIVE.has(item.method) &&
        item.recomputed !== null &&
        Math.abs(s.toNumber() - item.recomputed) > ctx.profile.scoreTolerance + 1e-9
      ) {
        continue;
      }
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, r.path)}的年度指标值为“${r.ind.target?.text ?? ''}”，实际完成值为“${r.ind.actual?.text ?? ''}”，没有达到目标，却得了满分${fmtNum(s)}分。`,
          paths: [`${r.path}.target`, `${r.path}.actual`, `${r.path}.selfScore`],
          fix: '未完成目标的指标应按完成程度扣分，并填写偏差原因分析。',
        }),
      );
    }
    return out;
  },
};

const overAchievement: Check = {
  id: 'plaus.over-achievement',
  family: 'plausibility',
  severity: 'warning',
  title: '实际完成值远超目标（≥120%提示目标偏低；≥130%须说明原因）',
  rules: ['R-3.6', 'R-7.7'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const { flagAt, mandatoryNoteAt } = ctx.profile.overAchieve;
    for (const item of ctx.sheet.items) {
      const noteRequired = item.flags.includes('overAchieveNoteRequired');
      if (!noteRequired && !item.flags.includes('overAchieve')) continue;
      const i = indicatorIndexOf(ev, item);
      if (i === undefined) continue;
      const ind = ev.selfEvaluation?.indicators[i];
      if (!ind) continue;
      const hasNote = !isBlank(ind.deviationNote);
      if (noteRequired && hasNote) continue;
      const t = ind.target?.q.kind === 'number' ? new Dec(ind.target.q.value) : undefined;
      const a = ind.actual?.q.kind === 'number' ? new Dec(ind.actual.q.value) : undefined;
      const ratio = t && a && !t.isZero() ? `，为目标的${fmtPct(a.div(t))}` : '';
      const path = `selfEvaluation.indicators.${i}`;
      out.push(
        emit(ctx, this, {
          severity: noteRequired ? undefined : 'info',
          message: noteRequired
            ? `${placeName(ev, path)}实际完成${ind.actual?.text ?? ''}，年度指标值${ind.target?.text ?? ''}${ratio}，达到${fmtPct(D(mandatoryNoteAt))}以上，须说明超额原因，但偏差原因分析为空。`
            : `${placeName(ev, path)}实际完成${ind.actual?.text ?? ''}，年度指标值${ind.target?.text ?? ''}${ratio}，超过${fmtPct(D(flagAt))}，目标可能定得偏低。`,
          paths: [`${path}.actual`, `${path}.target`, ...(noteRequired ? [`${path}.deviationNote`] : [])],
          fix: noteRequired
            ? '在偏差原因分析中说明大幅超额完成的原因，并在下一年度合理提高目标值。'
            : '下一年度设定目标时参考实际完成情况，适当提高目标值。',
        }),
      );
    }
    return out;
  },
};

const qualitativeBand: Check = {
  id: 'plaus.qualitative-band',
  family: 'plausibility',
  severity: 'error',
  title: '定性指标的得分超出其达成档次的分数区间',
  rules: ['R-4', 'R-7.6'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const item of ctx.sheet.items) {
      if (!item.flags.includes('outsideBand') || !item.band) continue;
      const i = indicatorIndexOf(ev, item);
      const path = i !== undefined ? `selfEvaluation.indicators.${i}.selfScore` : item.path;
      const { tier, min, max, maxInclusive } = item.band;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, path)}为${item.selfScore ?? ''}分，但实际完成情况属“${tier}”，该档得分应在${min}分至${max}分${maxInclusive ? '（含）' : '（不含）'}之间。`,
          paths: [path, ...(i !== undefined ? [`selfEvaluation.indicators.${i}.actual`] : [])],
          values: { tier, min, max, recomputed: item.recomputed },
          fix: `按达成档次在${min}～${max}分之间打分，或如实修改实际完成情况。`,
        }),
      );
    }
    return out;
  },
};

const MONEY = new Set(['万元', '元', '亿元', '千元']);

const costOverrun: Check = {
  id: 'plaus.cost-overrun',
  family: 'plausibility',
  severity: 'warning',
  title: '成本指标实际支出大幅超过目标',
  rules: ['R-3.2', 'R-5'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const limit = D(thresholdsOf(ctx.profile).costOverrunRatio);
    for (const r of realIndicators(ev)) {
      const isCost = r.ind.subcategoryKey === 'cost' || r.ind.categoryKey === 'cost';
      const cmp = comparatorOf(r.ind);
      if (!isCost && cmp !== '<=' && cmp !== '<') continue;
      if (cmp === '>=' || cmp === '>') continue;
      const t = r.ind.target;
      const a = r.ind.actual;
      if (t?.q.kind !== 'number' || a?.q.kind !== 'number') continue;
      const money = MONEY.has(t.q.unit ?? r.ind.unit ?? '') || MONEY.has(a.q.unit ?? '');
      const tv = money ? amt(t) : new Dec(t.q.value);
      const av = money ? amt(a) : new Dec(a.q.value);
      if (!tv || !av || !tv.gt(0)) continue;
      const over = av.minus(tv).div(tv);
      if (!over.gt(limit)) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, r.path)}目标为${t.text}，实际为${a.text}，超出目标${fmtPct(over)}。`,
          paths: [`${r.path}.target`, `${r.path}.actual`],
          values: { overrun: fmtPct(over) },
          fix: '说明成本超支的原因；若目标值与预算口径不一致，应按批复的预算数设定成本目标。',
        }),
      );
    }
    return out;
  },
};

const executionExplain: Check = {
  id: 'plaus.execution-explain',
  family: 'plausibility',
  severity: 'warning',
  title: '预算执行率低于规定比例（如90%）却没有说明原因',
  rules: ['R-2', 'R-7.8'],
  run(ctx) {
    const item = ctx.sheet.execution;
    if (!item.flags.includes('belowExplainThreshold')) return [];
    if (explained(ctx, /(执行率|未执行|结转|结余|支出进度|未支付)/)) return [];
    const rate = item.inputs.rate ?? item.inputs.executionRate;
    return [
      emit(ctx, this, {
        message: `预算执行率${rate !== undefined ? `为${fmtPct(new Dec(rate))}，` : ''}低于${fmtPct(D(ctx.profile.execution.explainBelow))}，报告中没有找到未执行的原因说明。`,
        paths: ['selfEvaluation.funding.executionRate', 'selfEvaluation.funding.executed'],
        fix: '在报告中说明预算未执行完毕的原因（如项目跨年实施、政府采购节约等）和整改措施。',
      }),
    ];
  },
};

/** the 基础数据表 lines whose spending is compared with their budget */
const BUDGET_LINES = [
  { path: 'basicData.publicFunds.total', name: '公用经费', subject: /公用经费/, underIsGood: false },
  { path: 'basicData.governmentProcurement', name: '政府采购', subject: /政府采购|采购/, underIsGood: false },
  { path: 'basicData.threePublicCosts.total', name: '“三公”经费', subject: /三公/, underIsGood: true },
  {
    path: 'basicData.projectExpenditure.total',
    name: '项目支出',
    subject: /项目支出|项目资金|专项/,
    underIsGood: false,
  },
] as const;

const budgetLineDeviation: Check = {
  id: 'plaus.budget-line-deviation',
  family: 'plausibility',
  severity: 'warning',
  title: '公用经费、政府采购、“三公”经费、项目支出的决算数远超或远低于预算数，且无说明',
  rules: ['R-10', 'R-9.1'],
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    const th = thresholdsOf(ctx.profile);
    const out: Finding[] = [];
    for (const line of BUDGET_LINES) {
      const budgetFig = valueAt(ev, `${line.path}.currentBudget`) as Figure | undefined;
      const finalFig = valueAt(ev, `${line.path}.currentFinal`) as Figure | undefined;
      const budget = amt(budgetFig) ?? (budgetFig?.q.kind === 'none' ? new Dec(0) : undefined);
      const final = amt(finalFig);
      if (budget === undefined || final === undefined) continue;
      if (budget.isZero() && final.isZero()) continue;
      const ratio = budget.isZero() ? undefined : final.div(budget);
      const over = ratio === undefined || ratio.gte(th.farOverRatio);
      const under = ratio !== undefined && ratio.lte(th.farUnderRatio);
      if (!over && !under) continue;
      if (explained(ctx, line.subject)) continue;
      const how =
        ratio === undefined
          ? `预算为0却支出${wanText(finalFig)}`
          : over
            ? `决算数是预算数的${fmtNum(ratio)}倍`
            : `决算数只有预算数的${fmtPct(ratio)}`;
      out.push(
        emit(ctx, this, {
          severity: under && line.underIsGood ? 'info' : undefined,
          message: `${placeName(ev, `${line.path}.currentBudget`)}为${wanText(budgetFig)}，${placeName(ev, `${line.path}.currentFinal`)}为${wanText(finalFig)}，${how}，报告中没有说明原因。`,
          paths: [`${line.path}.currentBudget`, `${line.path}.currentFinal`],
          values: { ratio: ratio === undefined ? null : fmtNum(ratio) },
          fix: `核实${line.name}的预算数与决算数；差异属实的，在报告中说明${over ? '超预算支出' : '未按预算执行'}的原因及是否履行了预算调整程序。`,
        }),
      );
    }
    return out;
  },
};

const budgetAdjustment: Check = {
  id: 'plaus.budget-adjustment',
  family: 'plausibility',
  severity: 'warning',
  title: '全年预算数比年初预算数大幅调整，却没有填写预算调整情况或说明原因',
  rules: ['R-9.1', 'R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    const th = thresholdsOf(ctx.profile);
    const adj = ev.basicData?.basicBudgetAdjustment;
    const rowFilled =
      adj !== undefined && (amt(adj.currentBudget) !== undefined || amt(adj.currentFinal) !== undefined);
    const reasoned = explained(ctx, /(预算|资金|经费)/, /(追加|调增|调减|追减|调整|调剂|补助|增拨|拨付)/);
    if (rowFilled || reasoned) return [];
    const out: Finding[] = [];
    const pairs = [
      ['finances.basic.initialBudget', 'finances.basic.adjustedBudget'],
      ['finances.project.initialBudget', 'finances.project.adjustedBudget'],
      ['selfEvaluation.funding.initialBudget', 'selfEvaluation.funding.adjustedBudget'],
    ] as const;
    for (const [a, b] of pairs) {
      const fa = valueAt(ev, a) as Figure | undefined;
      const fb = valueAt(ev, b) as Figure | undefined;
      const initial = amt(fa);
      const adjusted = amt(fb);
      if (initial === undefined || adjusted === undefined) continue;
      const change = initial.isZero() ? undefined : adjusted.minus(initial).div(initial);
      if (change !== undefined ? !change.abs().gt(th.budgetAdjustmentRatio) : adjusted.isZero()) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, a)}为${wanText(fa)}，${placeName(ev, b)}为${wanText(fb)}，${
            change !== undefined ? `年中调整了${change.gt(0) ? '+' : ''}${fmtPct(change)}` : '年初没有预算、年中追加'
          }，但${adj !== undefined ? '基础数据表“部门基本支出预算调整”一栏为空，' : ''}报告中没有说明调整原因。`,
          paths: [a, b, ...(adj !== undefined ? ['basicData.basicBudgetAdjustment'] : [])],
          values: { change: change !== undefined ? fmtPct(change) : null },
          fix: '在报告中说明年中追加或调减预算的金额、原因和批准文件，并填写基础数据表的“部门基本支出预算调整”栏。',
        }),
      );
    }
    return out;
  },
};

const achievementVsExecution: Check = {
  id: 'plaus.achievement-vs-execution',
  family: 'plausibility',
  severity: 'warning',
  title: '指标完成程度远高于预算执行进度',
  rules: ['R-11.1'],
  run(ctx) {
    const ev = ctx.evaluation;
    const f = ev.selfEvaluation?.funding;
    const executed = amt(f?.executed);
    const budget = amt(ctx.profile.execution.base === 'adjustedBudget' ? f?.adjustedBudget : f?.initialBudget);
    if (executed === undefined || budget === undefined || budget.isZero()) return [];
    const rate = executed.div(budget);
    const ratios: Dec[] = [];
    for (const r of realIndicators(ev)) {
      const cmp = comparatorOf(r.ind);
      if (cmp !== '>=' && cmp !== '>') continue;
      const t = num(r.ind.target);
      const a = num(r.ind.actual);
      if (t === undefined || a === undefined || !t.gt(0)) continue;
      ratios.push(Dec.min(a.div(t), 1));
    }
    if (ratios.length < 2) return [];
    const mean = ratios.reduce((acc, x) => acc.plus(x), new Dec(0)).div(ratios.length);
    if (!mean.minus(rate).gt(thresholdsOf(ctx.profile).achievementAheadGap)) return [];
    return [
      emit(ctx, this, {
        message: `预算执行率只有${fmtPct(rate)}，而${ratios.length}个正向指标平均完成了目标的${fmtPct(mean)}，产出与资金投入明显不匹配。`,
        paths: ['selfEvaluation.funding.executed', 'selfEvaluation.indicators'],
        values: { executionRate: fmtPct(rate), meanAchievement: fmtPct(mean) },
        fix: '核实指标完成值与资金执行情况；若目标偏低或资金另有来源，应在报告中说明。',
      }),
    ];
  },
};

const dataCutoff: Check = {
  id: 'plaus.data-cutoff',
  family: 'plausibility',
  severity: 'warning',
  title: '年度报告的数据只统计到年底之前（如“截至10月31日”）',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const texts: { path: string; section: number; text: string }[] = ev.narrative.sections.map((s, i) => ({
      path: `narrative.sections.${i}`,
      section: i,
      text: s.text,
    }));
    if (ev.selfEvaluation?.overallGoal.actual) {
      texts.push({
        path: 'selfEvaluation.overallGoal.actual',
        section: -1,
        text: ev.selfEvaluation.overallGoal.actual,
      });
    }
    for (const t of texts) {
      const seen = new Set<string>();
      for (const c of cutoffsIn(t.section, t.text)) {
        if (c.year !== undefined && ev.year !== undefined && c.year !== ev.year) continue;
        if (c.month > 12 || c.month < 1) continue;
        if (c.month === 12 && (c.day === undefined || c.day >= 31)) continue;
        if (seen.has(c.text)) continue;
        seen.add(c.text);
        out.push(
          emit(ctx, this, {
            message: `${placeName(ev, t.path)}写“${c.text}”，${ev.year ?? '本'}年度报告的数据应统计到12月31日，这里只统计到${c.month}月${c.day !== undefined && c.day < 31 ? `${c.day}日` : '底'}。`,
            paths: [t.path],
            values: { text: c.text, sentence: c.sentence },
            fix: '改用全年（截至12月31日）的数据，并相应核对表中的实际完成值。',
          }),
        );
      }
    }
    return out;
  },
};

const yearMismatch: Check = {
  id: 'plaus.year-mismatch',
  family: 'plausibility',
  severity: 'warning',
  title: '附表栏目或标题中的年份、填报日期与报告年度不符',
  run(ctx) {
    const ev = ctx.evaluation;
    const y = ev.year ?? (ev.title ? yearsIn(ev.title)[0] : undefined);
    if (y === undefined) return [];
    const out: Finding[] = [];
    const labels: { path: string; text: string | undefined }[] = [
      { path: 'basicData.buildings.label', text: ev.basicData?.buildings.label },
    ];
    ev.narrative.sections.forEach((s, i) => labels.push({ path: `narrative.sections.${i}`, text: s.heading }));
    for (const l of labels) {
      if (!l.text) continue;
      const wrong = yearsIn(l.text).filter((x) => x < y || x > y + 1);
      if (wrong.length === 0) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, l.path)}写的是“${l.text.replace(/\s+/g, '')}”，其中的${wrong.join('、')}年与报告年度${y}年不符。`,
          paths: [l.path],
          values: { year: y },
          fix: `改为${y}年度的情况。`,
        }),
      );
    }
    for (const table of ['basicData', 'selfEvaluation'] as const) {
      const text = ev[table]?.meta.preparedOn;
      const d = parseDate(text);
      if (!d) continue;
      const early = d.year < y || (d.year === y && (d.month === undefined || d.month < 12));
      const late = d.year > y + 1;
      if (!early && !late) continue;
      const path = `${table}.meta.preparedOn`;
      out.push(
        emit(ctx, this, {
          severity: late ? 'info' : undefined,
          message: early
            ? `${placeName(ev, path)}为“${text}”，在${y}年度结束之前，年度自评不可能在年度结束前完成。`
            : `${placeName(ev, path)}为“${text}”，距${y}年度结束已超过一年。`,
          paths: [path],
          fix: '核实填报日期。',
        }),
      );
    }
    return out;
  },
};

const SATISFACTION_EVIDENCE = /(问卷|调查|调研|抽样|抽查|样本|测评|走访|回访|座谈|评议)/;

const satisfactionEvidence: Check = {
  id: 'plaus.satisfaction-evidence',
  family: 'plausibility',
  severity: 'warning',
  title: '满意度指标没有说明调查方式和样本量',
  rules: ['R-5'],
  run(ctx) {
    const ev = ctx.evaluation;
    const rows = realIndicators(ev).filter(
      (r) => r.ind.subcategoryKey === 'satisfaction' || r.ind.categoryKey === 'satisfaction' || /满意/.test(r.ind.name),
    );
    if (rows.length === 0) return [];
    if (explanationTexts(ctx).some((t) => SATISFACTION_EVIDENCE.test(t))) return [];
    return rows.map((r) =>
      emit(ctx, this, {
        message: `${placeName(ev, r.path)}实际完成值为“${r.ind.actual?.text ?? '（空）'}”，报告没有说明满意度是怎样调查得出的（调查方式、发放和回收问卷数）。`,
        paths: [`${r.path}.actual`],
        fix: '在报告中写明满意度调查的方式、时间、样本量和有效问卷数，并留存调查资料备查。',
      }),
    );
  },
};

const staffOverQuota: Check = {
  id: 'plaus.staff-over-quota',
  family: 'plausibility',
  severity: 'warning',
  title: '实际在职人数超过编制数',
  rules: ['R-9.1', 'R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    const s = ev.basicData?.staffing;
    const authorized = num(s?.authorizedStaff);
    const actual = num(s?.actualStaff);
    if (authorized === undefined || actual === undefined || !actual.gt(authorized)) return [];
    return [
      emit(ctx, this, {
        message: `基础数据表的实际在职人数${s?.actualStaff?.text ?? ''}超过了编制数${s?.authorizedStaff?.text ?? ''}，财政供养人员控制率超过100%。`,
        paths: ['basicData.staffing.actualStaff', 'basicData.staffing.authorizedStaff'],
        fix: '核实人数；确属超编的，说明原因和消化措施。',
      }),
    ];
  },
};

const threePublicGrowth: Check = {
  id: 'plaus.three-public-growth',
  family: 'plausibility',
  severity: 'info',
  title: '“三公”经费比上年增加，且没有说明原因',
  rules: ['R-9.1'],
  run(ctx) {
    const ev = ctx.evaluation;
    const row = ev.basicData?.threePublicCosts.total;
    const prev = amt(row?.previousFinal);
    const cur = amt(row?.currentFinal);
    if (prev === undefined || cur === undefined || !cur.gt(prev)) return [];
    if (explained(ctx, /三公/)) return [];
    return [
      emit(ctx, this, {
        message: `“三公”经费决算数由上年的${wanText(row?.previousFinal)}增加到${wanText(row?.currentFinal)}，报告中没有说明增加的原因。`,
        paths: ['basicData.threePublicCosts.total.previousFinal', 'basicData.threePublicCosts.total.currentFinal'],
        fix: '说明“三公”经费增加的原因。',
      }),
    ];
  },
};

const buildingOverrun: Check = {
  id: 'plaus.building-overrun',
  family: 'plausibility',
  severity: 'warning',
  title: '楼堂馆所实际规模或投资超过批复',
  rules: ['R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    (ev.basicData?.buildings.items ?? []).forEach((b, i) => {
      const pairs = [
        ['approvedArea', 'actualArea', '实际规模超过批复规模', false],
        ['budgetInvestment', 'actualInvestment', '实际投资超过预算投资', true],
      ] as const;
      for (const [approved, actual, what, money] of pairs) {
        const a = money ? amt(b[approved]) : num(b[approved]);
        const c = money ? amt(b[actual]) : num(b[actual]);
        if (a === undefined || c === undefined || !c.gt(a)) continue;
        const p = `basicData.buildings.items.${i}`;
        out.push(
          emit(ctx, this, {
            message: `${placeName(ev, p)}${what}：批复${b[approved]?.text ?? ''}，实际${b[actual]?.text ?? ''}。`,
            paths: [`${p}.${approved}`, `${p}.${actual}`],
            fix: '说明超批复的原因及审批情况。',
          }),
        );
      }
    });
    return out;
  },
};

export const plausibilityChecks: readonly Check[] = [
  deviationNote,
  achievedButDeducted,
  fullMarksUnmet,
  overAchievement,
  qualitativeBand,
  costOverrun,
  executionExplain,
  budgetLineDeviation,
  budgetAdjustment,
  achievementVsExecution,
  dataCutoff,
  yearMismatch,
  satisfactionEvidence,
  staffOverQuota,
  threePublicGrowth,
  buildingOverrun,
];
