import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
const READERS: Access = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor', 'enterprise'];

export const ACCESS_MATRIX: Record<string, Access> = {
  // alarms: staff see all, an enterprise its own; the enterprise answers, officers close
  'GET /api/alarms': READERS,
  'GET /api/alarms/:id': READERS,
  'GET /api/alarms/:id/attachment': READERS,
  'POST /api/alarms/:id/answer': ['enterprise'],
  'POST /api/alarms/:id/close': ['admin', 'leader', 'monitor', 'inspector'],
};
