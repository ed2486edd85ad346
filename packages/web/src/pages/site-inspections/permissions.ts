import { type Access, STAFF_ROLES } from '../../access.ts';

// Who may do what on these pages (the server's routes decide; these only hide what would be refused).
export const SITE_INSPECTION_PERMISSIONS = {
  /** every record, order and case (server: STAFF_READ) */
  staff: STAFF_ROLES,
  /** record inspections, verify rectification, run cases (server: OFFICERS) */
  record: ['leader', 'inspector'],
  /** revoke a penalty decision (server: leader) */
  revoke: ['leader'],
  /** the enterprise's own inspections and orders; its proof and answer */
  enterprise: ['enterprise'],
} as const satisfies Record<string, Access>;
