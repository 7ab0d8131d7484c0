/**
 * Authorisation as data: which role may do which action, on its own organisation's resources ('own') or on
 * others' ('other'). "Own" means the resource belongs to the user's organisation or its subtree: a unit's users own
 * their unit; a reviewer or admin owns every unit under their bureau. Every route names its action (see
 * routes/*.ts) and calls `authorize`; test/server/authz-matrix.test.ts checks every cell of this table against
 * every route.
 */
import type { Role } from '../store/index.js';

export type Scope = 'own' | 'other';

export const ACTIONS = [
  // evaluations: reading (also score, check, export, versions, diff, audit trail, original files)
  'evaluation.read',
  'evaluation.create',
  'evaluation.import',
  'evaluation.update',
  // workflow transitions (see workflow.ts)
  'evaluation.submit',
  'evaluation.approve',
  'evaluation.unitReturn',
  'evaluation.reopen',
  'evaluation.return',
  'evaluation.accept',
  'evaluation.publish',
  // comments pinned to a field
  'comment.read',
  'comment.create',
  'comment.resolve',
  // 复核得分
  'review.read',
  'review.write',
  // tasks a bureau sends to units
  'task.read',
  'task.create',
  // bureau views
  'bureau.list',
  'bureau.batchCheck',
  'bureau.export',
  // administration
  'organisation.read',
  'organisation.manage',
  'user.read',
  'user.manage',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLES: readonly Role[] = ['preparer', 'unitApprover', 'reviewer', 'admin'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  preparer: '填报人',
  unitApprover: '单位审核人',
  reviewer: '财政复核人',
  admin: '管理员',
};

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  'evaluation.read': '查看绩效自评',
  'evaluation.create': '新建绩效自评',
  'evaluation.import': '导入报告文件',
  'evaluation.update': '修改绩效自评',
  'evaluation.submit': '提交',
  'evaluation.approve': '单位审核通过并报送财政',
  'evaluation.unitReturn': '单位退回修改',
  'evaluation.reopen': '重新编辑已退回的自评',
  'evaluation.return': '财政退回',
  'evaluation.accept': '财政复核通过',
  'evaluation.publish': '公开',
  'comment.read': '查看批注',
  'comment.create': '添加批注',
  'comment.resolve': '标记批注已处理',
  'review.read': '查看复核得分',
  'review.write': '填写复核得分',
  'task.read': '查看任务',
  'task.create': '下发任务',
  'bureau.list': '查看各单位自评汇总',
  'bureau.batchCheck': '批量核查',
  'bureau.export': '导出汇总表',
  'organisation.read': '查看机构',
  'organisation.manage': '管理机构',
  'user.read': '查看用户',
  'user.manage': '管理用户',
  'audit.read': '查看审计日志',
};

const OWN: readonly Scope[] = ['own'];

/**
 * The matrix. Absent = denied. Nobody acts on another organisation's resources: every grant is 'own'.
 * Nobody may edit a submitted evaluation: `evaluation.update` is further limited to editable states (workflow.ts).
 */
export const PERMISSIONS: Readonly<Record<Role, Readonly<Partial<Record<Action, readonly Scope[]>>>>> = {
  preparer: {
    'evaluation.read': OWN,
    'evaluation.create': OWN,
    'evaluation.import': OWN,
    'evaluation.update': OWN,
    'evaluation.submit': OWN,
    'evaluation.reopen': OWN,
    'comment.read': OWN,
    'comment.create': OWN,
    'comment.resolve': OWN,
    'review.read': OWN,
    'task.read': OWN,
    'organisation.read': OWN,
  },
  unitApprover: {
    'evaluation.read': OWN,
    'evaluation.approve': OWN,
    'evaluation.unitReturn': OWN,
    'evaluation.reopen': OWN,
    'comment.read': OWN,
    'comment.create': OWN,
    'comment.resolve': OWN,
    'review.read': OWN,
    'task.read': OWN,
    'organisation.read': OWN,
  },
  reviewer: {
    'evaluation.read': OWN,
    'evaluation.return': OWN,
    'evaluation.accept': OWN,
    'evaluation.publish': OWN,
    'comment.read': OWN,
    'comment.create': OWN,
    'comment.resolve': OWN,
    'review.read': OWN,
    'review.write': OWN,
    'task.read': OWN,
    'task.create': OWN,
    'bureau.list': OWN,
    'bureau.batchCheck': OWN,
    'bureau.export': OWN,
    'organisation.read': OWN,
  },
  admin: {
    'evaluation.read': OWN,
    'evaluation.publish': OWN,
    'comment.read': OWN,
    'review.read': OWN,
    'task.read': OWN,
    'task.create': OWN,
    'bureau.list': OWN,
    'bureau.batchCheck': OWN,
    'bureau.export': OWN,
    'organisation.read': OWN,
    'organisation.manage': OWN,
    'user.read': OWN,
    'user.manage': OWN,
    'audit.read': OWN,
  },
};

/** Is `role` allowed `action` on a resource in scope `scope`? */
export function can(role: Role, action: Action, scope: Scope): boolean {
  return PERMISSIONS[role][action]?.includes(scope) ?? false;
}

/** Does the role hold the action at all (in any scope)? Used to hide whole views. */
export function holds(role: Role, action: Action): boolean {
  return (PERMISSIONS[role][action]?.length ?? 0) > 0;
}

/** The zh-CN message of a refusal. */
export function refusal(role: Role, action: Action, scope: Scope): string {
  const who = ROLE_LABELS[role];
  const what = ACTION_LABELS[action];
  return scope === 'other' && holds(role, action)
    ? `${who}只能对本单位（本辖区）的数据执行“${what}”`
    : `${who}无权执行“${what}”`;
}
