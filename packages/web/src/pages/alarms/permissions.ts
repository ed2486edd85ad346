import { type Access, STAFF_ROLES } from '../../access.ts';

// Who may do what on the alarm pages (the server's routes decide; these only hide what would be refused).
export const ALARM_PERMISSIONS = {
  /** the staff inbox: every enterprise's alarms (server: alarms READERS) */
  staff: STAFF_ROLES,
  /** an enterprise's own alarms and its answer (server: POST /api/alarms/:id/answer) */
  enterprise: ['enterprise'],
  /** reviewing and closing (server: ALARM_REVIEWERS) */
  close: ['admin', 'leader', 'monitor', 'inspector'],
} as const satisfies Record<string, Access>;
