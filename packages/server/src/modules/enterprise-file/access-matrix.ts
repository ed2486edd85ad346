import type { Access } from '../../plugins/auth.ts';
import { READ_ENTERPRISES } from '../../test/access-groups.ts';

// Who may call each of this module's routes (access.test.ts checks the routes against it).
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/enterprises/:id/timeline': READ_ENTERPRISES,
  'GET /api/enterprises/:id/timeline.docx': READ_ENTERPRISES,
};
