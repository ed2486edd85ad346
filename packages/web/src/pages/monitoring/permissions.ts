import { type Access, STAFF_ROLES } from '../../access.ts';

/** In-page permissions of online monitoring (server: modules/monitoring/access-matrix.ts). */
export const MONITORING_PERMISSIONS = {
  /** the overview, every station and the quarantine */
  overview: STAFF_ROLES,
  /** registering stations and deciding on unknown loggers (server: REGISTRY) */
  registry: ['admin', 'monitor'],
} as const satisfies Record<string, Access>;
