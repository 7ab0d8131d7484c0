import type { Evaluation, Figure } from '../model/index.js';
import { Dec } from '../model/index.js';
import { parseGrade } from '../scoring/index.js';
import { placeName } from './labels.js';
import { thresholdsOf } from './thresholds.js';
import type { Check, CheckContext, Finding } from './types.js';
import {
  D,
  MONEY_COLUMNS,
  amt,
  asciiDigits,
  differ,
  emit,
  fmtNum,
  fmtWan,
  isSingleValueSplit,
  num,
  parseDate,
  realIndicators,
  singleColumn,
  valueAt,
  wanText,
  yearsIn,
} from './util.js';
import type { MoneyColumn } from './util.js';

// Cross-table: the same quantity stated in two places (the prose, the 基础数据表, the 自评表, an indicator)
// must agree.

/** One statement of an amount: where, the value in 万元, and how to say it. */
interface Statement {
  paths: string[];
  value: Dec;
  /** how to say it, e.g. 基础数据表“三公经费”行“2023年预算数”1.20万元 (built only when a finding needs it) */
  describe: () => string;
  /** a remark added after it */
  note?: string;
}

function say(s: Statement): string {
  return `${s.describe()}${s.note ?? ''}`;
}

function stated(ev: Evaluation, path: string): Statement | undefined {
  const fig = valueAt(ev, path) as Figure | undefined;
  const value = amt(fig);
  if (value === undefined) return undefined;
  return { paths: [path], value, describe: () => `${placeName(ev, path)}${wanText(fig)}` };
}

/** Group statements that agree within the tolerance; more than one group is a conflict. */
function groups(statements: readonly Statement[], tol: Dec): Statement[][] {
  const out: Statement[][] = [];
  for (const s of statements) {
    const g = out.find((grp) => !differ(grp[0]!.value, s.value, tol));
    if (g) g.push(s);
    else out.push([s]);
  }
  return out;
}

/** One finding when the statements disagree, naming every value and where it stands. */
function conflict(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  subject: string,
  statements: readonly (Statement | undefined)[],
  fix: string,
  severity?: 'warning' | 'info',
): Finding | undefined {
  const present = statements.filter((s): s is Statement => s !== undefined);
  if (present.length < 2) return undefined;
  const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(2);
  if (groups(present, tol).length < 2) return undefined;
  const values: Record<string, string> = {};
  for (const s of present) values[s.paths.join('+')] = fmtWan(s.value);
  return emit(ctx, check, {
    severity,
    message: `${subject}在报告中前后不一：${present.map(say).join('；')}。`,
    paths: present.flatMap((s) => s.paths),
    values,
    fix,
  });
}

function sumStatement(ev: Evaluation, paths: readonly string[], label: string): Statement | undefined {
  const figs = paths.map((p) => amt(valueAt(ev, p) as Figure | undefined));
  if (figs.some((f) => f === undefined)) return undefined;
  const value = figs.reduce<Dec>((acc, f) => acc.plus(f ?? 0), new Dec(0));
  return { paths: [...paths], value, describe: () => `${label}${fmtWan(value)}万元` };
}

/** The prose states project money as zero (or says nothing of it but a zero): its basic figures are the whole. */
function proseProjectIsZero(ev: Evaluation): boolean {
  const p = ev.finances.project;
  const figs = [p.initialBudget, p.adjustedBudget, p.expenditure].filter((f): f is Figure => f !== undefined);
  return figs.length > 0 && figs.every((f) => amt(f)?.isZero() === true);
}

/** The prose's whole-department amount of a kind: basic + project, or basic alone when project is stated as 0. */
function proseTotal(ev: Evaluation, kind: 'initialBudget' | 'adjustedBudget', label: string): Statement | undefined {
  const basicPath = `finances.basic.${kind}`;
  const projectPath = `finances.project.${kind}`;
  if (amt(ev.finances.basic[kind]) === undefined) return undefined;
  if (amt(ev.finances.project[kind]) !== undefined) {
    return sumStatement(ev, [basicPath, projectPath], `报告正文基本支出与项目支出的${label}合计`);
  }
  if (proseProjectIsZero(ev)) {
    const s = stated(ev, basicPath);
    if (s) s.note = '（正文所写项目支出为0，基本支出即全部）';
    return s;
  }
  return undefined;
}

