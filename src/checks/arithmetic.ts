import type { Evaluation, Figure } from '../model/index.js';
import { Dec, ratioOf } from '../model/index.js';
import { gradeFor, parseGrade } from '../scoring/index.js';
import type { ScoreItem } from '../scoring/types.js';
import { placeName } from './labels.js';
import { thresholdsOf } from './thresholds.js';
import type { Check, CheckContext, Finding } from './types.js';
import {
  D,
  MONEY_COLUMNS,
  amt,
  differ,
  emit,
  fmtNum,
  fmtPct,
  fmtWan,
  isSingleValueSplit,
  num,
  realIndicators,
  singleColumn,
  valueAt,
  wanText,
} from './util.js';
import type { MoneyColumn } from './util.js';

// Arithmetic: every sum and identity the tables and the prose imply, and every score against the profile's
// formula (the recomputation itself is the ScoreSheet's; here it is only compared).

const COLUMNS = ['previousFinal', 'currentBudget', 'currentFinal'] as const;

interface Term {
  path: string;
  fig: Figure | undefined;
}

function term(ev: Evaluation, path: string): Term {
  return { path, fig: valueAt(ev, path) as Figure | undefined };
}

function amountList(ev: Evaluation, terms: readonly Term[]): string {
  return terms
    .filter((t) => t.fig)
    .map((t) => `${placeName(ev, t.path)}${wanText(t.fig)}`)
    .join('、');
}

/**
 * whole = Σ parts (or whole ≥ Σ parts). Absent parts count as 0 when at least one part is written; nothing is
 * compared when the whole or every part is absent.
 */
function sumFinding(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  whole: Term,
  parts: readonly Term[],
  opts: { relation: '=' | '>='; fix: string; partsBelowSeverity?: 'warning' | 'info' },
): Finding | undefined {
  const w = amt(whole.fig);
  const written = parts.filter((p) => amt(p.fig) !== undefined);
  if (w === undefined || written.length === 0) return undefined;
  const sum = written.reduce((acc, p) => acc.plus(amt(p.fig) ?? 0), new Dec(0));
  const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(written.length);
  const ev = ctx.evaluation;
  if (opts.relation === '>=') {
    if (!sum.minus(w).gt(tol)) return undefined;
  } else if (!differ(sum, w, tol)) {
    return undefined;
  }
  const over = sum.gt(w);
  const message =
    opts.relation === '>='
      ? `${placeName(ev, whole.path)}为${wanText(whole.fig)}，小于其下所列明细${amountList(ev, written)}的合计${fmtWan(sum)}万元。`
      : `${placeName(ev, whole.path)}为${wanText(whole.fig)}，而${amountList(ev, written)}合计${fmtWan(sum)}万元，${over ? '多出' : '少了'}${fmtWan(sum.minus(w).abs())}万元。`;
  return emit(ctx, check, {
    severity: !over && opts.partsBelowSeverity ? opts.partsBelowSeverity : undefined,
    message,
    paths: [whole.path, ...written.map((p) => p.path)],
    values: { sum: fmtWan(sum) },
    fix: opts.fix,
  });
}

/**
 * A one-figure-per-line split of the 年度资金总额 (its column unknown): its sum must equal one of the
 * total's columns.
 */
function singleSplitFinding(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  rowPaths: readonly string[],
  what: string,
  fix: string,
): Finding | undefined {
  const ev = ctx.evaluation;
  const parts: Term[] = [];
  for (const p of rowPaths) {
    const row = valueAt(ev, p) as Partial<Record<MoneyColumn, Figure>> | undefined;
    const col = singleColumn(row);
    if (col) parts.push(term(ev, `${p}.${col}`));
  }
  if (parts.length === 0) return undefined;
  const sum = parts.reduce((acc, p) => acc.plus(amt(p.fig) ?? 0), new Dec(0));
  const totals = MONEY_COLUMNS.map((c) => term(ev, `selfEvaluation.funding.${c}`)).filter(
    (t) => amt(t.fig) !== undefined,
  );
  if (totals.length === 0) return undefined;
  const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(parts.length + 1);
  if (totals.some((t) => !differ(amt(t.fig) ?? new Dec(0), sum, tol))) return undefined;
  return emit(ctx, check, {
    message: `自评表${what}${amountList(ev, parts)}合计${fmtWan(sum)}万元，与“年度资金总额”的${totals
      .map((t) => `${placeName(ev, t.path).replace(/^自评表“年度资金总额”的/, '')}${wanText(t.fig)}`)
      .join('、')}都对不上。`,
    paths: [...parts.map((p) => p.path), ...totals.map((t) => t.path)],
    values: { sum: fmtWan(sum) },
    fix,
  });
}

