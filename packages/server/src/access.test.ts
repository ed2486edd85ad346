import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, ALL_ROLES, type Role, STAFF_ROLES } from './plugins/auth.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from './test/helpers.ts';

// The route × role matrix. Every /api route must appear here with who may call it; a route added
// without an entry, or with a rule that differs, fails this file. Record-level rules (an
// enterprise sees only its own file) are tested in each module.
const STAFF = [...STAFF_ROLES];
const READ_ENTERPRISES: Role[] = [...STAFF, 'enterprise'];
const WRITE_ENTERPRISES: Role[] = ['admin', 'leader', 'clerk', 'approver', 'inspector'];

const EXPECTED: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/reference/towns': 'public',
  'GET /api/reference/industries': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/reset-password': ['admin'],
  'POST /api/users/:id/clear-sign-in-waits': ['admin'],
  'POST /api/admin/backups': ['admin'],
  'GET /api/enterprises': READ_ENTERPRISES,
  'POST /api/enterprises': WRITE_ENTERPRISES,
  'GET /api/enterprises/export': READ_ENTERPRISES,
  'GET /api/enterprises/import-template': WRITE_ENTERPRISES,
  'POST /api/enterprises/import': WRITE_ENTERPRISES,
  'GET /api/enterprises/:id': READ_ENTERPRISES,
  'PATCH /api/enterprises/:id': READ_ENTERPRISES,
  'POST /api/enterprises/:id/unmask': READ_ENTERPRISES,
  'GET /api/jobs/:id': 'authenticated',
  'GET /api/audit': READ_ENTERPRISES,
  // 服 part A: appointments, petitions, ratings
  'GET /api/public/appointment-services': 'public',
  'GET /api/public/appointment-services/:id/slots': 'public',
  'POST /api/appointments': 'public',
  'POST /api/public/phone-codes': 'public',
  'GET /api/public/dev/phone-codes/:phone': 'public',
  'GET /api/public/appointments/:code': 'public',
  'POST /api/public/appointments/:code/cancel': 'public',
  'POST /api/public/appointments/:code/move': 'public',
  'POST /api/public/appointments/:code/rating': 'public',
  'GET /api/appointments': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/appointments/:id': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/cancel': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/move': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/appointments/:id/mark': ['admin', 'leader', 'clerk'],
  'POST /api/appointments/reminders': ['admin', 'leader', 'clerk'],
  'GET /api/appointment-services': STAFF,
  'POST /api/appointment-services': ['admin', 'leader', 'clerk'],
  'PATCH /api/appointment-services/:id': ['admin', 'leader', 'clerk'],
  'GET /api/appointment-services/:id/plans': STAFF,
  'POST /api/appointment-services/:id/plans': ['admin', 'leader', 'clerk'],
  'DELETE /api/appointment-services/:id/plans/:planId': ['admin', 'leader', 'clerk'],
  'POST /api/appointment-services/:id/exceptions': ['admin', 'leader', 'clerk'],
  'DELETE /api/appointment-services/:id/exceptions/:exceptionId': ['admin', 'leader', 'clerk'],
  'POST /api/petitions': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/public/petitions': 'public',
  'GET /api/public/petitions/:code': 'public',
  'POST /api/public/petitions/:code/rating': 'public',
  'GET /api/petitions': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/petitions/:id': [...STAFF, 'enterprise', 'citizen'],
  'PATCH /api/petitions/:id': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/petitions/:id/actions': ['admin', 'leader', 'clerk', 'inspector'],
  'GET /api/petitions/:id/letters/:letterId': [...STAFF, 'enterprise', 'citizen'],
  // environmental reports (12369): staff only; the reported enterprise never reads them
  'POST /api/reports': ['admin', 'leader', 'clerk', 'inspector'],
  'POST /api/public/reports': 'public',
  'GET /api/public/reports/:code': 'public',
  'GET /api/reports': [...STAFF],
  'GET /api/reports/:id': [...STAFF],
  'POST /api/reports/:id/actions': ['admin', 'leader', 'clerk', 'inspector'],
  'GET /api/ratings': [...STAFF, 'enterprise', 'citizen'],
  'GET /api/ratings/summary': STAFF,
  'GET /api/ratings/:id': [...STAFF, 'enterprise', 'citizen'],
  'POST /api/ratings': ['enterprise', 'citizen'],
  'POST /api/ratings/:id/rectification': STAFF,
  // shared machinery: rules, calendar, clocks, worklist, notifications
  'GET /api/rules': 'public',
  'GET /api/rules/:key': 'public',
  'PUT /api/rules/:key': ['admin'],
  // matters and service guides: public catalogue, admin edits
  'GET /api/public/matters': 'public',
  'GET /api/public/matters/:code': 'public',
  'GET /api/public/matters/:code/notice.docx': 'public',
  'GET /api/matters/:code/versions': ['admin'],
  'PATCH /api/matters/:code': ['admin'],
  'GET /api/calendar/days/:date': 'public',
  'GET /api/calendar/add': 'public',
  'GET /api/calendar/years': 'public',
  'POST /api/calendar/years': ['admin'],
  'GET /api/calendar/years/:year/versions': 'public',
  'PUT /api/calendar/years/:year': ['admin'],
  'GET /api/clocks': READ_ENTERPRISES,
  'GET /api/clocks/:id': READ_ENTERPRISES,
  'POST /api/clocks/:id/pause': ['leader', 'approver', 'clerk'],
  'POST /api/clocks/:id/resume': ['leader', 'approver', 'clerk'],
  'POST /api/clocks/:id/extend': ['leader', 'approver', 'clerk'],
  'GET /api/worklist': 'authenticated',
  'GET /api/worklist/counts': 'authenticated',
  'GET /api/inbox': 'authenticated',
  'GET /api/inbox/unread-count': 'authenticated',
  'POST /api/inbox/:id/read': 'authenticated',
  'POST /api/inbox/read-all': 'authenticated',
  'GET /api/me/notification-preferences': 'authenticated',
  'PUT /api/me/notification-preferences': 'authenticated',
  'GET /api/deliveries': ['admin'],
  'POST /api/deliveries/:id/retry': ['admin'],
  // service B: reception days, visits and campaigns, tracked projects, figures
  'GET /api/reception/sessions': 'public',
  'POST /api/reception/sessions': WRITE_ENTERPRISES,
  'GET /api/reception/sessions/:id': 'public',
  'PATCH /api/reception/sessions/:id': WRITE_ENTERPRISES,
  'POST /api/reception/sessions/:id/bookings': [...WRITE_ENTERPRISES, 'enterprise'],
  'POST /api/reception/sessions/:id/public-bookings': 'public',
  'POST /api/reception/bookings/:id/cancel': [...WRITE_ENTERPRISES, 'enterprise', 'citizen'],
  'GET /api/reception/my-bookings': ['enterprise', 'citizen'],
  'POST /api/reception/sessions/:id/attendances': WRITE_ENTERPRISES,
  'DELETE /api/reception/attendances/:id': WRITE_ENTERPRISES,
  'POST /api/reception/sessions/:id/concerns': WRITE_ENTERPRISES,
  'GET /api/reception/concerns': READ_ENTERPRISES,
  'GET /api/reception/concerns/:id': READ_ENTERPRISES,
  'POST /api/reception/concerns/:id/answer': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/resolve': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/publish': WRITE_ENTERPRISES,
  'POST /api/reception/concerns/:id/petition': WRITE_ENTERPRISES,
  'GET /api/reception/cases': 'public',
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
  'GET /api/projects': READ_ENTERPRISES,
  'POST /api/projects': WRITE_ENTERPRISES,
  'GET /api/projects/:id': READ_ENTERPRISES,
  'PATCH /api/projects/:id': WRITE_ENTERPRISES,
  'POST /api/projects/:id/milestones/:key': WRITE_ENTERPRISES,
  'POST /api/projects/:id/contacts': WRITE_ENTERPRISES,
  'GET /api/figures': STAFF,
  'GET /api/figures/:key/records': STAFF,
  'GET /api/figures/:key/records.xlsx': STAFF,
};

