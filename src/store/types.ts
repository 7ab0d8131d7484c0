/**
 * The storage layer's public contract: what the server (src/server/) and the CLI call.
 *
 * One implementation (src/store/store.ts) runs on SQLite (better-sqlite3) and PostgreSQL (pg) with the same Kysely
 * query code. Conventions shared by every repository:
 *
 * - ids are app-generated UUID strings; every `New…` input accepts an optional `id` (generated when absent);
 * - money and scores are exact decimal strings (`DecimalString`, e.g. "0.30", "12345678901234.56"), never numbers;
 *   what goes in comes back character for character;
 * - timestamps are ISO-8601 strings in UTC (`new Date().toISOString()`); inputs that take a time (`now`, `at`)
 *   default to the current time;
 * - `get…`/`find…` return `undefined` when nothing matches; writes that need a row that does not exist throw
 *   `NotFoundError`; unique constraint violations throw `UniqueViolationError`; a foreign key pointing nowhere throws
 *   `MissingReferenceError` (all in ./errors.ts, all carrying a stable `code`);
 * - every method that writes more than one row runs in one transaction. To make several calls atomic together
 *   (e.g. a state transition and its audit entry) use `store.transaction(async (tx) => { … })`: `tx` has the same
 *   repositories, bound to the transaction; a throw rolls everything back.
 * - open one store per database per process (SQLite: better-sqlite3 waits for locks synchronously, so two stores of
 *   one process writing the same file at once would block each other); several processes may share a database.
 */
import type { Evaluation, EvaluationKind } from '../model/index.js';

export type { Evaluation, EvaluationKind } from '../model/index.js';

/** An app-generated UUID. */
export type Id = string;
/** ISO-8601 UTC timestamp, e.g. "2024-05-01T08:00:00.000Z". */
export type IsoTimestamp = string;
/** An exact decimal number as text, e.g. "95.50" or "12345678901234.56". */
export type DecimalString = string;

export type Dialect = 'sqlite' | 'postgres';

// ───────────────────────────────────────────── organisations ─────────────────────────────────────────────

/** 财政局 → 主管部门 → 预算单位. A unit may also hang directly under a bureau. */
export type OrganisationKind = 'bureau' | 'department' | 'unit';

export interface Organisation {
  id: Id;
  kind: OrganisationKind;
  name: string;
  /** 单位编码 / 统一社会信用代码, when known */
  code: string | null;
  /** null for a bureau (the root) */
  parentId: Id | null;
  createdAt: IsoTimestamp;
}

export interface NewOrganisation {
  id?: Id;
  kind: OrganisationKind;
  name: string;
  code?: string | null;
  parentId?: Id | null;
}

export interface OrganisationNode extends Organisation {
  children: OrganisationNode[];
}

export interface OrganisationRepository {
  create(input: NewOrganisation): Promise<Organisation>;
  get(id: Id): Promise<Organisation | undefined>;
  /** All organisations, ordered by kind (bureau, department, unit) then name. */
  list(filter?: { kind?: OrganisationKind; parentId?: Id }): Promise<Organisation[]>;
  /** Direct children of `parentId`, ordered by name. */
  children(parentId: Id): Promise<Organisation[]>;
  /** The subtree rooted at `rootId` (or, without it, the forest of all bureaus); undefined when rootId is unknown. */
  tree(rootId?: Id): Promise<OrganisationNode[]>;
  /**
   * Every unit (kind = 'unit') in the subtree of `organisationId`: for a bureau all its units, for a department its
   * units, for a unit the unit itself. Ordered by name.
   */
  unitsUnder(organisationId: Id): Promise<Organisation[]>;
  /** The path from the root down to `id` inclusive ([bureau, department, unit]); [] when unknown. */
  ancestors(id: Id): Promise<Organisation[]>;
  /** True when `id` is `ancestorId` or lies in its subtree (authorisation: "is this unit under my bureau?"). */
  isWithin(id: Id, ancestorId: Id): Promise<boolean>;
  /** Rename (and optionally recode); also updates the denormalised unit name on that unit's evaluations. */
  update(id: Id, changes: { name?: string; code?: string | null }): Promise<Organisation>;
}

// ───────────────────────────────────────────── users ─────────────────────────────────────────────

/** 填报人 | 单位审核人 | 财政复核人 | 管理员 */
export type Role = 'preparer' | 'unitApprover' | 'reviewer' | 'admin';