/** The 年度资金总额 columns that the one-figure-per-line 按支出性质分 split adds up to. */
function splitMatches(ctx: CheckContext): MoneyColumn[] {
  const se = ctx.evaluation.selfEvaluation;
  if (!se) return [];
  const parts = [se.byNature.basic, se.byNature.project].map((r) => {
    const c = singleColumn(r);
    return c ? amt(r?.[c]) : undefined;
  });
  if (parts.every((p) => p === undefined)) return [];
  const sum = parts.reduce<Dec>((acc, p) => acc.plus(p ?? 0), new Dec(0));
  const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(3);
  return MONEY_COLUMNS.filter((c) => {
    const total = amt(se.funding[c]);
    return total !== undefined && !differ(total, sum, tol);
  });
}

/**
 * A 自评表 figure whose column is unknown (a one-figure-per-line split): it must equal at least one of the
 * figures the other places state for the same thing.
 */
function unmatched(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  subject: string,
  path: string,
  others: readonly string[],
): Finding | undefined {
  const ev = ctx.evaluation;
  const mine = stated(ev, path);
  const theirs = others.map((p) => stated(ev, p)).filter((s): s is Statement => s !== undefined);
  if (!mine || theirs.length === 0) return undefined;
  const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(2);
  if (theirs.some((t) => !differ(t.value, mine.value, tol))) return undefined;
  return emit(ctx, check, {
    message: `${say(mine)}，与${theirs.map(say).join('、')}都不一致。`,
    paths: [path, ...theirs.flatMap((t) => t.paths)],
    fix: `自评表按支出性质分的${subject}应与正文、基础数据表的${subject}预算数或决算数一致。`,
  });
}

const BUDGET_NAME = /预算/;

/** The prose states a project budget of its own. */
function hasOwnProse(ev: Evaluation): boolean {
  return amt(ev.finances.project.initialBudget) !== undefined || amt(ev.finances.project.adjustedBudget) !== undefined;
}

const initialBudget: Check = {
  id: 'xtable.initial-budget',
  family: 'crossTable',
  severity: 'error',
  title: '年初预算数在报告正文、自评表和成本指标中不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const statements = [
      stated(ev, 'selfEvaluation.funding.initialBudget'),
      proseTotal(ev, 'initialBudget', '年初预算数'),
    ];
    const indicators = realIndicators(ev)
      .filter((r) => (r.ind.subcategoryKey === 'cost' || r.ind.categoryKey === 'cost') && BUDGET_NAME.test(r.ind.name))
      .map((r) => stated(ev, `${r.path}.target`))
      .filter((s): s is Statement => s !== undefined && s.value.gt(0));
    const fix = '年初预算数以预算批复为准，正文、自评表及成本指标的目标值应一致。';
    const main = conflict(ctx, this, '年初预算数', [...statements, ...indicators], fix);
    if (!main) return [];
    // only a cost indicator's target disagrees: a warning, not an error
    const tables = statements.filter((s): s is Statement => s !== undefined);
    const tablesAgree =
      tables.length < 2 || groups(tables, D(thresholdsOf(ctx.profile).amountTolerance).mul(2)).length < 2;
    if (tablesAgree) main.severity = 'warning';
    return [main];
  },
};

const adjustedBudget: Check = {
  id: 'xtable.adjusted-budget',
  family: 'crossTable',
  severity: 'error',
  title: '全年预算数在报告正文与自评表中不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const f = conflict(
      ctx,
      this,
      '全年预算数（调整后预算数）',
      [stated(ev, 'selfEvaluation.funding.adjustedBudget'), proseTotal(ev, 'adjustedBudget', '全年预算数')],
      '全年预算数以调整后的预算批复为准，正文与自评表应一致。',
    );
    return f ? [f] : [];
  },
};

