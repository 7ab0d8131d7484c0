import { Dec, numberOf, type Evaluation, type Figure, type FieldPath } from '../../model/index.js';
import { formatWanExact, numbersIn, plainAmount, plainNumberText } from './format.js';
import type { ParagraphGenerator, ReportOutline } from './outlines.js';

/**
 * Paragraphs written from the Evaluation's figures, so that the prose states exactly what the tables and fields
 * hold. Each generator returns the text and the figures it states; a figure is "stated" when it is the report's own
 * prose figure (e.g. `finances.income`), and a "fallback" when the prose had none and a table figure of the same
 * meaning stands in for it (e.g. 本年支出 from the 自评表's 全年执行数).
 */
export interface GeneratedParagraph {
  text: string;
  figures: { path: FieldPath; figure: Figure; fallback: boolean }[];
  /** a word naming what the paragraph is about; the original sentences that mention it are replaced by it */
  subject?: string;
}

interface Clause {
  text: string;
  path: FieldPath;
  figure: Figure;
  fallback: boolean;
}

function yearOf(e: Evaluation): string {
  return e.year !== undefined ? `${e.year}年` : '本年';
}

/** "{label}{amount}万元" for a plain amount; undefined when the figure states none. */
function moneyClause(label: string, path: FieldPath, figure: Figure | undefined, fallback = false): Clause | undefined {
  const wan = plainAmount(figure);
  if (!figure || !wan) return undefined;
  return { text: `${label}${formatWanExact(wan)}万元`, path, figure, fallback };
}

/** The first figure present, with its path and whether it is a fallback. */
function pick(...candidates: [FieldPath, Figure | undefined, boolean][]): [FieldPath, Figure | undefined, boolean] {
  return candidates.find(([, f]) => plainAmount(f) !== undefined) ?? candidates[0] ?? ['', undefined, false];
}

function paragraph(prefix: string, clauses: (Clause | undefined)[], suffix = '。'): GeneratedParagraph | undefined {
  const present = clauses.filter((c): c is Clause => c !== undefined);
  if (present.length === 0) return undefined;
  return {
    text: `${prefix}${present.map((c) => c.text).join('，')}${suffix}`,
    figures: present.map(({ path, figure, fallback }) => ({ path, figure, fallback })),
  };
}

/** 人员编制情况: 编制人数 and 实有人数. */
export function staffingParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const staff = e.basicData?.staffing;
  const people = (
    label: string,
    own: [FieldPath, Figure | undefined],
    table: [FieldPath, Figure | undefined],
  ): Clause | undefined => {
    const fallback = plainNumberText(own[1]) === undefined;
    const [path, figure] = fallback ? table : own;
    const n = plainNumberText(figure);
    return n !== undefined && figure ? { text: `${label}${n}人`, path, figure, fallback } : undefined;
  };
  return paragraph('本单位', [
    people(
      '共有编制人数',
      ['organisation.authorizedStaff', e.organisation.authorizedStaff],
      ['basicData.staffing.authorizedStaff', staff?.authorizedStaff],
    ),
    people(
      '实有人数',
      ['organisation.actualStaff', e.organisation.actualStaff],
      ['basicData.staffing.actualStaff', staff?.actualStaff],
    ),
  ]);
}

/** 预算执行、使用、管理总体情况: 年初结转和结余, 本年收入, 本年支出, 年末结转和结余. */
export function budgetOverviewParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const f = e.finances;
  const spent = pick(
    ['finances.expenditure', f.expenditure, false],
    ['selfEvaluation.funding.executed', e.selfEvaluation?.funding.executed, true],
  );
  return paragraph(`${yearOf(e)}度，本单位`, [
    moneyClause('年初结转和结余', 'finances.openingBalance', f.openingBalance),
    moneyClause('本年收入', 'finances.income', f.income),
    moneyClause('本年支出', spent[0], spent[1], spent[2]),
    moneyClause('年末结转和结余', 'finances.closingBalance', f.closingBalance),
  ]);
}

/** 基本支出情况: 年初结转和结余, 年初预算数, 全年预算数, 本年支出, 预算执行率, 年末结转和结余. */
export function basicExpenditureParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const b = e.finances.basic;
  const nature = e.selfEvaluation?.byNature.basic;
  const adjusted = pick(
    ['finances.basic.adjustedBudget', b.adjustedBudget, false],
    ['selfEvaluation.byNature.basic.adjustedBudget', nature?.adjustedBudget, true],
  );
  const spent = pick(
    ['finances.basic.expenditure', b.expenditure, false],
    ['selfEvaluation.byNature.basic.executed', nature?.executed, true],
  );
  const rate: Clause | undefined =
    b.executionRate && b.executionRate.q.kind === 'number'
      ? {
          text: `预算执行率${b.executionRate.text}`,
          path: 'finances.basic.executionRate',
          figure: b.executionRate,
          fallback: false,
        }
      : undefined;
  return paragraph(`${yearOf(e)}基本支出`, [
    moneyClause('年初结转和结余', 'finances.basic.openingBalance', b.openingBalance),
    moneyClause('年初预算数', 'finances.basic.initialBudget', b.initialBudget),
    moneyClause('全年预算数', adjusted[0], adjusted[1], adjusted[2]),
    moneyClause('本年支出', spent[0], spent[1], spent[2]),
    rate,
    moneyClause('年末结转和结余', 'finances.basic.closingBalance', b.closingBalance),
  ]);
}

