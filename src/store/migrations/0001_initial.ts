/**
 * The initial schema, the same for SQLite and PostgreSQL. Dialect differences are confined to `blobType` and the
 * append-only triggers (raw SQL that has no schema-builder equivalent).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../types.js';

/** BLOB on SQLite, BYTEA on PostgreSQL. */
export function blobType(dialect: Dialect): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob';
}

/** Tables that may only grow: UPDATE and DELETE raise an error in the database itself. */
export const APPEND_ONLY_TABLES = ['audit_log', 'evaluation_versions'] as const;

async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`CREATE TRIGGER ${sql.id(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION jixiao_append_only()`.execute(db);
    await sql`CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION jixiao_append_only()`.execute(db);
  } else {
    for (const op of ['UPDATE', 'DELETE'] as const) {
      await sql`CREATE TRIGGER ${sql.id(`${table}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(table)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table} is append-only`)}); END`.execute(db);
    }
  }
}

export function initialMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('organisations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('parent_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('organisations_kind_check', sql`kind IN ('bureau', 'department', 'unit')`)
        .execute();
      await db.schema
        .createIndex('organisations_parent_idx')
        .on('organisations')
        .columns(['parent_id', 'name'])
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addCheckConstraint('users_role_check', sql`role IN ('preparer', 'unitApprover', 'reviewer', 'admin')`)
        .execute();
      await db.schema.createIndex('users_organisation_idx').on('users').column('organisation_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('evaluations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('department_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('bureau_id', 'text', (c) => c.references('organisations.id'))
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('project_name', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('total_self', 'text')
        .addColumn('total_recomputed', 'text')
        .addColumn('total_self_key', 'bigint')
        .addColumn('total_recomputed_key', 'bigint')
        .addColumn('grade', 'text')
        .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('warnings', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('infos', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('evaluations_natural_key', ['unit_id', 'year', 'kind', 'project_name'])
        .addCheckConstraint('evaluations_kind_check', sql`kind IN ('department', 'project')`)
        .addCheckConstraint(
          'evaluations_state_check',
          sql`state IN ('draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published')`,
        )
        .execute();
      // The bureau list: filter by bureau/department and year, sort by the usual columns.
      await db.schema
        .createIndex('evaluations_bureau_year_updated_idx')
        .on('evaluations')
        .columns(['bureau_id', 'year', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('evaluations_bureau_year_state_idx')
        .on('evaluations')
        .columns(['bureau_id', 'year', 'state'])
        .execute();
      await db.schema
        .createIndex('evaluations_bureau_year_total_idx')
        .on('evaluations')
        .columns(['bureau_id', 'year', 'total_recomputed_key'])
        .execute();
      await db.schema
        .createIndex('evaluations_department_year_idx')
        .on('evaluations')
        .columns(['department_id', 'year', 'updated_at'])
        .execute();
      await db.schema.createIndex('evaluations_year_state_idx').on('evaluations').columns(['year', 'state']).execute();
      await db.schema.createIndex('evaluations_updated_idx').on('evaluations').column('updated_at').execute();
      await db.schema.createIndex('evaluations_unit_name_idx').on('evaluations').column('unit_name').execute();

      await db.schema
        .createTable('evaluation_versions')
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('evaluation_versions_pk', ['evaluation_id', 'version'])
        .execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bureau_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_bureau_idx').on('tasks').columns(['bureau_id', 'year']).execute();
      await db.schema
        .createTable('task_units')
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('organisations.id'))
        .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('task_units_unit_idx').on('task_units').column('unit_id').execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('field_path', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author_id', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      await db.schema
        .createIndex('comments_evaluation_idx')
        .on('comments')
        .columns(['evaluation_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('review_scores')
        .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
        .addColumn('indicator_id', 'text', (c) => c.notNull())
        .addColumn('review_score', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_scores_pk', ['evaluation_id', 'indicator_id'])
        .execute();

      await db.schema
        .createTable('files')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('evaluation_id', 'text', (c) => c.references('evaluations.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', blobType(dialect), (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('files_evaluation_idx')
        .on('files')
        .columns(['evaluation_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_entity_idx')
        .on('audit_log')
        .columns(['entity_type', 'entity_id', 'at'])
        .execute();
      await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();

      if (dialect === 'postgres') {
        await sql`CREATE FUNCTION jixiao_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME; END $$`.execute(db);
      }
      for (const table of APPEND_ONLY_TABLES) await appendOnly(db, dialect, table);
    },
  };
}
