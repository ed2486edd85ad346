import { describe, expect, it } from 'vitest';
import { canAccess, STAFF_ROLES } from '../access.ts';
import type { Role } from '../api/types.ts';
import { menuRoutes } from '../routes.tsx';
import { GROUP_OF, groupMenu, MENU_GROUPS, TOP_ENTRIES } from './menuGroups.ts';

const staffMenu = (roles: Role[]) => menuRoutes('staff', (a) => canAccess(roles, a));

describe('staff menu groups', () => {
  it('places every staff menu entry on top or in a group (a new page needs a line in menuGroups.ts)', () => {
    const all = menuRoutes('staff', () => true);
    const placed = all.filter((r) => TOP_ENTRIES.includes(r.path) || GROUP_OF[r.path]);
    expect(all.map((r) => r.path)).toEqual(placed.map((r) => r.path));
    expect(groupMenu(all).rest).toEqual([]);
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
      // 审批 has no pages yet: no role sees an empty heading
      expect(g.groups.map((x) => x.group)).not.toContain('approval');
    }
    const clerk = groupMenu(staffMenu(['clerk'])).groups.find((x) => x.group === 'system')!;
    expect(clerk.entries.map((r) => r.path)).not.toContain('/staff/admin/users');
  });

  it('keeps an entry it does not know, after the groups', () => {
    const g = groupMenu([{ path: '/staff/new-thing' }, { path: '/staff/figures' }]);
    expect(g.rest.map((r) => r.path)).toEqual(['/staff/new-thing']);
    expect(g.groups.map((x) => x.group)).toEqual(['statistics']);
  });
});
