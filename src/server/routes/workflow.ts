/** Workflow transitions: POST /api/evaluations/{id}/transitions/{name}; the state machine is in ../workflow.ts. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { authorizeEvaluation, deps } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { fireTransition } from '../operations.js';
import { evaluationRecordSchema, idSchema, jsonResponse, transitionSchema } from '../schemas.js';
import { STATE_LABELS, TRANSITIONS, TRANSITION_NAMES, type TransitionName } from '../workflow.js';
import { availableTransitions } from './evaluations.js';

const description = [
  '状态流转（每次流转都记入操作记录）：',
  ...TRANSITION_NAMES.map((n) => {
    const t = TRANSITIONS[n];
    return `- ${n}（${t.label}）：${t.from.map((s) => STATE_LABELS[s]).join('、')} → ${STATE_LABELS[t.to]}${
      t.commentRequired ? '，须填写原因 comment' : ''
    }`;
  }),
  '非法流转返回 409，message 指明当前状态。',
].join('\n');

const transitionRoute = createRoute({
  method: 'post',
  path: '/api/evaluations/{id}/transitions/{name}',
  tags: ['流程'],
  summary: '状态流转',
  description,
  request: {
    params: z.object({
      id: idSchema.openapi({ param: { name: 'id', in: 'path' } }),
      name: transitionSchema.openapi({ param: { name: 'name', in: 'path' } }),
    }),
    body: {
      required: false,
      content: {
        'application/json': {
          schema: z
            .object({
              comment: z.string().trim().max(5000).optional(),
              fieldPath: z.string().max(300).optional().openapi({ description: '原因所针对的字段路径（可选）' }),
              version: z.number().int().min(1).optional().openapi({ description: '仅当当前版本为此版本时流转' }),
            })
            .openapi('TransitionRequest'),
        },
      },
    },
  },
  responses: {
    200: jsonResponse(
      z.object({ evaluation: evaluationRecordSchema, transitions: z.array(z.string()) }),
      '流转后的自评',
    ),
    ...ERROR_RESPONSES,
  },
});

export function registerWorkflow(app: OpenAPIHono<AppEnv>): void {
  app.openapi(transitionRoute, async (c) => {
    const { id, name } = c.req.valid('param');
    const transition = name as TransitionName;
    const body = (c.req.valid('json') as { comment?: string; fieldPath?: string; version?: number } | undefined) ?? {};
    const { user, evaluation } = await authorizeEvaluation(c, id, TRANSITIONS[transition].action);
    const next = await fireTransition(deps(c).store, {
      evaluation,
      name: transition,
      by: user.id,
      ...(body.comment !== undefined ? { comment: body.comment } : {}),
      ...(body.fieldPath !== undefined ? { fieldPath: body.fieldPath } : {}),
      ...(body.version !== undefined ? { expectedVersion: body.version } : {}),
    });
    return c.json({ evaluation: next, transitions: availableTransitions(user, next) }, 200);
  });
}
