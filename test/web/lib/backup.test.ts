import { describe, expect, it } from 'vitest';
import { evaluationSchema } from '../../../src/model/index.js';
import {
  backupDiffers,
  clearBackup,
  readBackup,
  writeBackup,
  type KeyValueStore,
} from '../../../web/src/lib/backup.js';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('local backup of unsaved edits', () => {
  const doc = evaluationSchema.parse({ kind: 'department', year: 2024, unit: { name: '甲' } });

  it('round-trips and clears', () => {
    const s = memoryStore();
    expect(writeBackup(s, { evaluationId: 'e1', baseVersion: 3, savedAt: 'now', document: doc })).toBe(true);
    expect(readBackup(s, 'e1')).toEqual({ evaluationId: 'e1', baseVersion: 3, savedAt: 'now', document: doc });
    expect(readBackup(s, 'e2')).toBeNull();
    clearBackup(s, 'e1');
    expect(readBackup(s, 'e1')).toBeNull();
  });

  it('ignores damaged entries and full storage', () => {
    const s = memoryStore();
    s.data.set('jixiao:unsaved:e1', '{not json');
    expect(readBackup(s, 'e1')).toBeNull();
    s.data.set('jixiao:unsaved:e1', JSON.stringify({ evaluationId: 'other', baseVersion: 1, document: {} }));
    expect(readBackup(s, 'e1')).toBeNull();
    const full: KeyValueStore = {
      ...s,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeBackup(full, { evaluationId: 'e1', baseVersion: 1, savedAt: '', document: doc })).toBe(false);
  });

  it('tells whether the backup holds edits', () => {
    const b = { evaluationId: 'e1', baseVersion: 1, savedAt: '', document: doc };
    expect(backupDiffers(b, doc)).toBe(false);
    expect(backupDiffers(b, { ...doc, unit: { name: '乙' } })).toBe(true);
  });
});
