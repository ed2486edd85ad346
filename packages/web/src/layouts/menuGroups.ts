// The staff menu in groups (服务 / 审批 / 监管 / 统计 / 系统) instead of one flat list of 20
// entries that will double with 放 and 管. A group shows only when the user has an entry in it.
// Kept beside the route table rather than in it, so a page added to routes.tsx only needs a line
// here (menuGroups.test.ts fails until it has one).

export const MENU_GROUPS = ['service', 'approval', 'supervision', 'statistics', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** Entries above the groups: the workbench and one's own lists. */
export const TOP_ENTRIES: readonly string[] = ['/staff/home', '/staff/worklist', '/staff/inbox'];

export const GROUP_OF: Readonly<Record<string, MenuGroup>> = {
  // 服务: the bureau serving enterprises and the public
  '/staff/appointments': 'service',
  '/staff/appointment-services': 'service',
  '/staff/reception': 'service',
  '/staff/visits': 'service',
  '/staff/projects': 'service',
  '/staff/petitions': 'service',
  '/staff/reports': 'service',
  '/staff/ratings': 'service',
  // 监管: the register (一企一档) the supervision work rests on
  '/staff/enterprises': 'supervision',
  '/staff/enterprises/import': 'supervision',
  // 统计
  '/staff/figures': 'statistics',
  // 系统: reference data, tools, accounts
  '/staff/rules': 'system',
  '/staff/deadline-calculator': 'system',
  '/staff/admin/matters': 'system',
  '/staff/admin/calendar': 'system',
  '/staff/admin/users': 'system',
  '/staff/admin/audit': 'system',
  '/staff/admin/deliveries': 'system',
  '/staff/notifications': 'system',
  '/staff/account': 'system',
};

export type Grouped<T> = { top: T[]; groups: { group: MenuGroup; entries: T[] }[]; rest: T[] };

/** Splits menu entries (in table order) into the top entries, the non-empty groups and the rest. */
export function groupMenu<T extends { path: string }>(entries: readonly T[]): Grouped<T> {
  const top = TOP_ENTRIES.flatMap((p) => entries.filter((e) => e.path === p));
  const groups = MENU_GROUPS.map((group) => ({ group, entries: entries.filter((e) => GROUP_OF[e.path] === group) }));
  const rest = entries.filter((e) => !TOP_ENTRIES.includes(e.path) && !GROUP_OF[e.path]);
  return { top, groups: groups.filter((g) => g.entries.length > 0), rest };
}
