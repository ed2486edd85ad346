import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const DESK: Access = ['admin', 'leader', 'clerk'];
export const ACCESS_MATRIX: Record<string, Access> = {
  'POST /api/public/disclosure-requests': 'public',
  'GET /api/public/disclosure-requests/:code': 'public',
  'POST /api/disclosure-requests': DESK,
  'GET /api/disclosure-requests': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/disclosure-requests/:id': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/disclosure-requests/:id/actions': DESK,
  'GET /api/disclosure/annual-report': STAFF,
  'GET /api/disclosure/annual-report.xlsx': STAFF,
  'GET /api/disclosure/annual-report.docx': STAFF,
  'GET /api/disclosure/annual-report/cells': STAFF,
  'PUT /api/disclosure/annual-report/texts/:section': DESK,
  'GET /api/disclosure-requests/:id/appeals': STAFF,
  'POST /api/disclosure-requests/:id/appeals': DESK,
  'PATCH /api/disclosure-appeals/:appealId': DESK,
  'GET /api/public/disclosure/permits': 'public',
};
