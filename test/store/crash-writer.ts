/**
 * Child process for crash.test.ts: writes evaluations as fast as it can (each create, save and state change with
 * its audit entry in one transaction) until it is killed. Prints "ready" once, then one line per operation.
 *   node --import tsx test/store/crash-writer.ts <location> <unitId,unitId,...> <year offset>
 */
import { evaluationSchema } from '../../src/model/index.js';
import { openStore } from '../../src/store/index.js';

const [location, unitList, offsetText] = process.argv.slice(2);
if (!location || !unitList) throw new Error('usage: crash-writer <location> <unitIds> <offset>');
const unitIds = unitList.split(',');
const offset = Number(offsetText ?? 0);
const store = await openStore(location);
// a large document, so that a write takes long enough to be killed in the middle
const big = evaluationSchema.parse({
  kind: 'department',
  title: '崩溃测试',
  narrative: {
    sections: Array.from({ length: 40 }, (_, i) => ({
      key: 'basicInfo',
      heading: `第${i}节`,
      level: 1,
      text: '数据'.repeat(2000),
    })),
  },
});
process.stdout.write('ready\n');
for (let year = 1990 + offset * 50; ; year++) {
  for (const unitId of unitIds) {
    const id = await store.transaction(async (tx) => {
      const e = await tx.evaluations.create({ unitId, year, kind: 'department', document: big, createdBy: null });
      await tx.audit.append({ actorId: null, action: 'evaluation.create', entityType: 'evaluation', entityId: e.id });
      return e.id;
    });
    for (let v = 1; v <= 3; v++) {
      await store.transaction(async (tx) => {
        await tx.evaluations.saveVersion(id, v, { ...big, title: `v${v + 1}` }, null, {
          summary: { totalSelf: `${v}` },
        });
        await tx.audit.append({ actorId: null, action: 'evaluation.save', entityType: 'evaluation', entityId: id });
      });
    }
    process.stdout.write(`wrote ${id}\n`);
  }
}
