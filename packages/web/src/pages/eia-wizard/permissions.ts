import { type Access, STAFF_ROLES } from '../../access.ts';

export const EIA_WIZARD_PERMISSIONS = {
  /** The wizard in the staff console (the same engine is public on the portal). */
  console: STAFF_ROLES,
} as const satisfies Record<string, Access>;
