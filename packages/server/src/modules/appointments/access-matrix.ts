import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/public/appointment-services': 'public',
  'GET /api/public/appointment-services/:id/slots': 'public',
  'POST /api/appointments': 'public',
  'GET /api/public/appointments/:code': 'public',
  'POST /api/public/appointments/:code/cancel': 'public',
  'POST /api/public/appointments/:code/move': 'public',
  'POST /api/public/appointments/:code/rating': 'public',
  'GET /api/appointments': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/appointments/:id': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/cancel': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/move': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/mark': ['admin', 'leader', 'clerk'],
  'POST /api/appointments/reminders': ['admin', 'leader', 'clerk'],
  'GET /api/appointment-services': STAFF,
  'POST /api/appointment-services': ['admin', 'leader', 'clerk'],
  'PATCH /api/appointment-services/:id': ['admin', 'leader', 'clerk'],
  'GET /api/appointment-services/:id/plans': STAFF,
  'POST /api/appointment-services/:id/plans': ['admin', 'leader', 'clerk'],
  'DELETE /api/appointment-services/:id/plans/:planId': ['admin', 'leader', 'clerk'],
  'POST /api/appointment-services/:id/exceptions': ['admin', 'leader', 'clerk'],
  'DELETE /api/appointment-services/:id/exceptions/:exceptionId': ['admin', 'leader', 'clerk'],
};
