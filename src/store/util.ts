/** Small helpers shared by the repositories. */
import type { Kysely } from 'kysely';
import { Dec } from '../model/index.js';
import { InvalidInputError, MissingReferenceError, StoreError, UniqueViolationError } from './errors.js';
import type { Database } from './schema.js';
import type { DecimalString, IsoTimestamp } from './types.js';

export type Db = Kysely<Database>;

/** Run `fn` in a transaction, or directly in the caller's transaction when `db` already is one. */
export function withTx<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/** Normalise a count/bigint: pg returns BIGINT and count(*) as strings. */
export function toInt(value: number | string | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** The current time, or `at` normalised to the canonical ISO form (so that TEXT comparisons order correctly). */
export function timestamp(at?: IsoTimestamp, field = 'at'): IsoTimestamp {
  if (at === undefined) return new Date().toISOString();
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw new InvalidInputError(field, `${field} 不是有效的时间：${at}`);
  return d.toISOString();
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Accept an exact decimal string unchanged ("0.30" stays "0.30"); reject anything else. */
export function decimalString(value: DecimalString, field: string): DecimalString {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new InvalidInputError(field, `${field} 必须是十进制数字字符串（如 "95.50"），收到：${String(value)}`);
  }
  return value;
}

/** Scale for the integer sort/filter keys of totals: six decimals are kept exactly. */
const KEY_SCALE = 1_000_000;
const KEY_LIMIT = 9e15;

/**
 * The integer key of a decimal total (value × 10^6, rounded half up, clamped to the safe integer range): lets both
 * dialects filter and sort totals numerically with the same SQL, without floats.
 */
export function decimalKey(value: DecimalString | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const scaled = new Dec(value).mul(KEY_SCALE).toDecimalPlaces(0);
  if (scaled.gt(KEY_LIMIT)) return KEY_LIMIT;
  if (scaled.lt(-KEY_LIMIT)) return -KEY_LIMIT;
  return scaled.toNumber();
}

interface DriverError {
  code?: unknown;
}

/** Translate driver constraint errors (SQLite and PostgreSQL) into typed store errors; other errors pass through. */
export function mapDbError(error: unknown, entity: string): unknown {
  if (error instanceof StoreError) return error;
  const code = typeof error === 'object' && error !== null ? (error as DriverError).code : undefined;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return new UniqueViolationError(entity, { cause: error });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') {
    return new MissingReferenceError(entity, { cause: error });
  }
  return error;
}

/** Await `promise`, translating constraint errors. */
export async function guarded<T>(entity: string, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw mapDbError(error, entity);
  }
}

/** A LIKE pattern matching `text` as a literal substring (escape character '!'). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