export interface User {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  /** the unit (preparer, unitApprover) or bureau (reviewer, admin) the user belongs to */
  organisationId: Id;
  createdAt: IsoTimestamp;
  disabled: boolean;
}

/** A user with the stored password hash: only for login and password change. Never send it to a client. */
export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface NewUser {
  id?: Id;
  username: string;
  displayName: string;
  /** already hashed by the server (scrypt/argon2); the store never sees a password */
  passwordHash: string;
  role: Role;
  organisationId: Id;
  disabled?: boolean;
}

export interface UserRepository {
  /** Throws UniqueViolationError when the username is taken. */
  create(input: NewUser): Promise<User>;
  get(id: Id): Promise<UserWithPassword | undefined>;
  getByUsername(username: string): Promise<UserWithPassword | undefined>;
  /** Users, ordered by username; optionally only those of one organisation or role. */
  list(filter?: { organisationId?: Id; role?: Role }): Promise<User[]>;
  /** Throws NotFoundError. */
  setPassword(id: Id, passwordHash: string): Promise<void>;
  /** Throws NotFoundError. */
  setDisabled(id: Id, disabled: boolean): Promise<void>;
  /** Throws NotFoundError. */
  update(id: Id, changes: { displayName?: string; role?: Role; organisationId?: Id }): Promise<User>;
}

// ───────────────────────────────────────────── sessions ─────────────────────────────────────────────

export interface Session {
  /** the hash of the random session token (the cookie holds the token, the store only its hash) */
  id: string;
  userId: Id;
  csrfToken: string;
  createdAt: IsoTimestamp;
  expiresAt: IsoTimestamp;
}

export interface NewSession {
  id: string;
  userId: Id;
  csrfToken: string;
  expiresAt: IsoTimestamp;
  createdAt?: IsoTimestamp;
}

export interface SessionRepository {
  create(input: NewSession): Promise<Session>;
  /**
   * The session and its user, in one query, when the session exists, has not expired at `now` (expiresAt > now)
   * and the user is not disabled.
   */
  getValid(id: string, now?: IsoTimestamp): Promise<{ session: Session; user: User } | undefined>;
  /** Move the expiry (sliding sessions). Returns false when the session does not exist. */
  extend(id: string, expiresAt: IsoTimestamp): Promise<boolean>;
  /** Logout. Returns false when the session did not exist. */
  delete(id: string): Promise<boolean>;
  /** All sessions of a user (after a password change or disabling); returns how many were deleted. */
  deleteForUser(userId: Id, exceptSessionId?: string): Promise<number>;
  /** Sessions with expiresAt <= now; returns how many were deleted. */
  deleteExpired(now?: IsoTimestamp): Promise<number>;
}

// ───────────────────────────────────────────── evaluations ─────────────────────────────────────────────

/**
 * Workflow: draft → submitted → (unitApproved →) accepted → published; submitted/unitApproved → returned → submitted.
 * The store enforces only "the state was what the caller expected" (atomically); which transitions are allowed
 * for whom is the server's business.
 */
export type EvaluationState = 'draft' | 'submitted' | 'unitApproved' | 'returned' | 'accepted' | 'published';

/**
 * Denormalised figures of the current version, for the bureau list. The store does not score or check: the caller
 * computes them (scoring + checks) and passes them with each save. Missing = null / 0.
 */
export interface EvaluationSummary {
  /** 自评总分 as the report states it */
  totalSelf: DecimalString | null;
  /** total recomputed by jixiao's scoring */
  totalRecomputed: DecimalString | null;
  /** 等次 (e.g. '优', '良', '中', '差') */
  grade: string | null;
  /** findings counts by severity */
  errors: number;
  warnings: number;
  infos: number;
}

export interface EvaluationRecord extends EvaluationSummary {
  id: Id;
  unitId: Id;
  /** the unit's name, copied from the organisation (kept in step by organisations.update) */
  unitName: string;
  /** the unit's 主管部门 (its parent department), null when the unit hangs directly under a bureau */
  departmentId: Id | null;
  /** the bureau at the root of the unit's tree */
  bureauId: Id | null;
  year: number;
  kind: EvaluationKind;
  /** for kind = 'project'; null for department evaluations */
  projectName: string | null;
  state: EvaluationState;
  /** number of the latest version (1 after create) */
  currentVersion: number;
  createdBy: Id | null;
  createdAt: IsoTimestamp;
  updatedAt: IsoTimestamp;
}