/** One finding (or none) per year-column of the 基础数据表, collected. */
function perColumn(make: (col: (typeof COLUMNS)[number]) => Finding | undefined): Finding[] {
  const out: Finding[] = [];
  for (const col of COLUMNS) {
    const f = make(col);
    if (f) out.push(f);
  }
  return out;
}

const balanceIdentity: Check = {
  id: 'arith.balance-identity',
  family: 'arithmetic',
  severity: 'error',
  title: '年初结转和结余 + 本年收入 − 本年支出 ≠ 年末结转和结余',
  run(ctx) {
    const f = ctx.evaluation.finances;
    const open = amt(f.openingBalance);
    const inc = amt(f.income);
    const exp = amt(f.expenditure);
    const close = amt(f.closingBalance);
    if (!open || !inc || !exp || !close) return [];
    const expected = open.plus(inc).minus(exp);
    if (!differ(expected, close, D(thresholdsOf(ctx.profile).amountTolerance).mul(3))) return [];
    return [
      emit(ctx, this, {
        message: `报告正文写年初结转和结余${wanText(f.openingBalance)}、本年收入${wanText(f.income)}、本年支出${wanText(f.expenditure)}，按“年初结转和结余＋本年收入－本年支出”应得年末结转和结余${fmtWan(expected)}万元，正文却写${wanText(f.closingBalance)}。`,
        paths: ['finances.openingBalance', 'finances.income', 'finances.expenditure', 'finances.closingBalance'],
        values: { expectedClosingBalance: fmtWan(expected) },
        fix: '核对决算数据，使年初结转和结余、本年收入、本年支出与年末结转和结余相互衔接。',
      }),
    ];
  },
};

const natureSum: Check = {
  id: 'arith.nature-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '基本支出 + 项目支出 ≠ 合计（自评表按支出性质分，或报告正文的本年支出）',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const fix = '基本支出与项目支出之和应等于合计数，请核对决算数据后修改。';
    const se = ev.selfEvaluation;
    if (se && isSingleValueSplit([se.byNature.basic, se.byNature.project])) {
      const f = singleSplitFinding(
        ctx,
        this,
        ['selfEvaluation.byNature.basic', 'selfEvaluation.byNature.project'],
        '按支出性质分的',
        fix,
      );
      if (f) out.push(f);
    } else if (se) {
      for (const col of ['initialBudget', 'adjustedBudget', 'executed'] as const) {
        const f = sumFinding(
          ctx,
          this,
          term(ev, `selfEvaluation.funding.${col}`),
          [term(ev, `selfEvaluation.byNature.basic.${col}`), term(ev, `selfEvaluation.byNature.project.${col}`)],
          { relation: '=', fix },
        );
        if (f) out.push(f);
      }
    }
    const fin = ev.finances;
    if (fin.basic.expenditure && fin.project.expenditure) {
      const f = sumFinding(
        ctx,
        this,
        term(ev, 'finances.expenditure'),
        [term(ev, 'finances.basic.expenditure'), term(ev, 'finances.project.expenditure')],
        { relation: '=', fix },
      );
      if (f) out.push(f);
    }
    return out;
  },
};

