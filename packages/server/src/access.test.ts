import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, ALL_ROLES, type Role } from './plugins/auth.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp } from './test/helpers.ts';

// The route × role matrix. Every /api route must appear with who may call it; a route added
// without an entry, or with a rule that differs, fails this file. Each module keeps the entries of
// its own routes in modules/<m>/access-matrix.ts. Record-level rules (an enterprise sees only its
// own file) are tested in each module.
const MODULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'modules');
/** The platform's own routes, declared by no module. */
const PLATFORM = 'the platform';
const PLATFORM_MATRIX: Record<string, Access> = {
  'GET /api/openapi.json': 'public',
};

/** Every entry with the matrix it sits in (a module's name or PLATFORM); an entry in two is kept twice. */
const ENTRIES: { key: string; access: Access; owner: string }[] = Object.entries(PLATFORM_MATRIX).map(
  ([key, access]) => ({ key, access, owner: PLATFORM }),
);
for (const d of fs.readdirSync(MODULES_DIR, { withFileTypes: true })) {
  if (!d.isDirectory() || !fs.existsSync(path.join(MODULES_DIR, d.name, 'access-matrix.ts'))) continue;
  const { ACCESS_MATRIX } = (await import(`./modules/${d.name}/access-matrix.ts`)) as {
    ACCESS_MATRIX: Record<string, Access>;
  };
  for (const [key, access] of Object.entries(ACCESS_MATRIX)) ENTRIES.push({ key, access, owner: d.name });
}
const EXPECTED: Record<string, Access> = Object.fromEntries(ENTRIES.map((e) => [e.key, e.access]));

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
    // ENTRIES, not EXPECTED: an entry written in two matrices must not collapse into one
    expect([...actual].sort()).toEqual(ENTRIES.map((e) => e.key).sort());
  });

  it('every entry sits in the matrix of the module that declares the route', () => {
    const declaredBy = new Map(apiRoutes().map((r) => [`${r.method} ${r.url}`, r.module ?? PLATFORM]));
    const misplaced = ENTRIES.filter((e) => declaredBy.has(e.key) && declaredBy.get(e.key) !== e.owner).map(
      (e) => `${e.key} is in ${e.owner}'s matrix but declared by ${declaredBy.get(e.key)}`,
    );
    expect(misplaced).toEqual([]);
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
    // every route × every role, one request each: it grows with the modules and shares 2 busy cores
  }, 600_000);
});
