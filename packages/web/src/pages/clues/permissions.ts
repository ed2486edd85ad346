import type { Access } from '../../access.ts';

/** In-page actions on clues, with the roles the server allows. */
export const CLUE_PERMISSIONS = {
  register: ['admin', 'leader', 'clerk', 'inspector'],
  verify: ['leader', 'inspector'],
} as const satisfies Record<string, Access>;
