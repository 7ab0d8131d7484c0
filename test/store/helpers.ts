/**
 * Run store tests against both databases: SQLite (a real temp file) and PostgreSQL at JIXIAO_TEST_PG_URL (a fresh
 * database per describe block, dropped afterwards). Without the variable the PostgreSQL half is skipped with a
 * warning, except under CI, where its absence is a failing test.
 *   JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npx vitest run test/store
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { evaluationSchema, type Evaluation, type EvaluationInput } from '../../src/model/index.js';
import { openStore, type Dialect, type Organisation, type Store } from '../../src/store/index.js';

export const PG_URL = process.env.JIXIAO_TEST_PG_URL;
export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDb {
  dialect: Dialect;
  /** the store opened on the database for this describe block */
  store: Store;
  /** where it lives: a SQLite file path or a postgres:// URL */
  location: string;
  /** Run raw SQL on a separate connection (triggers, direct UPDATEs the API does not offer). */
  raw(statement: string): Promise<void>;
}

let warned = false;

async function createTestDb(dialect: Dialect): Promise<TestDb & { dispose(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-store-'));
    const location = join(dir, 'store.db');
    const store = await openStore(location);
    return {
      dialect,
      store,
      location,
      async raw(statement: string) {
        const db = new BetterSqlite3(location);
        try {
          db.pragma('busy_timeout = 5000');
          db.exec(statement);
        } finally {
          db.close();
        }
      },
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('JIXIAO_TEST_PG_URL is not set');
  const name = `jixiao_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const location = url.toString();
  const store = await openStore(location);
  const raw = async (statement: string) => {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    dialect,
    store,
    location,
    raw,
    async dispose() {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * `describe` the same tests once per database. `db()` gives the TestDb inside tests (opened in beforeAll).
 */
export function describeStores(title: string, body: (db: () => TestDb) => void): void {
  for (const dialect of DIALECTS) {
    const name = `${title} [${dialect}]`;
    if (dialect === 'postgres' && !PG_URL) {
      if (process.env.CI) {
        describe(name, () => {
          it('needs PostgreSQL: JIXIAO_TEST_PG_URL must be set under CI', () => {
            throw new Error('CI must run the store tests on PostgreSQL: set JIXIAO_TEST_PG_URL (scripts/pg-test.sh)');
          });
        });
        continue;
      }
      if (!warned) {
        warned = true;
        console.warn(
          'JIXIAO_TEST_PG_URL is not set: the PostgreSQL half of the store tests is SKIPPED. ' +
            'Run: JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npx vitest run test/store',
        );
      }
      describe.skip(name, () => body(() => unavailable()));
      continue;
    }
    describe(name, () => {
      let ctx: (TestDb & { dispose(): Promise<void> }) | undefined;
      beforeAll(async () => {
        ctx = await createTestDb(dialect);
      });
      afterAll(async () => {
        await ctx?.dispose();
      });
      body(() => {
        if (!ctx) throw new Error('test database not opened');
        return ctx;
      });
    });
  }
}

function unavailable(): never {
  throw new Error('database unavailable');
}

/** A unique suffix so that tests sharing one database do not see each other's rows. */
export function tag(): string {
  return randomBytes(4).toString('hex');
}

export interface Tree {
  tag: string;
  bureau: Organisation;
  departments: [Organisation, Organisation];
  /** units [0], [1] under departments[0]; [2] under departments[1]; [3] directly under the bureau */
  units: [Organisation, Organisation, Organisation, Organisation];
}

/** A small organisation tree with unique names: 财政局 → 2 主管部门 → 4 预算单位 (one straight under the bureau). */
export async function seedTree(store: Store, label = tag()): Promise<Tree> {
  const o = store.organisations;
  const bureau = await o.create({ kind: 'bureau', name: `测试财政局${label}` });
  const d1 = await o.create({ kind: 'department', name: `测试教育局${label}`, parentId: bureau.id });
  const d2 = await o.create({ kind: 'department', name: `测试卫健委${label}`, parentId: bureau.id });
  const u1 = await o.create({ kind: 'unit', name: `测试第一中学${label}`, parentId: d1.id, code: 'U1' });
  const u2 = await o.create({ kind: 'unit', name: `测试第二小学${label}`, parentId: d1.id });
  const u3 = await o.create({ kind: 'unit', name: `测试人民医院${label}`, parentId: d2.id });
  const u4 = await o.create({ kind: 'unit', name: `测试机关事务中心${label}`, parentId: bureau.id });
  return { tag: label, bureau, departments: [d1, d2], units: [u1, u2, u3, u4] };
}

/** A valid Evaluation (defaults filled in by the model's schema). */
export function makeDocument(input: Partial<EvaluationInput> = {}): Evaluation {
  return evaluationSchema.parse({ kind: 'department', title: '测试报告', ...input });
}

/** A figure in 万元. */
export function wan(value: string) {
  return { text: `${value}万元`, q: { kind: 'number' as const, value, unit: '万元' } };
}
