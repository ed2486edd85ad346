import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/inbox': 'authenticated',
  'GET /api/inbox/unread-count': 'authenticated',
  'POST /api/inbox/:id/read': 'authenticated',
  'POST /api/inbox/read-all': 'authenticated',
  'GET /api/me/notification-preferences': 'authenticated',
  'PUT /api/me/notification-preferences': 'authenticated',
  'GET /api/deliveries': ['admin'],
  'POST /api/deliveries/:id/retry': ['admin'],
};
