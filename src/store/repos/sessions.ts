import type { Id, NewSession, Session, SessionRepository, User } from '../types.js';
import { guarded, timestamp, type Db } from '../util.js';
import { toUser } from './users.js';

export function sessionRepository(db: Db): SessionRepository {
  return {
    async create(input: NewSession): Promise<Session> {
      const row = {
        id: input.id,
        user_id: input.userId,
        csrf_token: input.csrfToken,
        created_at: timestamp(input.createdAt, 'createdAt'),
        expires_at: timestamp(input.expiresAt, 'expiresAt'),
      };
      await guarded('session', db.insertInto('sessions').values(row).execute());
      return {
        id: row.id,
        userId: row.user_id,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    },

    async getValid(id: string, now?: string): Promise<{ session: Session; user: User } | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as session_id',
          'sessions.csrf_token',
          'sessions.created_at as session_created_at',
          'sessions.expires_at',
          'users.id',
          'users.username',
          'users.display_name',
          'users.role',
          'users.organisation_id',
          'users.created_at',
          'users.disabled',
        ])
        .where('sessions.id', '=', id)
        .where('sessions.expires_at', '>', timestamp(now, 'now'))
        .where('users.disabled', '=', 0)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: {
          id: row.session_id,
          userId: row.id,
          csrfToken: row.csrf_token,
          createdAt: row.session_created_at,
          expiresAt: row.expires_at,
        },
        user: toUser(row),
      };
    },

    async extend(id: string, expiresAt: string): Promise<boolean> {
      const r = await db
        .updateTable('sessions')
        .set({ expires_at: timestamp(expiresAt, 'expiresAt') })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async delete(id: string): Promise<boolean> {
      const r = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async deleteForUser(userId: Id, exceptSessionId?: string): Promise<number> {
      let q = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptSessionId !== undefined) q = q.where('id', '<>', exceptSessionId);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async deleteExpired(now?: string): Promise<number> {
      const r = await db.deleteFrom('sessions').where('expires_at', '<=', timestamp(now, 'now')).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
