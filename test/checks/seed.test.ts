import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvaluation } from '../../src/checks/index.js';
import type { CheckResult, Finding } from '../../src/checks/index.js';
import type { Evaluation } from '../../src/model/index.js';
import { national } from './helpers.js';

// The real seed report, read by the importers, must show every fault a reviewer finds in it (asserted by rule id
// and path, never by message text). The seed and its office-made copies live outside the repository.

const shared = (p: string): string => fileURLToPath(new URL(`../../../shared/${p}`, import.meta.url));
const SEED = shared('seed/beita-rongmeiti-2023.txt');
const FIXTURES = {
  docx: shared('fixtures/beita-rongmeiti-2023.docx'),
  pdf: shared('fixtures/beita-rongmeiti-2023.pdf'),
  xlsx: shared('fixtures/beita-rongmeiti-2023-tables.xlsx'),
};
const haveSeed = existsSync(SEED);
if (!haveSeed) console.warn(`[checks] 跳过真实样本测试：找不到 ${SEED}`);

type Importer = (bytes: Uint8Array, file: string) => Promise<{ evaluation: Evaluation }>;
async function importer(): Promise<Importer | undefined> {
  try {
    const mod = await import('../../src/formats/import.js');
    return mod.importFile as Importer;
  } catch (e) {
    console.warn(`[checks] 跳过真实样本测试：导入模块不可用（${String(e)}）`);
    return undefined;
  }
}

async function check(file: string): Promise<{ ev: Evaluation; result: CheckResult } | undefined> {
  const importFile = await importer();
  if (!importFile) return undefined;
  const { evaluation } = await importFile(readFileSync(file), file);
  return { ev: evaluation, result: checkEvaluation(evaluation, national()) };
}

/** The path of the first indicator whose name contains `word` (the seed's own words are fine in a test). */
function indicatorPath(ev: Evaluation, word: string): string {
  const i = (ev.selfEvaluation?.indicators ?? []).findIndex((x) => x.name.includes(word));
  if (i < 0) throw new Error(`no indicator containing ${word}`);
  return `selfEvaluation.indicators.${i}`;
}

function find(findings: readonly Finding[], rule: string, path?: string): Finding[] {
  return findings.filter(
    (x) =>
      x.rule === rule && (path === undefined || x.where.some((w) => w.path === path || w.path.startsWith(`${path}.`))),
  );
}

interface Expected {
  fault: string;
  rule: string;
  path?: (ev: Evaluation) => string;
  severity?: Finding['severity'];
  /** the finding rests on text outside the two tables: the prose or the tables' footers (not in a workbook) */
  prose?: boolean;
  /** more checks on the finding */
  also?: (found: Finding[], ev: Evaluation) => void;
}

