import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/checks/types.js';
import { Dec, evaluationSchema, type Evaluation } from '../../../src/model/index.js';
import { hunan2018 } from '../../../src/rules/hunan-2018.js';
import { national2020 } from '../../../src/rules/national-2020.js';
import type { RuleProfile } from '../../../src/rules/types.js';
import { score } from '../../../src/scoring/index.js';
import {
  columnLetter,
  evaluateFormula,
  evaluationToXlsx,
  excelFormula,
  textUnits,
} from '../../../src/formats/xlsx/export.js';
import type { FormulaSpec } from '../../../src/formats/report/index.js';
import { openZip } from '../../../src/formats/zip-guard.js';
import { f, sampleEvaluation, sampleInput } from './fixture.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The first cell of a sheet whose text is `text`, and the cells to its right. */
function rowOf(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell[] {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === text) found = row;
  });
  if (!found) throw new Error(`no row ${text}`);
  const cells: ExcelJS.Cell[] = [];
  found.eachCell({ includeEmpty: true }, (c) => cells.push(c));
  return cells;
}

const formulaOf = (c: ExcelJS.Cell) => (c.value as ExcelJS.CellFormulaValue | null)?.formula;

describe('xlsx export: the forms with live formulas', () => {
  it('writes the sheets 基础数据表, 自评表 and 核查结果', async () => {
    const wb = await load(await evaluationToXlsx(sampleEvaluation()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基础数据表', '自评表', '核查结果']);
  });

  it('asks spreadsheet programs to recompute every formula on opening', async () => {
    const bytes = await evaluationToXlsx(sampleEvaluation());
    const xml = openZip(bytes, 'out.xlsx').xml('xl/workbook.xml');
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes sums and rates of the 基础数据表 as formulas, with the stated figures cached', async () => {
    const wb = await load(await evaluationToXlsx(sampleEvaluation()));
    const ws = wb.getWorksheet('基础数据表')!;
    const tpc = rowOf(ws, '三公经费');
    expect(formulaOf(tpc[1]!)).toMatch(/^IF\(COUNT\(B\d+,B\d+:B\d+\)=0,"",SUM\(B\d+,B\d+:B\d+\)\)$/);
    expect(tpc[1]!.result).toBe(2.8);
    expect(tpc[1]!.numFmt).toBe('0.00');
    const vehicles = rowOf(ws, '1、公务用车购置和维护经费');
    expect(formulaOf(vehicles[3]!)).toMatch(/SUM\(D\d+:D\d+\)/);
    const project = rowOf(ws, '项目支出');
    expect(formulaOf(project[5]!)).toMatch(/SUM\(F\d+:F\d+\)/);
    expect(project[5]!.result).toBe(87.5);
    // 控制率 = 实有 / 编制
    const staff = rowOf(ws, '财政供养人员情况');
    let rate: ExcelJS.Cell | undefined;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (!rate && typeof formulaOf(c) === 'string' && formulaOf(c)!.includes('/')) rate = c;
      }),
    );
    expect(staff.length).toBeGreaterThan(0);
    expect(formulaOf(rate!)).toMatch(/^IF\(OR\(D\d+="",B\d+="",N\(B\d+\)=0\),"",D\d+\/B\d+\)$/);
    expect(rate!.result).toBeCloseTo(0.9167, 10);
    expect(rate!.numFmt).toBe('0.00%');
  });

  it('writes 执行率, its score and 总分 of the 自评表 as formulas by the rule profile', async () => {
    const e = sampleEvaluation();
    const cellsOf = async (profile: RuleProfile) => {
      const ws = (await load(await evaluationToXlsx(e, { profile }))).getWorksheet('自评表')!;
      const cells: ExcelJS.Cell[] = [];
      ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
      return { ws, cells };
    };
    const national = await cellsOf(national2020);
    const rate = national.cells.find((c) => formulaOf(c)?.includes('/'));
    expect(rate?.result).toBeCloseTo(0.9813, 10);
    expect(rate?.numFmt).toBe('0.00%');
    const exec = national.cells.find((c) => formulaOf(c)?.includes('ROUND(MIN('));
    expect(exec?.result).toBe(9.81);
    const total = rowOf(national.ws, '总分').filter((c) => formulaOf(c)?.startsWith('IF(COUNT('));
    expect(total.map((c) => c.result)).toEqual([100, 97.81]);
    // 98.13% is in Hunan 2018's 95% tier (8 points): the stated 9.81 disagrees with the tiered formula, so it stays as
    // written, with the formula in its note
    const tiered = await cellsOf(hunan2018);
    expect(tiered.cells.some((c) => formulaOf(c)?.includes('ROUND('))).toBe(false);
    const kept = tiered.cells.find((c) => typeof c.note === 'string' && c.note.includes('IF(') && c.value === 9.81);
    expect(kept?.note).toContain('计算为 8');
  });

  it('keeps a figure that disagrees with its formula as written, shaded, with the formula in a note', async () => {
    const input = sampleInput();
    input.basicData!.threePublicCosts!.total!.currentFinal = f('9.99');
    const wb = await load(await evaluationToXlsx(evaluationSchema.parse(input)));
    const tpc = rowOf(wb.getWorksheet('基础数据表')!, '三公经费');
    const cell = tpc[5]!;
    expect(cell.value).toBe(9.99);
    expect(String(cell.note)).toContain('报告填写为 9.99');
    expect(String(cell.note)).toContain('2.6');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFDE2E1');
    // the column next to it still agrees and stays a formula
    expect(formulaOf(tpc[3]!)).toBeDefined();
  });

  it('gives a blank total a live formula and no cached value (blank until the workbook recomputes)', async () => {
    const input = sampleInput();
    delete input.basicData!.threePublicCosts!.total!.currentBudget;
    const wb = await load(await evaluationToXlsx(evaluationSchema.parse(input)));
    const cell = rowOf(wb.getWorksheet('基础数据表')!, '三公经费')[3]!;
    expect(formulaOf(cell)).toMatch(/SUM/);
    expect(cell.result).toBeUndefined();
  });

  it('sets up printing: A4, fit to one page wide, frozen title rows, 附件 label in the page header', async () => {
    const wb = await load(await evaluationToXlsx(sampleEvaluation()));
    for (const name of ['基础数据表', '自评表']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen' });
      expect((ws.views[0] as { ySplit?: number }).ySplit).toBeGreaterThan(0);
      expect(ws.headerFooter.oddHeader).toMatch(/^&L&12附件\d/);
      expect(Object.keys(ws.model.merges ?? {}).length + (ws.model.merges?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('lists the findings on 核查结果', async () => {
    const findings: Finding[] = [
      {
        rule: 'xtable.test',
        severity: 'error',
        message: '甲与乙不一致',
        where: [{ path: 'finances.income', source: { file: 'a.txt', line: 12, text: '本年收入' } }],
        values: {},
        fix: '改为一致',
      },
    ];
    const wb = await load(await evaluationToXlsx(sampleEvaluation(), { review: { findings } }));
    const ws = wb.getWorksheet('核查结果')!;
    const row = rowOf(ws, '1').map((c) => c.value);
    expect(row).toEqual(['1', '错误', 'xtable.test', '甲与乙不一致', '第12行', '改为一致']);
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('adds 计分复核 with the score sheet', async () => {
    const e = sampleEvaluation();
    const sheet = score(e, national2020);
    const wb = await load(await evaluationToXlsx(e, { review: { sheet, findings: [] } }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['基础数据表', '自评表', '核查结果', '计分复核']);
    const total = rowOf(wb.getWorksheet('计分复核')!, '总分').map((c) => c.value);
    expect(total).toContain(sheet.total.recomputed);
  });
});

describe('xlsx formulas mean what scoring means', () => {
  const ids = ['rate', 'weight'];
  const sheet = {
    placements: [],
    byId: new Map(
      ids.map((id, i) => [id, { cell: { text: '', id }, row: i, col: 0, rowSpan: 1, colSpan: 1 }] as const),
    ),
    address: (p: { row: number; col: number }) => `${columnLetter(p.col + 1)}${p.row + 1}`,
  };
  const spec = (p: RuleProfile): FormulaSpec => ({
    op: 'executionScore',
    rate: 'rate',
    weight: 'weight',
    mode: p.execution.mode,
    cap: p.execution.cap,
    tiers: p.execution.tiers,
    decimals: p.rounding,
  });

  it('writes the tiered score as nested IFs from the profile’s tiers', () => {
    expect(excelFormula(spec(hunan2018), sheet)).toBe(
      'IF(OR(A1="",A2=""),"",ROUND(IF(A1>=1,1,IF(A1>=0.95,0.8,IF(A1>=0.9,0.6,IF(A1>=0.85,0.4,IF(A1>=0.8,0.2,IF(A1>=0,0,0))))))*A2,2))',
    );
    expect(excelFormula(spec(national2020), sheet)).toBe('IF(OR(A1="",A2=""),"",ROUND(MIN(A1,1)*A2,2))');
  });

  it('gives the execution score scoring gives, for any budget and spending (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 12_000_000 }),
        fc.constantFrom(national2020, hunan2018),
        (budgetFen, spentFen, profile) => {
          const budget = new Dec(budgetFen).div(100).toFixed(2);
          const spent = new Dec(spentFen).div(100).toFixed(2);
          const input = sampleInput();
          input.selfEvaluation!.funding = { adjustedBudget: f(budget), executed: f(spent), weight: f('10') };
          const e: Evaluation = evaluationSchema.parse(input);
          const expected = score(e, profile).execution.recomputed;
          const rate = new Dec(spent).div(budget);
          const got = evaluateFormula(spec(profile), (id) => (id === 'rate' ? rate : new Dec(10)));
          expect(got?.toNumber()).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sums blank-aware and divides zero-safe', () => {
    const v = (m: Record<string, string | undefined>) => (id: string) => (m[id] ? new Dec(m[id]!) : undefined);
    expect(evaluateFormula({ op: 'sum', of: ['a', 'b'] }, v({}))).toBeUndefined();
    expect(evaluateFormula({ op: 'sum', of: ['a', 'b'] }, v({ a: '0.10', b: '0.20' }))?.toFixed()).toBe('0.3');
    expect(evaluateFormula({ op: 'ratio', num: 'a', den: 'b' }, v({ a: '1', b: '0' }))).toBeUndefined();
    expect(textUnits('总分')).toBe(4);
  });
});
