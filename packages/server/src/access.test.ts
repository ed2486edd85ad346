import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES, type Access, type Role, STAFF_ROLES } from './plugins/auth.ts';
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
  const apiRoutes = () =>
    t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));

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
