/** 复核得分: the bureau's score per indicator beside the self score, and the R-14 自评不实 flag. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { score } from '../../scoring/index.js';
import { profileOf } from '../analysis.js';
import type { AppEnv } from '../context.js';
import { ApiError, badRequest } from '../errors.js';
import { deps } from '../guard.js';
import { ERROR_RESPONSES } from '../openapi.js';
import { summariseReview, reviewScoreProblem } from '../review.js';
import { decimalSchema, findingSchema, idParams, jsonBody, jsonResponse } from '../schemas.js';
import { REVIEWABLE_STATES, STATE_LABELS } from '../workflow.js';
import { readVersion } from './evaluations.js';

const reviewRowSchema = z.object({
  indicatorId: z.string(),
  label: z.string(),
  category: z.string().nullable(),
  weight: z.string().nullable(),
  selfScore: z.string().nullable(),
  recomputed: z.string().nullable(),
  reviewScore: z.string().nullable(),
  note: z.string().nullable(),
  reviewerId: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

const reviewSchema = z
  .object({
    rows: z.array(reviewRowSchema),
    selfTotal: z.string().nullable(),
    reviewTotal: z.string(),
    reviewedRows: z.number().int(),
    complete: z.boolean(),
    gap: z.string().nullable(),
    threshold: z.string(),
    findings: z.array(findingSchema),
  })
  .openapi('Review');

const getRoute = createRoute({
  method: 'get',
  path: '/api/evaluations/{id}/review',
  tags: ['复核'],
  summary: '复核得分',
  description:
    '每行：自评得分、重算得分、复核得分。复核总分中未复核的行按自评得分计；自评总分与复核总分相差达到规则配置的警示线时给出“自评不实”警告（R-14）。',
  request: { params: idParams },
  responses: { 200: jsonResponse(reviewSchema, '复核情况'), ...ERROR_RESPONSES },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/evaluations/{id}/review',
  tags: ['复核'],
  summary: '填写复核得分',
  description: `在“${REVIEWABLE_STATES.map((s) => STATE_LABELS[s]).join('、')}”状态下由财政复核人填写；indicatorId 为指标编号，预算执行率行为 execution。`,
  request: {
    params: idParams,
    body: jsonBody(
      z
        .object({
          scores: z
            .array(
              z.object({
                indicatorId: z.string().min(1).max(100),
                reviewScore: decimalSchema,
                note: z.string().max(2000).optional(),
              }),
            )
            .min(1)
            .max(500),
        })
        .openapi('ReviewScores'),
    ),
  },
  responses: { 200: jsonResponse(reviewSchema, '保存后的复核情况'), ...ERROR_RESPONSES },
});

export function registerReviews(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { version } = await readVersion(c, id, undefined, 'review.read');
    const profile = profileOf(version.document, deps(c).defaultProfile);
    const sheet = score(version.document, profile);
    const scores = await deps(c).store.reviewScores.list(id);
    return c.json(summariseReview(sheet, scores, profile), 200);
  });

  app.openapi(putRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { user, evaluation, version } = await readVersion(c, id, undefined, 'review.write');
    if (!REVIEWABLE_STATES.includes(evaluation.state)) {
      throw new ApiError(
        409,
        'state_conflict',
        `当前状态为“${STATE_LABELS[evaluation.state]}”，不能填写复核得分（仅可在${REVIEWABLE_STATES.map((s) => `“${STATE_LABELS[s]}”`).join('或')}状态下填写）`,
        { currentState: evaluation.state },
      );
    }
    const profile = profileOf(version.document, deps(c).defaultProfile);
    const sheet = score(version.document, profile);
    const issues = body.scores.flatMap((s, i) => {
      const problem = reviewScoreProblem(sheet, s.indicatorId, s.reviewScore);
      return problem ? [{ path: `scores[${i}]`, message: problem }] : [];
    });
    if (issues.length > 0) throw badRequest(issues[0]!.message, { issues });
    const store = deps(c).store;
    const saved = await store.transaction(async (tx) => {
      await tx.reviewScores.upsertMany(
        body.scores.map((s) => ({
          evaluationId: id,
          indicatorId: s.indicatorId,
          reviewScore: s.reviewScore,
          note: s.note ?? null,
          reviewerId: user.id,
        })),
      );
      await tx.audit.append({
        actorId: user.id,
        action: 'evaluation.review',
        entityType: 'evaluation',
        entityId: id,
        details: {
          version: version.version,
          scores: body.scores.map((s) => ({ indicatorId: s.indicatorId, reviewScore: s.reviewScore })),
        },
      });
      return tx.reviewScores.list(id);
    });
    return c.json(summariseReview(sheet, saved, profile), 200);
  });
}
