import { describe, expect, it } from 'vitest';
import {
  ALL_ROLES,
  canAccess,
  findRoute,
  HOME_LINK_LABEL,
  homePathFor,
  PERMISSIONS,
  postLoginPath,
  STAFF_ROLES,
  selectedMenuPath,
} from './access.ts';
import type { Role } from './api/types.ts';
import zhCN from './locales/zh-CN/index.ts';
import { menuRoutes, routes } from './routes.tsx';

const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], zhCN);

describe('canAccess', () => {
  it('lets anyone into public routes', () => {
    expect(canAccess(null, 'public')).toBe(true);
    expect(canAccess([], 'public')).toBe(true);
  });
  it('needs one of the listed roles', () => {
    expect(canAccess(['clerk'], ['admin', 'clerk'])).toBe(true);
    expect(canAccess(['monitor'], ['admin', 'clerk'])).toBe(false);
    expect(canAccess([], ['admin'])).toBe(false);
    expect(canAccess(null, ['admin'])).toBe(false);
  });
});

describe('PERMISSIONS', () => {
  it('mirror the server: the window and the petition desk', () => {
    expect(canAccess(['clerk'], PERMISSIONS.appointmentWindow)).toBe(true);
    expect(canAccess(['inspector'], PERMISSIONS.appointmentWindow)).toBe(false);
    expect(canAccess(['inspector'], PERMISSIONS.petitionDesk)).toBe(true);
    expect(canAccess(['enterprise', 'citizen'], PERMISSIONS.petitionDesk)).toBe(false);
  });
  it("name only known roles, and the role list is core's", () => {
    expect(ALL_ROLES).toEqual([
      'admin',
      'leader',
      'clerk',
      'approver',
      'inspector',
      'monitor',
      'enterprise',
      'citizen',
    ]);
    for (const [name, roles] of Object.entries(PERMISSIONS))
      for (const role of roles)
        expect({ name, role, known: ALL_ROLES.includes(role) }).toEqual({ name, role, known: true });
  });
});

describe('homePathFor (the face a user lands on)', () => {
  it.each<[Role[], string]>([
    [['admin'], '/staff'],
    [['monitor'], '/staff'],
    [['enterprise'], '/enterprise'],
    [['enterprise', 'clerk'], '/staff'],
    [['citizen'], '/my'],
    [[], '/'],
  ])('%j → %s', (roles, path) => {
    expect(homePathFor(roles)).toBe(path);
  });

  it('names each home link in words that exist, and not with the face name the header shows beside it', () => {
    for (const key of Object.values(HOME_LINK_LABEL)) expect(typeof lookup(key), key).toBe('string');
    expect(lookup(HOME_LINK_LABEL['/enterprise'])).toBe('我的企业');
    expect(lookup(HOME_LINK_LABEL['/enterprise'])).not.toBe(lookup('face.enterprise'));
  });
});

