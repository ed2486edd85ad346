import type { Access } from '../../access.ts';

/** In-page actions of the disclosure desk, with the roles the server allows (disclosure DISCLOSURE_DESK). */
export const DISCLOSURE_PERMISSIONS = {
  desk: ['admin', 'leader', 'clerk'],
  /** §33: only the head of the disclosure body consents to an extension */
  decideExtension: ['leader'],
} as const satisfies Record<string, Access>;
