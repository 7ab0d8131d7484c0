import type { Selectable } from 'kysely';
import { InvalidInputError } from '../errors.js';
import type { ReviewScoresTable } from '../schema.js';
import type { Id, ReviewScore, ReviewScoreInput, ReviewScoreRepository } from '../types.js';
import { decimalString, guarded, timestamp, withTx, type Db } from '../util.js';

function toReviewScore(row: Selectable<ReviewScoresTable>): ReviewScore {
  return {
    evaluationId: row.evaluation_id,
    indicatorId: row.indicator_id,
    reviewScore: row.review_score,
    note: row.note,
    reviewerId: row.reviewer_id,
    updatedAt: row.updated_at,
  };
}

async function upsertOne(db: Db, input: ReviewScoreInput): Promise<ReviewScore> {
  if (input.indicatorId.trim() === '') throw new InvalidInputError('indicatorId', '指标编号不能为空');
  const row = {
    evaluation_id: input.evaluationId,
    indicator_id: input.indicatorId,
    review_score: decimalString(input.reviewScore, 'reviewScore'),
    note: input.note ?? null,
    reviewer_id: input.reviewerId,
    updated_at: timestamp(input.updatedAt, 'updatedAt'),
  };
  await guarded(
    'reviewScore',
    db
      .insertInto('review_scores')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['evaluation_id', 'indicator_id']).doUpdateSet({
          review_score: row.review_score,
          note: row.note,
          reviewer_id: row.reviewer_id,
          updated_at: row.updated_at,
        }),
      )
      .execute(),
  );
  return toReviewScore(row);
}

export function reviewScoreRepository(db: Db): ReviewScoreRepository {
  return {
    upsert: (input) => upsertOne(db, input),

    upsertMany(inputs: ReviewScoreInput[]): Promise<ReviewScore[]> {
      return withTx(db, async (trx) => {
        const out: ReviewScore[] = [];
        for (const input of inputs) out.push(await upsertOne(trx, input));
        return out;
      });
    },

    async list(evaluationId: Id): Promise<ReviewScore[]> {
      const rows = await db
        .selectFrom('review_scores')
        .selectAll()
        .where('evaluation_id', '=', evaluationId)
        .orderBy('indicator_id')
        .execute();
      return rows.map(toReviewScore);
    },

    async remove(evaluationId: Id, indicatorId: string): Promise<boolean> {
      const r = await db
        .deleteFrom('review_scores')
        .where('evaluation_id', '=', evaluationId)
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
