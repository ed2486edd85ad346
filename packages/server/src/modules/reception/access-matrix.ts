import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, WRITE_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/reception/sessions': 'public',
  'POST /api/reception/sessions': WRITE_ENTERPRISES,
  'GET /api/reception/sessions/:id': 'public',
  'PATCH /api/reception/sessions/:id': WRITE_ENTERPRISES,
  'POST /api/reception/sessions/:id/bookings': [...WRITE_ENTERPRISES, 'enterprise'],
  'POST /api/reception/sessions/:id/public-bookings': 'public',
  'POST /api/reception/bookings/:id/cancel': [...WRITE_ENTERPRISES, 'enterprise', 'citizen'],
  'GET /api/reception/my-bookings': ['enterprise', 'citizen'],
  'POST /api/reception/sessions/:id/attendances': WRITE_ENTERPRISES,
  'DELETE /api/reception/attendances/:id': WRITE_ENTERPRISES,
  'POST /api/reception/sessions/:id/concerns': WRITE_ENTERPRISES,
  'GET /api/reception/concerns': READ_ENTERPRISES,
  'GET /api/reception/concerns/:id': READ_ENTERPRISES,
  'POST /api/reception/concerns/:id/answer': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/resolve': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/publish': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/petition': WRITE_ENTERPRISES,
  'GET /api/reception/cases': 'public',
};
