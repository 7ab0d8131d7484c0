import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { isPostgresUrl, kyselyOf } from '../../src/store/store.js';
import { describeStores, makeDocument, seedTree, tag } from './helpers.js';

describeStores('store', (db) => {
  it('migrations are idempotent: opening the same database again (even concurrently) changes nothing', async () => {
    const { store, location } = db();
    const t = await seedTree(store);
    const [again, third] = await Promise.all([openStore(location), openStore(location)]);
    try {
      expect((await again.organisations.get(t.bureau.id))?.name).toBe(t.bureau.name);
      const migrations = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
        kyselyOf(third),
      );
      expect(migrations.rows.map((r) => r.name)).toEqual(['0001_initial']);
    } finally {
      await again.close();
      await third.close();
    }
  });

  it('a transaction commits every repository call together', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const id = await store.transaction(async (tx) => {
      const e = await tx.evaluations.create({
        unitId: t.units[0].id,
        year: 2024,
        kind: 'department',
        document: makeDocument(),
        createdBy: null,
      });
      await tx.evaluations.setState(e.id, 'draft', 'submitted');
      await tx.audit.append({ actorId: null, action: 'evaluation.submit', entityType: 'evaluation', entityId: e.id });
      return e.id;
    });
    expect((await store.evaluations.get(id))?.state).toBe('submitted');
    expect((await store.audit.listByEntity('evaluation', id)).map((a) => a.action)).toEqual(['evaluation.submit']);
  });

  it('a transaction that throws rolls everything back', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const username = `rollback-${tag()}`;
    const marker = `m-${tag()}`;
    await expect(
      store.transaction(async (tx) => {
        const e = await tx.evaluations.create({
          unitId: t.units[1].id,
          year: 2024,
          kind: 'department',
          document: makeDocument(),
          createdBy: null,
        });
        await tx.evaluations.saveVersion(e.id, 1, makeDocument({ title: '二' }), null);
        await tx.users.create({
          username,
          displayName: 'x',
          passwordHash: 'h',
          role: 'preparer',
          organisationId: t.units[1].id,
        });
        await tx.audit.append({ actorId: null, action: 'x', entityType: 'marker', entityId: marker });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await store.evaluations.findByKey(t.units[1].id, 2024, 'department')).toBeUndefined();
    expect(await store.users.getByUsername(username)).toBeUndefined();
    expect(await store.audit.listByEntity('marker', marker)).toEqual([]);
    // the store still works afterwards
    const e = await store.evaluations.create({
      unitId: t.units[1].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    expect(e.currentVersion).toBe(1);
  });

  it('a conflict inside a transaction rolls back the whole transaction', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const e = await store.evaluations.create({
      unitId: t.units[2].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.evaluations.setState(e.id, 'draft', 'submitted');
        await tx.evaluations.saveVersion(e.id, 5, makeDocument(), null);
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await store.evaluations.get(e.id))?.state).toBe('draft');
  });
});

it('recognises PostgreSQL URLs', () => {
  expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
  expect(isPostgresUrl('postgresql://u@h:5432/db')).toBe(true);
  expect(isPostgresUrl('./data/jixiao.db')).toBe(false);
  expect(isPostgresUrl(':memory:')).toBe(false);
});

it('SQLite: creates the folder, uses WAL, enforces foreign keys, closes twice safely', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-open-'));
  const file = join(dir, 'nested', 'data', 'jixiao.db');
  let store: Store | undefined;
  try {
    store = await openStore(file);
    expect(store.dialect).toBe('sqlite');
    expect(existsSync(file)).toBe(true);
    const k = kyselyOf(store);
    const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(k);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const fk = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(k);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    const timeout = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(k);
    expect(timeout.rows[0]?.timeout).toBeGreaterThan(0);
    await store.close();
    await store.close();
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('SQLite: concurrent first opens of a fresh file migrate it once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-open-'));
  const file = join(dir, 'fresh.db');
  try {
    const stores = await Promise.all([openStore(file), openStore(file), openStore(file)]);
    const names = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(kyselyOf(stores[0]!));
    expect(names.rows.map((r) => r.name)).toEqual(['0001_initial']);
    for (const s of stores) await s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('SQLite: several processes opening a fresh file at once migrate it once', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-open-'));
  const file = join(dir, 'fresh.db');
  const script = fileURLToPath(new URL('./open-store.ts', import.meta.url));
  try {
    const codes = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<number | null>((done) => {
            const child = spawn(process.execPath, ['--import', 'tsx', script, file], { stdio: 'ignore' });
            child.on('exit', (code) => done(code));
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    const store = await openStore(file);
    const names = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(kyselyOf(store));
    expect(names.rows.map((r) => r.name)).toEqual(['0001_initial']);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('SQLite in memory works for quick tools', async () => {
  const store = await openStore(':memory:');
  try {
    const t = await seedTree(store);
    expect((await store.organisations.unitsUnder(t.bureau.id)).length).toBe(4);
  } finally {
    await store.close();
  }
});
