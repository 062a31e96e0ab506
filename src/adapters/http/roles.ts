import { ROLES, type Role } from '../../ports/store.ts';

/**
 * Roles are ordered: each may do everything the roles before it may.
 * viewer reads; analyst runs checks that create records; officer decides (reviews, imports, audit);
 * admin manages keys.
 */
export function roleAtLeast(actual: Role, required: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(required);
}
