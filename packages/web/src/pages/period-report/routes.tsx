import { DashboardOutlined, FileTextOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { PERIOD_REPORT_PERMISSIONS } from './permissions.ts';

export const periodReportRoutes: AppRoute[] = [
  {
    path: '/staff/period-report',
    face: 'staff',
    access: PERIOD_REPORT_PERMISSIONS.read,
    component: lazy(() => import('./PeriodReportPage.tsx')),
    menu: { labelKey: 'periodReport.menu', icon: <FileTextOutlined />, group: 'statistics', order: 24 },
  },
  {
    path: '/staff/period-report/dashboard',
    face: 'staff',
    access: PERIOD_REPORT_PERMISSIONS.read,
    component: lazy(() => import('./DashboardPage.tsx')),
    menu: { labelKey: 'periodReport.dashboardMenu', icon: <DashboardOutlined />, group: 'statistics', order: 26 },
  },
];
