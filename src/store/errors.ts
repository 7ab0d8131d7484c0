/**
 * Typed store errors. Each has a stable `code` the server maps to an HTTP status
 * (NOT_FOUND → 404, VERSION_CONFLICT / STATE_CONFLICT / UNIQUE_VIOLATION → 409, MISSING_REFERENCE → 422,
 * INVALID_INPUT → 400 or 422; MIGRATION_FAILED happens only in openStore).
 * Messages are zh-CN (users may see them).
 */
import type { EvaluationState } from './types.js';

export type StoreErrorCode =
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'STATE_CONFLICT'
  | 'UNIQUE_VIOLATION'
  | 'MISSING_REFERENCE'
  | 'INVALID_INPUT'
  | 'MIGRATION_FAILED';

export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The row the operation needs does not exist. */
export class NotFoundError extends StoreError {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super('NOT_FOUND', `未找到${entityLabel(entity)}（${id}）`);
  }
}

/** Optimistic locking: the evaluation is no longer at the version the writer read. Nothing was written. */
export class VersionConflictError extends StoreError {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly evaluationId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'VERSION_CONFLICT',
      `版本冲突：您基于第 ${expectedVersion} 版修改，但当前已是第 ${currentVersion} 版，请刷新后重新保存`,
    );
  }
}

/** The evaluation was not in the state the caller expected (or allowed). Nothing was written. */
export class StateConflictError extends StoreError {
  override readonly name = 'StateConflictError';
  constructor(
    readonly evaluationId: string,
    readonly expected: readonly EvaluationState[],
    readonly currentState: EvaluationState,
  ) {
    super(
      'STATE_CONFLICT',
      `状态冲突：当前状态为“${STATE_LABELS[currentState]}”，此操作要求状态为${expected
        .map((s) => `“${STATE_LABELS[s]}”`)
        .join('或')}`,
    );
  }
}

/** A unique constraint was violated (username taken, evaluation already exists …). */
export class UniqueViolationError extends StoreError {
  override readonly name = 'UniqueViolationError';
  constructor(
    readonly entity: string,
    options?: { cause?: unknown },
  ) {
    super('UNIQUE_VIOLATION', `${entityLabel(entity)}已存在`, options);
  }
}

/** A foreign key points at a row that does not exist. */
export class MissingReferenceError extends StoreError {
  override readonly name = 'MissingReferenceError';
  constructor(
    readonly entity: string,
    options?: { cause?: unknown },
  ) {
    super('MISSING_REFERENCE', `${entityLabel(entity)}引用的记录不存在`, options);
  }
}

/** Input the store cannot hold (e.g. a money value that is not a decimal string). */
export class InvalidInputError extends StoreError {
  override readonly name = 'InvalidInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('INVALID_INPUT', message);
  }
}

export const STATE_LABELS: Readonly<Record<EvaluationState, string>> = {
  draft: '草稿',
  submitted: '已提交',
  unitApproved: '单位已审核',
  returned: '已退回',
  accepted: '已通过',
  published: '已公开',
};

const ENTITY_LABELS: Readonly<Record<string, string>> = {
  organisation: '机构',
  user: '用户',
  session: '会话',
  evaluation: '绩效自评',
  evaluationVersion: '绩效自评版本',
  task: '任务',
  comment: '批注',
  reviewScore: '复核得分',
  file: '文件',
  audit: '审计日志',
};

function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}
