import type { Access } from '../../access.ts';

/** In-page actions on incidents, with the roles the server allows. */
export const INCIDENT_PERMISSIONS = {
  edit: ['admin', 'leader', 'inspector', 'monitor'],
} as const satisfies Record<string, Access>;
