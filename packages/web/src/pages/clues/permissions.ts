import type { Access } from '../../access.ts';

/** In-page actions on clues, with the roles the server allows. */
export const CLUE_PERMISSIONS = {
  register: ['admin', 'leader', 'clerk', 'inspector'],
  verify: ['leader', 'inspector'],
  /** the video-point registry (server: admin, leader) */
  videoPoints: ['admin', 'leader'],
} as const satisfies Record<string, Access>;
