import type { Figure } from '../model/index.js';
import { Dec, ratioOf } from '../model/index.js';
import type { Breakdown, ProseNumber } from './claims.js';
import { excerpt, executionRateClaims, proseBreakdowns, proseSentences, scoreClaims } from './claims.js';
import { placeName } from './labels.js';
import { RATE_NAME } from './structure.js';
import { thresholdsOf } from './thresholds.js';
import type { Check, Finding } from './types.js';
import { amt, D, differ, emit, fmtNum, fmtPct, num, realIndicators, valueAt, wanText, yearsIn } from './util.js';

// Narrative vs tables: claims in the prose (a number with its unit and subject) checked against the tables
// and against each other.

const MONEY_UNITS = new Set(['万元', '元', '亿元', '千元']);

function show(n: ProseNumber): string {
  return n.text.replace(/^(近|约|超过|超|逾|不到|不足)/, '');
}

function sectionPath(section: number): string {
  return `narrative.sections.${section}`;
}

/** The finding a breakdown deserves, if any: severity and what is wrong. */
export function judgeBreakdown(
  b: Breakdown,
  amountTolerance: number,
): { severity: 'error' | 'warning' | 'info'; over: boolean; sum: Dec; single?: ProseNumber } | undefined {
  if (b.parts.length === 0 || b.whole.unit === '%') return undefined;
  const tol = MONEY_UNITS.has(b.whole.unit) ? D(amountTolerance).mul(b.parts.length) : new Dec(0);
  const approx = b.whole.approx || b.parts.some((p) => p.approx);
  const sum = b.parts.reduce((acc, p) => acc.plus(p.value), new Dec(0));
  if (b.subset) {
    const single = b.parts.find((p) => !p.approx && !b.whole.approx && p.value.minus(b.whole.value).gt(tol));
    if (single) return { severity: 'error', over: true, sum, single };
    if (approx || b.parts.length < 2 || !differ(sum, b.whole.value, tol)) return undefined;
    if (sum.gt(b.whole.value)) return { severity: b.parts.length >= 3 ? 'error' : 'warning', over: true, sum };
    if (b.distant) return undefined;
    // below the whole: 其中 may list only some parts; a list of three or more is worth a note
    return b.parts.length >= 3 ? { severity: 'info', over: false, sum } : undefined;
  }
  if (approx || b.parts.length < 2 || !differ(sum, b.whole.value, tol)) return undefined;
  const over = sum.gt(b.whole.value);
  return { severity: over && b.parts.length >= 3 ? 'error' : 'warning', over, sum };
}

const partsSum: Check = {
  id: 'narr.parts-sum',
  family: 'narrative',
  severity: 'error',
  title: '正文中“共N个，其中a个、b个……”的分项之和与总数不符',
  run(ctx) {
    const ev = ctx.evaluation;
    const tol = thresholdsOf(ctx.profile).amountTolerance;
    const out: Finding[] = [];
    for (const b of proseBreakdowns(ev)) {
      const j = judgeBreakdown(b, tol);
      if (!j) continue;
      const path = sectionPath(b.section);
      const partsText = b.parts.map(show).join('＋');
      const message = j.single
        ? `${placeName(ev, path)}写“${excerpt(b)}”：其中的${show(j.single)}超过了总数${show(b.whole)}。`
        : j.over
          ? `${placeName(ev, path)}写“${excerpt(b)}”：分项${partsText}＝${fmtNum(j.sum)}${b.whole.unit}，超过了总数${show(b.whole)}。`
          : `${placeName(ev, path)}写“${excerpt(b)}”：分项${partsText}＝${fmtNum(j.sum)}${b.whole.unit}，比总数${show(b.whole)}少${fmtNum(b.whole.value.minus(j.sum))}${b.whole.unit}。`;
      out.push(
        emit(ctx, this, {
          severity: j.severity === 'error' ? undefined : j.severity,
          message,
          paths: [path],
          values: {
            sentence: b.sentence,
            whole: b.whole.text,
            parts: b.parts.map((p) => p.text).join('、'),
            sum: fmtNum(j.sum),
          },
          fix: j.over
            ? '核对各分项数字与总数，分项之和不能超过总数。'
            : '核对各分项数字与总数；若还有未列出的部分，请补充说明。',
        }),
      );
    }
    return out;
  },
};

/** The name an indicator counts by, without its unit and a trailing 数/数量 (发放宣传册数 → 发放宣传册). */
function countedName(name: string, unit: string | undefined): string {
  let key = name.replace(/[^\u4e00-\u9fff]/g, '').replace(/(数量|数|量)$/, '');
  if (unit && key.endsWith(unit)) key = key.slice(0, -unit.length);
  return key.replace(/(人次|人|次|个|篇|件|户|条|场|期|项)$/, '');
}

