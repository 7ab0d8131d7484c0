// The real seed report and its office-made twins, imported and scored end to end. Skips (visibly) without ../shared.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/formats/import.js';
import { getProfile } from '../../src/rules/index.js';
import { score } from '../../src/scoring/score.js';

const shared = (path: string) => fileURLToPath(new URL(`../../../shared/${path}`, import.meta.url));
const FILES = [
  shared('seed/beita-rongmeiti-2023.txt'),
  shared('fixtures/beita-rongmeiti-2023.docx'),
  shared('fixtures/beita-rongmeiti-2023-tables.xlsx'),
  shared('fixtures/beita-rongmeiti-2023.pdf'),
];
const present = FILES.every((f) => existsSync(f));
if (!present) console.warn('跳过：未找到 ../shared 下的样本报告及其 Office 文件，种子报告的端到端计分测试未运行');

async function sheetOf(file: string, profileId: string) {
  const { evaluation } = await importFile(new Uint8Array(await readFile(file)), file);
  return score(evaluation, getProfile(profileId)!);
}

describe.skipIf(!present)('the seed report, scored', () => {
  it('Hunan profile: every row explained, the cost row recomputed, 优秀 either way', async () => {
    const sheet = await sheetOf(FILES[0]!, 'hunan');
    expect(sheet.execution.recomputed).toBe(10);
    expect(sheet.items).toHaveLength(11);
    expect(sheet.total.unscorable).toBe(0);
    for (const item of sheet.items) expect(item.formula).not.toBe('');
    // the 成本指标 row states no direction: reverse, 10 × 182.32 ÷ 312.95 = 5.83 where the unit wrote 7
    const cost = sheet.items.find((i) => i.subcategory === 'cost')!;
    expect(cost).toMatchObject({
      method: 'reverseRatio',
      weight: 10,
      selfScore: 7,
      recomputed: 5.83,
      difference: 1.17,
    });
    expect(cost.flags).toContain('directionAssumed');
    // 1050 against ≥800 is 131%: a deviation note is required
    expect(sheet.items[0]!.flags).toEqual(['overAchieve', 'overAchieveNoteRequired']);
    expect(sheet.total).toMatchObject({ weight: 100, recomputed: 93.83, selfReportedTable: 95, selfScoreSum: 95 });
    expect(sheet.grade.recomputed.label).toBe('优秀');
    expect(sheet.grade.selfReported?.label).toBe('优秀');
  });

  it('all four formats score the same', async () => {
    const totals = await Promise.all(FILES.map(async (f) => (await sheetOf(f, 'national-2020')).total.recomputed));
    expect(new Set(totals)).toEqual(new Set([93.83]));
  });
});