const expenditure: Check = {
  id: 'xtable.expenditure',
  family: 'crossTable',
  severity: 'error',
  title: '自评表全年执行数与报告正文的本年支出（决算数）不一致',
  rules: ['R-7.12'],
  run(ctx) {
    const ev = ctx.evaluation;
    const fin = ev.finances;
    const parts =
      fin.basic.expenditure && fin.project.expenditure
        ? sumStatement(
            ev,
            ['finances.basic.expenditure', 'finances.project.expenditure'],
            '报告正文基本支出与项目支出合计',
          )
        : undefined;
    const total = stated(ev, 'finances.expenditure');
    const f = conflict(
      ctx,
      this,
      '全年支出（执行数）',
      [stated(ev, 'selfEvaluation.funding.executed'), total ?? parts],
      '全年执行数应与部门决算的本年支出一致，请以决算数为准统一修改。',
    );
    return f ? [f] : [];
  },
};

const threePublicCosts: Check = {
  id: 'xtable.three-public-costs',
  family: 'crossTable',
  severity: 'error',
  title: '“三公”经费在报告正文与基础数据表中不一致',
  rules: ['R-7.12', 'R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    const tp = ev.finances.threePublicCosts;
    const out: Finding[] = [];
    const fix = '“三公”经费以部门预算批复和决算为准，正文与基础数据表应一致。';
    const pair = (subject: string, prose: string, table: string): void => {
      const f = conflict(ctx, this, subject, [stated(ev, prose), stated(ev, table)], fix);
      if (f) out.push(f);
    };
    pair('“三公”经费预算数', 'finances.threePublicCosts.budget', 'basicData.threePublicCosts.total.currentBudget');
    pair('“三公”经费实际支出', 'finances.threePublicCosts.actual', 'basicData.threePublicCosts.total.currentFinal');
    // the prose breaks down the figure it states: the budget when it gives one, else the spending
    const col = tp.budget ? 'currentBudget' : 'currentFinal';
    const what = tp.budget ? '预算数' : '实际支出';
    pair(
      `公务接待费${what}`,
      'finances.threePublicCosts.officialReception',
      `basicData.threePublicCosts.officialReception.${col}`,
    );
    pair(
      `公务用车购置及运行费${what}`,
      'finances.threePublicCosts.officialVehicles',
      `basicData.threePublicCosts.officialVehicles.${col}`,
    );
    pair(
      `出国（境）经费${what}`,
      'finances.threePublicCosts.overseasTravel',
      `basicData.threePublicCosts.overseasTravel.${col}`,
    );
    return out;
  },
};

