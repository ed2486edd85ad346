import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, WRITE_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/projects': READ_ENTERPRISES,
  'POST /api/projects': WRITE_ENTERPRISES,
  'GET /api/projects/:id': READ_ENTERPRISES,
  'PATCH /api/projects/:id': WRITE_ENTERPRISES,
  'POST /api/projects/:id/milestones/:key': WRITE_ENTERPRISES,
  'POST /api/projects/:id/contacts': WRITE_ENTERPRISES,
};
