import { sql, type Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { OrganisationsTable } from '../schema.js';
import type {
  Id,
  NewOrganisation,
  Organisation,
  OrganisationKind,
  OrganisationNode,
  OrganisationRepository,
} from '../types.js';
import { guarded, timestamp, withTx, type Db } from '../util.js';

const KINDS: readonly OrganisationKind[] = ['bureau', 'department', 'unit'];
/** Which parent kinds each kind may hang under. */
const PARENT_KINDS: Readonly<Record<OrganisationKind, readonly OrganisationKind[]>> = {
  bureau: [],
  department: ['bureau'],
  unit: ['department', 'bureau'],
};
const KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  bureau: '财政局',
  department: '主管部门',
  unit: '预算单位',
};

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    code: row.code,
    parentId: row.parent_id,
    createdAt: row.created_at,
  };
}

function kindOrder(kind: OrganisationKind): number {
  return KINDS.indexOf(kind);
}

function byKindThenName(a: Organisation, b: Organisation): number {
  return kindOrder(a.kind) - kindOrder(b.kind) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids of `rootId` and everything below it. */
function subtreeIds(db: Db, rootId: Id) {
  return db.withRecursive('subtree(id)', (qc) =>
    qc
      .selectFrom('organisations')
      .select('organisations.id')
      .where('organisations.id', '=', rootId)
      .unionAll((qb) =>
        qb
          .selectFrom('organisations')
          .innerJoin('subtree', 'subtree.id', 'organisations.parent_id')
          .select('organisations.id'),
      ),
  );
}

/** The path from the root down to `id`, inclusive. */
export async function ancestorsOf(db: Db, id: Id): Promise<Organisation[]> {
  const rows = await db
    .withRecursive('up(id, parent_id, depth)', (qc) =>
      qc
        .selectFrom('organisations')
        .select(['organisations.id', 'organisations.parent_id', sql<number>`0`.as('depth')])
        .where('organisations.id', '=', id)
        .unionAll((qb) =>
          qb
            .selectFrom('organisations')
            .innerJoin('up', 'up.parent_id', 'organisations.id')
            .select(['organisations.id', 'organisations.parent_id', sql<number>`up.depth + 1`.as('depth')]),
        ),
    )
    .selectFrom('up')
    .innerJoin('organisations', 'organisations.id', 'up.id')
    .selectAll('organisations')
    .orderBy('up.depth', 'desc')
    .execute();
  return rows.map(toOrganisation);
}

export function organisationRepository(db: Db): OrganisationRepository {
  async function get(id: Id): Promise<Organisation | undefined> {
    const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toOrganisation(row);
  }

  return {
    async create(input: NewOrganisation): Promise<Organisation> {
      if (!KINDS.includes(input.kind)) throw new InvalidInputError('kind', `未知的机构类型：${String(input.kind)}`);
      const name = input.name.trim();
      if (name === '') throw new InvalidInputError('name', '机构名称不能为空');
      const parentId = input.parentId ?? null;
      const allowed = PARENT_KINDS[input.kind];
      if (parentId === null) {
        if (allowed.length > 0) {
          throw new InvalidInputError('parentId', `${KIND_LABELS[input.kind]}必须有上级机构`);
        }
      } else {
        const parent = await get(parentId);
        if (!parent) throw new NotFoundError('organisation', parentId);
        if (!allowed.includes(parent.kind)) {
          throw new InvalidInputError(
            'parentId',
            `${KIND_LABELS[input.kind]}不能隶属于${KIND_LABELS[parent.kind]}（${parent.name}）`,
          );
        }
      }
      const row = {
        id: input.id ?? newId(),
        kind: input.kind,
        name,
        code: input.code ?? null,
        parent_id: parentId,
        created_at: timestamp(),
      };
      await guarded('organisation', db.insertInto('organisations').values(row).execute());
      return toOrganisation(row);
    },

    get,

    async list(filter = {}): Promise<Organisation[]> {
      let q = db.selectFrom('organisations').selectAll();
      if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
      if (filter.parentId !== undefined) q = q.where('parent_id', '=', filter.parentId);
      const rows = await q.execute();
      return rows.map(toOrganisation).sort(byKindThenName);
    },

    async children(parentId: Id): Promise<Organisation[]> {
      const rows = await db.selectFrom('organisations').selectAll().where('parent_id', '=', parentId).execute();
      return rows.map(toOrganisation).sort(byKindThenName);
    },

    async tree(rootId?: Id): Promise<OrganisationNode[]> {
      const rows =
        rootId === undefined
          ? await db.selectFrom('organisations').selectAll().execute()
          : await subtreeIds(db, rootId)
              .selectFrom('organisations')
              .innerJoin('subtree', 'subtree.id', 'organisations.id')
              .selectAll('organisations')
              .execute();
      const nodes = new Map<Id, OrganisationNode>();
      for (const org of rows.map(toOrganisation).sort(byKindThenName)) nodes.set(org.id, { ...org, children: [] });
      const roots: OrganisationNode[] = [];
      for (const node of nodes.values()) {
        const parent = node.id === rootId || node.parentId === null ? undefined : nodes.get(node.parentId);
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return roots;
    },

    async unitsUnder(organisationId: Id): Promise<Organisation[]> {
      const rows = await subtreeIds(db, organisationId)
        .selectFrom('organisations')
        .innerJoin('subtree', 'subtree.id', 'organisations.id')
        .selectAll('organisations')
        .where('organisations.kind', '=', 'unit')
        .execute();
      return rows.map(toOrganisation).sort(byKindThenName);
    },

    ancestors(id: Id): Promise<Organisation[]> {
      return ancestorsOf(db, id);
    },

    async isWithin(id: Id, ancestorId: Id): Promise<boolean> {
      if (id === ancestorId) return (await get(id)) !== undefined;
      const path = await ancestorsOf(db, id);
      return path.some((o) => o.id === ancestorId);
    },

    async update(id: Id, changes: { name?: string; code?: string | null }): Promise<Organisation> {
      return withTx(db, async (trx) => {
        const name = changes.name?.trim();
        if (name === '') throw new InvalidInputError('name', '机构名称不能为空');
        const set: { name?: string; code?: string | null } = {};
        if (name !== undefined) set.name = name;
        if (changes.code !== undefined) set.code = changes.code;
        if (Object.keys(set).length > 0) {
          const result = await trx.updateTable('organisations').set(set).where('id', '=', id).executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) throw new NotFoundError('organisation', id);
        }
        const row = await trx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw new NotFoundError('organisation', id);
        if (name !== undefined && row.kind === 'unit') {
          await trx.updateTable('evaluations').set({ unit_name: name }).where('unit_id', '=', id).execute();
        }
        return toOrganisation(row);
      });
    },
  };
}
