import type { Evaluation } from '../model/index.js';
import { placeName } from './labels.js';
import { thresholdsOf } from './thresholds.js';
import type { Check, Finding } from './types.js';
import { emit, isBlank, isEllipsis, realIndicators, valueAt } from './util.js';

// Completeness: what the template asks for and the report left empty, and template text left in it.

const goal: Check = {
  id: 'compl.overall-goal',
  family: 'completeness',
  severity: 'warning',
  title: '自评表“年度总体目标”的预期目标或实际完成情况为空',
  rules: ['R-1.2'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const out: Finding[] = [];
    for (const [field, what] of [
      ['expected', '预期目标'],
      ['actual', '实际完成情况'],
    ] as const) {
      if (!isBlank(se.overallGoal[field])) continue;
      const path = `selfEvaluation.overallGoal.${field}`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ctx.evaluation, path)}没有填写。`,
          paths: [path],
          fix: `概括填写年度总体目标的${what}，与绩效指标相对应。`,
        }),
      );
    }
    return out;
  },
};

const unitName: Check = {
  id: 'compl.unit-name',
  family: 'completeness',
  severity: 'warning',
  title: '附表的“填报单位”或“预算单位名称”为空',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const table of ['basicData', 'selfEvaluation'] as const) {
      if (!ev[table] || !isBlank(ev[table].meta.unitName)) continue;
      const path = `${table}.meta.unitName`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, path)}没有填写。`,
          paths: [path],
          fix: '填写单位全称，与报告标题一致。',
        }),
      );
    }
    return out;
  },
};

const tableMeta: Check = {
  id: 'compl.table-meta',
  family: 'completeness',
  severity: 'info',
  title: '附表没有填写填表人、填报日期或联系电话',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    for (const table of ['basicData', 'selfEvaluation'] as const) {
      const meta = ev[table]?.meta;
      if (!meta) continue;
      const missing = (['preparer', 'preparedOn', 'contactPhone'] as const).filter((f) => isBlank(meta[f]));
      if (missing.length === 0) continue;
      const names = { preparer: '填表人', preparedOn: '填报日期', contactPhone: '联系电话' };
      out.push(
        emit(ctx, this, {
          message: `${table === 'basicData' ? '基础数据表' : '自评表'}没有填写${missing.map((f) => `“${names[f]}”`).join('、')}。`,
          paths: missing.map((f) => `${table}.meta.${f}`),
          fix: '补填填表人、填报日期和联系电话，便于财政部门核实。',
        }),
      );
    }
    return out;
  },
};

/** Instructions a template writes in brackets for whoever fills it in: （一个专项一行）, （如有请填写）. */
const INSTRUCTION =
  /[（(][^（）()]*(一行|填写|填报|如有|请|据实|可增|可加|增行|自行|示例|例如|举例|不够|另附)[^（）()]*[）)]/;
const FILLER = /^(X{2,}|x{2,}|×{2,}|某某|XX.*|××.*)$/;

