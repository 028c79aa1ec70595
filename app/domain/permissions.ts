import type { AccountRole } from '../../db/schema';

/**
 * Who may do what, as data: one table, read by one check that every loader and action calls.
 * A permission is `<action>:<thing>:<whose>`. "own" means the signed-in person's own; nothing
 * here lets one adult reach another's statement, and the queries behind each permission are
 * keyed by the signed-in account, so there is no id to swap.
 */
export const permissionsByRole = {
  adult: ['read:statement:own', 'write:statement:own', 'read:account:own', 'write:account:own', 'read:share:own', 'write:share:own'],
  // "assigned": shares given to this worker (or their team) while consent lasts; the queries
  // behind these check the share's worker, organisation, team, status and end date.
  worker: ['read:share:assigned', 'write:reply:assigned', 'write:code:own', 'read:staff-account:own', 'write:staff-account:own'],
  // An admin manages their own organisation's workers and settings, and reads no statement.
  admin: ['read:organisation:own', 'write:organisation:own', 'read:staff-account:own', 'write:staff-account:own'],
} as const satisfies Record<AccountRole, readonly string[]>;

export type Permission = (typeof permissionsByRole)[AccountRole][number];

/** True when an account with this role holds the permission. */
export function can(role: AccountRole, permission: Permission): boolean {
  return (permissionsByRole[role] as readonly string[]).includes(permission);
}