const EXPECTED: readonly Expected[] = [
  {
    fault: 'a 三公预算 表0.30 vs 正文0',
    rule: 'xtable.three-public-costs',
    path: () => 'basicData.threePublicCosts.total.currentBudget',
    prose: true,
  },
  {
    fault: 'a 公务接待 表0.30 vs 正文0',
    rule: 'xtable.three-public-costs',
    path: () => 'basicData.threePublicCosts.officialReception.currentBudget',
    prose: true,
  },
  {
    fault: 'b 项目支出预算 104 vs 0',
    rule: 'xtable.project-expenditure',
    path: () => 'basicData.projectExpenditure.total.currentBudget',
    severity: 'error',
  },
  {
    fault: 'b 项目支出 预算104 决算0 无说明',
    rule: 'plaus.budget-line-deviation',
    path: () => 'basicData.projectExpenditure.total.currentFinal',
  },
  {
    fault: 'c 年初预算数三处不一',
    rule: 'xtable.initial-budget',
    path: () => 'selfEvaluation.funding.initialBudget',
    severity: 'error',
    prose: true,
    also: (found, ev) => {
      const at = found.flatMap((x) => x.where.map((w) => w.path));
      expect(at).toContain('finances.basic.initialBudget');
      expect(at).toContain(`${indicatorPath(ev, '预算')}.target`);
    },
  },
  {
    fault: 'd 成本指标得分应为5.83',
    rule: 'arith.indicator-score',
    path: (ev) => `${indicatorPath(ev, '预算')}.selfScore`,
    severity: 'error',
    also: (found) => expect(found[0]?.values.recomputed).toBe(5.83),
  },
  { fault: 'd 成本超支72%', rule: 'plaus.cost-overrun', path: (ev) => `${indicatorPath(ev, '预算')}.actual` },
  {
    fault: 'd 成本扣分无偏差说明',
    rule: 'plaus.deviation-note-missing',
    path: (ev) => `${indicatorPath(ev, '预算')}.deviationNote`,
  },
  { fault: 'd 总分重算不符', rule: 'arith.total-recomputed', severity: 'error' },
  {
    fault: 'e 影响力 扣分无说明',
    rule: 'plaus.deviation-note-missing',
    path: (ev) => `${indicatorPath(ev, '影响力')}.deviationNote`,
  },
  {
    fault: 'e 覆盖率 扣分无说明',
    rule: 'plaus.deviation-note-missing',
    path: (ev) => `${indicatorPath(ev, '覆盖率')}.deviationNote`,
  },
  {
    fault: 'e 影响力 已达成却扣分',
    rule: 'plaus.achieved-but-deducted',
    path: (ev) => `${indicatorPath(ev, '影响力')}.selfScore`,
  },
  {
    fault: 'e 覆盖率 已达成却扣分',
    rule: 'plaus.achieved-but-deducted',
    path: (ev) => `${indicatorPath(ev, '覆盖率')}.selfScore`,
  },
  {
    fault: 'f 联系电话不同',
    rule: 'xtable.contact-phone',
    path: () => 'selfEvaluation.meta.contactPhone',
    prose: true,
  },
  { fault: 'g 填报单位为空', rule: 'compl.unit-name', path: () => 'basicData.meta.unitName' },
  { fault: 'g 预期目标为空', rule: 'compl.overall-goal', path: () => 'selfEvaluation.overallGoal.expected' },
  { fault: 'g 实际完成情况为空', rule: 'compl.overall-goal', path: () => 'selfEvaluation.overallGoal.actual' },
  { fault: 'h 截至11月30日', rule: 'plaus.data-cutoff', path: () => 'narrative.sections', prose: true },
  {
    fault: 'i 视频分项301≠331',
    rule: 'narr.parts-sum',
    path: () => 'narrative.sections',
    prose: true,
    also: (found) => expect(found.some((x) => x.values.sum === '301')).toBe(true),
  },
  {
    fault: 'i 短视频556 vs 正文331',
    rule: 'narr.indicator-vs-prose',
    path: (ev) => `${indicatorPath(ev, '推出短视频')}.actual`,
    prose: true,
  },
  {
    fault: 'j 公用经费23倍',
    rule: 'plaus.budget-line-deviation',
    path: () => 'basicData.publicFunds.total.currentFinal',
  },
  {
    fault: 'j 政府采购近2倍',
    rule: 'plaus.budget-line-deviation',
    path: () => 'basicData.governmentProcurement.currentFinal',
  },
  {
    fault: 'k 基本支出预算+285%无说明',
    rule: 'plaus.budget-adjustment',
    path: () => 'finances.basic.adjustedBudget',
    prose: true,
  },
  { fault: 'l 满意度实际值无%', rule: 'struct.unit-mismatch', path: (ev) => `${indicatorPath(ev, '满意度')}.actual` },
  {
    fault: 'l 优稿率无%',
    rule: 'struct.unit-missing',
    path: (ev) => `${indicatorPath(ev, '优稿率')}.target`,
    severity: 'warning',
  },
  {
    fault: 'l 满意度无调查方法',
    rule: 'plaus.satisfaction-evidence',
    path: (ev) => `${indicatorPath(ev, '满意度')}.actual`,
    prose: true,
  },
  { fault: 'm 楼堂馆所2022年', rule: 'plaus.year-mismatch', path: () => 'basicData.buildings.label' },
  {
    fault: 'm 模板占位符与填表说明',
    rule: 'compl.template-text',
    also: (found, ev) => {
      const at = found.flatMap((x) => x.where.map((w) => w.path));
      const ellipsis = (ev.selfEvaluation?.indicators ?? []).findIndex((x) => x.name === '……');
      expect(at).toContain(`selfEvaluation.indicators.${ellipsis}.name`);
      expect(found.some((x) => Object.values(x.values).some((v) => String(v).includes('一个专项一行')))).toBe(true);
    },
  },
  {
    fault: 'm 生态效益、可持续影响为空',
    rule: 'compl.empty-subcategory',
    also: (found, ev) => {
      const keys = found.flatMap((x) =>
        x.where.map(
          (w) => ev.selfEvaluation?.indicators[Number(/indicators\.(\d+)/.exec(w.path)?.[1])]?.subcategoryKey,
        ),
      );
      expect(keys).toContain('ecological');
      expect(keys).toContain('sustainability');
    },
  },
  {
    fault: 'n 缺结果应用情况',
    rule: 'compl.missing-section',
    prose: true,
    also: (found) => expect(found.map((x) => x.values.section)).toContain('resultUse'),
  },
  {
    fault: 'n 下一步改进措施未编号',
    rule: 'compl.section-order',
    prose: true,
    also: (found, ev) => {
      const i = ev.narrative.sections.findIndex((s) => s.key === 'improvements');
      expect(found.flatMap((x) => x.where.map((w) => w.path))).toContain(`narrative.sections.${i}`);
    },
  },
  {
    fault: 'o 覆盖率目标写“提升”',
    rule: 'struct.qualitative-measurable',
    path: (ev) => `${indicatorPath(ev, '覆盖率')}.target`,
  },
  { fault: 'o “提升”无标准', rule: 'struct.vague-target', path: (ev) => `${indicatorPath(ev, '影响力')}.target` },
  {
    fault: 'p 单位名称前缀不同',
    rule: 'xtable.unit-name',
    path: () => 'selfEvaluation.meta.unitName',
    severity: 'info',
    prose: true,
  },
];

