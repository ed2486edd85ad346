import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (checked by access.test.ts against config.access).
const READ: Access = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'enterprise'];
const WINDOW: Access = ['admin', 'clerk', 'approver'];
const DECIDE: Access = ['admin', 'leader', 'approver'];

export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/applications': READ,
  'POST /api/applications': ['enterprise'],
  'POST /api/applications/window': WINDOW,
  'GET /api/applications/:id': READ,
  'POST /api/applications/:id/materials': ['admin', 'clerk', 'approver', 'enterprise'],
  'GET /api/applications/:id/materials/:materialId': READ,
  'GET /api/applications/:id/documents/:kind': READ,
  'POST /api/applications/:id/notice': WINDOW,
  'POST /api/applications/:id/supplement': ['admin', 'clerk', 'approver', 'enterprise'],
  'POST /api/applications/:id/accept': WINDOW,
  'POST /api/applications/:id/accept-deferred': WINDOW,
  'POST /api/applications/:id/expert-review': DECIDE,
  'POST /api/applications/:id/expert-review/end': DECIDE,
  'POST /api/applications/:id/decision': DECIDE,
  'POST /api/applications/:id/visits': WINDOW,
};
