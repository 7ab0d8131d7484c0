import type { Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { UsersTable } from '../schema.js';
import type { Id, NewUser, Role, User, UserRepository, UserWithPassword } from '../types.js';
import { guarded, timestamp, type Db } from '../util.js';

export const ROLES: readonly Role[] = ['preparer', 'unitApprover', 'reviewer', 'admin'];

function checkRole(role: Role): void {
  if (!ROLES.includes(role)) throw new InvalidInputError('role', `未知的角色：${String(role)}`);
}

export function toUser(row: Omit<Selectable<UsersTable>, 'password_hash'>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
    disabled: Number(row.disabled) !== 0,
  };
}

function toUserWithPassword(row: Selectable<UsersTable>): UserWithPassword {
  return { ...toUser(row), passwordHash: row.password_hash };
}

export function userRepository(db: Db): UserRepository {
  async function get(id: Id): Promise<UserWithPassword | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUserWithPassword(row);
  }

  return {
    async create(input: NewUser): Promise<User> {
      checkRole(input.role);
      const username = input.username.trim();
      if (username === '') throw new InvalidInputError('username', '用户名不能为空');
      const row = {
        id: input.id ?? newId(),
        username,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        organisation_id: input.organisationId,
        created_at: timestamp(),
        disabled: input.disabled ? 1 : 0,
      };
      await guarded('user', db.insertInto('users').values(row).execute());
      return toUser(row);
    },

    get,

    async getByUsername(username: string): Promise<UserWithPassword | undefined> {
      const row = await db.selectFrom('users').selectAll().where('username', '=', username.trim()).executeTakeFirst();
      return row && toUserWithPassword(row);
    },

    async list(filter = {}): Promise<User[]> {
      let q = db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'role', 'organisation_id', 'created_at', 'disabled'])
        .orderBy('username');
      if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
      if (filter.role !== undefined) q = q.where('role', '=', filter.role);
      return (await q.execute()).map(toUser);
    },

    async setPassword(id: Id, passwordHash: string): Promise<void> {
      const r = await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('user', id);
    },

    async setDisabled(id: Id, disabled: boolean): Promise<void> {
      const r = await db
        .updateTable('users')
        .set({ disabled: disabled ? 1 : 0 })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('user', id);
    },

    async update(id: Id, changes: { displayName?: string; role?: Role; organisationId?: Id }): Promise<User> {
      const set: Partial<Pick<UsersTable, 'display_name' | 'role' | 'organisation_id'>> = {};
      if (changes.displayName !== undefined) set.display_name = changes.displayName;
      if (changes.role !== undefined) {
        checkRole(changes.role);
        set.role = changes.role;
      }
      if (changes.organisationId !== undefined) set.organisation_id = changes.organisationId;
      if (Object.keys(set).length > 0) {
        const r = await guarded('user', db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst());
        if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('user', id);
      }
      const user = await get(id);
      if (!user) throw new NotFoundError('user', id);
      const { passwordHash: _hash, ...rest } = user;
      return rest;
    },
  };
}