describe('route table', () => {
  it('has unique paths, each absolute', () => {
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p.startsWith('/')).toBe(true);
  });

  it('puts each route under the prefix of its face', () => {
    for (const r of routes) {
      if (r.face === 'staff') expect(r.path.startsWith('/staff/')).toBe(true);
      if (r.face === 'enterprise') expect(r.path.startsWith('/enterprise/')).toBe(true);
      // the public face is open to all, except the signed-in citizen's own area (我的)
      if (r.face === 'public')
        expect(r.access === 'public' || (r.path === '/my' && r.access.join() === 'citizen')).toBe(true);
    }
  });

  it('keeps enterprise users and citizens out of the staff console, staff out of the enterprise portal', () => {
    for (const r of routes.filter((x) => x.face === 'staff')) {
      expect(canAccess(['enterprise'], r.access)).toBe(false);
      expect(canAccess(['citizen'], r.access)).toBe(false);
    }
    for (const r of routes.filter((x) => x.face === 'enterprise')) {
      for (const role of STAFF_ROLES) expect(canAccess([role], r.access)).toBe(false);
    }
  });

  it('labels every menu entry with an existing message key', () => {
    for (const r of routes) if (r.menu) expect(typeof lookup(r.menu.labelKey)).toBe('string');
  });

  it('matches static paths before :id ones', () => {
    expect(findRoute(routes, '/staff/enterprises/new')?.access).toBe(PERMISSIONS.enterpriseWrite);
    expect(findRoute(routes, '/staff/enterprises/import')?.path).toBe('/staff/enterprises/import');
    expect(findRoute(routes, '/staff/enterprises/abc')?.path).toBe('/staff/enterprises/:id');
    expect(findRoute(routes, '/staff/enterprises/abc/edit')?.path).toBe('/staff/enterprises/:id/edit');
    expect(findRoute(routes, '/nowhere')).toBeUndefined();
  });

  it('opens every path’s own route, so no `:param` route of one feature shadows a static one', () => {
    for (const r of routes) {
      const concrete = r.path.replace(/:\w+/g, 'some-id');
      expect(findRoute(routes, concrete)?.path, concrete).toBe(r.path);
    }
  });

  it('shows each role the menu it may use', () => {
    // Other features add their own entries; this checks the foundation's, in table order.
    const mine = [
      '/staff/enterprises',
      '/staff/enterprises/import',
      '/staff/admin/users',
      '/staff/admin/audit',
      '/staff/account',
      '/enterprise/my',
      '/enterprise/account',
    ];
    const menu = (face: 'staff' | 'enterprise', roles: Role[]) =>
      menuRoutes(face, (a) => canAccess(roles, a))
        .map((r) => r.path)
        .filter((p) => mine.includes(p));
    expect(menu('staff', ['admin'])).toEqual([
      '/staff/enterprises',
      '/staff/enterprises/import',
      '/staff/admin/users',
      '/staff/admin/audit',
      '/staff/account',
    ]);
    expect(menu('staff', ['monitor'])).toEqual(['/staff/enterprises', '/staff/account']);
    expect(menu('staff', ['clerk'])).toEqual(['/staff/enterprises', '/staff/enterprises/import', '/staff/account']);
    expect(menuRoutes('staff', (a) => canAccess(['enterprise'], a))).toEqual([]);
    expect(menu('enterprise', ['enterprise'])).toEqual(['/enterprise/my', '/enterprise/account']);
    expect(menuRoutes('enterprise', (a) => canAccess(['admin'], a))).toEqual([]);
  });

  it('gives every role some page to land on', () => {
    for (const role of ALL_ROLES) {
      const home = homePathFor([role]);
      if (home === '/') continue;
      if (home === '/my') {
        expect(canAccess([role], findRoute(routes, '/my')!.access)).toBe(true);
        continue;
      }
      const face = home === '/staff' ? 'staff' : 'enterprise';
      expect(menuRoutes(face, (a) => canAccess([role], a)).length).toBeGreaterThan(0);
    }
  });
});

describe('postLoginPath', () => {
  it('returns to the requested page when the user may see it', () => {
    expect(postLoginPath(routes, ['admin'], '/staff/admin/users')).toBe('/staff/admin/users');
    expect(postLoginPath(routes, ['clerk'], '/staff/enterprises?q=abc&page=2')).toBe('/staff/enterprises?q=abc&page=2');
  });
  it('falls back to the face home for pages the user may not see', () => {
    expect(postLoginPath(routes, ['clerk'], '/staff/admin/users')).toBe('/staff');
    expect(postLoginPath(routes, ['enterprise'], '/staff/enterprises')).toBe('/enterprise');
  });
  it('ignores missing, external and login targets', () => {
    expect(postLoginPath(routes, ['admin'], null)).toBe('/staff');
    expect(postLoginPath(routes, ['admin'], 'https://evil.example/')).toBe('/staff');
    expect(postLoginPath(routes, ['admin'], '//evil.example/')).toBe('/staff');
    expect(postLoginPath(routes, ['admin'], '/login?redirect=/x')).toBe('/staff');
    expect(postLoginPath(routes, ['admin'], '/no/such/page')).toBe('/staff');
  });
});

describe('selectedMenuPath', () => {
  const menu = ['/staff/enterprises', '/staff/enterprises/import', '/staff/admin/users'];
  it('picks the longest menu path that prefixes the location', () => {
    expect(selectedMenuPath(menu, '/staff/enterprises')).toBe('/staff/enterprises');
    expect(selectedMenuPath(menu, '/staff/enterprises/123')).toBe('/staff/enterprises');
    expect(selectedMenuPath(menu, '/staff/enterprises/import')).toBe('/staff/enterprises/import');
    expect(selectedMenuPath(menu, '/staff/enterprises-x')).toBeUndefined();
  });
});
