/**
 * What the routes (and the demo seeder) do to evaluations, each write in one transaction with its audit entry:
 * create, import a file, save a new version, fire a workflow transition. Authorisation is the caller's business.
 */
import type { CheckResult } from '../checks/index.js';
import { importFile } from '../formats/import.js';
import { evaluationSchema, type Evaluation, type EvaluationInput, type EvaluationKind } from '../model/index.js';
import type { RuleProfile } from '../rules/types.js';
import { VersionConflictError } from '../store/index.js';
import type {
  EvaluationRecord,
  EvaluationState,
  EvaluationVersionInfo,
  Repositories,
  Store,
  StoredFileMeta,
} from '../store/index.js';
import { analyse, profileOf } from './analysis.js';
import { ApiError, badRequest, type Json } from './errors.js';
import { mediaTypeOf } from './http.js';
import {
  EDITABLE_STATES,
  TRANSITIONS,
  canFire,
  illegalTransitionMessage,
  notEditableMessage,
  type TransitionName,
} from './workflow.js';

export interface DocumentTarget {
  year: number;
  kind: EvaluationKind;
  unitName: string;
  projectName?: string | null;
}

/**
 * The document made consistent with where it is filed: its year, kind, unit name and project. `input` is an
 * Evaluation already validated (by the route or the importer); the result is a shallow copy.
 */
export function fileDocument(input: Evaluation, target: DocumentTarget): Evaluation {
  const doc: Evaluation = { ...input, year: target.year, kind: target.kind };
  if (!doc.unit.name) doc.unit = { ...doc.unit, name: target.unitName };
  if (target.kind === 'project' && target.projectName) doc.project = { ...doc.project, name: target.projectName };
  return doc;
}

/** Store a new evaluation (version 1) and audit it. */
export async function createEvaluation(
  store: Store,
  input: {
    unitId: string;
    unitName: string;
    year: number;
    kind: EvaluationKind;
    projectName?: string | null;
    document: EvaluationInput | Evaluation;
    by: string | null;
    profile: RuleProfile;
    note?: string;
    state?: EvaluationState;
    at?: string;
  },
): Promise<{ evaluation: EvaluationRecord; document: Evaluation; result: CheckResult }> {
  const document = fileDocument(evaluationSchema.parse(input.document), input);
  const profile = profileOf(document, input.profile);
  const { result, summary } = analyse(document, profile);
  const evaluation = await store.transaction(async (tx) => {
    const record = await tx.evaluations.create({
      unitId: input.unitId,
      year: input.year,
      kind: input.kind,
      projectName: input.projectName ?? null,
      document,
      createdBy: input.by,
      note: input.note ?? '新建',
      summary,
      state: input.state ?? 'draft',
      ...(input.at ? { at: input.at } : {}),
    });
    await tx.audit.append({
      actorId: input.by,
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: record.id,
      details: { unitId: input.unitId, year: input.year, kind: input.kind, state: record.state },
      ...(input.at ? { at: input.at } : {}),
    });
    return record;
  });
  return { evaluation, document, result };
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  unitId: string;
  unitName: string;
  /** overrides the year the report states */
  year?: number;
  kind?: EvaluationKind;
  projectName?: string | null;
  by: string | null;
  profile: RuleProfile;
  maxBytes: number;
  /** stamped on the document when the report names no rule profile (e.g. the bureau's own) */
  documentProfile?: string;
  state?: EvaluationState;
  at?: string;
}

