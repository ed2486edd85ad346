import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
const READERS: Access = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor', 'enterprise'];
const EDITORS: Access = ['admin', 'leader', 'inspector', 'monitor'];

export const ACCESS_MATRIX: Record<string, Access> = {
  // incidents: staff see all, an enterprise its own; officers register, correct and close
  'GET /api/incidents': READERS,
  'GET /api/incidents/:id': READERS,
  'POST /api/incidents': EDITORS,
  'PATCH /api/incidents/:id': EDITORS,
  'POST /api/incidents/:id/close': EDITORS,
};
