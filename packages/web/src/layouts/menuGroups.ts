// The staff menu in groups (服务 / 审批 / 监管 / 统计 / 系统) instead of one flat list of 20
// entries that will double with 放 and 管. A group shows only when the user has an entry in it.
// Each route names its place in its own menu entry (`menu.group`, `menu.order`, see
// pages/<feature>/routes.tsx); this file keeps only the order of the groups.

export const MENU_GROUPS = ['service', 'approval', 'supervision', 'statistics', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];
/** `top`: above the groups, for the workbench and one's own lists. */
export type MenuPlace = 'top' | MenuGroup;

type Placed = { path: string; menu?: { group?: MenuPlace; order?: number } };

export type Grouped<T> = { top: T[]; groups: { group: MenuGroup; entries: T[] }[]; rest: T[] };

/** The entries of one place, by their `order` (stable: equal or missing orders keep table order). */
function inPlace<T extends Placed>(entries: readonly T[], place: MenuPlace): T[] {
  const order = (e: T) => e.menu?.order ?? Number.POSITIVE_INFINITY;
  const byOrder = (a: T, b: T) => (order(a) === order(b) ? 0 : order(a) < order(b) ? -1 : 1);
  return entries.filter((e) => e.menu?.group === place).sort(byOrder);
}

/** Splits menu entries (in table order) into the top entries, the non-empty groups and the rest. */
export function groupMenu<T extends Placed>(entries: readonly T[]): Grouped<T> {
  const top = inPlace(entries, 'top');
  const groups = MENU_GROUPS.map((group) => ({ group, entries: inPlace(entries, group) }));
  const rest = entries.filter((e) => !e.menu?.group);
  return { top, groups: groups.filter((g) => g.entries.length > 0), rest };
}
