/**
 * The in-code migration provider: every migration is a TS module here, listed in order. Names sort
 * lexicographically (Kysely's Migrator runs them in name order); never rename or edit a released migration,
 * add a new one.
 */
import type { Migration, MigrationProvider } from 'kysely';
import type { Dialect } from '../types.js';
import { initialMigration } from './0001_initial.js';

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_initial': initialMigration(dialect),
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}
