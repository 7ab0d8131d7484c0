import type { Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { TasksTable } from '../schema.js';
import {
  SUBMITTED_STATES,
  type EvaluationKind,
  type EvaluationState,
  type Id,
  type NewTask,
  type Task,
  type TaskRepository,
  type TaskUnitProgress,
  type TaskWithUnits,
} from '../types.js';
import { guarded, timestamp, toInt, withTx, type Db } from '../util.js';

function toTask(row: Selectable<TasksTable>): Task {
  return {
    id: row.id,
    bureauId: row.bureau_id,
    year: toInt(row.year),
    kind: row.kind as EvaluationKind,
    title: row.title,
    deadline: row.deadline,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function taskRepository(db: Db): TaskRepository {
  async function get(id: Id): Promise<TaskWithUnits | undefined> {
    const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const units = await db
      .selectFrom('task_units')
      .innerJoin('organisations', 'organisations.id', 'task_units.unit_id')
      .select('task_units.unit_id')
      .where('task_units.task_id', '=', id)
      .orderBy('organisations.name')
      .orderBy('task_units.unit_id')
      .execute();
    return { ...toTask(row), unitIds: units.map((u) => u.unit_id) };
  }

  return {
    async create(input: NewTask): Promise<TaskWithUnits> {
      if (input.kind !== 'department' && input.kind !== 'project') {
        throw new InvalidInputError('kind', `未知的评价类型：${String(input.kind)}`);
      }
      if (!Number.isInteger(input.year)) throw new InvalidInputError('year', '年度必须是整数');
      if (input.title.trim() === '') throw new InvalidInputError('title', '任务标题不能为空');
      if (Number.isNaN(new Date(input.deadline).getTime())) {
        throw new InvalidInputError('deadline', `截止时间无效：${input.deadline}`);
      }
      const unitIds = [...new Set(input.unitIds)];
      const row = {
        id: input.id ?? newId(),
        bureau_id: input.bureauId,
        year: input.year,
        kind: input.kind,
        title: input.title.trim(),
        deadline: input.deadline,
        created_by: input.createdBy,
        created_at: timestamp(),
      };
      return withTx(db, async (trx) => {
        await guarded('task', trx.insertInto('tasks').values(row).execute());
        if (unitIds.length > 0) {
          const units = await trx
            .selectFrom('organisations')
            .select(['id', 'kind'])
            .where('id', 'in', unitIds)
            .execute();
          const kinds = new Map(units.map((u) => [u.id, u.kind]));
          for (const unitId of unitIds) {
            const kind = kinds.get(unitId);
            if (kind === undefined) throw new NotFoundError('organisation', unitId);
            if (kind !== 'unit') throw new InvalidInputError('unitIds', `${unitId} 不是预算单位`);
          }
          for (let i = 0; i < unitIds.length; i += 500) {
            await guarded(
              'task',
              trx
                .insertInto('task_units')
                .values(unitIds.slice(i, i + 500).map((unitId) => ({ task_id: row.id, unit_id: unitId })))
                .execute(),
            );
          }
        }
        return { ...toTask(row), unitIds };
      });
    },

    get,

    async listForBureau(bureauId: Id, filter: { year?: number } = {}): Promise<Task[]> {
      let q = db.selectFrom('tasks').selectAll().where('bureau_id', '=', bureauId);
      if (filter.year !== undefined) q = q.where('year', '=', filter.year);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(toTask);
    },

    async listForUnit(unitId: Id): Promise<Task[]> {
      const rows = await db
        .selectFrom('tasks')
        .innerJoin('task_units', 'task_units.task_id', 'tasks.id')
        .selectAll('tasks')
        .where('task_units.unit_id', '=', unitId)
        .orderBy('tasks.created_at', 'desc')
        .orderBy('tasks.id', 'desc')
        .execute();
      return rows.map(toTask);
    },

    async progress(taskId: Id): Promise<TaskUnitProgress[]> {
      const task = await db.selectFrom('tasks').select(['year', 'kind']).where('id', '=', taskId).executeTakeFirst();
      if (!task) throw new NotFoundError('task', taskId);
      const rows = await db
        .selectFrom('task_units')
        .innerJoin('organisations', 'organisations.id', 'task_units.unit_id')
        .leftJoin('evaluations', (join) =>
          join
            .onRef('evaluations.unit_id', '=', 'task_units.unit_id')
            .on('evaluations.year', '=', toInt(task.year))
            .on('evaluations.kind', '=', task.kind),
        )
        .select([
          'task_units.unit_id',
          'organisations.name',
          'evaluations.id as evaluation_id',
          'evaluations.state',
          'evaluations.project_name',
          'evaluations.updated_at',
        ])
        .where('task_units.task_id', '=', taskId)
        .orderBy('organisations.name')
        .orderBy('task_units.unit_id')
        .orderBy('evaluations.project_name')
        .execute();
      const byUnit = new Map<Id, TaskUnitProgress>();
      for (const row of rows) {
        let entry = byUnit.get(row.unit_id);
        if (!entry) {
          entry = { unitId: row.unit_id, unitName: row.name, evaluations: [], submitted: false };
          byUnit.set(row.unit_id, entry);
        }
        if (row.evaluation_id !== null && row.state !== null && row.updated_at !== null) {
          const state = row.state as EvaluationState;
          entry.evaluations.push({
            id: row.evaluation_id,
            state,
            projectName: row.project_name === '' || row.project_name === null ? null : row.project_name,
            updatedAt: row.updated_at,
          });
          if (SUBMITTED_STATES.includes(state)) entry.submitted = true;
        }
      }
      return [...byUnit.values()];
    },
  };
}