/** Read a report file (ImportError on failure). */
export async function readReport(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<Evaluation> {
  const { evaluation } = await importFile(bytes, fileName, { maxBytes });
  return evaluation;
}

function targetOf(
  document: Evaluation,
  input: Pick<ImportInput, 'year' | 'kind' | 'projectName' | 'unitName'>,
): DocumentTarget {
  const year = input.year ?? document.year;
  if (year === undefined) {
    throw badRequest('报告中没有写明年度，请在表单中填写 year（年度）', {
      issues: [{ path: 'year', message: '无法从报告中识别年度，请填写' }],
    });
  }
  const kind = input.kind ?? document.kind;
  return { year, kind, unitName: input.unitName, projectName: input.projectName ?? document.project?.name ?? null };
}

/**
 * Import a report file as a new evaluation: the evaluation, its version 1, the original file and the audit entry
 * in one transaction (a crash leaves all of them or none).
 */
export async function importEvaluation(
  store: Store,
  input: ImportInput,
): Promise<{ evaluation: EvaluationRecord; document: Evaluation; result: CheckResult; file: StoredFileMeta }> {
  const imported = await readReport(input.bytes, input.fileName, input.maxBytes);
  const target = targetOf(imported, input);
  const document = fileDocument(imported, target);
  if (input.documentProfile && !document.profile) document.profile = input.documentProfile;
  const { result, summary } = analyse(document, profileOf(document, input.profile));
  const { evaluation, file } = await store.transaction(async (tx) => {
    const evaluation = await tx.evaluations.create({
      unitId: input.unitId,
      year: target.year,
      kind: target.kind,
      projectName: target.kind === 'project' ? (target.projectName ?? null) : null,
      document,
      createdBy: input.by,
      note: `导入文件：${input.fileName}`,
      summary,
      state: input.state ?? 'draft',
      ...(input.at ? { at: input.at } : {}),
    });
    const file = await storeFile(tx, evaluation.id, input);
    await tx.audit.append({
      actorId: input.by,
      action: 'evaluation.import',
      entityType: 'evaluation',
      entityId: evaluation.id,
      details: { fileId: file.id, fileName: input.fileName, size: file.size, version: 1 },
      ...(input.at ? { at: input.at } : {}),
    });
    return { evaluation, file };
  });
  return { evaluation, document, result, file };
}

function storeFile(
  tx: Repositories,
  evaluationId: string,
  input: { bytes: Uint8Array; fileName: string; by: string | null; at?: string },
): Promise<StoredFileMeta> {
  return tx.files.create({
    evaluationId,
    fileName: input.fileName,
    mediaType: mediaTypeOf(input.fileName),
    bytes: input.bytes,
    uploadedBy: input.by,
    ...(input.at ? { createdAt: input.at } : {}),
  });
}

/**
 * Cheap refusals before any work (the atomic checks in the store decide in the end): a stale base version
 * (VersionConflictError) or a state nobody may edit in (409 naming the state).
 */
export function assertSavable(record: EvaluationRecord, expectedVersion: number): void {
  if (record.currentVersion !== expectedVersion) {
    throw new VersionConflictError(record.id, expectedVersion, record.currentVersion);
  }
  if (!EDITABLE_STATES.includes(record.state)) {
    throw new ApiError(409, 'state_conflict', notEditableMessage(record.state), { currentState: record.state });
  }
}

/**
 * Save a new version with optimistic locking, only in an editable state. A stale `expectedVersion` throws the
 * store's VersionConflictError (nothing written).
 */
export async function saveEvaluation(
  store: Store,
  input: {
    evaluation: EvaluationRecord;
    expectedVersion: number;
    /** validated (the route's schema or the importer) */
    document: Evaluation;
    by: string | null;
    profile: RuleProfile;
    note?: string | null;
    file?: { bytes: Uint8Array; fileName: string };
  },
): Promise<{
  evaluation: EvaluationRecord;
  version: EvaluationVersionInfo;
  document: Evaluation;
  result: CheckResult;
  file?: StoredFileMeta;
}> {
  const record = input.evaluation;
  assertSavable(record, input.expectedVersion);
  const document = fileDocument(input.document, {
    year: record.year,
    kind: record.kind,
    unitName: record.unitName,
    projectName: record.projectName,
  });
  const { result, summary } = analyse(document, profileOf(document, input.profile));
  const saved = await store.transaction(async (tx) => {
    const out = await tx.evaluations.saveVersion(record.id, input.expectedVersion, document, input.by, {
      note: input.note ?? null,
      summary,
      allowedStates: [...EDITABLE_STATES],
    });
    let file: StoredFileMeta | undefined;
    if (input.file) file = await storeFile(tx, record.id, { ...input.file, by: input.by });
    await tx.audit.append({
      actorId: input.by,
      action: input.file ? 'evaluation.import' : 'evaluation.update',
      entityType: 'evaluation',
      entityId: record.id,
      details: { version: out.version.version, ...(file ? { fileId: file.id, fileName: file.fileName } : {}) },
    });
    return { ...out, file };
  });
  return {
    evaluation: saved.evaluation,
    version: saved.version,
    document,
    result,
    ...(saved.file ? { file: saved.file } : {}),
  };
}

/**
 * Fire a workflow transition: legal only from its `from` states (409 naming the current state otherwise); the
 * state change, the comment (if any) and the audit entry in one transaction.
 */
export async function fireTransition(
  store: Store,
  input: {
    evaluation: EvaluationRecord;
    name: TransitionName;
    by: string | null;
    comment?: string;
    fieldPath?: string;
    expectedVersion?: number;
    at?: string;
  },
): Promise<EvaluationRecord> {
  const t = TRANSITIONS[input.name];
  const current = input.evaluation;
  if (!canFire(input.name, current.state)) {
    throw new ApiError(409, 'state_conflict', illegalTransitionMessage(input.name, current.state), {
      currentState: current.state,
      transition: input.name,
      allowedFrom: [...t.from],
    });
  }
  const comment = input.comment?.trim();
  if (t.commentRequired && !comment) {
    throw badRequest(`“${t.label}”须填写原因（comment）`, { issues: [{ path: 'comment', message: '请填写原因' }] });
  }
  return store.transaction(async (tx) => {
    const next = await tx.evaluations.setState(current.id, current.state, t.to, {
      ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
      ...(input.at ? { at: input.at } : {}),
    });
    let commentId: string | null = null;
    if (comment) {
      const c = await tx.comments.create({
        evaluationId: current.id,
        version: next.currentVersion,
        fieldPath: input.fieldPath ?? '',
        body: comment,
        authorId: input.by,
        ...(input.at ? { createdAt: input.at } : {}),
      });
      commentId = c.id;
    }
    const details: Json = {
      transition: input.name,
      from: current.state,
      to: t.to,
      version: next.currentVersion,
      comment: comment ?? null,
      commentId,
    };
    await tx.audit.append({
      actorId: input.by,
      action: `evaluation.${input.name}`,
      entityType: 'evaluation',
      entityId: current.id,
      details,
      ...(input.at ? { at: input.at } : {}),
    });
    return next;
  });
}