const sourceSum: Check = {
  id: 'arith.source-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '自评表按收入性质分的各项之和 ≠ 年度资金总额（收入与支出两侧不一致）',
  run(ctx) {
    const ev = ctx.evaluation;
    const se = ev.selfEvaluation;
    if (!se) return [];
    const out: Finding[] = [];
    const splits = [
      ['generalPublic', 'governmentFund', 'stateCapital', 'socialInsurance', 'specialAccountNonTax', 'other'],
      ['currentYearAppropriation', 'carryOver', 'other'],
    ] as const;
    const fix = '按收入性质分的各项资金之和应等于年度资金总额，请核对后修改。';
    const single = splits.filter((split) => isSingleValueSplit(split.map((k) => se.bySource[k])));
    for (const split of single) {
      if (split[0] === 'currentYearAppropriation' && !se.bySource.currentYearAppropriation && !se.bySource.carryOver)
        continue;
      const f = singleSplitFinding(
        ctx,
        this,
        split.map((k) => `selfEvaluation.bySource.${k}`),
        '按收入性质分的',
        fix,
      );
      if (f) out.push(f);
    }
    if (single.length === splits.length) return out;
    for (const col of ['initialBudget', 'adjustedBudget', 'executed'] as const) {
      for (const split of splits) {
        if (single.includes(split)) continue;
        const parts = split.map((k) => term(ev, `selfEvaluation.bySource.${k}.${col}`));
        if (split[0] === 'currentYearAppropriation' && !parts.slice(0, 2).some((p) => p.fig)) continue;
        const whole = term(ev, `selfEvaluation.funding.${col}`);
        if (whole.fig) {
          const f = sumFinding(ctx, this, whole, parts, { relation: '=', fix });
          if (f) out.push(f);
        } else {
          // no total written: the income side must still equal the spending side
          const nature = [
            term(ev, `selfEvaluation.byNature.basic.${col}`),
            term(ev, `selfEvaluation.byNature.project.${col}`),
          ];
          const a = parts.filter((p) => amt(p.fig)).reduce((acc, p) => acc.plus(amt(p.fig) ?? 0), new Dec(0));
          const b = nature.filter((p) => amt(p.fig)).reduce((acc, p) => acc.plus(amt(p.fig) ?? 0), new Dec(0));
          if (!parts.some((p) => p.fig) || !nature.some((p) => p.fig)) continue;
          if (!differ(a, b, D(thresholdsOf(ctx.profile).amountTolerance).mul(4))) continue;
          out.push(
            emit(ctx, this, {
              message: `自评表按收入性质分的资金合计${fmtWan(a)}万元（${amountList(ev, parts)}），与按支出性质分的合计${fmtWan(b)}万元（${amountList(ev, nature)}）不一致。`,
              paths: [...parts, ...nature].filter((p) => p.fig).map((p) => p.path),
              values: { income: fmtWan(a), spending: fmtWan(b) },
              fix: '按收入性质分与按支出性质分是同一笔资金的两种分法，两者合计应相等。',
            }),
          );
        }
      }
    }
    return out;
  },
};

const threePublicSum: Check = {
  id: 'arith.three-public-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '“三公”经费合计 ≠ 公务用车 + 出国（境）+ 公务接待',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const fix = '“三公”经费合计应等于公务用车购置及运行维护费、因公出国（境）费、公务接待费三项之和，请核对后修改。';
    if (ev.basicData) {
      for (const col of COLUMNS) {
        const f = sumFinding(
          ctx,
          this,
          term(ev, `basicData.threePublicCosts.total.${col}`),
          ['officialVehicles', 'overseasTravel', 'officialReception'].map((k) =>
            term(ev, `basicData.threePublicCosts.${k}.${col}`),
          ),
          { relation: '=', fix },
        );
        if (f) out.push(f);
      }
    }
    const tp = ev.finances.threePublicCosts;
    if (tp.officialReception && tp.officialVehicles && tp.overseasTravel) {
      const wholePath = tp.budget ? 'finances.threePublicCosts.budget' : 'finances.threePublicCosts.actual';
      const f = sumFinding(
        ctx,
        this,
        term(ev, wholePath),
        ['officialReception', 'officialVehicles', 'overseasTravel'].map((k) =>
          term(ev, `finances.threePublicCosts.${k}`),
        ),
        { relation: '=', fix },
      );
      if (f) out.push(f);
    }
    return out;
  },
};

const vehicleSum: Check = {
  id: 'arith.vehicle-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '公务用车购置和维护经费 ≠ 公车购置 + 公车运行维护',
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    return perColumn((col) =>
      sumFinding(
        ctx,
        this,
        term(ev, `basicData.threePublicCosts.officialVehicles.${col}`),
        [
          term(ev, `basicData.threePublicCosts.vehiclePurchase.${col}`),
          term(ev, `basicData.threePublicCosts.vehicleOperation.${col}`),
        ],
        { relation: '=', fix: '公务用车购置和维护经费应等于公车购置与公车运行维护之和。' },
      ),
    );
  },
};