const projectExpenditure: Check = {
  id: 'xtable.project-expenditure',
  family: 'crossTable',
  severity: 'error',
  title: '项目支出在报告正文、基础数据表和自评表中不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const fix = '项目支出的预算数和决算数在正文、基础数据表与自评表中应一致，请以预算批复和决算为准统一修改。';
    const p = ev.finances.project;
    const nat = ev.selfEvaluation?.byNature.project;
    // a one-figure-per-line 自评表 split does not say its column: it is compared with every figure below
    const single = isSingleValueSplit([ev.selfEvaluation?.byNature.basic, nat]);
    // budgets: 基础数据表 本年预算数, the prose's, the 自评表's, and what the 自评表 totals leave for projects
    const budgets: (Statement | undefined)[] = [
      stated(ev, 'basicData.projectExpenditure.total.currentBudget'),
      stated(ev, p.adjustedBudget ? 'finances.project.adjustedBudget' : 'finances.project.initialBudget'),
      nat && !single
        ? stated(
            ev,
            nat.adjustedBudget
              ? 'selfEvaluation.byNature.project.adjustedBudget'
              : 'selfEvaluation.byNature.project.initialBudget',
          )
        : undefined,
    ];
    // which columns of the 年度资金总额 the one-figure-per-line split adds up to
    const splitColumns = single ? splitMatches(ctx) : [];
    const col = single ? singleColumn(nat) : undefined;
    const splitStatement = col ? stated(ev, `selfEvaluation.byNature.project.${col}`) : undefined;
    if (splitStatement && (splitColumns.includes('adjustedBudget') || splitColumns.includes('initialBudget'))) {
      splitStatement.note = '（自评表按支出性质分的合计与年度资金总额的预算数相符，故为预算数）';
      budgets.push(splitStatement);
    }
    const hasOwn = budgets.slice(1).some((s) => s !== undefined);
    const total = amt(ev.selfEvaluation?.funding.adjustedBudget);
    const basicPath = ev.finances.basic.adjustedBudget
      ? 'finances.basic.adjustedBudget'
      : single
        ? undefined
        : 'selfEvaluation.byNature.basic.adjustedBudget';
    const basicFig = basicPath ? (valueAt(ev, basicPath) as Figure | undefined) : undefined;
    const basic = amt(basicFig);
    if (!hasOwn && basicPath && total !== undefined && basic !== undefined) {
      const implied = total.minus(basic);
      budgets.push({
        paths: ['selfEvaluation.funding.adjustedBudget', basicPath],
        value: implied,
        describe: () =>
          `${placeName(ev, 'selfEvaluation.funding.adjustedBudget')}${wanText(ev.selfEvaluation?.funding.adjustedBudget)}减去${placeName(ev, basicPath)}${wanText(basicFig)}，余下可用于项目支出的预算只有${fmtWan(implied)}万元${proseProjectIsZero(ev) ? '（正文也写项目支出为0）' : ''}`,
      });
    }
    let b = conflict(ctx, this, '项目支出预算数', budgets, fix);
    // the prose gives only a zero project spending and no budget: it sides with the zero, say so
    if (b && !hasOwnProse(ev) && proseProjectIsZero(ev)) {
      const zero = stated(ev, 'finances.project.expenditure');
      if (zero) {
        zero.note = '（正文未列项目支出预算）';
        b = conflict(ctx, this, '项目支出预算数', [...budgets, zero], fix);
      }
    }
    if (b) out.push(b);
    const finals = conflict(
      ctx,
      this,
      '项目支出决算数',
      [
        stated(ev, 'basicData.projectExpenditure.total.currentFinal'),
        stated(ev, 'finances.project.expenditure'),
        single
          ? splitColumns.includes('executed') && !splitColumns.includes('adjustedBudget') && col
            ? stated(ev, `selfEvaluation.byNature.project.${col}`)
            : undefined
          : stated(ev, 'selfEvaluation.byNature.project.executed'),
      ],
      fix,
    );
    if (finals) out.push(finals);
    if (col && splitColumns.length === 0) {
      const f = unmatched(ctx, this, '项目支出', `selfEvaluation.byNature.project.${col}`, [
        'basicData.projectExpenditure.total.currentBudget',
        'basicData.projectExpenditure.total.currentFinal',
        'finances.project.initialBudget',
        'finances.project.adjustedBudget',
        'finances.project.expenditure',
      ]);
      if (f) out.push(f);
    }
    return out;
  },
};

