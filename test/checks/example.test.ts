import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkEvaluation } from '../../src/checks/index.js';
import type { Evaluation } from '../../src/model/index.js';
import { getProfile } from '../../src/rules/index.js';
import { national } from './helpers.js';

// The bundled demo report is a corrected, consistent report: read by the text importer, it has no errors.
const DEMO = fileURLToPath(new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url));
const here = existsSync(DEMO);
if (!here) console.warn(`[checks] 跳过示例报告测试：找不到 ${DEMO}`);

describe.skipIf(!here)('the demo report in examples/', () => {
  it.each(['national-2020'])('has no errors under %s (the rules it cites)', async (id) => {
    let importFile: ((bytes: Uint8Array, file: string) => Promise<{ evaluation: Evaluation }>) | undefined;
    try {
      importFile = (await import('../../src/formats/import.js')).importFile;
    } catch (e) {
      console.warn(`[checks] 跳过示例报告测试：导入模块不可用（${String(e)}）`);
      return;
    }
    const { evaluation } = await importFile(readFileSync(DEMO), DEMO);
    const profile = getProfile(id) ?? national();
    const result = checkEvaluation(evaluation, profile);
    expect(result.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(result.findings.filter((x) => x.rule === 'internal')).toEqual([]);
  });
});
