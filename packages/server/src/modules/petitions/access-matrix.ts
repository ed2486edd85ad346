import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'POST /api/petitions': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/public/petitions': 'public',
  'GET /api/public/petitions/:code': 'public',
  'POST /api/public/petitions/:code/rating': 'public',
  'GET /api/petitions': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/petitions/:id': [...STAFF, 'enterprise', 'citizen'],
  'PATCH /api/petitions/:id': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/petitions/:id/actions': ['admin', 'leader', 'clerk', 'inspector'],
  'GET /api/petitions/:id/letters/:letterId': [...STAFF, 'enterprise', 'citizen'],
};
