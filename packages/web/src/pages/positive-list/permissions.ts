import type { Access } from '../../access.ts';

/** In-page actions of the positive list, with the roles the server allows. */
export const POSITIVE_LIST_PERMISSIONS = {
  decide: ['leader', 'inspector'],
} as const satisfies Record<string, Access>;
