import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const DESK: Access = ['admin', 'leader', 'clerk'];
const OUTSIDE: Access = ['enterprise', 'citizen'];
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/public/policies': 'public',
  'GET /api/public/policies/feed.atom': 'public',
  'GET /api/public/policies/:id': 'public',
  'GET /api/public/policies/:id/attachments/:attachmentId': 'public',
  'GET /api/policies': STAFF,
  'POST /api/policies': DESK,
  'GET /api/policies/:id': STAFF,
  'PUT /api/policies/:id': DESK,
  'POST /api/policies/:id/publish': DESK,
  'POST /api/policies/:id/withdraw': DESK,
  'POST /api/policies/:id/attachments': DESK,
  'GET /api/policies/:id/attachments/:attachmentId': STAFF,
  'DELETE /api/policies/:id/attachments/:attachmentId': DESK,
  'GET /api/policies/:id/reach': STAFF,
  'GET /api/policies/:id/reach/enterprises': STAFF,
  'GET /api/policies/:id/questions': [...STAFF, 'enterprise'],
  'POST /api/policies/:id/questions': ['enterprise'],
  'POST /api/policies/:id/questions/:questionId/answer': DESK,
  'GET /api/me/policies': OUTSIDE,
  'POST /api/me/policies/:id/read': OUTSIDE,
  'GET /api/me/policy-subscription': OUTSIDE,
  'PUT /api/me/policy-subscription': OUTSIDE,
  'DELETE /api/me/policy-subscription': OUTSIDE,
};
