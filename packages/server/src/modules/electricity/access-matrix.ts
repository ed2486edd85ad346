import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
const READERS: Access = ['admin', 'leader', 'clerk', 'approver', 'inspector', 'monitor', 'enterprise'];

export const ACCESS_MATRIX: Record<string, Access> = {
  // meters: staff register them; an enterprise sees its own meters and curves
  'GET /api/electricity/meters': READERS,
  'POST /api/electricity/meters': ['admin', 'monitor'],
  'GET /api/electricity/meters/:id/series': READERS,
  // the raw HJ 212 frames behind a meter's readings: whoever may see the meter (its enterprise: its
  // own); the logger's password in them only for admin and monitor (monitoring/schema.ts PASSWORD_READERS)
  'GET /api/electricity/meters/:id/frames': READERS,
  // binding a meter to an HJ 212 data logger (MN, password, code): whoever registers meters
  'PUT /api/electricity/meters/:id/hj212': ['admin', 'monitor'],
  'DELETE /api/electricity/meters/:id/hj212': ['admin', 'monitor'],
  // restriction orders (限产/停产): leaders and monitoring staff issue them
  'GET /api/electricity/restriction-orders': READERS,
  'POST /api/electricity/restriction-orders': ['admin', 'leader', 'monitor'],
};