function allowed(access: Access, role: Role | 'anonymous'): boolean {
  if (access === 'public') return true;
  if (role === 'anonymous') return false;
  if (access === 'authenticated') return true;
  return access.includes(role);
}

let t: TestApp;
const clients = new Map<Role, Client>();
let enterpriseId: string;

beforeAll(async () => {
  t = await buildTestApp();
  const e = await makeEnterprise(t);
  enterpriseId = e.id;
  for (const role of ALL_ROLES) clients.set(role, await loginAs(t, [role], role === 'enterprise' ? e.id : undefined));
});
afterAll(() => t.close());

describe('route × role access matrix', () => {
  const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

  it('every /api route has an entry in the matrix, and every entry a route', () => {
    const actual = apiRoutes().map((r) => `${r.method} ${r.url}`);
    expect([...actual].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('every route declares exactly the access the matrix expects', () => {
    for (const r of apiRoutes()) {
      const expected = EXPECTED[`${r.method} ${r.url}`];
      const a = r.access;
      expect(typeof a === 'string' ? a : [...(a ?? [])].sort(), `${r.method} ${r.url}`).toEqual(
        typeof expected === 'string' ? expected : [...(expected ?? [])].sort(),
      );
    }
  });

  it('the server enforces the matrix for every route and every role', async () => {
    // logout ends the session, so it goes last
    const routes = apiRoutes().sort((a, b) => Number(a.url.endsWith('logout')) - Number(b.url.endsWith('logout')));
    for (const r of routes) {
      const url = r.url.replace(':id', enterpriseId);
      const access = EXPECTED[`${r.method} ${r.url}`]!;
      for (const role of ['anonymous', ...ALL_ROLES] as const) {
        const opts = { method: r.method as 'GET', url, payload: r.method === 'GET' ? undefined : {} };
        const res = role === 'anonymous' ? await t.app.inject(opts) : await clients.get(role)!.request(opts);
        const label = `${r.method} ${r.url} as ${role} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed(access, role)) {
          expect(res.statusCode, label).not.toBe(401);
          expect(res.statusCode === 403 ? res.json().code : 'ok', label).not.toBe('FORBIDDEN_ROLE');
          expect(res.statusCode === 403 ? res.json().code : 'ok', label).not.toBe('CSRF_INVALID');
        } else if (role === 'anonymous') {
          expect(res.statusCode, label).toBe(401);
        } else {
          expect(res.statusCode, label).toBe(403);
          expect(res.json().code, label).toBe('FORBIDDEN_ROLE');
        }
      }
    }
  });
});