const basicExpenditure: Check = {
  id: 'xtable.basic-expenditure',
  family: 'crossTable',
  severity: 'error',
  title: '基本支出在报告正文与自评表中不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const nature = ev.selfEvaluation?.byNature;
    if (!nature?.basic) return [];
    const out: Finding[] = [];
    const fix = '基本支出的预算数和支出数在正文与自评表中应一致。';
    if (isSingleValueSplit([nature.basic, nature.project])) {
      const col = singleColumn(nature.basic);
      const f = col
        ? unmatched(ctx, this, '基本支出', `selfEvaluation.byNature.basic.${col}`, [
            'finances.basic.initialBudget',
            'finances.basic.adjustedBudget',
            'finances.basic.expenditure',
          ])
        : undefined;
      return f ? [f] : [];
    }
    const pairs = [
      ['基本支出年初预算数', 'finances.basic.initialBudget', 'selfEvaluation.byNature.basic.initialBudget'],
      ['基本支出全年预算数', 'finances.basic.adjustedBudget', 'selfEvaluation.byNature.basic.adjustedBudget'],
      ['基本支出本年支出', 'finances.basic.expenditure', 'selfEvaluation.byNature.basic.executed'],
    ] as const;
    for (const [subject, a, b] of pairs) {
      const f = conflict(ctx, this, subject, [stated(ev, a), stated(ev, b)], fix);
      if (f) out.push(f);
    }
    return out;
  },
};

const costIndicator: Check = {
  id: 'xtable.cost-indicator',
  family: 'crossTable',
  severity: 'warning',
  title: '成本指标（“三公”经费、公用经费、政府采购、项目支出）与基础数据表对应行不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    const out: Finding[] = [];
    const rows: [RegExp, string, string][] = [
      [/三公/, 'basicData.threePublicCosts.total', '“三公”经费'],
      [/公用经费/, 'basicData.publicFunds.total', '公用经费'],
      [/政府采购/, 'basicData.governmentProcurement', '政府采购'],
      [/项目支出/, 'basicData.projectExpenditure.total', '项目支出'],
    ];
    for (const r of realIndicators(ev)) {
      if (r.ind.subcategoryKey !== 'cost' && r.ind.categoryKey !== 'cost') continue;
      const row = rows.find(([re]) => re.test(r.ind.name));
      if (!row) continue;
      const [, rowPath, what] = row;
      const fix = `成本指标“${r.ind.name}”应与基础数据表“${what}”行的预算数、决算数口径一致。`;
      const t = conflict(
        ctx,
        this,
        `${what}预算（成本指标目标值）`,
        [stated(ev, `${r.path}.target`), stated(ev, `${rowPath}.currentBudget`)],
        fix,
      );
      const a = conflict(
        ctx,
        this,
        `${what}实际支出（成本指标完成值）`,
        [stated(ev, `${r.path}.actual`), stated(ev, `${rowPath}.currentFinal`)],
        fix,
      );
      if (t) out.push(t);
      if (a) out.push(a);
    }
    return out;
  },
};

const staffing: Check = {
  id: 'xtable.staffing',
  family: 'crossTable',
  severity: 'error',
  title: '编制数、实有人数在报告正文与基础数据表中不一致',
  rules: ['R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    const out: Finding[] = [];
    const pairs = [
      ['编制数', 'organisation.authorizedStaff', 'basicData.staffing.authorizedStaff'],
      ['实有人数', 'organisation.actualStaff', 'basicData.staffing.actualStaff'],
    ] as const;
    for (const [subject, a, b] of pairs) {
      const fa = valueAt(ev, a) as Figure | undefined;
      const fb = valueAt(ev, b) as Figure | undefined;
      const na = num(fa);
      const nb = num(fb);
      if (na === undefined || nb === undefined || na.eq(nb)) continue;
      out.push(
        emit(ctx, this, {
          message: `${subject}前后不一：${placeName(ev, a)}为${fa?.text}，${placeName(ev, b)}为${fb?.text}。`,
          paths: [a, b],
          fix: `${subject}以编制部门核定数和年末实有数为准，正文与基础数据表应一致。`,
        }),
      );
    }
    return out;
  },
};

