import type { Access } from '../../plugins/auth.ts';

// Who may call each of this module's routes. access.test.ts checks the routes' own config.access
// and the server's answers against it; index.ts does not import it, so changing who may call a
// route takes two edits that have to agree.
const READ: Access = ['admin', 'leader'];
export const ACCESS_MATRIX: Record<string, Access> = {
  'GET /api/period-report/draft': READ,
  'GET /api/reports/period.docx': READ,
  'GET /api/period-report/drafts': READ,
  'POST /api/period-report/drafts': ['leader'],
  'GET /api/period-report/drafts/:id': READ,
  'PUT /api/period-report/drafts/:id': ['leader'],
  'GET /api/period-report/drafts/:id/versions': READ,
  'GET /api/period-report/drafts/:id/report.docx': READ,
  'GET /api/period-report/dashboard': READ,
  'GET /api/period-report/dashboard/records': READ,
  'GET /api/period-report/dashboard.xlsx': READ,
  'GET /api/period-report/dashboard/records.xlsx': READ,
};