const publicFundsParts: Check = {
  id: 'arith.public-funds-parts',
  family: 'arithmetic',
  severity: 'error',
  title: '公用经费小于其下列明的办公费、水电差旅费、会议培训费之和',
  run(ctx) {
    const ev = ctx.evaluation;
    const bd = ev.basicData;
    if (!bd) return [];
    return perColumn((col) =>
      sumFinding(
        ctx,
        this,
        term(ev, `basicData.publicFunds.total.${col}`),
        bd.publicFunds.items.map((_, i) => term(ev, `basicData.publicFunds.items.${i}.${col}`)),
        { relation: '>=', fix: '公用经费包含其下列明的各项，总数不能小于明细之和，请核对后修改。' },
      ),
    );
  },
};

const projectSum: Check = {
  id: 'arith.project-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '基础数据表项目支出合计 ≠ 各项目之和',
  run(ctx) {
    const ev = ctx.evaluation;
    const bd = ev.basicData;
    if (!bd) return [];
    return perColumn((col) =>
      sumFinding(
        ctx,
        this,
        term(ev, `basicData.projectExpenditure.total.${col}`),
        bd.projectExpenditure.items.map((_, i) => term(ev, `basicData.projectExpenditure.items.${i}.${col}`)),
        {
          relation: '=',
          partsBelowSeverity: 'warning',
          fix: '“项目支出”应逐项填报基本支出以外的全部项目支出，各项之和应等于合计数。',
        },
      ),
    );
  },
};

/** a stated rate against numerator/denominator; undefined when it agrees or cannot be told */
function rateFinding(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  ratePath: string,
  numPath: string,
  denPath: string,
  what: string,
  amounts: boolean,
): Finding | undefined {
  const ev = ctx.evaluation;
  const rateFig = valueAt(ev, ratePath) as Figure | undefined;
  const stated = ratioOf(rateFig);
  const n = amounts ? amt(valueAt(ev, numPath) as Figure | undefined) : num(valueAt(ev, numPath) as Figure | undefined);
  const d = amounts ? amt(valueAt(ev, denPath) as Figure | undefined) : num(valueAt(ev, denPath) as Figure | undefined);
  if (stated === undefined || n === undefined || d === undefined || d.isZero()) return undefined;
  const computed = n.div(d);
  if (!differ(stated, computed, D(thresholdsOf(ctx.profile).rateTolerance))) return undefined;
  const show = (p: string): string => {
    const fig = valueAt(ev, p) as Figure | undefined;
    return amounts ? wanText(fig) : (fig?.text ?? '');
  };
  return emit(ctx, check, {
    message: `${placeName(ev, ratePath)}写为${rateFig?.text ?? ''}，而按${what}计算，${show(numPath)} ÷ ${show(denPath)} = ${fmtPct(computed)}。`,
    paths: [ratePath, numPath, denPath],
    values: { computed: fmtPct(computed) },
    fix: `按${what}重新计算并填写。`,
  });
}

const staffControlRate: Check = {
  id: 'arith.staff-control-rate',
  family: 'arithmetic',
  severity: 'error',
  title: '财政供养人员控制率 ≠ 实际在职人数 ÷ 编制数',
  rules: ['R-9.1', 'R-10'],
  run(ctx) {
    if (!ctx.evaluation.basicData) return [];
    const f = rateFinding(
      ctx,
      this,
      'basicData.staffing.staffControlRate',
      'basicData.staffing.actualStaff',
      'basicData.staffing.authorizedStaff',
      '“控制率＝实际在职人数÷编制数”',
      false,
    );
    return f ? [f] : [];
  },
};

