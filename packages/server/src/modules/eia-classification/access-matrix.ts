import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes (checked by access.test.ts against the routes' own
// config.access). Both are public: the wizard runs on the public portal without an account.
export const ACCESS_MATRIX: Record<string, Access> = {
  'POST /api/eia/classify': 'public',
  'GET /api/eia/catalogue': 'public',
};
