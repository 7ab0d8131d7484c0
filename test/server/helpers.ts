/**
 * API test harness: the app on a real store — SQLite (a temp file) always, PostgreSQL (a fresh database per
 * describe block) when JIXIAO_TEST_PG_URL is set. Without it the PostgreSQL half is skipped with a warning, except
 * under CI, where its absence fails.
 *   JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npx vitest run test/server
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { importFile } from '../../src/formats/import.js';
import type { Evaluation } from '../../src/model/index.js';
import { createApp, type CreateAppOptions } from '../../src/server/app.js';
import { hashPassword, type ScryptParams } from '../../src/server/auth/password.js';
import { CSRF_HEADER } from '../../src/server/auth/session.js';
import {
  openStore,
  type Dialect,
  type EvaluationRecord,
  type EvaluationState,
  type Organisation,
  type Role,
  type Store,
  type User,
} from '../../src/store/index.js';

export const PG_URL = process.env.JIXIAO_TEST_PG_URL;
/** Cheap hashes for tests (the production default costs ~50 ms per hash). */
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct-horse-7';
export const DEMO_FILE = new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url);

export type App = ReturnType<typeof createApp>;

export interface TestDb {
  dialect: Dialect;
  store: Store;
  location: string;
  dispose(): Promise<void>;
}