const executionRate: Check = {
  id: 'arith.execution-rate',
  family: 'arithmetic',
  severity: 'error',
  title: '填写的预算执行率 ≠ 全年执行数 ÷ 全年预算数',
  rules: ['R-2'],
  run(ctx) {
    const out: Finding[] = [];
    const base = ctx.profile.execution.base;
    if (ctx.evaluation.selfEvaluation) {
      const f = rateFinding(
        ctx,
        this,
        'selfEvaluation.funding.executionRate',
        'selfEvaluation.funding.executed',
        `selfEvaluation.funding.${base}`,
        base === 'adjustedBudget' ? '“执行率＝全年执行数÷全年预算数”' : '“执行率＝全年执行数÷年初预算数”',
        true,
      );
      if (f) out.push(f);
    }
    const f = rateFinding(
      ctx,
      this,
      'finances.basic.executionRate',
      'finances.basic.expenditure',
      `finances.basic.${base}`,
      '“执行率＝本年支出÷预算数”',
      true,
    );
    if (f) out.push(f);
    return out;
  },
};

/** the index of the indicator a score item is about, or undefined for the execution row */
export function indicatorIndexOf(ev: Evaluation, item: ScoreItem): number | undefined {
  const list = ev.selfEvaluation?.indicators ?? [];
  if (item.indicatorId !== undefined) {
    const i = list.findIndex((ind) => ind.id === item.indicatorId);
    if (i >= 0) return i;
  }
  const m = /indicators\.(\d+)/.exec(item.path);
  return m ? Number(m[1]) : undefined;
}

const QUANTITATIVE_METHODS = new Set([
  'positive',
  'reverseRatio',
  'reverseLinearOverrun',
  'equal',
  'equalZero',
  'range',
  'deadline',
]);

const executionScore: Check = {
  id: 'arith.execution-score',
  family: 'arithmetic',
  severity: 'error',
  title: '预算执行率的自评得分与按规则计算的得分不一致',
  rules: ['R-2'],
  run(ctx) {
    const item = ctx.sheet.execution;
    if (item.selfScore === null || item.recomputed === null) return [];
    if (Math.abs(item.selfScore - item.recomputed) <= ctx.profile.scoreTolerance + 1e-9) return [];
    return [
      emit(ctx, this, {
        message: `自评表预算执行率得分自评为${item.selfScore}分，按规则应为${item.recomputed}分（${item.formula}）。`,
        paths: ['selfEvaluation.funding.score'],
        values: { selfScore: item.selfScore, recomputed: item.recomputed },
        fix: `将预算执行率得分改为${item.recomputed}分。`,
      }),
    ];
  },
};

const indicatorScore: Check = {
  id: 'arith.indicator-score',
  family: 'arithmetic',
  severity: 'error',
  title: '定量指标的自评得分与按规则公式计算的得分不一致',
  rules: ['R-3', 'R-7.9'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const item of ctx.sheet.items) {
      if (!QUANTITATIVE_METHODS.has(item.method)) continue;
      if (item.selfScore === null || item.recomputed === null) continue;
      if (Math.abs(item.selfScore - item.recomputed) <= ctx.profile.scoreTolerance + 1e-9) continue;
      const i = indicatorIndexOf(ev, item);
      const path = i !== undefined ? `selfEvaluation.indicators.${i}.selfScore` : item.path;
      const suggested = item.flags.includes('systemSuggested');
      out.push(
        emit(ctx, this, {
          severity: suggested ? 'warning' : undefined,
          message: `${placeName(ev, path)}自评为${item.selfScore}分，按规则应为${item.recomputed}分（${item.formula}）。`,
          paths:
            i !== undefined
              ? [path, `selfEvaluation.indicators.${i}.target`, `selfEvaluation.indicators.${i}.actual`]
              : [path],
          values: { ...item.inputs, selfScore: item.selfScore, recomputed: item.recomputed },
          fix: `将该指标得分改为${item.recomputed}分，或核实年度指标值与实际完成值。`,
        }),
      );
    }
    return out;
  },
};

