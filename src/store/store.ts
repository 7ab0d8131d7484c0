/**
 * `openStore(location)`: SQLite (a file path or ':memory:') or PostgreSQL (a postgres:// URL), migrated to the
 * latest schema before it is returned.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type MigrationResultSet,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { StoreError } from './errors.js';
import { migrationProvider } from './migrations/index.js';
import { auditRepository } from './repos/audit.js';
import { commentRepository } from './repos/comments.js';
import { evaluationRepository } from './repos/evaluations.js';
import { fileRepository } from './repos/files.js';
import { organisationRepository } from './repos/organisations.js';
import { reviewScoreRepository } from './repos/review-scores.js';
import { sessionRepository } from './repos/sessions.js';
import { taskRepository } from './repos/tasks.js';
import { userRepository } from './repos/users.js';
import type { Database } from './schema.js';
import type { Dialect, Repositories, Store } from './types.js';
import type { Db } from './util.js';

export interface OpenStoreOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** SQLite: how long a writer waits for another process's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Run migrations at open (default true). */
  migrate?: boolean;
}

/** Is `location` a PostgreSQL connection URL? */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function repositories(db: Db): Repositories {
  return {
    organisations: organisationRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    evaluations: evaluationRepository(db),
    tasks: taskRepository(db),
    comments: commentRepository(db),
    reviewScores: reviewScoreRepository(db),
    files: fileRepository(db),
    audit: auditRepository(db),
  };
}

/**
 * SQLite transactions start with BEGIN IMMEDIATE: the write lock is taken (waiting up to busy_timeout) before the
 * first read, so a transaction that reads then writes never fails with SQLITE_BUSY when another process (a second
 * server, a bulk import) wrote in between.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

function openSqlite(location: string, options: OpenStoreOptions): Kysely<Database> {
  if (location !== ':memory:' && !location.startsWith('file:'))
    mkdirSync(dirname(resolve(location)), { recursive: true });
  const database = new BetterSqlite3(location);
  database.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  database.pragma('journal_mode = WAL');
  // WAL + NORMAL: a crash of the process never loses a committed transaction; a power loss may lose the last ones.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
}

function openPostgres(location: string, options: OpenStoreOptions): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Migrations of SQLite files in progress in this process, by absolute path. */
const sqliteMigrations = new Map<string, Promise<void>>();

/** Bring the schema to the latest migration (idempotent; safe to run at every start). */
export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const provider = migrationProvider(dialect);
  let outcome: MigrationResultSet;
  if (dialect === 'sqlite') {
    // Kysely's SQLite migration lock is a no-op (it assumes one connection): two processes opening a fresh file
    // at once would both migrate. Hold SQLite's write lock for the whole run instead (BEGIN IMMEDIATE waits for
    // busy_timeout), so that the second opener finds the migrations done.
    outcome = await db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await new Migrator({ db: conn, provider, disableTransactions: true }).migrateToLatest();
        await sql.raw(result.error === undefined ? 'COMMIT' : 'ROLLBACK').execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn);
        throw error;
      }
    });
  } else {
    outcome = await new Migrator({ db, provider }).migrateToLatest();
  }
  const { error, results } = outcome;
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
    throw new StoreError('MIGRATION_FAILED', `数据库迁移失败（${failed}）：${String(error)}`, { cause: error });
  }
}

/**
 * Open the store at `location`: a SQLite file path (its folder is created), ':memory:', or a postgres:// URL.
 * Migrations run before it returns.
 */
export async function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  const dialect: Dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  const db = dialect === 'postgres' ? openPostgres(location, options) : openSqlite(location, options);
  try {
    if (options.migrate ?? true) {
      if (dialect === 'sqlite' && location !== ':memory:') {
        // Serialise this process's migrations of one file: better-sqlite3 waits for a lock synchronously, so a
        // second connection of the same process waiting for the first would block the event loop the first needs.
        const key = resolve(location);
        const run = (sqliteMigrations.get(key) ?? Promise.resolve()).then(() => migrate(db, dialect));
        const settled = run.catch(() => undefined);
        sqliteMigrations.set(key, settled);
        try {
          await run;
        } finally {
          if (sqliteMigrations.get(key) === settled) sqliteMigrations.delete(key);
        }
      } else {
        await migrate(db, dialect);
      }
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closed = false;
  const store: Store = {
    dialect,
    ...repositories(db),
    transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T> {
      return db.transaction().execute((trx) => fn(repositories(trx)));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
  kyselies.set(store, db);
  return store;
}

const kyselies = new WeakMap<Store, Kysely<Database>>();

/**
 * The Kysely instance behind a store opened by `openStore`, for bulk tools (generate.ts), benchmarks and tests.
 * Not part of the server's contract: queries made with it bypass the repositories' checks.
 */
export function kyselyOf(store: Store): Kysely<Database> {
  const db = kyselies.get(store);
  if (!db) throw new Error('kyselyOf: not a store opened by openStore');
  return db;
}
