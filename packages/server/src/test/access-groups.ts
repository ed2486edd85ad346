import { type Role, STAFF_ROLES } from '../plugins/auth.ts';

// Role groups the modules' access matrices (modules/<m>/access-matrix.ts) share, so that one
// group means the same callers in every module's expectation.
export const STAFF: Role[] = [...STAFF_ROLES];
/** Staff and the enterprise itself: who may read an enterprise's records. */
export const READ_ENTERPRISES: Role[] = [...STAFF, 'enterprise'];
/** Staff who change records; monitors only watch. */
export const WRITE_ENTERPRISES: Role[] = ['admin', 'leader', 'clerk', 'approver', 'inspector'];
