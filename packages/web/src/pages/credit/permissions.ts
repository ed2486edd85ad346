import type { Access } from '../../access.ts';

/** In-page actions on credit, with the roles the server allows. */
export const CREDIT_PERMISSIONS = {
  record: ['admin', 'leader', 'inspector'],
} as const satisfies Record<string, Access>;
