// The route table: every page, its lazy component, its menu entry and who may open it. Each feature
// declares its own routes in pages/<feature>/routes.tsx; this file joins them, one line a feature.
// App.tsx builds the router from it; the Sider menu and the login redirect read it too.
import type { ParseKeys } from 'i18next';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { Access, Face } from './access.ts';
import type { MenuPlace } from './layouts/menuGroups.ts';
import { accountRoutes } from './pages/account/routes.tsx';
import { adminRoutes } from './pages/admin/routes.tsx';
import { appointmentRoutes } from './pages/appointments/routes.tsx';
import { calendarRoutes } from './pages/calendar/routes.tsx';
import { enterprisePortalRoutes } from './pages/enterprise-portal/routes.tsx';
import { enterpriseRoutes } from './pages/enterprises/routes.tsx';
import { figureRoutes } from './pages/figures/routes.tsx';
import { homeRoutes } from './pages/home/routes.tsx';
import { inboxRoutes } from './pages/inbox/routes.tsx';
import { inspectionRoutes } from './pages/inspections/routes.tsx';
import { loginRoutes } from './pages/login/routes.tsx';
import { matterRoutes } from './pages/matters/routes.tsx';
import { myRoutes } from './pages/my/routes.tsx';
import { notificationRoutes } from './pages/notifications/routes.tsx';
import { petitionRoutes } from './pages/petitions/routes.tsx';
import { positiveListRoutes } from './pages/positive-list/routes.tsx';
import { projectRoutes } from './pages/projects/routes.tsx';
import { ratingRoutes } from './pages/ratings/routes.tsx';
import { receptionRoutes } from './pages/reception/routes.tsx';
import { reportRoutes } from './pages/reports/routes.tsx';
import { rulesRoutes } from './pages/rules/routes.tsx';
import { visitRoutes } from './pages/visits/routes.tsx';
import { workbenchRoutes } from './pages/workbench/routes.tsx';
import { worklistRoutes } from './pages/worklist/routes.tsx';

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
}

/**
 * Every feature's routes, one line each. The order is the enterprise menu's order (it has no
 * groups) and, within a path's prefix, the match order: a feature keeps its own static segments
 * before its `:param` ones (access.test.ts checks that every path opens its own route).
 */
export const routes: AppRoute[] = [
  ...homeRoutes,
  ...loginRoutes,
  ...enterpriseRoutes,
  ...enterprisePortalRoutes,
  ...adminRoutes,
  ...worklistRoutes,
  ...inboxRoutes,
  ...calendarRoutes,
  ...rulesRoutes,
  ...matterRoutes,
  ...positiveListRoutes,
  ...inspectionRoutes,
  ...notificationRoutes,
  ...accountRoutes,
  // 服 part A: appointments (预约/延时服务), petitions (信访), reports (举报), ratings (好差评)
  ...appointmentRoutes,
  ...petitionRoutes,
  ...reportRoutes,
  ...ratingRoutes,
  // service B: figures, reception days, visits and campaigns, tracked projects
  ...figureRoutes,
  ...receptionRoutes,
  ...visitRoutes,
  ...projectRoutes,
  ...workbenchRoutes,
  ...myRoutes,
];

export const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage.tsx'));

/** Menu entries of a face, in table order, that the given roles may open. */
export function menuRoutes(face: Face, canOpen: (access: Access) => boolean): AppRoute[] {
  return routes.filter((r) => r.face === face && r.menu && canOpen(r.access));
}
