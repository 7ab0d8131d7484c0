/**
 * Sanity test of the bundled demo report (examples/shili-rongmeiti-2024.txt).
 *
 * The demo must be a correct report: every figure agrees with every other. This test reads the text
 * with a small parser of its own (not the project importer) and re-derives the key identities, so that
 * an edit to the demo that breaks one of them fails here before the real checker ever sees it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/money.js';

const FILE = new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url);
const raw = readFileSync(FILE, 'utf8');

// ---------------------------------------------------------------------------------------------
// A minimal reader of the "Word saved as text" layout: a table cell is a line starting with a TAB;
// a blank line followed by a TAB line starts a new row; a non-TAB line after at most one blank line
// continues the current cell; two blank lines followed by text end the table.

interface Table {
  rows: string[][];
}

function readLayout(text: string): { prose: string[]; tables: Table[] } {
  const lines = text.replace(/\n$/, '').split('\n');
  const prose: string[] = [];
  const tables: Table[] = [];
  let table: Table | undefined;
  let blanks = 0;
  for (const line of lines) {
    if (!line.startsWith('\t') && line.trim() === '') {
      blanks++;
      continue;
    }
    if (line.startsWith('\t')) {
      if (!table) {
        table = { rows: [[]] };
        tables.push(table);
      } else if (blanks > 0) {
        table.rows.push([]);
      }
      table.rows[table.rows.length - 1]!.push(line.slice(1));
    } else if (table && blanks <= 1) {
      const row = table.rows[table.rows.length - 1]!;
      row[row.length - 1] += '\n'.repeat(blanks + 1) + line;
    } else {
      table = undefined;
      prose.push(line);
    }
    blanks = 0;
  }
  return { prose, tables };
}

/** Cell text without padding (ASCII and full-width spaces) and, for labels, without line breaks. */
const clean = (s: string | undefined): string => (s ?? '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
const label = (s: string | undefined): string => clean(s).replace(/[\s\u3000]+/g, '');

/** An amount or number cell ("3.96", "97.70%", "≥2400篇") as an exact decimal; throws on anything else. */
function num(s: string | undefined): Dec {
  const m = /^[≥≤]?(-?\d+(?:\.\d+)?)/.exec(clean(s));
  if (!m) throw new Error(`not a number: ${JSON.stringify(s)}`);
  return new Dec(m[1]!);
}

const r2 = (d: Dec): Dec => d.toDecimalPlaces(2);
const pct = (part: Dec, whole: Dec): Dec => r2(part.div(whole).mul(100));
const sum = (xs: Dec[]): Dec => xs.reduce((a, b) => a.plus(b), new Dec(0));
const same = (a: Dec, b: Dec): void => expect(a.toFixed(2)).toBe(b.toFixed(2));

const { prose: proseLines, tables } = readLayout(raw);
const prose = proseLines.join('\n');

/** Capture groups of the first match in the prose, as decimals. */
function fromProse(re: RegExp): Dec[] {
  const m = re.exec(prose);
  if (!m) throw new Error(`not found in the prose: ${re}`);
  return m.slice(1).map((g) => new Dec(g!));
}

const [basicTable, sheetTable] = tables;

/** 基础数据表 rows by their (whitespace-free) label; the label is the cell's first line. */
const basic = new Map<string, string[]>();
for (const row of basicTable?.rows ?? []) basic.set(label(row[0]?.split('\n')[0]), row.slice(1));
/** A row's three columns; "——" (not applicable) reads as undefined. */
function basicRow(name: string): { previous?: Dec; budget: Dec; final: Dec } {
  const row = basic.get(name);
  if (!row) throw new Error(`基础数据表 has no row ${name}`);
  const previous = /^—+$/.test(clean(row[0])) ? undefined : num(row[0]);
  return { previous, budget: num(row[1]), final: num(row[2]) };
}

/** 自评表 rows, and the indicator rows read with their 一级/二级 headings carried down. */
const sheetRows = sheetTable?.rows ?? [];
const sheetRow = (first: string, at = 0): string[] => {
  const row = sheetRows.find((r) => label(r[at]) === first || label(r[at]).endsWith(first));
  if (!row) throw new Error(`自评表 has no row ${first}`);
  return row;
};

interface IndicatorRow {
  category: string;
  categoryPoints: Dec;
  subcategory: string;
  name: string;
  target: string;
  actual: string;
  weight: Dec;
  score: Dec;
  note: string;
}

function readIndicators(): IndicatorRow[] {
  const start = sheetRows.findIndex((r) => label(r[0]) === '绩效指标');
  const end = sheetRows.findIndex((r) => label(r[0]) === '总分');
  const out: IndicatorRow[] = [];
  let category = '';
  let categoryPoints = new Dec(0);
  let subcategory = '';
  for (const row of sheetRows.slice(start + 1, end)) {
    expect(row).toHaveLength(9);
    if (label(row[1])) {
      const m = /^(.+?)（(\d+)分）$/.exec(label(row[1]));
      if (!m) throw new Error(`一级指标 heading without points: ${row[1]}`);
      category = m[1]!;
      categoryPoints = new Dec(m[2]!);
    }
    if (label(row[2])) subcategory = label(row[2]);
    out.push({
      category,
      categoryPoints,
      subcategory,
      name: clean(row[3]),
      target: clean(row[4]),
      actual: clean(row[5]),
      weight: num(row[6]),
      score: num(row[7]),
      note: clean(row[8]),
    });
  }
  return out;
}

const indicators = readIndicators();

/** National default formulas (rules.md variant A, R-4, R-2). */
type Recomputed = { kind: 'exact'; score: Dec; ratio?: Dec } | { kind: 'band'; min: Dec; max: Dec };
function recompute(i: IndicatorRow): Recomputed {
  const w = i.weight;
  const date = /^(\d{4})年(\d{1,2})月(\d{1,2})日前$/.exec(i.target);
  if (date) {
    const a = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(i.actual);
    if (!a) throw new Error(`a date target needs a dated actual: ${i.name}`);
    const key = (m: RegExpExecArray) => Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]);
    return { kind: 'exact', score: key(a) <= key(date) ? w : new Dec(0) };
  }
  const t = /^(≥|≤)(\d+(?:\.\d+)?)(.*)$/.exec(i.target);
  if (!t) {
    // qualitative: the actual names the achievement tier
    const tiers: Record<string, [number, number]> = {
      达成年度指标: [0.8, 1],
      部分达成年度指标并具有一定效果: [0.6, 0.8],
      未达成年度指标且效果较差: [0, 0.6],
    };
    const band = tiers[i.actual];
    if (!band) throw new Error(`qualitative actual is not a tier: ${i.actual}`);
    return { kind: 'band', min: w.mul(band[0]), max: w.mul(band[1]) };
  }
  const target = new Dec(t[2]!);
  const a = /^(\d+(?:\.\d+)?)(.*)$/.exec(i.actual);
  if (!a) throw new Error(`quantitative actual is not a number: ${i.actual}`);
  expect(a[2]).toBe(t[3]); // same unit on both sides
  const actual = new Dec(a[1]!);
  if (t[1] === '≥') {
    return { kind: 'exact', score: actual.gte(target) ? w : r2(w.mul(actual).div(target)), ratio: actual.div(target) };
  }
  return { kind: 'exact', score: actual.lte(target) ? w : r2(w.mul(target).div(actual)) };
}

