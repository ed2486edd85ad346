import { describe, expect, it } from 'vitest';
import { canAccess, STAFF_ROLES } from '../access.ts';
import type { Role } from '../api/types.ts';
import { menuRoutes } from '../routes.tsx';
import { groupMenu, MENU_GROUPS } from './menuGroups.ts';

const staffMenu = (roles: Role[]) => menuRoutes('staff', (a) => canAccess(roles, a));

describe('staff menu groups', () => {
  it('places every staff menu entry on top or in a group (a new page names it in its menu entry)', () => {
    const all = menuRoutes('staff', () => true);
    const placed = all.filter((r) => r.menu?.group === 'top' || MENU_GROUPS.some((g) => g === r.menu?.group));
    expect(all.map((r) => r.path)).toEqual(placed.map((r) => r.path));
    expect(groupMenu(all).rest).toEqual([]);
  });

  it('finds an entry without a group, which the check above reports', () => {
    const all = menuRoutes('staff', () => true);
    const unplaced = { ...all[0]!, path: '/staff/unplaced', menu: { ...all[0]!.menu!, group: undefined } };
    expect(groupMenu([...all, unplaced]).rest.map((r) => r.path)).toEqual(['/staff/unplaced']);
  });

  it('orders a group by the entries’ `order`, those without one last in table order', () => {
    const g = groupMenu([
      { path: '/staff/c', menu: { group: 'system' } },
      { path: '/staff/b', menu: { group: 'system', order: 20 } },
      { path: '/staff/d', menu: { group: 'system' } },
      { path: '/staff/a', menu: { group: 'system', order: 10 } },
    ]);
    expect(g.groups[0]!.entries.map((r) => r.path)).toEqual(['/staff/a', '/staff/b', '/staff/c', '/staff/d']);
  });

  it('gives no two entries of a place the same order, so their order is not left to the table', () => {
    const numbered = menuRoutes('staff', () => true).filter((r) => r.menu?.order !== undefined);
    const keys = numbered.map((r) => `${r.menu?.group}:${r.menu?.order}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('opens with the workbench, then the groups in their order', () => {
    const g = groupMenu(staffMenu(['admin']));
    expect(g.top.map((r) => r.path)).toEqual(['/staff/home', '/staff/worklist', '/staff/inbox']);
    const order = g.groups.map((x) => x.group);
    expect(order).toEqual(MENU_GROUPS.filter((m) => order.includes(m)));
  });

  it('shows only groups that hold an entry the user may open', () => {
    for (const role of STAFF_ROLES) {
      const g = groupMenu(staffMenu([role]));
      for (const group of g.groups) expect(group.entries.length).toBeGreaterThan(0);
      // 审批 holds 环评事项, which every staff role reads
      expect(g.groups.find((x) => x.group === 'approval')?.entries.map((r) => r.path)).toEqual(['/staff/eia']);
    }
    const clerk = groupMenu(staffMenu(['clerk'])).groups.find((x) => x.group === 'system')!;
    expect(clerk.entries.map((r) => r.path)).not.toContain('/staff/admin/users');
  });

  it('keeps an entry it does not know, after the groups', () => {
    const g = groupMenu([{ path: '/staff/new-thing' }, { path: '/staff/figures', menu: { group: 'statistics' } }]);
    expect(g.rest.map((r) => r.path)).toEqual(['/staff/new-thing']);
    expect(g.groups.map((x) => x.group)).toEqual(['statistics']);
  });
});
