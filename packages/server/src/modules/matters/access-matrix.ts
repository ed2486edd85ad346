import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  // matters and service guides: public catalogue, admin edits
  'GET /api/public/matters': 'public',
  'GET /api/public/matters/:code': 'public',
  'GET /api/public/matters/:code/notice.docx': 'public',
  'GET /api/matters/:code/versions': ['admin'],
  'PATCH /api/matters/:code': ['admin'],
};
