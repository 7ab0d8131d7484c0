/**
 * The storage layer: `openStore(location)` opens (and migrates) a SQLite file, ':memory:', or a postgres:// URL.
 * See ./types.ts for the full contract.
 */
export { openStore } from './store.js';
export type { OpenStoreOptions } from './store.js';
export * from './types.js';
export * from './errors.js';
