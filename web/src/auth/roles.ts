/** Which side of the app a role works on, and its home page. */
import type { Role } from '../api/types.js';

export type Side = 'unit' | 'bureau';

export const UNIT_ROLES: readonly Role[] = ['preparer', 'unitApprover'];
export const BUREAU_ROLES: readonly Role[] = ['reviewer', 'admin'];
export const ALL_ROLES: readonly Role[] = [...UNIT_ROLES, ...BUREAU_ROLES];

export function sideOf(role: Role): Side {
  return UNIT_ROLES.includes(role) ? 'unit' : 'bureau';
}

/** Where a role lands after login. */
export function homePath(role: Role): string {
  return sideOf(role) === 'unit' ? '/unit' : '/bureau';
}

/** May a role open a route limited to `roles` (undefined = every logged-in role)? */
export function roleAllowed(role: Role, roles: readonly Role[] | undefined): boolean {
  return roles === undefined || roles.includes(role);
}