/** One immutable saved version, without its document. */
export interface EvaluationVersionInfo {
  evaluationId: Id;
  version: number;
  createdBy: Id | null;
  createdAt: IsoTimestamp;
  note: string | null;
}

export interface EvaluationVersion extends EvaluationVersionInfo {
  document: Evaluation;
}

export interface NewEvaluation {
  id?: Id;
  unitId: Id;
  year: number;
  kind: EvaluationKind;
  projectName?: string | null;
  /** the first version's document */
  document: Evaluation;
  createdBy: Id | null;
  note?: string | null;
  summary?: Partial<EvaluationSummary>;
  /** default 'draft' (other states are for demo data and imports of finished reports) */
  state?: EvaluationState;
  /** default now */
  at?: IsoTimestamp;
}

export interface SaveVersionOptions {
  note?: string | null;
  /** the new version's summary; fields left out become null / 0 */
  summary?: Partial<EvaluationSummary>;
  /**
   * Save only while the evaluation is in one of these states (checked in the same atomic UPDATE as the version);
   * otherwise StateConflictError. E.g. ['draft', 'returned'] so that nobody edits a submitted evaluation.
   */
  allowedStates?: EvaluationState[];
  /** default now */
  at?: IsoTimestamp;
}

export interface SetStateOptions {
  /** also require this current version (e.g. "submit the version I reviewed"); VersionConflictError otherwise */
  expectedVersion?: number;
  at?: IsoTimestamp;
}

export type EvaluationSortField =
  | 'unitName'
  | 'year'
  | 'kind'
  | 'state'
  | 'totalSelf'
  | 'totalRecomputed'
  | 'grade'
  | 'errors'
  | 'warnings'
  | 'updatedAt'
  | 'createdAt';

export interface EvaluationListFilter {
  /** evaluations of units in this bureau's tree */
  bureauId?: Id;
  /** evaluations of units under this 主管部门 */
  departmentId?: Id;
  /** only these units ([] matches nothing) */
  unitIds?: Id[];
  year?: number;
  kind?: EvaluationKind;
  /** one state or any of several */
  state?: EvaluationState | EvaluationState[];
  /** one grade or any of several */
  grade?: string | string[];
  /** substring of the unit name or the project name (literal: % and _ match themselves; ASCII case-insensitive) */
  search?: string;
  /** inclusive bounds on the total; which total is `totalField` (default 'totalRecomputed') */
  minTotal?: DecimalString;
  maxTotal?: DecimalString;
  totalField?: 'totalSelf' | 'totalRecomputed';
  /** true: errors > 0; false: errors = 0 */
  hasErrors?: boolean;
}

export interface EvaluationListQuery extends EvaluationListFilter {
  /** default 'updatedAt' desc; ties broken by id */
  sort?: EvaluationSortField;
  direction?: 'asc' | 'desc';
  /** default 50, max 1000 */
  limit?: number;
  /** default 0 */
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** rows matching the filter, regardless of limit/offset */
  total: number;
  limit: number;
  offset: number;
}

