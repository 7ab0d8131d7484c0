/**
 * Request-time authorisation: who is asking, what they ask for, and whether the matrix (authz.ts) allows it on
 * that resource. Every route calls one of these before touching data.
 */
import type { EvaluationRecord, Organisation, TaskWithUnits, User } from '../store/index.js';
import { can, refusal, type Action, type Scope } from './authz.js';
import type { AppContext, ServerDeps } from './context.js';
import { ApiError, forbidden, notFound, unauthenticated } from './errors.js';

export function deps(c: AppContext): ServerDeps {
  return c.get('deps');
}

/** The logged-in user, or 401. */
export function requireUser(c: AppContext): User {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  return user;
}

/** 'own' when `organisationId` is the user's organisation or lies in its subtree. */
export async function scopeOfOrganisation(c: AppContext, user: User, organisationId: string): Promise<Scope> {
  if (organisationId === user.organisationId) return 'own';
  const within = await deps(c).store.organisations.isWithin(organisationId, user.organisationId);
  return within ? 'own' : 'other';
}

/**
 * The scope of an evaluation, without a query: the tree is at most bureau → department → unit, and the record
 * carries all three, so the user owns it exactly when their organisation is one of them.
 */
export function scopeOfEvaluation(
  user: User,
  e: Pick<EvaluationRecord, 'unitId' | 'departmentId' | 'bureauId'>,
): Scope {
  const org = user.organisationId;
  return org === e.unitId || org === e.departmentId || org === e.bureauId ? 'own' : 'other';
}

/** Throw 403 unless the matrix allows `action` in `scope`. */
export function check(user: User, action: Action, scope: Scope): void {
  if (!can(user.role, action, scope)) throw forbidden(refusal(user.role, action, scope));
}

/** The user, authorised for an action on a resource owned by `organisationId` (null: the user's own). */
export async function authorize(c: AppContext, action: Action, organisationId: string | null = null): Promise<User> {
  const user = requireUser(c);
  const scope = organisationId === null ? 'own' : await scopeOfOrganisation(c, user, organisationId);
  check(user, action, scope);
  return user;
}

/** An evaluation the user may `action`: 404 when there is none, 403 when the matrix refuses. */
export async function authorizeEvaluation(
  c: AppContext,
  id: string,
  action: Action,
): Promise<{ user: User; evaluation: EvaluationRecord }> {
  const user = requireUser(c);
  const evaluation = await deps(c).store.evaluations.get(id);
  if (!evaluation) throw notFound('该绩效自评');
  check(user, action, scopeOfEvaluation(user, evaluation));
  return { user, evaluation };
}

/**
 * A task the user may `action`. The bureau's users own the tasks of their bureau; a unit's users own the tasks
 * addressed to their unit.
 */
export async function authorizeTask(
  c: AppContext,
  id: string,
  action: Action,
): Promise<{ user: User; task: TaskWithUnits }> {
  const user = requireUser(c);
  const task = await deps(c).store.tasks.get(id);
  if (!task) throw notFound('该任务');
  const own =
    task.unitIds.includes(user.organisationId) || (await scopeOfOrganisation(c, user, task.bureauId)) === 'own';
  check(user, action, own ? 'own' : 'other');
  return { user, task };
}

/** An organisation the user may `action`. */
export async function authorizeOrganisation(
  c: AppContext,
  id: string,
  action: Action,
): Promise<{ user: User; organisation: Organisation }> {
  const user = requireUser(c);
  const organisation = await deps(c).store.organisations.get(id);
  if (!organisation) throw notFound('该机构');
  check(user, action, await scopeOfOrganisation(c, user, organisation.id));
  return { user, organisation };
}

/** The bureau at the root of the user's organisation (reviewers and admins belong to one; units hang below one). */
export async function bureauOf(c: AppContext, user: User): Promise<Organisation> {
  const path = await deps(c).store.organisations.ancestors(user.organisationId);
  const root = path[0];
  if (!root || root.kind !== 'bureau') {
    throw new ApiError(409, 'conflict', '当前用户所属机构不在任何财政局之下，无法执行此操作');
  }
  return root;
}
