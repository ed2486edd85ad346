import { type Access, STAFF_ROLES } from '../../access.ts';

// Who may do what on the sub-metering pages (the server's routes decide; these only hide what would be refused).
export const ELECTRICITY_PERMISSIONS = {
  staff: STAFF_ROLES,
  enterprise: ['enterprise'],
  /** registering meters (server: POST /api/electricity/meters) */
  meterWrite: ['admin', 'monitor'],
  /** issuing a restriction order 限产/停产 (server: POST /api/electricity/restriction-orders) */
  orderWrite: ['admin', 'leader', 'monitor'],
} as const satisfies Record<string, Access>;
