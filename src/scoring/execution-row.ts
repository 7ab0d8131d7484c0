import type { Evaluation, Figure } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { DEC } from './arith.js';
import type { Arith } from './arith.js';
import { fromUnits } from './exact.js';
import { FIX, Fallback } from './fixed.js';
import type { ScoredRow } from './indicator.js';
import { isNumber, pointsOf, short } from './indicator.js';
import { executionWith } from './rules/execution.js';
import type { ScoreFlag } from './types.js';

/** An amount in 万元 (a bare number is in 万元, as the forms' headings say), or undefined. */
function wanOf<N, R>(E: Arith<N, R>, f: Figure | undefined): N | undefined {
  if (!isNumber(f)) return undefined;
  const unit = f.q.unit;
  return unit === undefined || unit === '万元' ? E.num(f.q.value) : E.wan(f.q.value, unit);
}

/** The sum of the parts that are present, and how it was made (zh-CN), or undefined when none is. */
function sumOf<N, R>(
  E: Arith<N, R>,
  parts: readonly (readonly [string, Figure | undefined])[],
): { total: N; text: string } | undefined {
  let total: N | undefined;
  let text = '';
  for (const [label, f] of parts) {
    const v = wanOf(E, f);
    if (v === undefined) continue;
    total = E.add(total ?? E.zero, v);
    text += `${text === '' ? '' : ' + '}${label} ${E.plain(v)} 万元`;
  }
  return total === undefined ? undefined : { total, text };
}

/**
 * R-2 the 预算执行率 row: from the 自评表's 年度资金总额 line; a figure missing there is taken from the
 * report's prose (evaluation.finances: 基本支出 + 项目支出, 本年支出) and the formula says so.
 * Weight: the row's stated 分值, else the profile's; a mismatch is noted and flagged. Computed on the integer
 * engine, or on decimal.js when that cannot vouch for an exact result; both give the same bytes.
 */
export function scoreExecutionRow(evaluation: Evaluation, profile: RuleProfile): ScoredRow {
  const f = evaluation.selfEvaluation?.funding;
  if (f !== undefined && !(short(f[profile.execution.base]) && short(f.executed) && short(f.weight) && short(f.score)))
    return executionRowWith(DEC, evaluation, profile);
  try {
    return executionRowWith(FIX, evaluation, profile);
  } catch (e) {
    if (e instanceof Fallback) return executionRowWith(DEC, evaluation, profile);
    throw e;
  }
}

/** The 预算执行率 row on the given engine (see scoreExecutionRow). */
export function executionRowWith<N, R>(E: Arith<N, R>, evaluation: Evaluation, profile: RuleProfile): ScoredRow {
  const places = profile.rounding;
  const rule = profile.execution;
  const funding = evaluation.selfEvaluation?.funding;
  const fin = evaluation.finances;
  const baseName = rule.base === 'adjustedBudget' ? '全年预算数' : '年初预算数';
  const flags: ScoreFlag[] = [];
  const notes: string[] = [];
  const inputs: Record<string, string> = { baseKind: rule.base };

  let base = wanOf(E, funding?.[rule.base]);
  if (base === undefined) {
    const found = sumOf(E, [
      [`基本支出${baseName}`, fin.basic[rule.base]],
      [`项目支出${baseName}`, fin.project[rule.base]],
    ]);
    if (found) {
      base = found.total;
      flags.push('narrativeFallback');
      notes.push(`自评表未填${baseName}，取报告正文：${found.text}`);
      inputs.baseSource = 'finances';
    }
  }
  let executed = wanOf(E, funding?.executed);
  if (executed === undefined) {
    const found = fin.expenditure
      ? sumOf(E, [['本年支出', fin.expenditure]])
      : sumOf(E, [
          ['基本支出', fin.basic.expenditure],
          ['项目支出', fin.project.expenditure],
        ]);
    if (found) {
      executed = found.total;
      if (!flags.includes('narrativeFallback')) flags.push('narrativeFallback');
      notes.push(`自评表未填全年执行数，取报告正文：${found.text}`);
      inputs.executedSource = 'finances';
    }
  }

  const stated = pointsOf(funding?.weight);
  const profileWeight = String(profile.weights.execution);
  const weightText = stated ?? profileWeight;
  inputs.weight = weightText;
  inputs.weightSource = stated === undefined ? 'profile' : 'selfEvaluation';
  if (stated !== undefined && E.cmp(E.num(stated), E.num(profileWeight)) !== 0) {
    flags.push('weightMismatch');
    inputs.profileWeight = profileWeight;
    notes.push(`自评表分值 ${stated} 与规则“${profile.name}”的 ${profileWeight} 分不一致，按自评表分值计`);
  }
  const selfText = pointsOf(funding?.score);
  if (selfText !== undefined) inputs.selfScore = selfText;
  const weightValue = E.num(weightText);
  const weightUnits = E.pointUnits(weightValue, weightText, places);
  const selfUnits = selfText === undefined ? null : E.pointUnits(E.num(selfText), selfText, places);
  if (base !== undefined) inputs.base = E.plain(base);
  if (executed !== undefined) inputs.executed = E.plain(executed);

  const path = inputs.baseSource && inputs.executedSource ? 'finances' : 'selfEvaluation.funding';
  const weight = fromUnits(weightUnits, places);
  const selfScore = selfUnits === null ? null : fromUnits(selfUnits, places);

  let reason: string | undefined;
  if (base === undefined) reason = `未填写${baseName}（自评表与报告正文均无），无法计算执行率`;
  else if (E.neg(base) || E.isZero(base)) reason = `${baseName}为 ${E.plain(base)} 万元，无法计算执行率`;
  else if (executed === undefined) reason = '未填写全年执行数（自评表与报告正文均无），无法计算执行率';
  if (reason !== undefined || base === undefined || executed === undefined) {
    const why = reason ?? '无法计分';
    return {
      item: {
        path,
        label: '预算执行率',
        method: 'unscorable',
        formula: `无法计分：${why}`,
        inputs,
        weight,
        recomputed: null,
        selfScore,
        difference: null,
        unscorableReason: why,
        flags,
      },
      weightUnits,
      scoreUnits: null,
      selfUnits,
    };
  }

  const a = inputs.executed!;
  const t = inputs.base!;
  const shown = { actual: `全年执行数 ${a} 万元`, target: `${baseName} ${t} 万元`, a, t, w: weightText };
  const result = executionWith(E, executed, base, weightValue, rule, places, shown);
  inputs.rate = E.ratePlain(result.rate);
  const scoreUnits = E.units(result.score, result.scoreText, places);
  const text = result.formula;
  return {
    item: {
      path,
      label: '预算执行率',
      method: result.method,
      formula: notes.length === 0 ? text : `${text}（${notes.join('；')}）`,
      inputs,
      weight,
      recomputed: fromUnits(scoreUnits, places),
      selfScore,
      difference: selfUnits === null ? null : fromUnits(selfUnits - scoreUnits, places),
      flags: result.flags.concat(flags),
    },
    weightUnits,
    scoreUnits,
    selfUnits,
  };
}
