/**
 * The database tables as Kysely sees them (snake_case columns). Repositories map rows to the camelCase records of
 * ./types.ts. Column types are what both drivers return after normalisation: TEXT for ids, decimals, timestamps
 * and JSON; INTEGER for counts and flags (0/1, since SQLite has no booleans). PostgreSQL returns BIGINT as a
 * string: such columns are typed `number | string` and normalised with `toInt`.
 */
export interface OrganisationsTable {
  id: string;
  kind: string;
  name: string;
  code: string | null;
  parent_id: string | null;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  organisation_id: string;
  created_at: string;
  disabled: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface EvaluationsTable {
  id: string;
  unit_id: string;
  department_id: string | null;
  bureau_id: string | null;
  unit_name: string;
  year: number;
  kind: string;
  /** '' for "no project": NULLs would be distinct in the unique key */
  project_name: string;
  state: string;
  current_version: number;
  total_self: string | null;
  total_recomputed: string | null;
  /** the totals scaled by 10^6 and rounded, as integers: for numeric filters and sorting in both dialects */
  total_self_key: number | string | null;
  total_recomputed_key: number | string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EvaluationVersionsTable {
  evaluation_id: string;
  version: number;
  document: string;
  created_by: string | null;
  created_at: string;
  note: string | null;
}

export interface TasksTable {
  id: string;
  bureau_id: string;
  year: number;
  kind: string;
  title: string;
  deadline: string;
  created_by: string | null;
  created_at: string;
}

export interface TaskUnitsTable {
  task_id: string;
  unit_id: string;
}

export interface CommentsTable {
  id: string;
  evaluation_id: string;
  version: number;
  field_path: string;
  body: string;
  author_id: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface ReviewScoresTable {
  evaluation_id: string;
  indicator_id: string;
  review_score: string;
  note: string | null;
  reviewer_id: string | null;
  updated_at: string;
}

export interface FilesTable {
  id: string;
  evaluation_id: string | null;
  file_name: string;
  media_type: string;
  size: number | string;
  sha256: string;
  bytes: Uint8Array;
  uploaded_by: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  evaluations: EvaluationsTable;
  evaluation_versions: EvaluationVersionsTable;
  tasks: TasksTable;
  task_units: TaskUnitsTable;
  comments: CommentsTable;
  review_scores: ReviewScoresTable;
  files: FilesTable;
  audit_log: AuditLogTable;
}