export interface EvaluationRepository {
  /**
   * Insert the evaluation and its version 1 in one transaction. Throws UniqueViolationError when
   * (unitId, year, kind, projectName) exists, MissingReferenceError/NotFoundError when the unit does not exist.
   */
  create(input: NewEvaluation): Promise<EvaluationRecord>;
  get(id: Id): Promise<EvaluationRecord | undefined>;
  /** The evaluation and the document of its current version (one round trip). */
  getCurrent(id: Id): Promise<{ evaluation: EvaluationRecord; version: EvaluationVersion } | undefined>;
  /** Find by the natural key; projectName null/undefined for department evaluations. */
  findByKey(
    unitId: Id,
    year: number,
    kind: EvaluationKind,
    projectName?: string | null,
  ): Promise<EvaluationRecord | undefined>;
  /** One version with its document (the current one when `version` is omitted). */
  getVersion(id: Id, version?: number): Promise<EvaluationVersion | undefined>;
  /** All versions, oldest first, without documents. */
  listVersions(id: Id): Promise<EvaluationVersionInfo[]>;
  /**
   * Optimistic locking: atomically, in one transaction, bump currentVersion from `expectedVersion` to
   * `expectedVersion + 1` and append that version. Exactly one of several concurrent savers with the same
   * expectedVersion wins; the others get VersionConflictError (carrying the current version) and nothing of theirs
   * is written. Also throws NotFoundError, StateConflictError (see `allowedStates`).
   */
  saveVersion(
    id: Id,
    expectedVersion: number,
    document: Evaluation,
    by: Id | null,
    options?: SaveVersionOptions,
  ): Promise<{ evaluation: EvaluationRecord; version: EvaluationVersionInfo }>;
  /**
   * Atomic transition: UPDATE … SET state = next WHERE id = ? AND state = expected. Throws StateConflictError
   * (carrying the actual state) when the state was not `expected`, NotFoundError when there is no such evaluation.
   */
  setState(
    id: Id,
    expected: EvaluationState,
    next: EvaluationState,
    options?: SetStateOptions,
  ): Promise<EvaluationRecord>;
  /** The bureau list: filters, sort and paging with the total count. */
  list(query?: EvaluationListQuery): Promise<Page<EvaluationRecord>>;
  /** Counts per state for a filter (dashboard). */
  countByState(filter?: EvaluationListFilter): Promise<Record<EvaluationState, number>>;
}

// ───────────────────────────────────────────── tasks ─────────────────────────────────────────────

/** A bureau asks a set of units for their self-evaluations of a year, with a deadline. */
export interface Task {
  id: Id;
  bureauId: Id;
  year: number;
  kind: EvaluationKind;
  title: string;
  /** ISO date or timestamp */
  deadline: string;
  createdBy: Id | null;
  createdAt: IsoTimestamp;
}

export interface TaskWithUnits extends Task {
  unitIds: Id[];
}

export interface NewTask {
  id?: Id;
  bureauId: Id;
  year: number;
  kind: EvaluationKind;
  title: string;
  deadline: string;
  createdBy: Id | null;
  unitIds: Id[];
}

/** States that count as "handed in" for task progress. */
export const SUBMITTED_STATES: readonly EvaluationState[] = ['submitted', 'unitApproved', 'accepted', 'published'];

export interface TaskUnitProgress {
  unitId: Id;
  unitName: string;
  /** the unit's evaluations of the task's year and kind (several for project evaluations) */
  evaluations: { id: Id; state: EvaluationState; projectName: string | null; updatedAt: IsoTimestamp }[];
  /** at least one of them is in SUBMITTED_STATES */
  submitted: boolean;
}

export interface TaskRepository {
  /** Inserts the task and its units in one transaction. */
  create(input: NewTask): Promise<TaskWithUnits>;
  get(id: Id): Promise<TaskWithUnits | undefined>;
  /** Tasks of a bureau, newest first. */
  listForBureau(bureauId: Id, filter?: { year?: number }): Promise<Task[]>;
  /** Tasks addressed to a unit, newest first. */
  listForUnit(unitId: Id): Promise<Task[]>;
  /** Per unit of the task (ordered by unit name): its evaluations of that year/kind and whether it submitted. */
  progress(taskId: Id): Promise<TaskUnitProgress[]>;
}

// ───────────────────────────────────────────── comments ─────────────────────────────────────────────

export interface Comment {
  id: Id;
  evaluationId: Id;
  /** the version the comment was written against */
  version: number;
  /** FieldPath into the Evaluation, e.g. "selfEvaluation.indicators[3].actual" */
  fieldPath: string;
  body: string;
  authorId: Id | null;
  createdAt: IsoTimestamp;
  resolvedAt: IsoTimestamp | null;
}

export interface NewComment {
  id?: Id;
  evaluationId: Id;
  version: number;
  fieldPath: string;
  body: string;
  authorId: Id | null;
  createdAt?: IsoTimestamp;
}

export interface CommentRepository {
  create(input: NewComment): Promise<Comment>;
  get(id: Id): Promise<Comment | undefined>;
  /** Oldest first; resolved comments included unless `includeResolved` is false. */
  list(
    evaluationId: Id,
    filter?: { includeResolved?: boolean; version?: number; fieldPath?: string },
  ): Promise<Comment[]>;
  /** Mark resolved (idempotent: keeps the first resolvedAt). Throws NotFoundError. */
  resolve(id: Id, at?: IsoTimestamp): Promise<Comment>;
}

