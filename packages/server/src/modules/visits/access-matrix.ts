import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, STAFF, WRITE_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/visits': READ_ENTERPRISES,
  'POST /api/visits': WRITE_ENTERPRISES,
  'GET /api/visits/candidates': STAFF,
  'GET /api/visits/:id': READ_ENTERPRISES,
  'POST /api/visits/follow-ups/:id/done': WRITE_ENTERPRISES,
  'POST /api/visits/:id/attachments': WRITE_ENTERPRISES,
  'GET /api/visits/:id/attachments/:attachmentId': READ_ENTERPRISES,
  'GET /api/campaigns': STAFF,
  'POST /api/campaigns': WRITE_ENTERPRISES,
  'GET /api/campaigns/:id': STAFF,
};
