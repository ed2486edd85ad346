import type { Role } from '../../api/types.ts';

// Mirrors the server's route access (appointments/routes.ts WINDOW_ROLES, petitions/routes.ts
// PETITION_DESK): the web hides what a role cannot do; the server enforces it.
export const WINDOW_ROLES: readonly Role[] = ['admin', 'leader', 'clerk'];
export const PETITION_DESK: readonly Role[] = ['admin', 'leader', 'clerk', 'inspector'];

export function holdsAny(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r));
}
