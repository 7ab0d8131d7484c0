import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/checks/index.js';
import type { CheckFamily } from '../../src/checks/index.js';
import { cleanInput } from './clean.js';
import { FAULTS, withFault } from './faults.js';
import { evaluation, paths, run } from './helpers.js';

/**
 * For every check of a family: it passes on the clean evaluation and fires, at the expected place, on the
 * injected fault(s) made for it.
 */
export function familySuite(family: CheckFamily): void {
  const checks = catalogue.filter((c) => c.family === family);
  describe(`${family}: every check passes on the clean evaluation and fires on its fault`, () => {
    it.each(checks.map((c) => [c.id] as const))('%s', (id) => {
      expect(run(evaluation(cleanInput()), id)).toEqual([]);
      const faults = FAULTS.filter((x) => x.rule === id);
      expect(faults.length, `no injected fault for ${id}`).toBeGreaterThan(0);
      for (const fault of faults) {
        const found = run(evaluation(withFault(cleanInput, fault)), id);
        expect(found.length, fault.what).toBeGreaterThan(0);
        expect(
          paths(found).some(
            (p) => p === fault.path || fault.path.startsWith(`${p}.`) || p.startsWith(`${fault.path}.`),
          ),
          `${fault.what}: ${paths(found).join(', ')}`,
        ).toBe(true);
        for (const x of found) expect(['error', 'warning', 'info']).toContain(x.severity);
      }
    });
  });
}
