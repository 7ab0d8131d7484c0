/**
 * The HTTP API's records as the web app sees them (mirrors src/server/schemas.ts and the route files; the server
 * itself cannot be imported into the browser bundle). The Evaluation document, findings and score sheets come
 * from the pure core's own types.
 */
import type { CheckResult, Finding, FindingSummary } from '../../../src/checks/index.js';
import type { Evaluation } from '../../../src/model/index.js';

export type Role = 'preparer' | 'unitApprover' | 'reviewer' | 'admin';
export type OrganisationKind = 'bureau' | 'department' | 'unit';
export type EvaluationState = 'draft' | 'submitted' | 'unitApproved' | 'returned' | 'accepted' | 'published';
export type EvaluationKind = 'department' | 'project';
export type TransitionName = 'submit' | 'approve' | 'unitReturn' | 'return' | 'accept' | 'reopen' | 'publish';
export type ExportFormat = 'docx' | 'xlsx' | 'pdf' | 'html' | 'json';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  createdAt: string;
  disabled: boolean;
}

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  code: string | null;
  parentId: string | null;
  createdAt: string;
}

export interface SessionInfo {
  user: User;
  organisation: Organisation | null;
  csrfToken: string;
  expiresAt: string;
  /** the actions the user's role holds (src/server/authz.ts ACTIONS) */
  permissions: string[];
}

export interface EvaluationRecord {
  id: string;
  unitId: string;
  unitName: string;
  departmentId: string | null;
  bureauId: string | null;
  year: number;
  kind: EvaluationKind;
  projectName: string | null;
  state: EvaluationState;
  currentVersion: number;
  totalSelf: string | null;
  totalRecomputed: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvaluationListItem extends EvaluationRecord {
  departmentName: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface VersionInfo {
  evaluationId: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  note: string | null;
}

export interface EvaluationView {
  evaluation: EvaluationRecord;
  version: VersionInfo;
  document: Evaluation;
  transitions: TransitionName[];
}

export interface StoredFile {
  id: string;
  evaluationId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface ImportResult {
  evaluation: EvaluationRecord;
  version: number;
  document: Evaluation;
  findings: Finding[];
  summary: FindingSummary;
  score: {
    selfReported: { total: number | null; grade: string | null };
    recomputed: { total: number; grade: string };
  };
  file: StoredFile;
}

export interface SaveResult {
  evaluation: EvaluationRecord;
  version: VersionInfo;
  summary: FindingSummary;
}

export interface TransitionResult {
  evaluation: EvaluationRecord;
  transitions: TransitionName[];
}

export interface Comment {
  id: string;
  evaluationId: string;
  version: number;
  fieldPath: string;
  body: string;
  authorId: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface Task {
  id: string;
  bureauId: string;
  year: number;
  kind: EvaluationKind;
  title: string;
  deadline: string;
  createdBy: string | null;
  createdAt: string;
}

export interface TaskWithUnits extends Task {
  unitIds: string[];
}

export interface TaskProgress {
  task: TaskWithUnits;
  overdue: boolean;
  counts: { units: number; submitted: number; notSubmitted: number };
  units: {
    unitId: string;
    unitName: string;
    submitted: boolean;
    evaluations: { id: string; state: EvaluationState; projectName: string | null; updatedAt: string }[];
  }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
}

/** details of a 409 version_conflict on PUT /api/evaluations/{id} */
export interface VersionConflictDetails {
  expectedVersion: number;
  currentVersion: number;
  current: {
    version: number;
    createdAt: string;
    createdBy: string | null;
    note: string | null;
    document: Evaluation;
  } | null;
}

export type { CheckResult, Finding, FindingSummary };

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  preparer: '填报人',
  unitApprover: '单位审核人',
  reviewer: '财政复核人',
  admin: '管理员',
};

export const STATE_LABELS: Readonly<Record<EvaluationState, string>> = {
  draft: '草稿',
  submitted: '已提交',
  unitApproved: '单位已审核',
  returned: '已退回',
  accepted: '已通过',
  published: '已公开',
};

/** antd Tag colours per state */
export const STATE_COLORS: Readonly<Record<EvaluationState, string>> = {
  draft: 'default',
  submitted: 'processing',
  unitApproved: 'blue',
  returned: 'warning',
  accepted: 'success',
  published: 'green',
};

export const TRANSITION_LABELS: Readonly<Record<TransitionName, string>> = {
  submit: '提交单位审核',
  approve: '审核通过并报送财政',
  unitReturn: '退回填报人修改',
  return: '退回单位修改',
  accept: '复核通过',
  reopen: '重新编辑',
  publish: '公开',
};

/** Transitions that need a reason (src/server/workflow.ts commentRequired). */
export const TRANSITION_NEEDS_COMMENT: Readonly<Record<TransitionName, boolean>> = {
  submit: false,
  approve: false,
  unitReturn: true,
  return: true,
  accept: false,
  reopen: false,
  publish: false,
};

export const KIND_LABELS: Readonly<Record<EvaluationKind, string>> = {
  department: '部门整体支出',
  project: '项目支出',
};