const scoreRange: Check = {
  id: 'arith.score-range',
  family: 'arithmetic',
  severity: 'error',
  title: '得分小于0或超过该行分值',
  rules: ['R-7.3'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const rows: { path: string; weight: Figure | undefined; score: Figure | undefined }[] = [];
    const se = ev.selfEvaluation;
    if (se) rows.push({ path: 'selfEvaluation.funding', weight: se.funding.weight, score: se.funding.score });
    for (const r of realIndicators(ev)) rows.push({ path: r.path, weight: r.ind.weight, score: r.ind.selfScore });
    for (const row of rows) {
      const s = num(row.score);
      if (s === undefined) continue;
      const w =
        num(row.weight) ?? (row.path === 'selfEvaluation.funding' ? D(ctx.profile.weights.execution) : undefined);
      const scorePath = `${row.path}.${row.path === 'selfEvaluation.funding' ? 'score' : 'selfScore'}`;
      if (s.isNegative()) {
        out.push(
          emit(ctx, this, {
            message: `${placeName(ev, scorePath)}为${fmtNum(s)}分，得分不能为负数。`,
            paths: [scorePath],
            fix: '得分应在0分到该行分值之间。',
          }),
        );
      } else if (w !== undefined && s.gt(w)) {
        out.push(
          emit(ctx, this, {
            message: `${placeName(ev, scorePath)}为${fmtNum(s)}分，超过了该行的分值${fmtNum(w)}分。`,
            paths: [scorePath, `${row.path}.weight`],
            fix: `得分不得超过分值，最高为${fmtNum(w)}分。`,
          }),
        );
      }
    }
    return out;
  },
};

const totalSum: Check = {
  id: 'arith.total-sum',
  family: 'arithmetic',
  severity: 'error',
  title: '自评表总分 ≠ 预算执行率得分与各三级指标得分之和',
  rules: ['R-7.3', 'R-6'],
  run(ctx) {
    const ev = ctx.evaluation;
    const se = ev.selfEvaluation;
    const total = num(se?.totalScore);
    if (!se || total === undefined) return [];
    const rows = realIndicators(ev).filter((r) => num(r.ind.selfScore) !== undefined);
    const exec = num(se.funding.score);
    if (rows.length === 0 && exec === undefined) return [];
    const sum = rows.reduce((acc, r) => acc.plus(num(r.ind.selfScore) ?? 0), exec ?? new Dec(0));
    if (!differ(sum, total, D(ctx.profile.scoreTolerance))) return [];
    return [
      emit(ctx, this, {
        message: `${placeName(ev, 'selfEvaluation.totalScore')}为${fmtNum(total)}分，而预算执行率得分${exec ? fmtNum(exec) : '（未填）'}与${rows.length}个三级指标的自评得分相加为${fmtNum(sum)}分。`,
        paths: [
          'selfEvaluation.totalScore',
          ...(exec ? ['selfEvaluation.funding.score'] : []),
          ...rows.map((r) => `${r.path}.selfScore`),
        ],
        values: { sum: fmtNum(sum) },
        fix: '总分应等于预算执行率得分与全部三级指标得分之和，请重新加总。',
      }),
    ];
  },
};

const totalRecomputed: Check = {
  id: 'arith.total-recomputed',
  family: 'arithmetic',
  severity: 'error',
  title: '自评总分与按规则重算的总分不一致',
  rules: ['R-7.9', 'R-6'],
  run(ctx) {
    const ev = ctx.evaluation;
    const t = ctx.sheet.total;
    const stated = t.selfReportedTable ?? t.selfReportedNarrative;
    if (stated === null) return [];
    if (Math.abs(stated - t.recomputed) <= ctx.profile.scoreTolerance + 1e-9) return [];
    const path = t.selfReportedTable !== null ? 'selfEvaluation.totalScore' : 'selfReported.total';
    const differing = [ctx.sheet.execution, ...ctx.sheet.items].filter(
      (i) => i.difference !== null && Math.abs(i.difference) > ctx.profile.scoreTolerance + 1e-9,
    );
    const why =
      differing.length > 0
        ? `，差异来自：${differing
            .slice(0, 6)
            .map((i) => `${i.label}（自评${i.selfScore}分，重算${i.recomputed}分）`)
            .join('；')}`
        : '';
    return [
      emit(ctx, this, {
        message: `${placeName(ev, path)}为${stated}分，按规则“${ctx.profile.name}”重算的总分为${t.recomputed}分${why}。`,
        paths: [path],
        values: { stated, recomputed: t.recomputed },
        fix: '逐项核对各指标得分后更正总分（及等次）。',
      }),
    ];
  },
};

