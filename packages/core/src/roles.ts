// The platform's roles, one list for the server's access checks and the web's menus.
export const STAFF_ROLES = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor'] as const;
export const ALL_ROLES = [...STAFF_ROLES, 'enterprise', 'citizen'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ALL_ROLES)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
