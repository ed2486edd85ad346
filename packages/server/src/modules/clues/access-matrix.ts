import type { Access } from '../../plugins/auth.ts';
import { STAFF } from '../../test/access-groups.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
const DESK: Access = ['admin', 'leader', 'clerk', 'inspector'];
const OFFICERS: Access = ['leader', 'inspector'];

export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/clues': STAFF,
  'GET /api/clues/map': STAFF,
  'POST /api/clues/import': DESK,
  'POST /api/clues/from-report/:id': DESK,
  'POST /api/clues/from-concern/:id': DESK,
  'GET /api/video-points': STAFF,
  'POST /api/video-points': ['admin', 'leader'],
  'POST /api/video-points/:id/clues': DESK,
  'GET /api/clues/:id': STAFF,
  'POST /api/clues/:id/match': OFFICERS,
  'POST /api/clues/:id/photos': OFFICERS,
  'GET /api/clues/:id/files/:fileId': STAFF,
  'POST /api/clues/:id/outcome': OFFICERS,
};
