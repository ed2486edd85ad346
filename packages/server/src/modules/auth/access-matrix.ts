import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'authenticated',
  'GET /api/auth/session': 'public',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/logout': 'authenticated',
};