const indicatorVsProse: Check = {
  id: 'narr.indicator-vs-prose',
  family: 'narrative',
  severity: 'warning',
  title: '指标的实际完成值与正文所写的同一事项的总数不一致',
  run(ctx) {
    const ev = ctx.evaluation;
    const totals = proseBreakdowns(ev).filter(
      (b) =>
        (b.kind === 'total' || b.kind === 'qizhong') &&
        !b.whole.approx &&
        b.whole.unit !== '%' &&
        !MONEY_UNITS.has(b.whole.unit),
    );
    if (totals.length === 0) return [];
    const out: Finding[] = [];
    for (const r of realIndicators(ev)) {
      const a = r.ind.actual;
      if (a?.q.kind !== 'number' || /\d/.test(r.ind.name) || RATE_NAME.test(r.ind.name.trim())) continue;
      const unit = a.q.unit ?? (r.ind.unit?.trim() || undefined);
      if (unit === '%' || (unit !== undefined && MONEY_UNITS.has(unit))) continue;
      const key = countedName(r.ind.name, unit);
      let matches: Breakdown[] = [];
      for (let len = Math.min(key.length, 6); len >= 2 && matches.length === 0; len--) {
        const suffix = key.slice(-len);
        matches = totals.filter(
          (b) => b.whole.subject.includes(suffix) && (unit === undefined || b.whole.unit === unit),
        );
      }
      if (matches.length === 0) continue;
      const preferred = matches.some((b) => b.kind === 'total') ? matches.filter((b) => b.kind === 'total') : matches;
      const actual = new Dec(a.q.value);
      if (preferred.some((b) => b.whole.value.eq(actual))) continue;
      const b = preferred[0]!;
      const path = `${r.path}.actual`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, path)}为${a.text}，而${placeName(ev, sectionPath(b.section))}写“${b.whole.subject}${b.whole.text}”，所说的总数是${show(b.whole)}。`,
          paths: [path, sectionPath(b.section)],
          values: { prose: b.whole.text, sentence: b.sentence },
          fix: '实际完成值应与正文所述同一事项的全年数字一致（统计口径、截止时间相同）；请核实后统一。',
        }),
      );
    }
    return out;
  },
};

const selfScore: Check = {
  id: 'narr.self-score',
  family: 'narrative',
  severity: 'error',
  title: '正文多处写的自评分数互相矛盾，或与自评表总分不符',
  run(ctx) {
    const ev = ctx.evaluation;
    const reported = num(ev.selfReported.total);
    const table = num(ev.selfEvaluation?.totalScore);
    const against = reported ?? table;
    if (against === undefined) return [];
    const againstPath = reported !== undefined ? 'selfReported.total' : 'selfEvaluation.totalScore';
    const out: Finding[] = [];
    for (const c of scoreClaims(ev)) {
      if (!differ(c.value, against, D(ctx.profile.scoreTolerance))) continue;
      const path = sectionPath(c.section);
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, path)}写“${c.text}”，而${placeName(ev, againstPath)}为${fmtNum(against)}分。`,
          paths: [path, againstPath],
          values: { claim: c.text, sentence: c.sentence },
          fix: '全文的自评分数应一致，并等于自评表总分。',
        }),
      );
    }
    return out;
  },
};

