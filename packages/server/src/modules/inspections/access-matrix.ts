import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree. Who of the staff may read a draw before publication
// (its team) is a record-level rule in the service.
const KEEPERS: Access = ['admin', 'leader'];
const OFFICERS: Access = ['leader', 'inspector'];

export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/public/inspection-results': 'public',
  'GET /api/inspection-objects': STAFF,
  'PUT /api/inspection-objects': KEEPERS,
  'GET /api/inspectors': STAFF,
  'POST /api/inspectors': KEEPERS,
  'PUT /api/inspectors/:id': KEEPERS,
  'GET /api/inspection-plans': STAFF,
  'POST /api/inspection-plans': KEEPERS,
  'PUT /api/inspection-plans/:id': KEEPERS,
  'GET /api/inspection-draws': STAFF,
  'POST /api/inspection-draws': OFFICERS,
  'GET /api/inspection-draws/:id': STAFF,
  'POST /api/inspection-draws/:id/replay': KEEPERS,
  'POST /api/inspection-draws/:id/results': OFFICERS,
};
