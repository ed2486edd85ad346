import { BarChartOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const figureRoutes: AppRoute[] = [
  {
    path: '/staff/figures',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./FiguresDashboardPage.tsx')),
    menu: { labelKey: 'menu.figures', icon: <BarChartOutlined />, group: 'statistics', order: 10 },
  },
  {
    path: '/staff/figures/:key',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./FigureRecordsPage.tsx')),
  },
];