const totalScore: Check = {
  id: 'xtable.total-score',
  family: 'crossTable',
  severity: 'error',
  title: '报告正文的自评分数与自评表总分不一致',
  rules: ['R-7.9'],
  run(ctx) {
    const ev = ctx.evaluation;
    const a = num(ev.selfReported.total);
    const b = num(ev.selfEvaluation?.totalScore);
    if (a === undefined || b === undefined || !differ(a, b, D(ctx.profile.scoreTolerance))) return [];
    return [
      emit(ctx, this, {
        message: `${placeName(ev, 'selfReported.total')}为${fmtNum(a)}分，${placeName(ev, 'selfEvaluation.totalScore')}为${fmtNum(b)}分。`,
        paths: ['selfReported.total', 'selfEvaluation.totalScore'],
        fix: '正文的自评分数应与自评表总分一致。',
      }),
    ];
  },
};

const grade: Check = {
  id: 'xtable.grade',
  family: 'crossTable',
  severity: 'error',
  title: '报告正文的评价等次与自评表的等次不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const a = ev.selfReported.grade;
    const b = ev.selfEvaluation?.grade;
    if (!a || !b) return [];
    const ga = parseGrade(a, ctx.profile);
    const gb = parseGrade(b, ctx.profile);
    if (ga && gb ? ga.code === gb.code : a.trim() === b.trim()) return [];
    return [
      emit(ctx, this, {
        message: `${placeName(ev, 'selfReported.grade')}为“${a}”，${placeName(ev, 'selfEvaluation.grade')}为“${b}”。`,
        paths: ['selfReported.grade', 'selfEvaluation.grade'],
        fix: '正文与自评表的等次应一致，并与总分所在分档相符。',
      }),
    ];
  },
};

/** A unit name without padding and brackets, for comparison. */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000\u00a0:：（）()“”"]/g, '');
}

/** The unit's name as the report's title gives it: what stands before "<year>年". */
export function unitNameFromTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const m = /^(.+?)(?:(?:19|20)\d{2}\s*年|关于)/.exec(title.replace(/[\s\u3000]/g, ''));
  return m?.[1];
}

const unitName: Check = {
  id: 'xtable.unit-name',
  family: 'crossTable',
  severity: 'warning',
  title: '单位名称在报告标题与两张附表中写法不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const names: { path: string; name: string }[] = [];
    const own = ev.unit.name ?? unitNameFromTitle(ev.title);
    if (own) names.push({ path: ev.unit.name ? 'unit.name' : 'title', name: own });
    const bd = ev.basicData?.meta.unitName;
    if (bd && normaliseName(bd) !== '') names.push({ path: 'basicData.meta.unitName', name: bd });
    const se = ev.selfEvaluation?.meta.unitName;
    if (se && normaliseName(se) !== '') names.push({ path: 'selfEvaluation.meta.unitName', name: se });
    const distinct = [...new Set(names.map((n) => normaliseName(n.name)))];
    if (distinct.length < 2) return [];
    // one name ends with every other: the same unit with or without its city/county prefix
    const longest = distinct.reduce((a, b) => (b.length > a.length ? b : a));
    const prefixVariant = distinct.every((n) => longest.endsWith(n));
    return [
      emit(ctx, this, {
        severity: prefixVariant ? 'info' : undefined,
        message: `单位名称写法不一致：${names.map((n) => `${placeName(ev, n.path)}为“${n.name.trim()}”`).join('，')}${
          prefixVariant ? '（仅是否冠以上级行政区划的差别）' : ''
        }。`,
        paths: names.map((n) => n.path),
        fix: '报告标题、基础数据表“填报单位”和自评表“预算单位名称”应统一使用单位全称。',
      }),
    ];
  },
};