// ───────────────────────────────────────────── review scores ─────────────────────────────────────────────

/** 复核得分: the bureau reviewer's score for one indicator, beside the unit's self score. */
export interface ReviewScore {
  evaluationId: Id;
  indicatorId: string;
  reviewScore: DecimalString;
  note: string | null;
  reviewerId: Id | null;
  updatedAt: IsoTimestamp;
}

export interface ReviewScoreInput {
  evaluationId: Id;
  indicatorId: string;
  reviewScore: DecimalString;
  note?: string | null;
  reviewerId: Id | null;
  updatedAt?: IsoTimestamp;
}

export interface ReviewScoreRepository {
  /** Insert or replace the score of (evaluationId, indicatorId). */
  upsert(input: ReviewScoreInput): Promise<ReviewScore>;
  /** Several in one transaction. */
  upsertMany(inputs: ReviewScoreInput[]): Promise<ReviewScore[]>;
  /** Ordered by indicatorId. */
  list(evaluationId: Id): Promise<ReviewScore[]>;
  /** Returns false when there was none. */
  remove(evaluationId: Id, indicatorId: string): Promise<boolean>;
}

// ───────────────────────────────────────────── files ─────────────────────────────────────────────

export interface StoredFileMeta {
  id: Id;
  evaluationId: Id | null;
  fileName: string;
  mediaType: string;
  /** bytes */
  size: number;
  /** lowercase hex SHA-256 of the bytes (computed by the store) */
  sha256: string;
  uploadedBy: Id | null;
  createdAt: IsoTimestamp;
}

export interface StoredFile extends StoredFileMeta {
  bytes: Uint8Array;
}

export interface NewFile {
  id?: Id;
  evaluationId?: Id | null;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  uploadedBy: Id | null;
  createdAt?: IsoTimestamp;
}

export interface FileRepository {
  create(input: NewFile): Promise<StoredFileMeta>;
  get(id: Id): Promise<StoredFile | undefined>;
  getMeta(id: Id): Promise<StoredFileMeta | undefined>;
  /** Newest first, without bytes. */
  listForEvaluation(evaluationId: Id): Promise<StoredFileMeta[]>;
  /** Link an uploaded file to an evaluation (import: the file is stored first). Throws NotFoundError. */
  attach(fileId: Id, evaluationId: Id): Promise<void>;
}

// ───────────────────────────────────────────── audit ─────────────────────────────────────────────

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  id: Id;
  at: IsoTimestamp;
  actorId: Id | null;
  /** e.g. 'evaluation.submit', 'user.login' */
  action: string;
  /** e.g. 'evaluation', 'user', 'task' */
  entityType: string;
  entityId: string | null;
  details: JsonValue;
}

export interface NewAuditEntry {
  id?: Id;
  at?: IsoTimestamp;
  actorId: Id | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details?: JsonValue;
}

/** Append-only: there is deliberately no update or delete. */
export interface AuditRepository {
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries about one entity, oldest first. */
  listByEntity(entityType: string, entityId: string): Promise<AuditEntry[]>;
  /** Newest first, with paging. */
  list(filter?: {
    actorId?: Id;
    action?: string;
    entityType?: string;
    since?: IsoTimestamp;
    limit?: number;
    offset?: number;
  }): Promise<AuditEntry[]>;
}

// ───────────────────────────────────────────── the store ─────────────────────────────────────────────

export interface Repositories {
  organisations: OrganisationRepository;
  users: UserRepository;
  sessions: SessionRepository;
  evaluations: EvaluationRepository;
  tasks: TaskRepository;
  comments: CommentRepository;
  reviewScores: ReviewScoreRepository;
  files: FileRepository;
  audit: AuditRepository;
}

export interface Store extends Repositories {
  readonly dialect: Dialect;
  /**
   * Run `fn` in one database transaction; `tx` has every repository bound to it. Commits when `fn` resolves, rolls
   * back (and rethrows) when it throws. Calls on `tx` inside are atomic together; do not use the outer store inside
   * `fn` (on SQLite it would wait for the transaction: a deadlock). After a database error inside `fn` (e.g. a
   * UniqueViolationError) let it propagate: PostgreSQL refuses further statements in that transaction.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Close the database (pool). The store must not be used afterwards. */
  close(): Promise<void>;
}
