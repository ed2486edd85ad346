import type { Access } from '../../access.ts';

/** In-page actions of 双随机抽查, with the roles the server allows. */
export const INSPECTION_PERMISSIONS = {
  draw: ['leader', 'inspector'],
  replay: ['admin', 'leader'],
  keepLibraries: ['admin', 'leader'],
  recordResults: ['leader', 'inspector'],
} as const satisfies Record<string, Access>;
