// The route table: every page, its lazy component, its menu entry and who may open it. Each feature
// declares its own routes in pages/<feature>/routes.tsx; this file finds them by that name (a new
// feature adds no line here). App.tsx builds the router from it; the Sider menu and the login
// redirect read it too.
import type { ParseKeys } from 'i18next';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Access, Face } from './access.ts';
import type { MenuPlace } from './layouts/menuGroups.ts';
export interface AppRoute {
  /** Absolute path; static segments before `:param` ones, since the first match wins. */
  path: string;
  face: Face;
  access: Access;
  component: LazyExoticComponent<ComponentType>;
  /** Present when the route is an entry of its face's Sider menu. */
  menu?: {
    labelKey: ParseKeys;
    icon: ReactNode;
    /** A count drawn by ConsoleLayout (MenuBadges uses antd, kept off the home's load). */
    badge?: 'worklist' | 'inbox';
    /** Staff menu only (menuGroups.test.ts checks every staff entry has one): above the groups or in one. */
    group?: MenuPlace;
    /** Place within the group, lower first; entries without one follow, in table order. */
    order?: number;
  };
  /** Present when the route is a card on the public home: what anyone can do without signing in. */
  home?: {
    titleKey: ParseKeys;
    descKey: ParseKeys;
    icon: ReactNode;
    /** place among the cards, lower first (in the order a citizen looks for things) */
    order: number;
    testId: string;
  };
}

/**
 * Every feature's `routes.tsx`, found by its place (Vite resolves the pattern at build time into
 * static imports, so nothing registers itself by being imported). Features are joined in folder
 * order; within a path's prefix a feature keeps its own static segments before its `:param` ones
 * (access.test.ts checks that every path opens its own route). Menus are ordered by `menu.order`.
 */
const featureRouteFiles = import.meta.glob<Record<string, AppRoute[]>>('./pages/*/routes.tsx', { eager: true });

export const routes: AppRoute[] = Object.keys(featureRouteFiles)
  .sort()
  .flatMap((file) => Object.values(featureRouteFiles[file] ?? {}).flat());

export const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

/** Menu entries of a face that the given roles may open, by `menu.order` (then table order). */
export function menuRoutes(face: Face, canOpen: (access: Access) => boolean): AppRoute[] {
  const entries = routes.filter((r) => r.face === face && r.menu && canOpen(r.access));
  // stable: entries without an order keep table order, after the numbered ones
  return entries.sort(
    (a, b) => (a.menu?.order ?? Number.MAX_SAFE_INTEGER) - (b.menu?.order ?? Number.MAX_SAFE_INTEGER),
  );
}

/** The public home's cards, each declared by its feature beside its route, by `home.order`. */
export function homeCards(): (AppRoute & { home: NonNullable<AppRoute['home']> })[] {
  return routes
    .filter((r): r is AppRoute & { home: NonNullable<AppRoute['home']> } => r.home !== undefined)
    .sort((a, b) => a.home.order - b.home.order);
}
