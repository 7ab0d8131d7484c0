import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Evaluation } from '../../model/index.js';
import { InvalidInputError, NotFoundError, StateConflictError, VersionConflictError } from '../errors.js';
import { newId } from '../ids.js';
import type { Database, EvaluationsTable, EvaluationVersionsTable } from '../schema.js';
import type {
  EvaluationKind,
  EvaluationListFilter,
  EvaluationListQuery,
  EvaluationRecord,
  EvaluationRepository,
  EvaluationSortField,
  EvaluationState,
  EvaluationSummary,
  EvaluationVersion,
  EvaluationVersionInfo,
  Id,
  NewEvaluation,
  Page,
  SaveVersionOptions,
  SetStateOptions,
} from '../types.js';
import { containsPattern, decimalKey, decimalString, guarded, timestamp, toInt, withTx, type Db } from '../util.js';
import { ancestorsOf } from './organisations.js';

export const EVALUATION_STATES: readonly EvaluationState[] = [
  'draft',
  'submitted',
  'unitApproved',
  'returned',
  'accepted',
  'published',
];
const KINDS: readonly EvaluationKind[] = ['department', 'project'];

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export function toEvaluationRecord(row: Selectable<EvaluationsTable>): EvaluationRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    departmentId: row.department_id,
    bureauId: row.bureau_id,
    year: toInt(row.year),
    kind: row.kind as EvaluationKind,
    projectName: row.project_name === '' ? null : row.project_name,
    state: row.state as EvaluationState,
    currentVersion: toInt(row.current_version),
    totalSelf: row.total_self,
    totalRecomputed: row.total_recomputed,
    grade: row.grade,
    errors: toInt(row.errors),
    warnings: toInt(row.warnings),
    infos: toInt(row.infos),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toVersionInfo(row: Omit<Selectable<EvaluationVersionsTable>, 'document'>): EvaluationVersionInfo {
  return {
    evaluationId: row.evaluation_id,
    version: toInt(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    note: row.note,
  };
}

function toVersion(row: Selectable<EvaluationVersionsTable>): EvaluationVersion {
  return { ...toVersionInfo(row), document: JSON.parse(row.document) as Evaluation };
}

function count(value: number | undefined, field: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw new InvalidInputError(field, `${field} 必须是非负整数`);
  return value;
}

/** The summary columns for a (partial) summary: fields left out become null / 0. */
function summaryColumns(summary: Partial<EvaluationSummary> = {}) {
  const totalSelf = summary.totalSelf == null ? null : decimalString(summary.totalSelf, 'totalSelf');
  const totalRecomputed =
    summary.totalRecomputed == null ? null : decimalString(summary.totalRecomputed, 'totalRecomputed');
  return {
    total_self: totalSelf,
    total_recomputed: totalRecomputed,
    total_self_key: decimalKey(totalSelf),
    total_recomputed_key: decimalKey(totalRecomputed),
    grade: summary.grade ?? null,
    errors: count(summary.errors, 'errors'),
    warnings: count(summary.warnings, 'warnings'),
    infos: count(summary.infos, 'infos'),
  };
}

function checkState(state: EvaluationState, field: string): void {
  if (!EVALUATION_STATES.includes(state)) throw new InvalidInputError(field, `未知的状态：${String(state)}`);
}

function checkVersion(version: number, field: string): void {
  if (!Number.isInteger(version) || version < 1) throw new InvalidInputError(field, `${field} 必须是正整数`);
}

function serialise(document: Evaluation): string {
  return JSON.stringify(document);
}

const SORT_COLUMNS: Readonly<Record<EvaluationSortField, keyof EvaluationsTable>> = {
  unitName: 'unit_name',
  year: 'year',
  kind: 'kind',
  state: 'state',
  totalSelf: 'total_self_key',
  totalRecomputed: 'total_recomputed_key',
  grade: 'grade',
  errors: 'errors',
  warnings: 'warnings',
  updatedAt: 'updated_at',
  createdAt: 'created_at',
};
const NULLABLE_SORT = new Set<keyof EvaluationsTable>(['total_self_key', 'total_recomputed_key', 'grade']);

type EvalEb = ExpressionBuilder<Database, 'evaluations'>;

/** The WHERE clause of a list filter, the same for both dialects. */
function filterExpression(eb: EvalEb, f: EvaluationListFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (f.bureauId !== undefined) parts.push(eb('evaluations.bureau_id', '=', f.bureauId));
  if (f.departmentId !== undefined) parts.push(eb('evaluations.department_id', '=', f.departmentId));
  if (f.unitIds !== undefined) {
    parts.push(f.unitIds.length === 0 ? sql<SqlBool>`1 = 0` : eb('evaluations.unit_id', 'in', f.unitIds));
  }
  if (f.year !== undefined) parts.push(eb('evaluations.year', '=', f.year));
  if (f.kind !== undefined) parts.push(eb('evaluations.kind', '=', f.kind));
  if (f.state !== undefined) {
    const states = Array.isArray(f.state) ? f.state : [f.state];
    parts.push(states.length === 0 ? sql<SqlBool>`1 = 0` : eb('evaluations.state', 'in', states));
  }
  if (f.grade !== undefined) {
    const grades = Array.isArray(f.grade) ? f.grade : [f.grade];
    parts.push(grades.length === 0 ? sql<SqlBool>`1 = 0` : eb('evaluations.grade', 'in', grades));
  }
  if (f.search !== undefined && f.search.trim() !== '') {
    const pattern = containsPattern(f.search.trim());
    parts.push(
      eb.or([
        sql<SqlBool>`lower(${eb.ref('evaluations.unit_name')}) like ${pattern} escape '!'`,
        sql<SqlBool>`lower(${eb.ref('evaluations.project_name')}) like ${pattern} escape '!'`,
      ]),
    );
  }
  const keyColumn = f.totalField === 'totalSelf' ? 'evaluations.total_self_key' : 'evaluations.total_recomputed_key';
  if (f.minTotal !== undefined) {
    parts.push(eb(keyColumn, '>=', decimalKey(decimalString(f.minTotal, 'minTotal'))));
  }
  if (f.maxTotal !== undefined) {
    parts.push(eb(keyColumn, '<=', decimalKey(decimalString(f.maxTotal, 'maxTotal'))));
  }
  if (f.hasErrors !== undefined) parts.push(eb('evaluations.errors', f.hasErrors ? '>' : '=', 0));
  return eb.and(parts);
}

export function evaluationRepository(db: Db): EvaluationRepository {
  async function get(id: Id): Promise<EvaluationRecord | undefined> {
    const row = await db.selectFrom('evaluations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEvaluationRecord(row);
  }

  /** After a conditional UPDATE matched nothing: say why. */
  async function explainMiss(
    trx: Db,
    id: Id,
    expectedVersion: number | undefined,
    allowedStates: readonly EvaluationState[] | undefined,
  ): Promise<never> {
    const row = await trx
      .selectFrom('evaluations')
      .select(['current_version', 'state'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('evaluation', id);
    const current = toInt(row.current_version);
    if (expectedVersion !== undefined && current !== expectedVersion) {
      throw new VersionConflictError(id, expectedVersion, current);
    }
    if (allowedStates !== undefined && !allowedStates.includes(row.state as EvaluationState)) {
      throw new StateConflictError(id, allowedStates, row.state as EvaluationState);
    }
    // The row changed between the UPDATE and this read: report it as a version conflict.
    throw new VersionConflictError(id, expectedVersion ?? current, current);
  }

  return {
    async create(input: NewEvaluation): Promise<EvaluationRecord> {
      if (!KINDS.includes(input.kind)) throw new InvalidInputError('kind', `未知的评价类型：${String(input.kind)}`);
      if (!Number.isInteger(input.year)) throw new InvalidInputError('year', '年度必须是整数');
      const state = input.state ?? 'draft';
      checkState(state, 'state');
      const projectName = input.projectName?.trim() ?? '';
      if (input.kind === 'project' && projectName === '') {
        throw new InvalidInputError('projectName', '项目支出绩效自评必须填写项目名称');
      }
      const at = timestamp(input.at);
      const summary = summaryColumns(input.summary);
      const document = serialise(input.document);
      return withTx(db, async (trx) => {
        const path = await ancestorsOf(trx, input.unitId);
        const unit = path[path.length - 1];
        if (!unit) throw new NotFoundError('organisation', input.unitId);
        if (unit.kind !== 'unit') throw new InvalidInputError('unitId', `“${unit.name}”不是预算单位`);
        const root = path[0];
        const row: Selectable<EvaluationsTable> = {
          id: input.id ?? newId(),
          unit_id: unit.id,
          department_id: path.find((o) => o.kind === 'department')?.id ?? null,
          bureau_id: root && root.kind === 'bureau' ? root.id : null,
          unit_name: unit.name,
          year: input.year,
          kind: input.kind,
          project_name: input.kind === 'project' ? projectName : '',
          state,
          current_version: 1,
          ...summary,
          created_by: input.createdBy,
          created_at: at,
          updated_at: at,
        };
        await guarded('evaluation', trx.insertInto('evaluations').values(row).execute());
        await guarded(
          'evaluationVersion',
          trx
            .insertInto('evaluation_versions')
            .values({
              evaluation_id: row.id,
              version: 1,
              document,
              created_by: input.createdBy,
              created_at: at,
              note: input.note ?? null,
            })
            .execute(),
        );
        return toEvaluationRecord(row);
      });
    },

    get,

    async getCurrent(id: Id) {
      const row = await db
        .selectFrom('evaluations')
        .innerJoin('evaluation_versions as v', (join) =>
          join.onRef('v.evaluation_id', '=', 'evaluations.id').onRef('v.version', '=', 'evaluations.current_version'),
        )
        .selectAll('evaluations')
        .select([
          'v.document as v_document',
          'v.created_by as v_created_by',
          'v.created_at as v_created_at',
          'v.note as v_note',
        ])
        .where('evaluations.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const evaluation = toEvaluationRecord(row);
      return {
        evaluation,
        version: {
          evaluationId: evaluation.id,
          version: evaluation.currentVersion,
          createdBy: row.v_created_by,
          createdAt: row.v_created_at,
          note: row.v_note,
          document: JSON.parse(row.v_document) as Evaluation,
        },
      };
    },

    async findByKey(unitId: Id, year: number, kind: EvaluationKind, projectName?: string | null) {
      const row = await db
        .selectFrom('evaluations')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('year', '=', year)
        .where('kind', '=', kind)
        .where('project_name', '=', kind === 'project' ? (projectName?.trim() ?? '') : '')
        .executeTakeFirst();
      return row && toEvaluationRecord(row);
    },

    async getVersion(id: Id, version?: number) {
      let q = db.selectFrom('evaluation_versions').selectAll('evaluation_versions').where('evaluation_id', '=', id);
      q =
        version === undefined
          ? q.where('version', '=', (eb) =>
              eb.selectFrom('evaluations').select('current_version').where('evaluations.id', '=', id),
            )
          : q.where('version', '=', version);
      const row = await q.executeTakeFirst();
      return row && toVersion(row);
    },

    async listVersions(id: Id) {
      const rows = await db
        .selectFrom('evaluation_versions')
        .select(['evaluation_id', 'version', 'created_by', 'created_at', 'note'])
        .where('evaluation_id', '=', id)
        .orderBy('version')
        .execute();
      return rows.map(toVersionInfo);
    },

    async saveVersion(
      id: Id,
      expectedVersion: number,
      document: Evaluation,
      by: Id | null,
      options: SaveVersionOptions = {},
    ) {
      checkVersion(expectedVersion, 'expectedVersion');
      options.allowedStates?.forEach((s) => checkState(s, 'allowedStates'));
      const at = timestamp(options.at);
      const summary = summaryColumns(options.summary);
      const text = serialise(document);
      const next = expectedVersion + 1;
      return withTx(db, async (trx) => {
        let update = trx
          .updateTable('evaluations')
          .set({ current_version: next, updated_at: at, ...summary })
          .where('id', '=', id)
          .where('current_version', '=', expectedVersion);
        const allowed = options.allowedStates;
        if (allowed !== undefined) {
          update = allowed.length === 0 ? update.where(sql<SqlBool>`1 = 0`) : update.where('state', 'in', allowed);
        }
        const row = await update.returningAll().executeTakeFirst();
        if (!row) return explainMiss(trx, id, expectedVersion, allowed);
        const version = {
          evaluation_id: id,
          version: next,
          document: text,
          created_by: by,
          created_at: at,
          note: options.note ?? null,
        };
        await guarded('evaluationVersion', trx.insertInto('evaluation_versions').values(version).execute());
        return { evaluation: toEvaluationRecord(row), version: toVersionInfo(version) };
      });
    },

    async setState(id: Id, expected: EvaluationState, next: EvaluationState, options: SetStateOptions = {}) {
      checkState(expected, 'expected');
      checkState(next, 'next');
      if (options.expectedVersion !== undefined) checkVersion(options.expectedVersion, 'expectedVersion');
      let update = db
        .updateTable('evaluations')
        .set({ state: next, updated_at: timestamp(options.at) })
        .where('id', '=', id)
        .where('state', '=', expected);
      if (options.expectedVersion !== undefined) update = update.where('current_version', '=', options.expectedVersion);
      const row = await update.returningAll().executeTakeFirst();
      if (!row) return explainMiss(db, id, options.expectedVersion, [expected]);
      return toEvaluationRecord(row);
    },

    async list(query: EvaluationListQuery = {}): Promise<Page<EvaluationRecord>> {
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
      const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
      const column = SORT_COLUMNS[query.sort ?? 'updatedAt'];
      if (column === undefined) throw new InvalidInputError('sort', `不支持的排序字段：${String(query.sort)}`);
      const direction = query.direction ?? (query.sort === undefined ? 'desc' : 'asc');
      if (direction !== 'asc' && direction !== 'desc') {
        throw new InvalidInputError('direction', `排序方向只能是 asc 或 desc`);
      }
      const where = (eb: EvalEb) => filterExpression(eb, query);
      const [totalRow, rows] = await Promise.all([
        db
          .selectFrom('evaluations')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where(where)
          .executeTakeFirst(),
        (() => {
          let q = db.selectFrom('evaluations').selectAll().where(where);
          // NULLs last in both directions and both dialects (they disagree on the default).
          if (NULLABLE_SORT.has(column)) q = q.orderBy(sql`${sql.ref(`evaluations.${column}`)} is null`);
          return q
            .orderBy(`evaluations.${column}`, direction)
            .orderBy('evaluations.id', direction)
            .limit(limit)
            .offset(offset)
            .execute();
        })(),
      ]);
      return { items: rows.map(toEvaluationRecord), total: toInt(totalRow?.n), limit, offset };
    },

    async countByState(filter: EvaluationListFilter = {}) {
      const rows = await db
        .selectFrom('evaluations')
        .select((eb) => ['state', eb.fn.countAll<number | string>().as('n')])
        .where((eb) => filterExpression(eb, filter))
        .groupBy('state')
        .execute();
      const counts = Object.fromEntries(EVALUATION_STATES.map((s) => [s, 0])) as Record<EvaluationState, number>;
      for (const row of rows) counts[row.state as EvaluationState] = toInt(row.n);
      return counts;
    },
  };
}
