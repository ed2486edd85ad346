import type { Access } from '../../access.ts';

/** In-page permissions of applications (the server's routes say the same in their config.access). */
export const APPLICATION_PERMISSIONS = {
  /** the staff list and detail (server: applications READ) */
  read: ['admin', 'leader', 'clerk', 'approver', 'inspector'],
  /** the window's steps: filing for an enterprise, pre-check, one-time notice, acceptance, visits */
  window: ['admin', 'clerk', 'approver'],
  /** expert review and the decision (server: applications DECIDE) */
  decide: ['admin', 'leader', 'approver'],
  /** an enterprise applying online and following its own applications */
  apply: ['enterprise'],
} as const satisfies Record<string, Access>;