/** Template text left in a cell: an ellipsis, XX, or a bracketed instruction. */
const TEMPLATE_HINT = /[.…。·．⋯Xx×某（(等]/;

export function templateTextIn(text: string | undefined): string | undefined {
  if (text === undefined || !TEMPLATE_HINT.test(text)) return undefined;
  const t = text.replace(/[\s\u3000\u00a0]+/g, '');
  if (t === '') return undefined;
  if (isEllipsis(t)) return t;
  if (FILLER.test(t)) return t;
  const m = INSTRUCTION.exec(t);
  return m ? m[0] : undefined;
}

interface Cell {
  path: string;
  text: string | undefined;
}

function basicDataCells(ev: Evaluation): Cell[] {
  const bd = ev.basicData;
  if (!bd) return [];
  const cells: Cell[] = [];
  const row = (path: string): void => {
    const r = valueAt(ev, path) as Record<string, { text?: string } | string | undefined> | undefined;
    if (!r) return;
    cells.push({ path: `${path}.label`, text: typeof r.label === 'string' ? r.label : undefined });
    for (const col of ['previousFinal', 'currentBudget', 'currentFinal']) {
      const f = r[col];
      if (f && typeof f === 'object') cells.push({ path: `${path}.${col}`, text: f.text });
    }
  };
  for (const k of Object.keys(bd.threePublicCosts)) row(`basicData.threePublicCosts.${k}`);
  row('basicData.projectExpenditure.total');
  bd.projectExpenditure.items.forEach((_, i) => row(`basicData.projectExpenditure.items.${i}`));
  row('basicData.publicFunds.total');
  bd.publicFunds.items.forEach((_, i) => row(`basicData.publicFunds.items.${i}`));
  row('basicData.governmentProcurement');
  row('basicData.basicBudgetAdjustment');
  cells.push({ path: 'basicData.buildings.label', text: bd.buildings.label });
  bd.buildings.items.forEach((b, i) => cells.push({ path: `basicData.buildings.items.${i}.name`, text: b.name }));
  cells.push({ path: 'basicData.frugalityMeasures', text: bd.frugalityMeasures });
  cells.push({ path: 'basicData.meta.unitName', text: bd.meta.unitName });
  return cells;
}

function selfEvaluationCells(ev: Evaluation): Cell[] {
  const se = ev.selfEvaluation;
  if (!se) return [];
  const cells: Cell[] = [
    { path: 'selfEvaluation.overallGoal.expected', text: se.overallGoal.expected },
    { path: 'selfEvaluation.overallGoal.actual', text: se.overallGoal.actual },
    { path: 'selfEvaluation.meta.unitName', text: se.meta.unitName },
  ];
  se.indicators.forEach((ind, i) => {
    const p = `selfEvaluation.indicators.${i}`;
    if (ind.placeholder === true && (ind.weight || ind.selfScore)) return; // compl.placeholder-indicator
    cells.push({ path: `${p}.name`, text: ind.name });
    cells.push({ path: `${p}.target`, text: ind.target?.text });
    cells.push({ path: `${p}.actual`, text: ind.actual?.text });
  });
  return cells;
}

const templateText: Check = {
  id: 'compl.template-text',
  family: 'completeness',
  severity: 'warning',
  title: '附表中留有模板的占位符或填表说明（如“……”“（一个专项一行）”）',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const tables = [
      ['基础数据表', basicDataCells(ev)],
      ['自评表', selfEvaluationCells(ev)],
      ['未能识别的内容', ev.unrecognised.map((u, i) => ({ path: `unrecognised.${i}`, text: u.text }) satisfies Cell)],
    ] as const;
    for (const [table, cells] of tables) {
      const hits = cells
        .map((c) => ({
          path: c.path,
          // an importer may drop a bracketed instruction from a row label: look at the label as written too
          found:
            templateTextIn(c.text) ??
            (c.path.endsWith('.label') ? templateTextIn(ev.sources[c.path]?.text) : undefined),
        }))
        .filter((h): h is { path: string; found: string } => h.found !== undefined);
      if (hits.length === 0) continue;
      const shown = [...new Set(hits.map((h) => `“${h.found}”`))];
      out.push(
        emit(ctx, this, {
          message: `${table}中留有${hits.length}处模板文字：${shown.join('、')}（位置：${hits
            .slice(0, 8)
            .map((h) => placeName(ev, h.path))
            .join('；')}${hits.length > 8 ? '等' : ''}）。`,
          paths: hits.map((h) => h.path),
          values: Object.fromEntries(hits.map((h) => [h.path, h.found])),
          fix: '删除模板中的占位行和填表说明；确有内容的，如实填写。',
        }),
      );
    }
    return out;
  },
};