const gradeBand: Check = {
  id: 'arith.grade-band',
  family: 'arithmetic',
  severity: 'error',
  title: '自评等次与自评总分所在的分档不符',
  rules: ['R-7.9', 'R-6'],
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const tableTotal = num(ev.selfEvaluation?.totalScore);
    const proseTotal = num(ev.selfReported.total);
    const statements = [
      { gradePath: 'selfReported.grade', text: ev.selfReported.grade, total: proseTotal ?? tableTotal },
      { gradePath: 'selfEvaluation.grade', text: ev.selfEvaluation?.grade, total: tableTotal ?? proseTotal },
    ];
    for (const s of statements) {
      if (s.text === undefined || s.text.trim() === '' || s.total === undefined) continue;
      const totalPath =
        s.gradePath === 'selfReported.grade' && proseTotal ? 'selfReported.total' : 'selfEvaluation.totalScore';
      const parsed = parseGrade(s.text, ctx.profile);
      const band = gradeFor(s.total.toNumber(), ctx.profile);
      if (!parsed) {
        out.push(
          emit(ctx, this, {
            severity: 'warning',
            message: `${placeName(ev, s.gradePath)}写为“${s.text}”，不是规则“${ctx.profile.name}”的等次（${ctx.profile.grades.map((g) => g.label).join('、')}）。`,
            paths: [s.gradePath],
            fix: `按总分所在分档填写等次：${fmtNum(s.total)}分应为“${band.label}”。`,
          }),
        );
        continue;
      }
      if (parsed.code === band.code) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, s.gradePath)}为“${s.text}”，但${placeName(ev, totalPath)}${fmtNum(s.total)}分按分档应为“${band.label}”。`,
          paths: [s.gradePath, totalPath],
          values: { expectedGrade: band.label },
          fix: `将等次改为“${band.label}”，或核实总分。`,
        }),
      );
    }
    return out;
  },
};

const gradeRecomputed: Check = {
  id: 'arith.grade-recomputed',
  family: 'arithmetic',
  severity: 'warning',
  title: '按重算总分，等次应当改变',
  rules: ['R-6'],
  run(ctx) {
    const g = ctx.sheet.grade;
    if (!g.selfReported || g.selfReported.code === g.recomputed.code) return [];
    const path = ctx.evaluation.selfReported.grade ? 'selfReported.grade' : 'selfEvaluation.grade';
    return [
      emit(ctx, this, {
        message: `报告自评等次为“${g.selfReportedText ?? g.selfReported.label}”，按重算总分${ctx.sheet.total.recomputed}分应为“${g.recomputed.label}”。`,
        paths: [path],
        values: { recomputedTotal: ctx.sheet.total.recomputed, recomputedGrade: g.recomputed.label },
        fix: `更正各指标得分后，等次应为“${g.recomputed.label}”。`,
      }),
    ];
  },
};

const buildingRates: Check = {
  id: 'arith.building-rates',
  family: 'arithmetic',
  severity: 'error',
  title: '楼堂馆所规模控制率、投资概算控制率与实际÷批复不符',
  rules: ['R-10'],
  run(ctx) {
    const bd = ctx.evaluation.basicData;
    if (!bd) return [];
    const out: Finding[] = [];
    bd.buildings.items.forEach((_, i) => {
      const p = `basicData.buildings.items.${i}`;
      const a = rateFinding(
        ctx,
        this,
        `${p}.areaControlRate`,
        `${p}.actualArea`,
        `${p}.approvedArea`,
        '“规模控制率＝实际规模÷批复规模”',
        false,
      );
      const b = rateFinding(
        ctx,
        this,
        `${p}.investmentControlRate`,
        `${p}.actualInvestment`,
        `${p}.budgetInvestment`,
        '“投资概算控制率＝实际投资÷预算投资”',
        true,
      );
      if (a) out.push(a);
      if (b) out.push(b);
    });
    return out;
  },
};

export const arithmeticChecks: readonly Check[] = [
  balanceIdentity,
  natureSum,
  sourceSum,
  threePublicSum,
  vehicleSum,
  publicFundsParts,
  projectSum,
  staffControlRate,
  executionRate,
  executionScore,
  indicatorScore,
  scoreRange,
  totalSum,
  totalRecomputed,
  gradeBand,
  gradeRecomputed,
  buildingRates,
];