const funding = sheetRow('年度资金总额', 1);
const [initialBudget, adjustedBudget, executed, execWeight, execRate, execScore] = funding.slice(2).map(num) as [
  Dec,
  Dec,
  Dec,
  Dec,
  Dec,
  Dec,
];
const totalRow = sheetRow('总分');

function grade(total: Dec): string {
  return total.gte(90) ? '优秀' : total.gte(80) ? '良好' : total.gte(60) ? '中' : '差';
}

// ---------------------------------------------------------------------------------------------

describe('demo report: layout', () => {
  it('is UTF-8 text with LF line ends, no BOM, a final newline', () => {
    expect(raw.charCodeAt(0)).not.toBe(0xfeff);
    expect(raw).not.toContain('\r');
    expect(raw.endsWith('\n')).toBe(true);
  });

  it('has the two attached tables, in the seed layout', () => {
    expect(tables).toHaveLength(2);
    expect(label(basicTable?.rows[0]?.[0])).toBe('财政供养人员情况');
    expect(label(sheetTable?.rows[0]?.[0])).toBe('预算单位名称');
    // cells continuing on following lines, merged cells as empty tab-lines, full-width padding
    expect(raw).toContain('\t年度预\n\n算申请\n（万元）\n');
    expect(raw).toMatch(/\n\t\n\t产出指标\n\n（50分）\n/);
    expect(raw).toContain('\u3000');
  });

  it('numbers the ten sections 一 … 十 in sequence, 九 and 十 included', () => {
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    const headings = proseLines.filter((l) => /^[一二三四五六七八九十]、/.test(l));
    expect(headings.map((h) => h.split('、')[0])).toEqual(numerals);
    expect(headings[8]).toBe('九、部门整体支出绩效评价结果应用情况');
    expect(headings[9]).toBe('十、其他需要说明的情况');
    for (const sub of ['政府性基金', '国有资本经营', '社会保险基金']) {
      expect(headings.some((h) => h.includes(sub))).toBe(true);
    }
  });

  it('has no template placeholders, cut-off dates or blank indicator rows', () => {
    expect(raw).not.toContain('……');
    expect(raw).not.toMatch(/截至\d+月/);
    for (const i of indicators) {
      expect(i.name).not.toBe('');
      expect(i.target).not.toBe('');
      expect(i.actual).not.toBe('');
    }
  });

  it('fills in the unit, the preparer and one phone number of the reserved form', () => {
    const unit = clean(sheetRow('预算单位名称')[1]);
    expect(prose.split('\n')[0]).toBe(`${unit}2024年部门整体支出绩效自评报告`);
    expect(raw).toContain(`填报单位：${unit}`);
    const phones = [...raw.matchAll(/联系电话：\s*(\S+)/g)].map((m) => m[1]);
    expect(phones).toHaveLength(2);
    expect(new Set(phones).size).toBe(1);
    expect(phones[0]).toMatch(/^0\d{3}-0{7}$/);
    const preparers = [...raw.matchAll(/填表人：(\S+)/g)].map((m) => m[1]);
    expect(preparers).toHaveLength(2);
    expect(new Set(preparers).size).toBe(1);
  });
});

