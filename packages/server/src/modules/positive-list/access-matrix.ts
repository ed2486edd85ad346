import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const OFFICERS: Access = ['leader', 'inspector'];

export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/public/positive-list': 'public',
  'GET /api/positive-list': STAFF,
  'GET /api/positive-list/checks/:enterpriseId': OFFICERS,
  'POST /api/positive-list': OFFICERS,
  'GET /api/positive-list/proposals': STAFF,
  'POST /api/positive-list/proposals/:id/decision': OFFICERS,
  'GET /api/positive-list/:id': STAFF,
  'POST /api/positive-list/:id/removal': OFFICERS,
};
