import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { kyselyOf } from '../../src/store/store.js';
import { describeStores, seedTree } from './helpers.js';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

/** Start the writer, let it write `after` evaluations plus a little, then SIGKILL it. Returns what it reported. */
function runAndKill(location: string, unitIds: string[], round: number, after: number, extraMs: number) {
  return new Promise<{ wrote: string[] }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, location, unitIds.join(','), String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const wrote: string[] = [];
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.startsWith('wrote ')) wrote.push(line.slice(6));
      if (!killing && wrote.length >= after) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ wrote });
      else reject(new Error(`writer exited by itself (${String(code)}): ${stderr}`));
    });
  });
}

describeStores('crash safety', (db) => {
  it('SIGKILL in the middle of writing leaves no half-written evaluation', { timeout: 120_000 }, async () => {
    const { store, location } = db();
    const t = await seedTree(store);
    const unitIds = t.units.map((u) => u.id);
    const reported: string[] = [];
    for (const [round, extra] of [0, 7, 23, 41].entries()) {
      const { wrote } = await runAndKill(location, unitIds, round, 2, extra);
      reported.push(...wrote);
    }
    const reopened = await openStore(location);
    try {
      const k = kyselyOf(reopened);
      const evaluations = await k
        .selectFrom('evaluations')
        .select(['id', 'current_version', 'total_self'])
        .where('unit_id', 'in', unitIds)
        .execute();
      // everything the writer reported as written survived the kill
      const ids = new Set(evaluations.map((e) => e.id));
      for (const id of reported) expect(ids.has(id)).toBe(true);
      expect(evaluations.length).toBeGreaterThanOrEqual(reported.length);
      const versions = await k
        .selectFrom('evaluation_versions')
        .select(['evaluation_id', sql<number | string>`count(*)`.as('n'), sql<number>`max(version)`.as('top')])
        .where('evaluation_id', 'in', [...ids])
        .groupBy('evaluation_id')
        .execute();
      const byId = new Map(versions.map((v) => [v.evaluation_id, v]));
      const audit = await k
        .selectFrom('audit_log')
        .select(['entity_id', 'action'])
        .where('entity_type', '=', 'evaluation')
        .execute();
      let partial = 0;
      for (const e of evaluations) {
        const current = Number(e.current_version);
        const v = byId.get(e.id);
        // versions 1..current exist, no more, no less
        expect(Number(v?.n)).toBe(current);
        expect(Number(v?.top)).toBe(current);
        // the summary belongs to the current version
        expect(e.total_self).toBe(current === 1 ? null : String(current - 1));
        // the audit entries were written with their changes, never without them
        expect(audit.filter((a) => a.entity_id === e.id && a.action === 'evaluation.create')).toHaveLength(1);
        expect(audit.filter((a) => a.entity_id === e.id && a.action === 'evaluation.save')).toHaveLength(current - 1);
        if (current < 4) partial++;
      }
      for (const a of audit)
        if (a.action.startsWith('evaluation.') && a.entity_id !== null) {
          if (unitIds.length > 0 && !ids.has(a.entity_id)) {
            // an audit entry about an evaluation of this test that does not exist would be a torn write
            const known = await reopened.evaluations.get(a.entity_id);
            expect(known).toBeDefined();
          }
        }
      // at most one evaluation per kill can be between its saves
      expect(partial).toBeLessThanOrEqual(4);
    } finally {
      await reopened.close();
    }
  });
});
