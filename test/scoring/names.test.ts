import { describe, expect, it } from 'vitest';
import { FLAG_NAMES, METHOD_NAMES } from '../../src/scoring/index.js';

describe('names users see', () => {
  it('every method and flag has a Chinese name, all different', () => {
    for (const names of [METHOD_NAMES, FLAG_NAMES]) {
      const values = Object.values(names);
      for (const v of values) expect(v).toMatch(/[\u4e00-\u9fff]/);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});
