import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/credit': STAFF,
  'POST /api/credit': ['admin', 'leader', 'inspector'],
  'GET /api/credit/proposals': STAFF,
  'POST /api/credit/proposals/:id/decision': ['admin', 'leader', 'inspector'],
  'GET /api/risk/watch-list': STAFF,
  'GET /api/risk/:enterpriseId': STAFF,
};
