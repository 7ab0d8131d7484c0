import { expect, it } from 'vitest';
import { auditRepository } from '../../../src/store/repos/audit.js';
import { kyselyOf } from '../../../src/store/store.js';
import { describeStores, makeDocument, seedTree, tag } from '../helpers.js';

describeStores('audit log', (db) => {
  it('appends entries and lists them by entity, oldest first', async () => {
    const { store } = db();
    const entity = `e-${tag()}`;
    const first = await store.audit.append({
      actorId: 'user-1',
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: entity,
      details: { version: 1, note: '导入', amounts: ['0.30'] },
    });
    // same millisecond: still in append order
    const second = await store.audit.append({
      actorId: 'user-2',
      action: 'evaluation.submit',
      entityType: 'evaluation',
      entityId: entity,
      at: first.at,
    });
    await store.audit.append({ actorId: null, action: 'user.login', entityType: 'user', entityId: 'user-1' });
    expect(second.details).toEqual({});
    const list = await store.audit.listByEntity('evaluation', entity);
    expect(list).toEqual([first, second]);
    expect(list[0]?.details).toEqual({ version: 1, note: '导入', amounts: ['0.30'] });
    const byActor = await store.audit.list({ actorId: 'user-2' });
    expect(byActor.map((x) => x.id)).toContain(second.id);
    expect(byActor.every((x) => x.actorId === 'user-2')).toBe(true);
    const recent = await store.audit.list({ action: 'evaluation.submit', since: first.at, limit: 10 });
    expect(recent.map((x) => x.id)).toContain(second.id);
    expect((await store.audit.list({ limit: 1 })).length).toBe(1);
  });

  it('is append-only: no update or delete in the API, and the database refuses both', async () => {
    const ctx = db();
    const entry = await ctx.store.audit.append({ actorId: null, action: 'x', entityType: 't', entityId: tag() });
    const api = auditRepository(kyselyOf(ctx.store));
    expect(Object.keys(api).sort()).toEqual(['append', 'list', 'listByEntity']);
    expect(Object.keys(ctx.store.audit).sort()).toEqual(['append', 'list', 'listByEntity']);
    await expect(ctx.raw(`UPDATE audit_log SET action = 'forged' WHERE id = '${entry.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(ctx.raw(`DELETE FROM audit_log WHERE id = '${entry.id}'`)).rejects.toThrow(/append-only/);
    const t = await seedTree(ctx.store);
    const e = await ctx.store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    await expect(
      ctx.raw(`UPDATE evaluation_versions SET note = 'forged' WHERE evaluation_id = '${e.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.raw(`DELETE FROM evaluation_versions WHERE evaluation_id = '${e.id}'`)).rejects.toThrow(
      /append-only/,
    );
    expect((await ctx.store.evaluations.listVersions(e.id)).map((v) => v.note)).toEqual([null]);
    expect((await ctx.store.audit.listByEntity('t', entry.entityId ?? ''))[0]).toEqual(entry);
  });
});
