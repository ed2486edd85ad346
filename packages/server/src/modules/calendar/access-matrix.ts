import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/calendar/days/:date': 'public',
  'GET /api/calendar/add': 'public',
  'GET /api/calendar/years': 'public',
  'POST /api/calendar/years': ['admin'],
  'GET /api/calendar/years/:year/versions': 'public',
  'PUT /api/calendar/years/:year': ['admin'],
};
