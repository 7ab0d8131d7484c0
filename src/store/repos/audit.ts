import type { Selectable } from 'kysely';
import { InvalidInputError } from '../errors.js';
import { newId } from '../ids.js';
import type { AuditLogTable } from '../schema.js';
import type { AuditEntry, AuditRepository, JsonValue, NewAuditEntry } from '../types.js';
import { guarded, timestamp, type Db } from '../util.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as JsonValue,
  };
}

/** Append-only by construction: this repository has no update or delete, and the database refuses both. */
export function auditRepository(db: Db): AuditRepository {
  return {
    async append(entry: NewAuditEntry): Promise<AuditEntry> {
      if (entry.action.trim() === '') throw new InvalidInputError('action', '审计动作不能为空');
      if (entry.entityType.trim() === '') throw new InvalidInputError('entityType', '审计对象类型不能为空');
      const details = JSON.stringify(entry.details ?? {});
      const row = {
        id: entry.id ?? newId(),
        at: timestamp(entry.at),
        actor_id: entry.actorId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        details,
      };
      await guarded('audit', db.insertInto('audit_log').values(row).execute());
      return toEntry(row);
    },

    async listByEntity(entityType: string, entityId: string): Promise<AuditEntry[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(toEntry);
    },

    async list(filter = {}): Promise<AuditEntry[]> {
      const limit = Math.min(Math.max(Math.trunc(filter.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
      const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
      let q = db.selectFrom('audit_log').selectAll();
      if (filter.actorId !== undefined) q = q.where('actor_id', '=', filter.actorId);
      if (filter.action !== undefined) q = q.where('action', '=', filter.action);
      if (filter.entityType !== undefined) q = q.where('entity_type', '=', filter.entityType);
      if (filter.since !== undefined) q = q.where('at', '>=', timestamp(filter.since, 'since'));
      const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toEntry);
    },
  };
}
