import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES, STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it. Which enterprise's records a reader sees is a record-level
// rule in the service (ownScope / ownsRecord).
const OFFICERS: Access = ['leader', 'inspector'];

export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/site-inspections': STAFF,
  'POST /api/site-inspections': OFFICERS,
  'GET /api/site-inspections/:id': STAFF,
  'PUT /api/site-inspections/:id': OFFICERS,
  'POST /api/site-inspections/:id/photos': OFFICERS,
  'POST /api/site-inspections/:id/complete': OFFICERS,
  'GET /api/site-inspections/:id/files/:fileId': READ_ENTERPRISES,
  'POST /api/site-inspections/draws/:drawId/publish': OFFICERS,
  'GET /api/my/inspections': ['enterprise'],
  'GET /api/my/inspections/:id': ['enterprise'],
  'GET /api/rectification-orders': READ_ENTERPRISES,
  'GET /api/rectification-orders/:id': READ_ENTERPRISES,
  'POST /api/rectification-orders/:id/proofs': ['enterprise'],
  'GET /api/rectification-orders/:id/files/:fileId': READ_ENTERPRISES,
  'POST /api/rectification-orders/:id/answer': ['enterprise'],
  'POST /api/rectification-orders/:id/verify': OFFICERS,
  'GET /api/enforcement-cases': STAFF,
  'POST /api/enforcement-cases': OFFICERS,
  'GET /api/enforcement-cases/:id': STAFF,
  'POST /api/enforcement-cases/:id/stages': OFFICERS,
  'POST /api/enforcement-cases/:id/revocation': ['leader'],
  'GET /api/public/penalties': 'public',
};
