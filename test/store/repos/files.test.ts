import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { MissingReferenceError, NotFoundError } from '../../../src/store/index.js';
import { describeStores, makeDocument, seedTree } from '../helpers.js';

describeStores('files', (db) => {
  it('stores uploaded originals byte for byte and links them to an evaluation', async () => {
    const { store } = db();
    const t = await seedTree(store);
    const bytes = new Uint8Array(randomBytes(300_000));
    bytes[0] = 0;
    bytes[1] = 255;
    const meta = await store.files.create({
      fileName: '2024年度自评报告.docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      bytes,
      uploadedBy: null,
    });
    expect(meta).toMatchObject({
      fileName: '2024年度自评报告.docx',
      size: 300_000,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      evaluationId: null,
    });
    const back = await store.files.get(meta.id);
    expect(back?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.compare(Buffer.from(back?.bytes ?? []), Buffer.from(bytes))).toBe(0);
    expect(await store.files.getMeta(meta.id)).toEqual(meta);
    const e = await store.evaluations.create({
      unitId: t.units[0].id,
      year: 2024,
      kind: 'department',
      document: makeDocument(),
      createdBy: null,
    });
    await store.files.attach(meta.id, e.id);
    const empty = await store.files.create({
      evaluationId: e.id,
      fileName: 'empty.txt',
      mediaType: 'text/plain',
      bytes: new Uint8Array(0),
      uploadedBy: null,
      createdAt: '2030-01-01T00:00:00.000Z',
    });
    expect((await store.files.get(empty.id))?.bytes).toEqual(new Uint8Array(0));
    expect((await store.files.listForEvaluation(e.id)).map((f) => f.id)).toEqual([empty.id, meta.id]);
    expect(await store.files.get('missing')).toBeUndefined();
    await expect(store.files.attach('missing', e.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.files.attach(meta.id, 'missing')).rejects.toBeInstanceOf(MissingReferenceError);
  });
});