const placeholderIndicator: Check = {
  id: 'compl.placeholder-indicator',
  family: 'completeness',
  severity: 'error',
  title: '“……”等占位行被填了分值或得分，计入了指标',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    (ev.selfEvaluation?.indicators ?? []).forEach((ind, i) => {
      const placeholder = ind.placeholder === true || isEllipsis(ind.name);
      if (!placeholder || (!ind.weight && !ind.selfScore)) return;
      const p = `selfEvaluation.indicators.${i}`;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, p)}是模板的占位行“${ind.name || '……'}”，却填了${[ind.weight ? `分值${ind.weight.text}` : '', ind.selfScore ? `得分${ind.selfScore.text}` : ''].filter(Boolean).join('、')}。`,
          paths: [...(ind.weight ? [`${p}.weight`] : []), ...(ind.selfScore ? [`${p}.selfScore`] : [])],
          fix: '占位行不是指标：删除该行，或填写真实的指标名称、指标值和完成值。',
        }),
      );
    });
    return out;
  },
};

const emptySubcategory: Check = {
  id: 'compl.empty-subcategory',
  family: 'completeness',
  severity: 'warning',
  title: '二级指标（如生态效益、可持续影响）列在表中却没有任何三级指标',
  rules: ['R-8.1'],
  run(ctx) {
    const ev = ctx.evaluation;
    const se = ev.selfEvaluation;
    if (!se) return [];
    const real = realIndicators(ev);
    const seen = new Map<string, number[]>();
    se.indicators.forEach((ind, i) => {
      const key = `${ind.categoryKey}/${ind.subcategoryKey}/${ind.subcategory}`;
      seen.set(key, [...(seen.get(key) ?? []), i]);
    });
    const out: Finding[] = [];
    for (const [key, indices] of seen) {
      if (real.some((r) => indices.includes(r.index))) continue;
      const first = se.indicators[indices[0]!]!;
      const name = first.subcategory.trim() || key;
      out.push(
        emit(ctx, this, {
          message: `自评表的二级指标“${name.replace(/\s+/g, '')}”下没有任何三级指标，只留着空行。`,
          paths: indices.map((i) => `selfEvaluation.indicators.${i}`),
          fix: '为该二级指标设置实际的三级指标；确不适用的，删除该行或注明“不适用”。',
        }),
      );
    }
    return out;
  },
};

/** A heading's leading Chinese numeral: 一、 → 1; undefined when it carries none. */
export function headingNumber(heading: string): number | undefined {
  const m = /^\s*([一二三四五六七八九十]+)\s*[、.．]/.exec(heading);
  if (!m) return undefined;
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const t = m[1]!;
  if (t === '十') return 10;
  if (t.startsWith('十')) return 10 + (digits[t[1] ?? ''] ?? 0);
  if (t.length === 1) return digits[t];
  if (t.length === 2 && t[1] === '十') return (digits[t[0]!] ?? 0) * 10;
  if (t.length === 3 && t[1] === '十') return (digits[t[0]!] ?? 0) * 10 + (digits[t[2]!] ?? 0);
  return undefined;
}

const missingSection: Check = {
  id: 'compl.missing-section',
  family: 'completeness',
  severity: 'warning',
  title: '报告缺少模板规定的部分（如“部门整体支出绩效评价结果应用情况”）',
  rules: ['R-12'],
  run(ctx) {
    const ev = ctx.evaluation;
    const sections = ev.narrative.sections;
    if (sections.length === 0) {
      return [
        emit(ctx, this, {
          severity: 'info',
          message: '没有读到报告正文，只核查了附表。',
          paths: ['narrative'],
          fix: '提交完整的自评报告（正文及两张附表）。',
        }),
      ];
    }
    const present = new Set(sections.map((s) => s.key));
    // 部门基本情况 may come as its parts only
    if (['organisation', 'staffing', 'functions'].some((k) => present.has(k as never))) present.add('basicInfo');
    if (['basicExpenditure', 'projectExpenditure'].some((k) => present.has(k as never))) present.add('budgetExecution');
    if (['conclusion', 'indicatorAnalysis'].some((k) => present.has(k as never))) present.add('performance');
    const out: Finding[] = [];
    for (const s of thresholdsOf(ctx.profile).reportOutline) {
      if (!s.required || present.has(s.key)) continue;
      out.push(
        emit(ctx, this, {
          message: `报告缺少“${s.label}”部分。`,
          paths: ['narrative.sections'],
          values: { section: s.key },
          fix: `按报告模板补写“${s.label}”；没有相关情况的，写明“无”。`,
        }),
      );
    }
    return out;
  },
};

const sectionOrder: Check = {
  id: 'compl.section-order',
  family: 'completeness',
  severity: 'warning',
  title: '报告的一级标题编号不连续、顺序不对，或漏了编号',
  rules: ['R-12'],
  run(ctx) {
    const ev = ctx.evaluation;
    const outline = thresholdsOf(ctx.profile).reportOutline;
    const out: Finding[] = [];
    let last: number | undefined;
    let lastOutline = -1;
    ev.narrative.sections.forEach((s, i) => {
      // the attachments' titles follow the numbered sections without numbers of their own
      if (s.level !== 1 || s.key === 'attachments') return;
      const n = headingNumber(s.heading);
      const path = `narrative.sections.${i}`;
      const heading = s.heading.trim();
      if (n === undefined) {
        if (last !== undefined) {
          out.push(
            emit(ctx, this, {
              message: `一级标题“${heading}”没有编号，前一个一级标题编号为“${toChinese(last)}”，应编为“${toChinese(last + 1)}、${heading}”。`,
              paths: [path],
              fix: '一级标题按“一、二、三……”连续编号。',
            }),
          );
          last += 1;
        }
      } else {
        if (last !== undefined && n !== last + 1) {
          out.push(
            emit(ctx, this, {
              message: `一级标题“${heading}”的编号是“${toChinese(n)}”，上一个是“${toChinese(last)}”，编号不连续。`,
              paths: [path],
              fix: '一级标题按“一、二、三……”连续编号。',
            }),
          );
        }
        last = n;
      }
      const at = outline.findIndex((o) => o.key === s.key);
      if (at >= 0) {
        if (at < lastOutline) {
          out.push(
            emit(ctx, this, {
              message: `“${heading}”出现在“${outline[lastOutline]?.label ?? ''}”之后，与报告模板的顺序不符。`,
              paths: [path],
              fix: `按模板顺序排列：${outline.map((o) => o.label).join('→')}。`,
            }),
          );
        } else lastOutline = at;
      }
    });
    return out;
  },
};

function toChinese(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? String(n);
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

const indicatorCells: Check = {
  id: 'compl.indicator-cells',
  family: 'completeness',
  severity: 'warning',
  title: '三级指标缺少年度指标值、实际完成值、分值或得分',
  run(ctx) {
    const ev = ctx.evaluation;
    const out: Finding[] = [];
    const names = { target: '年度指标值', actual: '实际完成值', weight: '分值', selfScore: '得分' } as const;
    for (const r of realIndicators(ev)) {
      const missing = (['target', 'actual', 'weight', 'selfScore'] as const).filter((f) => !r.ind[f]);
      // no target at all is struct.empty-target-filled's (when other cells are filled)
      if (missing.length === 0 || (missing.includes('target') && (r.ind.actual || r.ind.selfScore))) continue;
      if (missing.length === 4) continue;
      out.push(
        emit(ctx, this, {
          message: `${placeName(ev, r.path)}没有填写${missing.map((f) => `“${names[f]}”`).join('、')}。`,
          paths: missing.map((f) => `${r.path}.${f}`),
          fix: '补填所缺各栏；有目标值的指标必须填写实际完成值和得分。',
        }),
      );
    }
    return out;
  },
};

const frugality: Check = {
  id: 'compl.frugality',
  family: 'completeness',
  severity: 'warning',
  title: '基础数据表“厉行节约保障措施”为空',
  rules: ['R-10'],
  run(ctx) {
    const bd = ctx.evaluation.basicData;
    if (!bd || !isBlank(bd.frugalityMeasures)) return [];
    return [
      emit(ctx, this, {
        message: '基础数据表的“厉行节约保障措施”没有填写。',
        paths: ['basicData.frugalityMeasures'],
        fix: '写明本单位厉行节约的具体措施。',
      }),
    ];
  },
};

const fundingCells: Check = {
  id: 'compl.funding-cells',
  family: 'completeness',
  severity: 'warning',
  title: '自评表“年度资金总额”行缺少年初预算数、全年预算数、全年执行数或执行率得分',
  rules: ['R-1.2'],
  run(ctx) {
    const se = ctx.evaluation.selfEvaluation;
    if (!se) return [];
    const f = se.funding;
    if (!f.initialBudget && !f.adjustedBudget && !f.executed) return []; // struct.required-blocks
    const names = {
      initialBudget: '年初预算数',
      adjustedBudget: '全年预算数',
      executed: '全年执行数',
      score: '得分',
    } as const;
    const missing = (['initialBudget', 'adjustedBudget', 'executed', 'score'] as const).filter((k) => !f[k]);
    if (missing.length === 0) return [];
    return [
      emit(ctx, this, {
        message: `自评表“年度资金总额”行没有填写${missing.map((k) => `“${names[k]}”`).join('、')}。`,
        paths: missing.map((k) => `selfEvaluation.funding.${k}`),
        fix: '按预算批复和决算补填。',
      }),
    ];
  },
};

const unrecognised: Check = {
  id: 'compl.unrecognised',
  family: 'completeness',
  severity: 'info',
  title: '导入时有内容未能归入报告的任何栏目',
  run(ctx) {
    const ev = ctx.evaluation;
    const items = ev.unrecognised
      .map((u, index) => ({ ...u, index }))
      .filter((u) => templateTextIn(u.text) === undefined && u.text.trim() !== '');
    if (items.length === 0) return [];
    const finding = emit(ctx, this, {
      message: `有${items.length}处内容未能识别归类（如“${items
        .slice(0, 3)
        .map((u) => u.text.replace(/\s+/g, ' ').slice(0, 30))
        .join('”“')}”），这些内容没有参加核查。`,
      paths: items.map((u) => `unrecognised.${u.index}`),
      values: Object.fromEntries(items.slice(0, 20).map((u) => [`unrecognised.${u.index}`, u.text.slice(0, 200)])),
      fix: '检查这些内容是否放错了位置，或是否使用了与模板不同的写法。',
    });
    finding.where = items.map((u) => {
      const path = `unrecognised.${u.index}`;
      return u.source ? { path, source: u.source } : { path };
    });
    return [finding];
  },
};

export const completenessChecks: readonly Check[] = [
  goal,
  unitName,
  tableMeta,
  templateText,
  placeholderIndicator,
  emptySubcategory,
  missingSection,
  sectionOrder,
  indicatorCells,
  frugality,
  fundingCells,
  unrecognised,
];