/** 项目支出情况: 年初预算数, 全年预算数, 本年支出. */
export function projectExpenditureParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const p = e.finances.project;
  const spent = pick(
    ['finances.project.expenditure', p.expenditure, false],
    ['basicData.projectExpenditure.total.currentFinal', e.basicData?.projectExpenditure.total?.currentFinal, true],
    ['selfEvaluation.byNature.project.executed', e.selfEvaluation?.byNature.project?.executed, true],
  );
  return paragraph(`${yearOf(e)}度项目支出`, [
    moneyClause('年初预算数', 'finances.project.initialBudget', p.initialBudget),
    moneyClause('全年预算数', 'finances.project.adjustedBudget', p.adjustedBudget),
    moneyClause('本年支出', spent[0], spent[1], spent[2]),
  ]);
}

/** “三公”经费: 年初预算数 with its parts, and 实际支出. */
export function threePublicCostsParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const t = e.finances.threePublicCosts;
  const table = e.basicData?.threePublicCosts;
  const budget = pick(
    ['finances.threePublicCosts.budget', t.budget, false],
    ['basicData.threePublicCosts.total.currentBudget', table?.total?.currentBudget, true],
  );
  const actual = pick(
    ['finances.threePublicCosts.actual', t.actual, false],
    ['basicData.threePublicCosts.total.currentFinal', table?.total?.currentFinal, true],
  );
  const part = (label: string, key: 'officialReception' | 'officialVehicles' | 'overseasTravel') => {
    const [path, figure, fallback] = pick(
      [`finances.threePublicCosts.${key}`, t[key], false],
      [`basicData.threePublicCosts.${key}.currentBudget`, table?.[key]?.currentBudget, true],
    );
    return moneyClause(label, path, figure, fallback);
  };
  const parts = [
    part('公务接待费', 'officialReception'),
    part('公务用车购置及运行维护费', 'officialVehicles'),
    part('因公出国（境）费', 'overseasTravel'),
  ].filter((c): c is Clause => c !== undefined);
  const head = moneyClause('年初预算数', budget[0], budget[1], budget[2]);
  const clauses: Clause[] = [];
  if (head) {
    clauses.push(parts.length > 0 ? { ...head, text: `${head.text}（${parts.map((p) => p.text).join('、')}）` } : head);
  }
  const actualClause = moneyClause('实际支出', actual[0], actual[1], actual[2]);
  if (actualClause) clauses.push(actualClause);
  const generated = paragraph(`${yearOf(e)}“三公”经费`, clauses);
  if (!generated) return undefined;
  // the parts stand inside the head clause's text: list them as stated figures too
  if (head && parts.length > 0) {
    generated.figures.push(...parts.map(({ path, figure, fallback }) => ({ path, figure, fallback })));
  }
  return generated;
}

const FUND_LABELS = {
  governmentFund: '政府性基金预算支出',
  stateCapital: '国有资本经营预算支出',
  socialInsurance: '社会保险基金预算支出',
} as const;
const FUND_SUBJECTS = {
  governmentFund: '政府性基金',
  stateCapital: '国有资本经营',
  socialInsurance: '社会保险基金',
} as const;

/** 政府性基金 / 国有资本经营 / 社会保险基金预算支出情况: the amount, or 无 when the report says there is none. */
export function fundParagraph(e: Evaluation, key: keyof typeof FUND_LABELS): GeneratedParagraph | undefined {
  const figure = e.finances[key];
  if (!figure) return undefined;
  const path = `finances.${key}`;
  const label = FUND_LABELS[key];
  const wan = plainAmount(figure);
  const figures = [{ path, figure, fallback: false }];
  const subject = FUND_SUBJECTS[key];
  if (figure.q.kind === 'none' || (wan && wan.isZero())) {
    return { text: `${yearOf(e)}，本单位无${label}。`, figures, subject };
  }
  if (wan) return { text: `${yearOf(e)}，本单位${label}${formatWanExact(wan)}万元。`, figures, subject };
  return undefined;
}

