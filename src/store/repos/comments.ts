import type { Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { CommentsTable } from '../schema.js';
import type { Comment, CommentRepository, Id, NewComment } from '../types.js';
import { guarded, timestamp, toInt, type Db } from '../util.js';

function toComment(row: Selectable<CommentsTable>): Comment {
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    version: toInt(row.version),
    fieldPath: row.field_path,
    body: row.body,
    authorId: row.author_id,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

export function commentRepository(db: Db): CommentRepository {
  async function get(id: Id): Promise<Comment | undefined> {
    const row = await db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toComment(row);
  }

  return {
    async create(input: NewComment): Promise<Comment> {
      if (input.body.trim() === '') throw new InvalidInputError('body', '批注内容不能为空');
      if (!Number.isInteger(input.version) || input.version < 1) {
        throw new InvalidInputError('version', 'version 必须是正整数');
      }
      const row = {
        id: input.id ?? newId(),
        evaluation_id: input.evaluationId,
        version: input.version,
        field_path: input.fieldPath,
        body: input.body,
        author_id: input.authorId,
        created_at: timestamp(input.createdAt, 'createdAt'),
        resolved_at: null,
      };
      await guarded('comment', db.insertInto('comments').values(row).execute());
      return toComment(row);
    },

    get,

    async list(evaluationId: Id, filter = {}): Promise<Comment[]> {
      let q = db.selectFrom('comments').selectAll().where('evaluation_id', '=', evaluationId);
      if (filter.includeResolved === false) q = q.where('resolved_at', 'is', null);
      if (filter.version !== undefined) q = q.where('version', '=', filter.version);
      if (filter.fieldPath !== undefined) q = q.where('field_path', '=', filter.fieldPath);
      const rows = await q.orderBy('created_at').orderBy('id').execute();
      return rows.map(toComment);
    },

    async resolve(id: Id, at?: string): Promise<Comment> {
      await db
        .updateTable('comments')
        .set({ resolved_at: timestamp(at) })
        .where('id', '=', id)
        .where('resolved_at', 'is', null)
        .execute();
      const comment = await get(id);
      if (!comment) throw new NotFoundError('comment', id);
      return comment;
    },
  };
}
