/**
 * A local copy of unsaved edits (browser storage), so that a closed tab, an expired session or a failed save loses
 * nothing typed. One entry per evaluation: the document and the version it was based on.
 */
import type { Evaluation } from '../../../src/model/index.js';

export interface Backup {
  evaluationId: string;
  baseVersion: number;
  savedAt: string;
  document: Evaluation;
}

/** The part of Storage used (window.localStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const key = (id: string) => `jixiao:unsaved:${id}`;

export function writeBackup(store: KeyValueStore, b: Backup): boolean {
  try {
    store.setItem(key(b.evaluationId), JSON.stringify(b));
    return true;
  } catch {
    // storage full or disabled: nothing more to do
    return false;
  }
}

export function readBackup(store: KeyValueStore, evaluationId: string): Backup | null {
  try {
    const raw = store.getItem(key(evaluationId));
    if (!raw) return null;
    const b = JSON.parse(raw) as Partial<Backup>;
    if (
      b.evaluationId !== evaluationId ||
      typeof b.baseVersion !== 'number' ||
      !b.document ||
      typeof b.document !== 'object'
    ) {
      return null;
    }
    return b as Backup;
  } catch {
    return null;
  }
}

export function clearBackup(store: KeyValueStore, evaluationId: string): void {
  try {
    store.removeItem(key(evaluationId));
  } catch {
    // ignore
  }
}

/** Does a backup hold edits beyond the given server document? (compared as JSON) */
export function backupDiffers(b: Backup, serverDocument: Evaluation): boolean {
  return JSON.stringify(b.document) !== JSON.stringify(serverDocument);
}

/** The browser's storage, or null where there is none. */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}
