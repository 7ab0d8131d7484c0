import { describe, expect, it } from 'vitest';
import { catalogue, checkEvaluation } from '../../src/checks/index.js';
import { cleanInput } from './clean.js';
import { FAULTS, withFault } from './faults.js';
import { evaluation, national } from './helpers.js';

describe('a clean, fully consistent evaluation', () => {
  it('has no findings at all, and its self score equals the recomputed one', () => {
    const result = checkEvaluation(evaluation(cleanInput()), national());
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(result.score.selfReported.total).toBe(result.score.recomputed.total);
  });
});

describe('each single injected fault makes its finding appear (whole catalogue)', () => {
  it.each(FAULTS.map((fault) => [fault.what, fault] as const))('%s', (_, fault) => {
    const result = checkEvaluation(evaluation(withFault(cleanInput, fault)), national());
    const hits = result.findings.filter((x) => x.rule === fault.rule);
    expect(
      hits.length,
      `${fault.rule} did not fire; got ${result.findings.map((x) => x.rule).join(', ')}`,
    ).toBeGreaterThan(0);
    const at = hits.flatMap((x) => x.where.map((w) => w.path));
    expect(
      at.some((p) => p === fault.path || fault.path.startsWith(`${p}.`) || p.startsWith(`${fault.path}.`)),
      `paths: ${at.join(', ')}`,
    ).toBe(true);
    for (const x of hits) {
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
      expect(x.where.length).toBeGreaterThan(0);
    }
  });

  it('every check of the catalogue is exercised by at least one injected fault', () => {
    const covered = new Set(FAULTS.map((x) => x.rule));
    expect(catalogue.map((c) => c.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});
