import type { Access } from '../../access.ts';

// Who may do what on the period report and the leaders' dashboard (the server's routes decide; these only hide what would be refused).
export const PERIOD_REPORT_PERMISSIONS = {
  /** read the report, the dashboard and their exports (server: READ) */
  read: ['admin', 'leader'],
  /** save and edit a draft (server: WRITE) */
  edit: ['leader'],
} as const satisfies Record<string, Access>;
