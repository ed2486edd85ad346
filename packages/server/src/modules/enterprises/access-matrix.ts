import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, WRITE_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/enterprises': READ_ENTERPRISES,
  'POST /api/enterprises': WRITE_ENTERPRISES,
  'GET /api/enterprises/export': READ_ENTERPRISES,
  'GET /api/enterprises/import-template': WRITE_ENTERPRISES,
  'POST /api/enterprises/import': WRITE_ENTERPRISES,
  'GET /api/enterprises/:id': READ_ENTERPRISES,
  'PATCH /api/enterprises/:id': READ_ENTERPRISES,
  'POST /api/enterprises/:id/unmask': READ_ENTERPRISES,
};
