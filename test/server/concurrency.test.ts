/**
 * Optimistic locking under load: 50 parallel updates to one evaluation. Every write either lands as its own
 * version or gets 409; nothing is lost and nothing is merged.
 */
import { expect, it } from 'vitest';
import type { Evaluation } from '../../src/model/index.js';
import type { EvaluationRecord } from '../../src/store/index.js';
import { describeBackends, json, makeEvaluation, type Client, type ErrorBody } from './helpers.js';

const WRITERS = 50;

interface SaveBody {
  evaluation: EvaluationRecord;
  version: { version: number };
}

/** A document carrying one writer's marker in two places (a merge of two writers would mix them). */
function marked(doc: Evaluation, marker: string): Evaluation {
  return {
    ...doc,
    title: marker,
    selfEvaluation: doc.selfEvaluation ? { ...doc.selfEvaluation, conclusion: marker } : doc.selfEvaluation,
  };
}

describeBackends('optimistic locking under 50 parallel writers', (env) => {
  it('same base version: exactly one write lands, 49 get 409 with the current version', async () => {
    const { store, world } = env();
    const e = await makeEvaluation(store, world.unitA1, 'draft');
    const c = await env().as('preparer');
    const base = (await store.evaluations.getVersion(e.id))!.document;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        c.put(`/api/evaluations/${e.id}`, { version: 1, document: marked(base, `写入者${i}`) }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const conflicts = results.filter((r) => r.status === 409);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(WRITERS - 1);
    for (const r of conflicts) {
      const body = await json<ErrorBody & { error: { details: { currentVersion: number } } }>(r);
      expect(body.error.code).toBe('version_conflict');
      expect(body.error.details.currentVersion).toBe(2);
    }
    const winner = await json<SaveBody>(ok[0]!);
    expect(winner.version.version).toBe(2);
    const versions = await store.evaluations.listVersions(e.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const v2 = (await store.evaluations.getVersion(e.id, 2))!.document;
    expect(v2.title).toMatch(/^写入者\d+$/);
    expect(v2.selfEvaluation?.conclusion).toBe(v2.title);
    expect((await store.evaluations.getVersion(e.id, 1))!.document.title).toBe(base.title);
  });

  it(
    'writers that retry on 409: all 50 writes land, each as its own version, none lost or merged',
    { timeout: 120_000 },
    async () => {
      const { store, world } = env();
      const e = await makeEvaluation(store, world.unitA1, 'draft');
      const c: Client = await env().as('preparer');
      const landed = new Map<number, string>();
      let conflicts = 0;
      // the provenance map is most of the document's bytes and irrelevant here
      await store.evaluations.saveVersion(
        e.id,
        1,
        { ...(await store.evaluations.getVersion(e.id))!.document, sources: {} },
        null,
      );
      const start = await json<{ document: Evaluation; version: { version: number } }>(
        await c.get(`/api/evaluations/${e.id}`),
      );
      const writer = async (i: number): Promise<void> => {
        const marker = `写入者${i}`;
        // every writer starts from the same version; a 409 hands back the current one to rebase on
        let base = { document: start.document, version: start.version.version };
        for (let attempt = 0; attempt < 500; attempt++) {
          const res = await c.put(
            `/api/evaluations/${e.id}`,
            { document: marked(base.document, marker) },
            {
              headers: { 'if-match': `"${base.version}"` },
            },
          );
          if (res.status === 200) {
            const body = await json<SaveBody>(res);
            expect(landed.has(body.version.version)).toBe(false);
            landed.set(body.version.version, marker);
            return;
          }
          expect(res.status).toBe(409);
          conflicts++;
          const err = await json<{ error: { details: { current: { version: number; document: Evaluation } } } }>(res);
          base = err.error.details.current;
        }
        throw new Error(`${marker} never landed`);
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
      expect(landed.size).toBe(WRITERS);
      const versions = await store.evaluations.listVersions(e.id);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: WRITERS + 2 }, (_, i) => i + 1));
      const seen = new Set<string>();
      for (let v = 3; v <= WRITERS + 2; v++) {
        const doc = (await store.evaluations.getVersion(e.id, v))!.document;
        expect(doc.title).toBe(landed.get(v));
        expect(doc.selfEvaluation?.conclusion).toBe(doc.title);
        seen.add(doc.title!);
      }
      expect(seen.size).toBe(WRITERS);
      expect((await store.evaluations.get(e.id))?.currentVersion).toBe(WRITERS + 2);
      // the writers really did collide (otherwise the test proves nothing about locking)
      expect(conflicts).toBeGreaterThan(0);
    },
  );
});