function assertAll(ev: Evaluation, result: CheckResult, withProse: boolean): void {
  const missing: string[] = [];
  for (const e of EXPECTED) {
    if (e.prose && !withProse) continue;
    const found = find(result.findings, e.rule, e.path?.(ev));
    if (found.length === 0) {
      missing.push(`${e.fault}（${e.rule}${e.path ? ` @ ${e.path(ev)}` : ''}）`);
      continue;
    }
    if (e.severity)
      expect(
        found.map((x) => x.severity),
        e.fault,
      ).toContain(e.severity);
    e.also?.(found, ev);
  }
  expect(missing).toEqual([]);
}

describe.skipIf(!haveSeed)('the real seed report (text)', () => {
  it('shows every fault a reviewer finds in it, with errors, and sources for table findings', async () => {
    const r = await check(SEED);
    if (!r) return;
    assertAll(r.ev, r.result, true);
    expect(r.result.summary.errors).toBeGreaterThan(0);
    expect(r.result.score.selfReported.total).toBe(95);
    expect(r.result.score.recomputed.total).toBeLessThan(95);
    // a finding about a table cell carries the line it came from
    const phone = find(r.result.findings, 'xtable.contact-phone')[0];
    expect(phone?.where.every((w) => w.source?.line !== undefined)).toBe(true);
  });

  it('never reports an internal failure', async () => {
    const r = await check(SEED);
    if (!r) return;
    expect(r.result.findings.filter((x) => x.rule === 'internal')).toEqual([]);
  });
});

for (const [format, file] of Object.entries(FIXTURES)) {
  const here = existsSync(file);
  if (!here) console.warn(`[checks] 跳过 ${format} 样本测试：找不到 ${file}`);
  describe.skipIf(!here)(`the seed report as an office-made .${format}`, () => {
    it('shows the same faults as the text (tables-only faults for a workbook)', async () => {
      const r = await check(file);
      if (!r) return;
      assertAll(r.ev, r.result, format !== 'xlsx');
    });
  });
}
