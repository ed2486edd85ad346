import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (access.test.ts checks it against config.access).
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/eia/cases': 'authenticated',
  'GET /api/eia/cases/:id': 'authenticated',
  'GET /api/eia/cases/:id/documents/:kind': 'authenticated',
  'GET /api/eia/commitment-eligibility': 'authenticated',
  'POST /api/eia/cases': ['admin', 'clerk', 'approver', 'enterprise'],
  'POST /api/eia/cases/:id/decision': ['admin', 'approver', 'leader'],
  'POST /api/eia/cases/:id/city-decision': ['admin', 'clerk', 'approver'],
  'POST /api/eia/cases/:id/verification': ['admin', 'inspector', 'approver'],
  'POST /api/eia/cases/:id/objections/:objectionId/answer': ['admin', 'approver', 'leader'],
  'GET /api/public/eia/notices': 'public',
  'GET /api/public/eia/notices/:id': 'public',
  'POST /api/public/eia/notices/:id/objections': 'public',
};