export async function openTestDb(dialect: Dialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-server-'));
    const location = join(dir, 'server.sqlite');
    const store = await openStore(location);
    return {
      dialect,
      store,
      location,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!PG_URL) throw new Error('JIXIAO_TEST_PG_URL is not set');
  const name = `jixiao_srv_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const location = url.toString();
  const store = await openStore(location, { poolSize: 20 });
  return {
    dialect,
    store,
    location,
    async dispose() {
      await store.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let warned = false;

/** The dialects to test on: SQLite always; PostgreSQL when configured (a failing test under CI when not). */
export function describeBackends(
  title: string,
  body: (env: () => TestEnv) => void,
  options: Partial<CreateAppOptions> = {},
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const name = `${title} [${dialect}]`;
    if (dialect === 'postgres' && !PG_URL) {
      if (process.env.CI) {
        describe(name, () => {
          it('needs PostgreSQL: JIXIAO_TEST_PG_URL must be set under CI', () => {
            throw new Error('CI must run the API tests on PostgreSQL: set JIXIAO_TEST_PG_URL (scripts/pg-test.sh)');
          });
        });
        continue;
      }
      if (!warned) {
        warned = true;
        console.warn(
          'JIXIAO_TEST_PG_URL is not set: the PostgreSQL half of the API tests is SKIPPED. ' +
            'Run: JIXIAO_TEST_PG_URL=$(scripts/pg-test.sh) npx vitest run test/server',
        );
      }
      describe.skip(name, () => body(() => unavailable()));
      continue;
    }
    describe(name, () => {
      let env: TestEnv | undefined;
      beforeAll(async () => {
        const db = await openTestDb(dialect);
        env = await makeEnv(db, options);
      });
      afterAll(async () => {
        await env?.db.dispose();
      });
      body(() => {
        if (!env) throw new Error('test environment not ready');
        return env;
      });
    });
  }
}

function unavailable(): never {
  throw new Error('database unavailable');
}

// ───────────────────────────── the world ─────────────────────────────

/**
 * Two bureaus. Bureau A: department DA with units UA1, UA2. Bureau B: department DB with unit UB1. Users of every
 * role in UA1 / bureau A (the actors of the tests), and in UA2 and bureau B (owners of "other" resources).
 */
export interface World {
  bureauA: Organisation;
  bureauB: Organisation;
  deptA: Organisation;
  deptB: Organisation;
  unitA1: Organisation;
  unitA2: Organisation;
  unitB1: Organisation;
  users: {
    preparer: User;
    unitApprover: User;
    reviewer: User;
    admin: User;
    preparerA2: User;
    approverA2: User;
    preparerB1: User;
    reviewerB: User;
    adminB: User;
  };
}

export async function seedWorld(store: Store): Promise<World> {
  const t = randomBytes(3).toString('hex');
  const o = store.organisations;
  const bureauA = await o.create({ kind: 'bureau', name: `甲区财政局${t}` });
  const bureauB = await o.create({ kind: 'bureau', name: `乙区财政局${t}` });
  const deptA = await o.create({ kind: 'department', name: `甲区教育局${t}`, parentId: bureauA.id });
  const deptB = await o.create({ kind: 'department', name: `乙区卫健委${t}`, parentId: bureauB.id });
  const unitA1 = await o.create({ kind: 'unit', name: `甲区第一中学${t}`, parentId: deptA.id });
  const unitA2 = await o.create({ kind: 'unit', name: `甲区实验小学${t}`, parentId: deptA.id });
  const unitB1 = await o.create({ kind: 'unit', name: `乙区人民医院${t}`, parentId: deptB.id });
  const hash = await hashPassword(PASSWORD, FAST_SCRYPT);
  const add = (username: string, role: Role, org: Organisation) =>
    store.users.create({
      username: `${username}-${t}`,
      displayName: username,
      passwordHash: hash,
      role,
      organisationId: org.id,
    });
  return {
    bureauA,
    bureauB,
    deptA,
    deptB,
    unitA1,
    unitA2,
    unitB1,
    users: {
      preparer: await add('preparer', 'preparer', unitA1),
      unitApprover: await add('approver', 'unitApprover', unitA1),
      reviewer: await add('reviewer', 'reviewer', bureauA),
      admin: await add('admin', 'admin', bureauA),
      preparerA2: await add('preparer-a2', 'preparer', unitA2),
      approverA2: await add('approver-a2', 'unitApprover', unitA2),
      preparerB1: await add('preparer-b1', 'preparer', unitB1),
      reviewerB: await add('reviewer-b', 'reviewer', bureauB),
      adminB: await add('admin-b', 'admin', bureauB),
    },
  };
}

let template: Promise<Evaluation> | undefined;

/** The demo report, imported once. */
export function demoDocument(): Promise<Evaluation> {
  template ??= importFile(new Uint8Array(readFileSync(DEMO_FILE)), 'shili-rongmeiti-2024.txt').then(
    (r) => r.evaluation,
  );
  return template.then((e) => structuredClone(e));
}

export const demoBytes = (): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(DEMO_FILE));

let counter = 0;

/**
 * An evaluation of the demo document straight in the store, in any state: a project evaluation with a fresh
 * project name, so that tests never collide on the natural key (unit, year, kind, project).
 */
export async function makeEvaluation(
  store: Store,
  unit: Organisation,
  state: EvaluationState = 'draft',
  year = 2024,
): Promise<EvaluationRecord> {
  const document = await demoDocument();
  const projectName = `测试项目${++counter}-${randomBytes(2).toString('hex')}`;
  return store.evaluations.create({
    unitId: unit.id,
    year,
    kind: 'project',
    projectName,
    document: { ...document, year, kind: 'project', project: { name: projectName } },
    createdBy: null,
    state,
  });
}

// ───────────────────────────── clients ─────────────────────────────

export interface RequestOptions {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** leave the CSRF header out */
  noCsrf?: boolean;
}

/** A logged-in browser: the session cookie and the CSRF token. */
export class Client {
  constructor(
    readonly app: App,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly user: User,
  ) {}

  request(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie, ...(options.headers ?? {}) };
    if (!options.noCsrf) headers[CSRF_HEADER] = this.csrfToken;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    }
    return Promise.resolve(this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
  }

  get(path: string, options?: RequestOptions): Promise<Response> {
    return this.request('GET', path, options);
  }
  post(path: string, json?: unknown, options: RequestOptions = {}): Promise<Response> {
    return this.request('POST', path, json === undefined ? options : { ...options, json });
  }
  put(path: string, json: unknown, options: RequestOptions = {}): Promise<Response> {
    return this.request('PUT', path, { ...options, json });
  }
  patch(path: string, json: unknown, options: RequestOptions = {}): Promise<Response> {
    return this.request('PATCH', path, { ...options, json });
  }
}

/** The cookie header a browser would send back after this response. */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !/=$/.test(c))
    .join('; ');
}

export async function login(
  app: App,
  user: User,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<Client> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: user.username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${user.username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return new Client(app, cookiesOf(res), body.csrfToken, user);
}

export interface TestEnv {
  db: TestDb;
  store: Store;
  app: App;
  world: World;
  /** a client per actor role (UA1 / bureau A), logged in once */
  as(role: Role): Promise<Client>;
  client(user: User): Promise<Client>;
}

export async function makeEnv(db: TestDb, options: Partial<CreateAppOptions> = {}): Promise<TestEnv> {
  const world = await seedWorld(db.store);
  const app = createApp({
    store: db.store,
    scrypt: FAST_SCRYPT,
    logger: { info: () => undefined, error: (m, e) => console.error(m, e) },
    ...options,
  });
  const clients = new Map<string, Promise<Client>>();
  const client = (user: User): Promise<Client> => {
    let c = clients.get(user.id);
    if (!c) {
      c = login(app, user);
      clients.set(user.id, c);
    }
    return c;
  };
  return {
    db,
    store: db.store,
    app,
    world,
    as: (role) => client(world.users[role]),
    client,
  };
}

/** The JSON error body. */
export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
}