const executionRateClaim: Check = {
  id: 'narr.execution-rate',
  family: 'narrative',
  severity: 'warning',
  title: '正文所写的预算执行率与表中数字算出的执行率不符',
  rules: ['R-2'],
  run(ctx) {
    const ev = ctx.evaluation;
    const claims = executionRateClaims(ev);
    if (claims.length === 0) return [];
    const rate = (n: string, d: string): Dec | undefined => {
      const a = amt(valueAt(ev, n) as Figure | undefined);
      const b = amt(valueAt(ev, d) as Figure | undefined);
      return a !== undefined && b !== undefined && !b.isZero() ? a.div(b) : undefined;
    };
    const base = ctx.profile.execution.base;
    const candidates: { what: string; value: Dec }[] = [];
    const add = (what: string, value: Dec | undefined): void => {
      if (value !== undefined) candidates.push({ what, value });
    };
    add('自评表全年执行数÷全年预算数', rate('selfEvaluation.funding.executed', `selfEvaluation.funding.${base}`));
    add('自评表所填执行率', ratioOf(ev.selfEvaluation?.funding.executionRate));
    add('基本支出的执行率', rate('finances.basic.expenditure', `finances.basic.${base}`));
    add('正文基本支出执行率', ratioOf(ev.finances.basic.executionRate));
    add('项目支出的执行率', rate('finances.project.expenditure', `finances.project.${base}`));
    add(
      '自评表基本支出执行率',
      rate('selfEvaluation.byNature.basic.executed', `selfEvaluation.byNature.basic.${base}`),
    );
    add(
      '自评表项目支出执行率',
      rate('selfEvaluation.byNature.project.executed', `selfEvaluation.byNature.project.${base}`),
    );
    if (candidates.length === 0) return [];
    const tol = D(thresholdsOf(ctx.profile).rateTolerance);
    const out: Finding[] = [];
    for (const c of claims) {
      if (candidates.some((k) => !differ(k.value, c.value, tol))) continue;
      const first = candidates[0]!;
      const path = sectionPath(c.section);
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, path)}写“${c.text}”，而按${first.what}计算为${fmtPct(first.value)}。`,
          paths: [path, 'selfEvaluation.funding.executed', `selfEvaluation.funding.${base}`],
          values: { claim: c.text, computed: fmtPct(first.value) },
          fix: '正文的执行率应按全年执行数÷全年预算数计算，与自评表一致。',
        }),
      );
    }
    return out;
  },
};

/** 基础数据表 lines the prose often restates but the importer does not read into `finances`. */
const PROSE_LINES = [
  { row: 'basicData.publicFunds.total', name: '公用经费', subject: /公用经费/ },
  { row: 'basicData.governmentProcurement', name: '政府采购', subject: /政府采购/ },
] as const;
const OTHER_LINES = /(三公|项目支出|基本支出|人员经费|公用经费|政府采购)/g;
const BUDGET_WORD = /预算/;
const NOT_BUDGET = /(执行|调整|追加|调减|差额|节约|结余)/;
const FINAL_WORD = /(实际|决算|支出|金额)/;
const NOT_FINAL = /(预算|上年|比|增加|减少|节约|差额|结余|下降|增长)/;

const lineAmounts: Check = {
  id: 'narr.line-amounts',
  family: 'narrative',
  severity: 'warning',
  title: '正文所写的公用经费、政府采购预算数或实际数与基础数据表不一致',
  rules: ['R-10'],
  run(ctx) {
    const ev = ctx.evaluation;
    if (!ev.basicData) return [];
    const tol = D(thresholdsOf(ctx.profile).amountTolerance).mul(2);
    const out: Finding[] = [];
    for (const line of PROSE_LINES) {
      const row = valueAt(ev, line.row) as { currentBudget?: Figure; currentFinal?: Figure } | undefined;
      if (!row) continue;
      for (const sentence of proseSentences(ev)) {
        if (!line.subject.test(sentence.text)) continue;
        // a sentence about this line only, and about the report's year
        const lines = new Set(sentence.text.match(OTHER_LINES) ?? []);
        if (lines.size > 1) continue;
        for (const n of sentence.numbers) {
          if (n.bracketed || !MONEY_UNITS.has(n.unit) || n.approx) continue;
          if (yearsIn(n.subject).some((y) => y !== ev.year)) continue;
          const kind =
            BUDGET_WORD.test(n.subject) && !NOT_BUDGET.test(n.subject)
              ? 'currentBudget'
              : FINAL_WORD.test(n.subject) && !NOT_FINAL.test(n.subject)
                ? 'currentFinal'
                : undefined;
          if (!kind) continue;
          const fig = row[kind];
          const table = amt(fig);
          if (table === undefined) continue;
          const prose =
            n.unit === '万元'
              ? n.value
              : n.unit === '元'
                ? n.value.div(10000)
                : n.unit === '亿元'
                  ? n.value.mul(10000)
                  : n.value.div(10);
          if (!differ(prose, table, tol)) continue;
          const path = sectionPath(sentence.section);
          const tablePath = `${line.row}.${kind}`;
          out.push(
            emit(ctx, this, {
              message: `${placeName(ev, path)}写${line.name}“${n.subject}${n.text}”，而${placeName(ev, tablePath)}为${wanText(fig)}。`,
              paths: [path, tablePath],
              values: { prose: n.text, sentence: sentence.text },
              fix: `正文与基础数据表的${line.name}${kind === 'currentBudget' ? '预算数' : '实际支出'}应一致，请核实后统一。`,
            }),
          );
        }
      }
    }
    return out;
  },
};

export const narrativeChecks: readonly Check[] = [
  partsSum,
  indicatorVsProse,
  selfScore,
  executionRateClaim,
  lineAmounts,
];
