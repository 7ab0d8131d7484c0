import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { newId } from '../ids.js';
import type { FilesTable } from '../schema.js';
import type { FileRepository, Id, NewFile, StoredFile, StoredFileMeta } from '../types.js';
import { guarded, timestamp, toInt, type Db } from '../util.js';

const META_COLUMNS = [
  'id',
  'evaluation_id',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

function toMeta(row: Omit<Selectable<FilesTable>, 'bytes'>): StoredFileMeta {
  return {
    id: row.id,
    evaluationId: row.evaluation_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: toInt(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

export function fileRepository(db: Db): FileRepository {
  return {
    async create(input: NewFile): Promise<StoredFileMeta> {
      if (!(input.bytes instanceof Uint8Array)) throw new InvalidInputError('bytes', '文件内容必须是字节数组');
      if (input.fileName.trim() === '') throw new InvalidInputError('fileName', '文件名不能为空');
      // Both drivers bind a Buffer as BLOB/BYTEA; wrap without copying.
      const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      const row = {
        id: input.id ?? newId(),
        evaluation_id: input.evaluationId ?? null,
        file_name: input.fileName,
        media_type: input.mediaType,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes,
        uploaded_by: input.uploadedBy,
        created_at: timestamp(input.createdAt, 'createdAt'),
      };
      await guarded('file', db.insertInto('files').values(row).execute());
      const { bytes: _bytes, ...meta } = row;
      return toMeta(meta);
    },

    async get(id: Id): Promise<StoredFile | undefined> {
      const row = await db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const { bytes, ...meta } = row;
      return { ...toMeta(meta), bytes: new Uint8Array(bytes) };
    },

    async getMeta(id: Id): Promise<StoredFileMeta | undefined> {
      const row = await db.selectFrom('files').select(META_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row && toMeta(row);
    },

    async listForEvaluation(evaluationId: Id): Promise<StoredFileMeta[]> {
      const rows = await db
        .selectFrom('files')
        .select(META_COLUMNS)
        .where('evaluation_id', '=', evaluationId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toMeta);
    },

    async attach(fileId: Id, evaluationId: Id): Promise<void> {
      const r = await guarded(
        'file',
        db.updateTable('files').set({ evaluation_id: evaluationId }).where('id', '=', fileId).executeTakeFirst(),
      );
      if (Number(r.numUpdatedRows) === 0) throw new NotFoundError('file', fileId);
    },
  };
}