describe('demo report: money', () => {
  it('opening + income − expenditure = closing; budget adjustments add up', () => {
    const [opening, income, spent, closing] = fromProse(
      /年初结转和结余([\d.]+)万元，本年收入([\d.]+)万元，本年支出([\d.]+)万元，年末结转和结余([\d.]+)万元/,
    );
    same(opening!.plus(income!).minus(spent!), closing!);
    const [initial, added, carried, adjusted, exec, rate] = fromProse(
      /年初预算数([\d.]+)万元，年中追加预算([\d.]+)万元，加上年初结转和结余([\d.]+)万元，全年预算数([\d.]+)万元；全年执行数([\d.]+)万元，预算执行率([\d.]+)%/,
    );
    same(initial!.plus(added!), income!);
    same(carried!, opening!);
    same(initial!.plus(added!).plus(carried!), adjusted!);
    same(exec!, spent!);
    same(pct(exec!, adjusted!), rate!);
    // the 自评表 money block agrees with the prose
    same(initialBudget, initial!);
    same(adjustedBudget, adjusted!);
    same(executed, exec!);
  });

  it('基本支出 + 项目支出 = 本年支出, each with its own identities', () => {
    const part = (kind: string) =>
      fromProse(
        new RegExp(
          `${kind}年初结转和结余([\\d.]+)万元[^，]*，年初预算数([\\d.]+)万元，年中追加([\\d.]+)万元[^，]*，全年预算数([\\d.]+)万元，本年支出([\\d.]+)万元，预算执行率([\\d.]+)%，年末结转和结余([\\d.]+)万元`,
        ),
      );
    const b = part('基本支出');
    const p = part('项目支出');
    for (const [open, init, add, adj, spent, rate, close] of [b, p]) {
      same(open!.plus(init!).plus(add!), adj!);
      same(adj!.minus(spent!), close!);
      same(pct(spent!, adj!), rate!);
    }
    const [opening, , spent, closing] = fromProse(
      /年初结转和结余([\d.]+)万元，本年收入([\d.]+)万元，本年支出([\d.]+)万元，年末结转和结余([\d.]+)万元/,
    );
    same(b[0]!.plus(p[0]!), opening!);
    same(b[4]!.plus(p[4]!), spent!);
    same(b[6]!.plus(p[6]!), closing!);
    same(b[1]!.plus(p[1]!), initialBudget);
    same(b[3]!.plus(p[3]!), adjustedBudget);
    // prose breakdowns
    const [personnel, publicFunds] = fromProse(/人员经费([\d.]+)万元，公用经费([\d.]+)万元/);
    same(personnel!.plus(publicFunds!), b[4]!);
    const [business, operation] = fromProse(/业务工作经费([\d.]+)万元，运行维护经费([\d.]+)万元/);
    same(business!.plus(operation!), p[4]!);
    // 自评表: by source and by nature, both adding up to 全年执行数
    const cellAmount = (name: string) => {
      const cell = sheetRows.flat().find((c) => label(c).includes(`${name}：`));
      if (!cell) throw new Error(`自评表 has no ${name}`);
      return new Dec(/：([\d.]+)$/.exec(label(cell))![1]!);
    };
    same(cellAmount('基本支出'), b[4]!);
    same(cellAmount('项目支出'), p[4]!);
    same(cellAmount('基本支出').plus(cellAmount('项目支出')), executed);
    same(sum(['一般公共预算', '政府性基金拨款', '纳入专户管理的非税收入拨款', '其他资金'].map(cellAmount)), executed);
    // 基础数据表: project spending and the basic-budget adjustment row
    const project = basicRow('项目支出：');
    same(project.final, p[4]!);
    same(project.budget, p[3]!);
    same(basicRow('1、业务工作经费').final, business!);
    same(basicRow('2、运行维护经费').final, operation!);
    const adjustment = basicRow('部门基本支出预算调整');
    same(adjustment.budget, b[1]!);
    same(adjustment.final, b[3]!);
    same(basicRow('公用经费').final, publicFunds!);
  });

  it('execution rate and its score follow R-2 and stay below 100%', () => {
    same(execRate, pct(executed, adjustedBudget));
    same(execWeight, new Dec(10));
    const rate = Dec.min(executed.div(adjustedBudget), 1);
    same(execScore, r2(rate.mul(10)));
    same(execScore, r2(execRate.div(100).mul(10)));
    expect(rate.gte(0.965) && rate.lt(0.99)).toBe(true);
  });

  it('基础数据表 rows add up in every column', () => {
    const cols = ['previous', 'budget', 'final'] as const;
    const at = (row: ReturnType<typeof basicRow>, c: (typeof cols)[number]): Dec => {
      const v = row[c];
      if (!v) throw new Error(`missing ${c}`);
      return v;
    };
    const three = basicRow('三公经费');
    const vehicles = basicRow('1、公务用车购置和维护经费');
    const purchase = basicRow('其中：公车购置');
    const operation = basicRow('公车运行维护');
    const overseas = basicRow('2、出国经费');
    const reception = basicRow('3、公务接待');
    const project = basicRow('项目支出：');
    const projectItems = ['1、业务工作经费', '2、运行维护经费', '3、市级专项资金', '4、其他事业类发展资金'].map(
      basicRow,
    );
    const pub = basicRow('公用经费');
    const pubParts = ['其中：办公费', '水费、电费、差旅费', '会议费、培训费'].map(basicRow);
    for (const c of cols) {
      same(at(vehicles, c).plus(at(overseas, c)).plus(at(reception, c)), at(three, c));
      same(at(purchase, c).plus(at(operation, c)), at(vehicles, c));
      same(sum(projectItems.map((r) => at(r, c))), at(project, c));
      expect(sum(pubParts.map((r) => at(r, c))).lte(at(pub, c))).toBe(true);
    }
    for (const row of [pub, basicRow('政府采购金额')]) {
      expect(row.final.div(row.budget).minus(1).abs().lte(0.2)).toBe(true);
    }
  });

  it('staffing, 三公, 公用经费 and 政府采购 in the prose equal the 基础数据表', () => {
    const [authorized, actual, rate] = fromProse(/编制人数(\d+)人，2024年末实有人数(\d+)人，在职人员控制率([\d.]+)%/);
    const staff = basicTable!.rows[1]!.slice(1).map(num);
    same(staff[0]!, authorized!);
    same(staff[1]!, actual!);
    same(staff[2]!, rate!);
    same(pct(actual!, authorized!), rate!);

    const [budget, bReception, bVehicles, bOverseas] = fromProse(
      /“三公”经费年初预算数([\d.]+)万元（公务接待费([\d.]+)万元、公务用车购置及运行维护费([\d.]+)万元、因公出国（境）费([\d.]+)万元）/,
    );
    const [spent, aReception, aVehicles, aPurchase, aOperation, aOverseas] = fromProse(
      /“三公”经费实际支出([\d.]+)万元，其中公务接待费([\d.]+)万元，公务用车购置及运行维护费([\d.]+)万元（公务用车购置费([\d.]+)万元、公务用车运行维护费([\d.]+)万元），因公出国（境）费([\d.]+)万元/,
    );
    same(bReception!.plus(bVehicles!).plus(bOverseas!), budget!);
    same(aReception!.plus(aVehicles!).plus(aOverseas!), spent!);
    same(aPurchase!.plus(aOperation!), aVehicles!);
    same(basicRow('三公经费').budget, budget!);
    same(basicRow('三公经费').final, spent!);
    same(basicRow('3、公务接待').budget, bReception!);
    same(basicRow('3、公务接待').final, aReception!);
    same(basicRow('1、公务用车购置和维护经费').budget, bVehicles!);
    same(basicRow('1、公务用车购置和维护经费').final, aVehicles!);
    same(basicRow('其中：公车购置').final, aPurchase!);
    same(basicRow('公车运行维护').final, aOperation!);
    same(basicRow('2、出国经费').final, aOverseas!);
    const [less, lessPct, previous, lessPrev, lessPrevPct] = fromProse(
      /比预算减少([\d.]+)万元，下降([\d.]+)%；比2023年决算数([\d.]+)万元减少([\d.]+)万元，下降([\d.]+)%/,
    );
    same(budget!.minus(spent!), less!);
    same(pct(less!, budget!), lessPct!);
    same(basicRow('三公经费').previous ?? new Dec(-1), previous!);
    same(previous!.minus(spent!), lessPrev!);
    same(pct(lessPrev!, previous!), lessPrevPct!);

    const [pubBudget, pubFinal, pubRate, office, utilities, meetings] = fromProse(
      /公用经费预算数([\d.]+)万元，实际支出([\d.]+)万元，公用经费控制率([\d.]+)%，其中办公费([\d.]+)万元，水费、电费、差旅费([\d.]+)万元，会议费、培训费([\d.]+)万元/,
    );
    same(basicRow('公用经费').budget, pubBudget!);
    same(basicRow('公用经费').final, pubFinal!);
    same(pct(pubFinal!, pubBudget!), pubRate!);
    same(basicRow('其中：办公费').final, office!);
    same(basicRow('水费、电费、差旅费').final, utilities!);
    same(basicRow('会议费、培训费').final, meetings!);
    const [procBudget, procFinal, procRate] = fromProse(
      /政府采购预算([\d.]+)万元，实际采购金额([\d.]+)万元，政府采购执行率([\d.]+)%/,
    );
    same(basicRow('政府采购金额').budget, procBudget!);
    same(basicRow('政府采购金额').final, procFinal!);
    same(pct(procFinal!, procBudget!), procRate!);
  });
});

