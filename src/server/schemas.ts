/**
 * The API's request and response shapes as zod schemas (OpenAPI is generated from them). Records mirror the
 * store's types (src/store/types.ts); big computed results (score sheets, findings) are documented loosely.
 */
import { z } from '@hono/zod-openapi';
import type { CheckResult, Finding } from '../checks/index.js';
import { evaluationSchema } from '../model/index.js';
import type { ScoreSheet } from '../scoring/types.js';
import { ROLES } from './authz.js';
import { STATES, TRANSITION_NAMES } from './workflow.js';

export { evaluationSchema };

export const idSchema = z.string().uuid().openapi({ example: '01931c4e-8b7a-7c3d-9f10-2a4b6c8d0e1f' });
export const idParams = z.object({ id: idSchema.openapi({ param: { name: 'id', in: 'path' } }) });
export const decimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, '应为十进制数字字符串，如 "95.50"')
  .openapi({ example: '95.50' });
export const roleSchema = z.enum(ROLES as [string, ...string[]]).openapi('Role');
export const stateSchema = z.enum(STATES as [string, ...string[]]).openapi('EvaluationState');
export const kindSchema = z.enum(['department', 'project']).openapi('EvaluationKind');
export const transitionSchema = z.enum(TRANSITION_NAMES as [string, ...string[]]).openapi('Transition');

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['preparer', 'unitApprover', 'reviewer', 'admin']),
    organisationId: z.string(),
    createdAt: z.string(),
    disabled: z.boolean(),
  })
  .openapi('User');

export const organisationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['bureau', 'department', 'unit']),
    name: z.string(),
    code: z.string().nullable(),
    parentId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Organisation');

const evaluationStateEnum = z.enum(['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published']);

export const evaluationRecordSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    departmentId: z.string().nullable(),
    bureauId: z.string().nullable(),
    year: z.number().int(),
    kind: z.enum(['department', 'project']),
    projectName: z.string().nullable(),
    state: evaluationStateEnum,
    currentVersion: z.number().int(),
    totalSelf: z.string().nullable(),
    totalRecomputed: z.string().nullable(),
    grade: z.string().nullable(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('EvaluationRecord');

export const versionInfoSchema = z
  .object({
    evaluationId: z.string(),
    version: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    note: z.string().nullable(),
  })
  .openapi('EvaluationVersionInfo');

export const fileMetaSchema = z
  .object({
    id: z.string(),
    evaluationId: z.string().nullable(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('StoredFile');

export const commentSchema = z
  .object({
    id: z.string(),
    evaluationId: z.string(),
    version: z.number().int(),
    fieldPath: z.string(),
    body: z.string(),
    authorId: z.string().nullable(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('Comment');

export const jsonValueSchema: z.ZodType<unknown> = z.unknown();

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    details: z.unknown(),
  })
  .openapi('AuditEntry');

export const taskSchema = z
  .object({
    id: z.string(),
    bureauId: z.string(),
    year: z.number().int(),
    kind: z.enum(['department', 'project']),
    title: z.string(),
    deadline: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Task');

export const taskWithUnitsSchema = taskSchema.extend({ unitIds: z.array(z.string()) }).openapi('TaskWithUnits');

export const scoreSheetSchema = z.custom<ScoreSheet>().openapi('ScoreSheet', {
  type: 'object',
  description: '计分表：预算执行率与每个三级指标的重算得分、算式和输入（见 src/scoring/types.ts）',
});

export const findingSchema = z.custom<Finding>().openapi('Finding', {
  type: 'object',
  description: '一条核查发现：rule、severity、message（中文）、where、values、fix',
});

export const checkResultSchema = z.custom<CheckResult>().openapi('CheckResult', {
  type: 'object',
  description: '核查结果：{ score: { selfReported, recomputed, items }, findings, summary }',
});

export const findingSummarySchema = z
  .object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() })
  .openapi('FindingSummary');

/** A JSON body, required, described for OpenAPI. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    content: { 'application/json': { schema } },
    ...(description ? { description } : {}),
  } as const;
}

/** A JSON response. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
