import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, WRITE_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const ENTERPRISE_TRACKS = [...WRITE_ENTERPRISES, 'enterprise'] as Access;

export const ACCESS_MATRIX: Record<string, Access> = {
  // discharge permits: staff manage everything; the enterprise reads its own and records what it
  // filed on the national platform (reference, execution reports, renewal, changes)
  'GET /api/permits': READ_ENTERPRISES,
  'POST /api/permits': WRITE_ENTERPRISES,
  'GET /api/permits/:id': READ_ENTERPRISES,
  'PATCH /api/permits/:id': WRITE_ENTERPRISES,
  'PATCH /api/permits/:id/platform-ref': ENTERPRISE_TRACKS,
  'POST /api/permits/:id/changes': ENTERPRISE_TRACKS,
  'GET /api/permit-obligations': READ_ENTERPRISES,
  'POST /api/permit-obligations/:id/submit': ENTERPRISE_TRACKS,
};
