import { STAFF_ROLES } from '@qingshan/core';
import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const READ = [...STAFF_ROLES, 'enterprise'] as const;
export const ACCESS_MATRIX: Record<string, Access> = {
  // registry: the monitoring centre registers loggers; enterprises see their own stations and data
  'POST /api/monitoring/stations': ['admin', 'monitor'],
  'PATCH /api/monitoring/stations/:id': ['admin', 'monitor'],
  'GET /api/monitoring/stations': READ,
  'GET /api/monitoring/stations/:id': READ,
  'GET /api/monitoring/stations/:id/readings': READ,
  // raw frames: whoever reads the station; the logger's password (PW) in them only for admin and
  // monitor, who manage stations (schema.ts PASSWORD_READERS): for everyone else it is masked
  'GET /api/monitoring/stations/:id/frames': READ,
  // staff faces: overview and the quarantine of unknown loggers
  'GET /api/monitoring/overview': STAFF_ROLES,
  // the quarantine's last raw frame: its password masked as for the frames above
  'GET /api/monitoring/quarantine': STAFF_ROLES,
  'POST /api/monitoring/quarantine/:id/reject': ['admin', 'monitor'],
};
