export const STAFF_ROLES = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor'] as const;
export const ALL_ROLES = [...STAFF_ROLES, 'enterprise', 'citizen'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ALL_ROLES)[number];
