import { amountInWan } from '../model/index.js';
import type { Dec, Evaluation, Figure } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { ZERO, dec, fromUnits, plain, toUnits, unitsOf } from './exact.js';
import type { ScoredRow } from './indicator.js';
import { isNumber, pointsOf } from './indicator.js';
import { scoreExecution } from './rules/execution.js';
import type { ScoreFlag } from './types.js';

/** An amount in 万元 (a bare number is in 万元, as the forms' headings say), or undefined. */
function wanOf(f: Figure | undefined): Dec | undefined {
  if (!isNumber(f)) return undefined;
  return f.q.unit === undefined || f.q.unit === '万元' ? dec(f.q.value) : amountInWan(f);
}

/** The sum of the parts that are present, and how it was made (zh-CN), or undefined when none is. */
function sumOf(parts: readonly (readonly [string, Figure | undefined])[]): { total: Dec; text: string } | undefined {
  const found: [string, Dec][] = [];
  for (const [label, f] of parts) {
    const v = wanOf(f);
    if (v !== undefined) found.push([label, v]);
  }
  if (found.length === 0) return undefined;
  return {
    total: found.reduce((acc, [, v]) => acc.plus(v), ZERO),
    text: found.map(([label, v]) => `${label} ${plain(v)} 万元`).join(' + '),
  };
}

/**
 * R-2 the 预算执行率 row: from the 自评表's 年度资金总额 line; a figure missing there is taken from the
 * report's prose (evaluation.finances: 基本支出 + 项目支出, 本年支出) and the formula says so.
 * Weight: the row's stated 分值, else the profile's; a mismatch is noted and flagged.
 */
export function scoreExecutionRow(evaluation: Evaluation, profile: RuleProfile): ScoredRow {
  const places = profile.rounding;
  const rule = profile.execution;
  const funding = evaluation.selfEvaluation?.funding;
  const fin = evaluation.finances;
  const baseName = rule.base === 'adjustedBudget' ? '全年预算数' : '年初预算数';
  const flags: ScoreFlag[] = [];
  const notes: string[] = [];
  const inputs: Record<string, string> = { baseKind: rule.base };

  let base = wanOf(funding?.[rule.base]);
  if (base === undefined) {
    const found = sumOf([
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
  let executed = wanOf(funding?.executed);
  if (executed === undefined) {
    const found = fin.expenditure
      ? sumOf([['本年支出', fin.expenditure]])
      : sumOf([
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
  if (stated !== undefined && !dec(stated).eq(dec(profileWeight))) {
    flags.push('weightMismatch');
    inputs.profileWeight = profileWeight;
    notes.push(`自评表分值 ${stated} 与规则“${profile.name}”的 ${profileWeight} 分不一致，按自评表分值计`);
  }
  const selfText = pointsOf(funding?.score);
  if (selfText !== undefined) inputs.selfScore = selfText;
  const weightUnits = unitsOf(weightText, places);
  const selfUnits = selfText === undefined ? null : unitsOf(selfText, places);
  if (base !== undefined) inputs.base = plain(base);
  if (executed !== undefined) inputs.executed = plain(executed);

  const path = inputs.baseSource && inputs.executedSource ? 'finances' : 'selfEvaluation.funding';
  const weight = fromUnits(weightUnits, places);
  const selfScore = selfUnits === null ? null : fromUnits(selfUnits, places);

  let reason: string | undefined;
  if (base === undefined) reason = `未填写${baseName}（自评表与报告正文均无），无法计算执行率`;
  else if (!base.isPositive() || base.isZero()) reason = `${baseName}为 ${plain(base)} 万元，无法计算执行率`;
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

  const a = plain(executed);
  const t = plain(base);
  const shown = { actual: `全年执行数 ${a} 万元`, target: `${baseName} ${t} 万元`, a, t, w: weightText };
  const result = scoreExecution(executed, base, dec(weightText), rule, places, shown);
  inputs.rate = plain(result.rate);
  const scoreUnits = toUnits(result.scoreText, places);
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
