/** Comments pinned to fields, review scores beside self scores, and the R-14 自评不实 flag. */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../src/rules/index.js';
import { score } from '../../src/scoring/index.js';
import { EXECUTION_ROW_ID, reviewScoreProblem, summariseReview } from '../../src/server/review.js';
import type { ReviewScore } from '../../src/store/index.js';
import { demoDocument, describeBackends, json, makeEvaluation, type ErrorBody } from './helpers.js';

interface ReviewBody {
  rows: { indicatorId: string; weight: string | null; selfScore: string | null; reviewScore: string | null }[];
  selfTotal: string | null;
  reviewTotal: string;
  reviewedRows: number;
  complete: boolean;
  gap: string | null;
  findings: { rule: string; severity: string; message: string }[];
}

const rs = (indicatorId: string, reviewScore: string): ReviewScore => ({
  evaluationId: 'e',
  indicatorId,
  reviewScore,
  note: null,
  reviewerId: null,
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('review summary (pure)', () => {
  it('counts unreviewed rows at their self score and flags a gap at the profile threshold', async () => {
    const profile = getProfile('national-2020')!;
    const sheet = score(await demoDocument(), profile);
    const none = summariseReview(sheet, [], profile);
    expect(none.rows).toHaveLength(sheet.items.length + 1);
    expect(none.rows[0]!.indicatorId).toBe(EXECUTION_ROW_ID);
    expect(none.reviewTotal).toBe(none.rows.reduce((s, r) => s + Number(r.selfScore ?? 0), 0).toFixed(2));
    expect(none.findings).toEqual([]);
    // one row 9.99 below its self score: under the threshold of 10
    const ind1 = sheet.items[0]!;
    const just = summariseReview(sheet, [rs(ind1.indicatorId!, (ind1.selfScore! - 9.99).toFixed(2))], profile);
    expect(just.gap).toBe('9.99');
    expect(just.findings).toEqual([]);
    // two rows zeroed: well over
    const a = sheet.items[0]!;
    const b = sheet.items[1]!;
    const over = summariseReview(sheet, [rs(a.indicatorId!, '0'), rs(b.indicatorId!, '0')], profile);
    expect(Number(over.gap)).toBeCloseTo(a.selfScore! + b.selfScore!, 2);
    expect(over.findings).toHaveLength(1);
    expect(over.findings[0]).toMatchObject({ severity: 'warning' });
    expect(over.findings[0]!.message).toContain('自评不实');
    expect(over.reviewedRows).toBe(2);
    expect(over.complete).toBe(false);
  });

  it('refuses review scores for unknown rows, negative, or above the weight', async () => {
    const profile = getProfile('national-2020')!;
    const sheet = score(await demoDocument(), profile);
    const first = sheet.items[0]!;
    expect(reviewScoreProblem(sheet, 'no-such-row', '1')).toContain('no-such-row');
    expect(reviewScoreProblem(sheet, first.indicatorId!, '-1')).toContain('负数');
    expect(reviewScoreProblem(sheet, first.indicatorId!, String(first.weight! + 0.01))).toContain('超过');
    expect(reviewScoreProblem(sheet, first.indicatorId!, String(first.weight!))).toBeUndefined();
    expect(reviewScoreProblem(sheet, EXECUTION_ROW_ID, '5')).toBeUndefined();
  });
});

describeBackends('comments and review over HTTP', (env) => {
  it('pins comments to field paths, lists them, and resolves them', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const reviewer = await env().as('reviewer');
    const preparer = await env().as('preparer');
    const add = await reviewer.post(`/api/evaluations/${e.id}/comments`, {
      fieldPath: 'selfEvaluation.indicators.2.deviationNote',
      body: '偏差原因过于笼统',
    });
    expect(add.status).toBe(201);
    const comment = await json<{ id: string; version: number; fieldPath: string }>(add);
    expect(comment).toMatchObject({ version: 1, fieldPath: 'selfEvaluation.indicators.2.deviationNote' });
    const whole = await preparer.post(`/api/evaluations/${e.id}/comments`, { body: '已按意见修改' });
    expect(whole.status).toBe(201);
    for (const fieldPath of ['nonsense.path', 'selfEvaluation..x', '../etc/passwd']) {
      expect((await reviewer.post(`/api/evaluations/${e.id}/comments`, { fieldPath, body: 'x' })).status).toBe(400);
    }
    expect((await reviewer.post(`/api/evaluations/${e.id}/comments`, { fieldPath: 'title', body: '   ' })).status).toBe(
      400,
    );
    const list = await json<{ items: { id: string }[] }>(await preparer.get(`/api/evaluations/${e.id}/comments`));
    expect(list.items.map((c) => c.id)).toEqual([comment.id, (await json<{ id: string }>(whole)).id]);
    const resolved = await json<{ resolvedAt: string | null }>(
      await preparer.post(`/api/comments/${comment.id}/resolve`),
    );
    expect(resolved.resolvedAt).not.toBeNull();
    const open = await json<{ items: unknown[] }>(
      await preparer.get(`/api/evaluations/${e.id}/comments?includeResolved=false`),
    );
    expect(open.items).toHaveLength(1);
  });

  it('records review scores while the bureau reviews, and flags 自评不实', async () => {
    const e = await makeEvaluation(env().store, env().world.unitA1, 'unitApproved');
    const reviewer = await env().as('reviewer');
    const before = await json<ReviewBody>(await reviewer.get(`/api/evaluations/${e.id}/review`));
    expect(before.reviewedRows).toBe(0);
    const rows = before.rows.filter((r) => r.indicatorId !== EXECUTION_ROW_ID).slice(0, 3);
    const res = await reviewer.put(`/api/evaluations/${e.id}/review`, {
      scores: rows.map((r) => ({ indicatorId: r.indicatorId, reviewScore: '0', note: '无佐证材料' })),
    });
    expect(res.status).toBe(200);
    const after = await json<ReviewBody>(res);
    expect(after.reviewedRows).toBe(3);
    const lost = rows.reduce((s, r) => s + Number(r.selfScore), 0);
    expect(Number(after.gap)).toBeCloseTo(lost, 2);
    expect(after.findings.map((f) => f.severity)).toEqual(lost >= 10 ? ['warning'] : []);
    // replace one score: upsert, not a second row
    await reviewer.put(`/api/evaluations/${e.id}/review`, {
      scores: [{ indicatorId: rows[0]!.indicatorId, reviewScore: rows[0]!.selfScore }],
    });
    const again = await json<ReviewBody>(await reviewer.get(`/api/evaluations/${e.id}/review`));
    expect(again.reviewedRows).toBe(3);
    expect(again.rows.find((r) => r.indicatorId === rows[0]!.indicatorId)?.reviewScore).toBe(rows[0]!.selfScore);
    // the unit sees the review scores
    const preparer = await env().as('preparer');
    expect((await preparer.get(`/api/evaluations/${e.id}/review`)).status).toBe(200);
    // bad scores are refused with the row named
    const bad = await reviewer.put(`/api/evaluations/${e.id}/review`, {
      scores: [{ indicatorId: rows[0]!.indicatorId, reviewScore: '999' }],
    });
    expect(bad.status).toBe(400);
    expect((await json<ErrorBody>(bad)).error.message).toContain('超过');
    expect(
      (await reviewer.put(`/api/evaluations/${e.id}/review`, { scores: [{ indicatorId: 'x', reviewScore: '9.5.1' }] }))
        .status,
    ).toBe(400);
    const audit = await env().store.audit.listByEntity('evaluation', e.id);
    expect(audit.filter((a) => a.action === 'evaluation.review')).toHaveLength(2);
  });

  it('review scores only while the evaluation is with the bureau for review', async () => {
    const reviewer = await env().as('reviewer');
    for (const state of ['draft', 'submitted', 'accepted', 'published'] as const) {
      const e = await makeEvaluation(env().store, env().world.unitA1, state);
      const res = await reviewer.put(`/api/evaluations/${e.id}/review`, {
        scores: [{ indicatorId: 'ind-1', reviewScore: '1' }],
      });
      expect(res.status).toBe(409);
    }
  });
});
