import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  // environmental reports (12369): staff only; the reported enterprise never reads them
  'POST /api/reports': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/public/reports': 'public',
  'GET /api/public/reports/:code': 'public',
  'GET /api/reports': [...STAFF],
  'GET /api/reports/:id': [...STAFF],
  'POST /api/reports/:id/actions': ['admin', 'leader', 'clerk', 'inspector'],
};