/** 综合评价结论: the self-evaluation total and grade. */
export function conclusionParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const se = e.selfEvaluation;
  const [totalPath, total, totalFallback] =
    plainNumberText(e.selfReported.total) !== undefined
      ? ['selfReported.total', e.selfReported.total, false]
      : ['selfEvaluation.totalScore', se?.totalScore, true];
  const grade = e.selfReported.grade ?? se?.grade;
  const gradePath = e.selfReported.grade !== undefined ? 'selfReported.grade' : 'selfEvaluation.grade';
  const points = plainNumberText(total);
  const clauses: string[] = [];
  const figures: GeneratedParagraph['figures'] = [];
  if (points !== undefined && total) {
    clauses.push(`自评分数为${points}分`);
    figures.push({ path: totalPath, figure: total, fallback: totalFallback });
  }
  if (grade) {
    clauses.push(`绩效评价等次为“${grade}”`);
    figures.push({
      path: gradePath,
      figure: { text: grade, q: { kind: 'qualitative', text: grade } },
      fallback: gradePath !== 'selfReported.grade',
    });
  }
  if (clauses.length === 0) return undefined;
  return { text: `经综合评定，${yearOf(e)}度绩效${clauses.join('，')}。`, figures };
}

/**
 * 评价指标分析 in brief: the self scores of the 预算执行率 row and of each 一级指标 as the 自评表 states them
 * (sums of the stated row scores, not a re-scoring).
 */
export function indicatorSummaryParagraph(e: Evaluation): GeneratedParagraph | undefined {
  const se = e.selfEvaluation;
  if (!se) return undefined;
  const parts: string[] = [];
  const exec = numberOf(se.funding.score);
  if (exec) parts.push(`预算执行率得分${exec.toFixed()}分`);
  const order: string[] = [];
  const sums = new Map<string, Dec>();
  for (const ind of se.indicators) {
    const s = numberOf(ind.selfScore);
    if (!s || ind.placeholder) continue;
    if (!sums.has(ind.category)) order.push(ind.category);
    sums.set(ind.category, (sums.get(ind.category) ?? new Dec(0)).add(s));
  }
  for (const c of order) parts.push(`${c}得分${sums.get(c)?.toFixed() ?? '0'}分`);
  if (parts.length === 0) return undefined;
  return { text: `按自评表，${parts.join('，')}。`, figures: [] };
}

/** The list of attached forms. */
export function attachmentsListParagraph(titles: readonly string[]): GeneratedParagraph | undefined {
  if (titles.length === 0) return undefined;
  return { text: titles.map((t, i) => `${i + 1}.${t}`).join('\n'), figures: [] };
}

/** Run one generator. */
export function generateParagraph(
  generator: ParagraphGenerator,
  e: Evaluation,
  outline: ReportOutline,
  attachmentTitles: readonly string[] = outline.attachments.map((a) => a.title),
): GeneratedParagraph | undefined {
  switch (generator) {
    case 'staffing':
      return staffingParagraph(e);
    case 'budgetOverview':
      return budgetOverviewParagraph(e);
    case 'basicExpenditure':
      return basicExpenditureParagraph(e);
    case 'projectExpenditure':
      return projectExpenditureParagraph(e);
    case 'threePublicCosts':
      return threePublicCostsParagraph(e);
    case 'governmentFund':
    case 'stateCapital':
    case 'socialInsurance':
      return fundParagraph(e, generator);
    case 'conclusion':
      return conclusionParagraph(e);
    case 'indicatorSummary':
      return indicatorSummaryParagraph(e);
    case 'attachmentsList':
      return attachmentsListParagraph(attachmentTitles);
  }
}

const NONE_WORDS = /无|没有|未发生/;

/**
 * Whether a section's own text still states every prose figure the generator would state (a figure edited since the
 * text was written no longer appears in it). Fallback figures are not the section's own and are not looked for.
 */
export function textStatesFigures(text: string, generated: GeneratedParagraph): boolean {
  const numbers = numbersIn(text);
  return generated.figures
    .filter((f) => !f.fallback)
    .every(({ figure }) => {
      const q = figure.q;
      if (q.kind === 'number') {
        const v = new Dec(q.value);
        // a zero may be written as a word: 无…支出, 没有, 未发生
        return numbers.some((n) => n.eq(v)) || (v.isZero() && NONE_WORDS.test(text));
      }
      if (q.kind === 'none') return NONE_WORDS.test(text);
      return text.includes(figure.text);
    });
}

/** Sentences of a text, each with its closing punctuation; line breaks end a sentence too. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const parts = line.match(/[^。！？；]*[。！？；]?/g) ?? [];
    for (const p of parts) if (p.trim() !== '') out.push(p);
  }
  return out;
}

/**
 * The generated paragraph in place of a section's own figure sentences: the sentences of the original text that
 * state none of the generated figures are kept after it, so the report's remarks are not lost.
 */
export function mergeGenerated(original: string, generated: GeneratedParagraph): string {
  const values = generated.figures.flatMap(({ figure }) =>
    figure.q.kind === 'number' ? [new Dec(figure.q.value)] : [],
  );
  const subject = generated.subject;
  const kept = sentencesOf(original).filter((s) => {
    if (subject !== undefined && s.includes(subject)) return false;
    const nums = numbersIn(s);
    return !nums.some((n) => values.some((v) => v.eq(n)));
  });
  return kept.length > 0 ? `${generated.text}${kept.join('').trim()}` : generated.text;
}
