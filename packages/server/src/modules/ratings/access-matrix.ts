import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/ratings': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/ratings/summary': STAFF,
  'GET /api/ratings/events': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/ratings/:id': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/ratings': ['enterprise', 'citizen'],
  'POST /api/ratings/:id/rectification': STAFF,
};