const year: Check = {
  id: 'xtable.year',
  family: 'crossTable',
  severity: 'error',
  title: '报告年度与标题、附表栏目中的年度不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const titleYear = ev.title ? yearsIn(ev.title)[0] : undefined;
    const y = ev.year ?? titleYear;
    if (y === undefined) return [];
    if (ev.year !== undefined && titleYear !== undefined && titleYear !== ev.year) {
      out.push(
        emit(ctx, this, {
          message: `报告标题写的是${titleYear}年，而报告年度为${ev.year}年。`,
          paths: ['title', 'year'],
          fix: '统一报告标题与报告内容的年度。',
        }),
      );
    }
    const labels = ev.basicData?.columnLabels;
    if (labels) {
      const expect = { previousFinal: y - 1, currentBudget: y, currentFinal: y } as const;
      for (const col of ['previousFinal', 'currentBudget', 'currentFinal'] as const) {
        const text = labels[col];
        const got = text ? yearsIn(asciiDigits(text))[0] : undefined;
        if (got === undefined || got === expect[col]) continue;
        out.push(
          emit(ctx, this, {
            message: `基础数据表的栏目“${text}”写的是${got}年，${y}年度的报告中这一栏应为${expect[col]}年。`,
            paths: [`basicData.columnLabels.${col}`],
            values: { expectedYear: expect[col] },
            fix: `将栏目改为${expect[col]}年的数据。`,
          }),
        );
      }
    }
    return out;
  },
};

function metaPair(
  ctx: CheckContext,
  check: Pick<Check, 'id' | 'severity'>,
  field: 'preparer' | 'preparedOn' | 'contactPhone',
  same: (a: string, b: string) => boolean,
  describe: (a: string, b: string) => string,
  fix: string,
): Finding[] {
  const ev = ctx.evaluation;
  const a = ev.basicData?.meta[field];
  const b = ev.selfEvaluation?.meta[field];
  if (!a || !b || a.trim() === '' || b.trim() === '' || same(a, b)) return [];
  return [
    emit(ctx, check, {
      message: describe(a.trim(), b.trim()),
      paths: [`basicData.meta.${field}`, `selfEvaluation.meta.${field}`],
      fix,
    }),
  ];
}

const preparer: Check = {
  id: 'xtable.preparer',
  family: 'crossTable',
  severity: 'info',
  title: '两张附表的填表人不一致',
  run(ctx) {
    return metaPair(
      ctx,
      this,
      'preparer',
      (a, b) => a.replace(/\s/g, '') === b.replace(/\s/g, ''),
      (a, b) => `基础数据表的填表人为“${a}”，自评表的填表人为“${b}”。`,
      '如确为不同人员填写，可不修改；否则请统一。',
    );
  },
};

const preparedOn: Check = {
  id: 'xtable.prepared-on',
  family: 'crossTable',
  severity: 'info',
  title: '两张附表的填报日期不一致',
  run(ctx) {
    return metaPair(
      ctx,
      this,
      'preparedOn',
      (a, b) => {
        const da = parseDate(a);
        const db = parseDate(b);
        return da && db ? da.year === db.year && da.month === db.month && da.day === db.day : a === b;
      },
      (a, b) => `基础数据表的填报日期为“${a}”，自评表的填报日期为“${b}”。`,
      '同一份报告的附表通常同日填报，请核实。',
    );
  },
};

function digits(s: string): string {
  return asciiDigits(s).replace(/\D/g, '');
}

const contactPhone: Check = {
  id: 'xtable.contact-phone',
  family: 'crossTable',
  severity: 'warning',
  title: '两张附表的联系电话不一致',
  run(ctx) {
    return metaPair(
      ctx,
      this,
      'contactPhone',
      (a, b) => digits(a) === digits(b),
      (a, b) => {
        const da = digits(a);
        const db = digits(b);
        const diffs = da.length === db.length ? [...da].filter((c, i) => c !== db[i]).length : -1;
        return `基础数据表的联系电话为“${a}”，自评表的联系电话为“${b}”${diffs === 1 ? '，只差一位数字，可能是笔误' : ''}。`;
      },
      '核实正确的联系电话，两张表统一填写。',
    );
  },
};

export const crossTableChecks: readonly Check[] = [
  initialBudget,
  adjustedBudget,
  expenditure,
  threePublicCosts,
  projectExpenditure,
  basicExpenditure,
  costIndicator,
  staffing,
  totalScore,
  grade,
  unitName,
  year,
  preparer,
  preparedOn,
  contactPhone,
];