describe('demo report: indicators and total', () => {
  it('weights: 产出 50, 效益 30, 满意度 10, plus execution 10 = 100', () => {
    const byCategory = new Map<string, { points: Dec; weights: Dec }>();
    for (const i of indicators) {
      const c = byCategory.get(i.category) ?? { points: i.categoryPoints, weights: new Dec(0) };
      c.weights = c.weights.plus(i.weight);
      byCategory.set(i.category, c);
    }
    expect([...byCategory.keys()]).toEqual(['产出指标', '效益指标', '满意度指标']);
    for (const c of byCategory.values()) same(c.weights, c.points);
    expect([...byCategory.values()].map((c) => c.points.toNumber())).toEqual([50, 30, 10]);
    same(execWeight.plus(sum(indicators.map((i) => i.weight))), num(totalRow[1]));
    same(num(totalRow[1]), new Dec(100));
    const subs = new Set(indicators.map((i) => i.subcategory));
    for (const s of ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '可持续影响指标']) {
      expect(subs.has(s)).toBe(true);
    }
  });

  it('every score is what the national default formulas give', () => {
    let below = 0;
    let overAchieved = 0;
    let qualitative = 0;
    for (const i of indicators) {
      const r = recompute(i);
      if (r.kind === 'exact') {
        expect({ name: i.name, score: i.score.toFixed(2) }).toEqual({ name: i.name, score: r.score.toFixed(2) });
        if (r.ratio && r.ratio.gt(1) && r.ratio.lt(1.2)) overAchieved++;
        if (r.ratio) expect(r.ratio.lt(1.2)).toBe(true); // nothing the over-achievement flag would catch
      } else {
        qualitative++;
        expect(i.score.gte(r.min) && i.score.lte(r.max)).toBe(true);
      }
      if (i.score.lt(i.weight)) {
        below++;
        expect(i.note.length).toBeGreaterThan(10); // 偏差原因分析及改进措施
      }
    }
    expect(below).toBeGreaterThan(0);
    expect(overAchieved).toBeGreaterThan(0);
    expect(qualitative).toBeGreaterThan(0);
  });

  it('cost targets are real budget lines; dates stay inside the year', () => {
    const cost = indicators.filter((i) => i.subcategory === '成本指标');
    expect(cost.length).toBeGreaterThan(0);
    const budgetLines = [basicRow('公用经费').budget, basicRow('三公经费').budget].map((d) => d.toFixed(2));
    for (const i of cost) {
      expect(i.target).toMatch(/^≤\d+\.\d{2}万元$/);
      expect(budgetLines).toContain(num(i.target).toFixed(2));
    }
    for (const i of indicators) {
      for (const m of `${i.target} ${i.actual}`.matchAll(/(\d{4})年/g)) expect(m[1]).toBe('2024');
    }
  });

  it('总分 = execution score + Σ indicator scores, with the grade, the same in prose and table', () => {
    const total = execScore.plus(sum(indicators.map((i) => i.score)));
    same(num(totalRow[2]), total);
    const tableGrade = clean(sheetRow('评价等次')[1]);
    expect(tableGrade).toBe(grade(total));
    const m = /自评总分为([\d.]+)分，绩效评价等次为“(.+?)”/.exec(prose);
    expect(m).not.toBeNull();
    same(new Dec(m![1]!), total);
    expect(m![2]).toBe(tableGrade);
    // the per-block subtotals stated in the conclusion
    const block = (name: string) => sum(indicators.filter((i) => i.category === name).map((i) => i.score));
    const [exec, output, outcome, satisfaction] = fromProse(
      /预算执行率得分([\d.]+)分，产出指标得分([\d.]+)分，效益指标得分([\d.]+)分，满意度指标得分([\d.]+)分/,
    );
    same(exec!, execScore);
    same(output!, block('产出指标'));
    same(outcome!, block('效益指标'));
    same(satisfaction!, block('满意度指标'));
  });

  it('prose counts add up and match the indicators; the survey is described', () => {
    // "共…N篇，其中a篇、b篇、c篇": a split into two or more parts adds up to its total
    let splits = 0;
    for (const m of prose.matchAll(/(\d+)(篇|个)，其中([^，；。]*)/g)) {
      const parts = [...m[3]!.matchAll(new RegExp(`(\\d+)${m[2]}`, 'g'))].map((p) => new Dec(p[1]!));
      if (parts.length < 2) continue;
      splits++;
      same(sum(parts), new Dec(m[1]!));
    }
    expect(splits).toBeGreaterThanOrEqual(3);
    // every quantitative actual is stated in the prose as written in the table
    for (const i of indicators) {
      if (/^\d/.test(i.actual)) expect(prose).toContain(i.actual);
    }
    const satisfaction = indicators.find((i) => i.name === '群众满意度');
    const [valid, satisfied, rate] = fromProse(/回收有效问卷(\d+)份，其中[^。]*?(\d+)份，群众满意度为(\d+)%/);
    same(pct(satisfied!, valid!), rate!);
    same(num(satisfaction?.actual), rate!);
    const [terminals, online] = fromProse(/应急广播终端(\d+)个，年末正常在线(\d+)个/);
    same(
      pct(online!, terminals!).toDecimalPlaces(1),
      num(indicators.find((i) => i.name === '应急广播终端在线率')?.actual),
    );
  });
});
