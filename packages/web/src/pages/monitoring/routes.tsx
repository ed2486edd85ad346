import { DashboardOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

const StationsPage = lazy(() => import('./StationsPage.tsx'));
const StationDetailPage = lazy(() => import('./StationDetailPage.tsx'));

export const monitoringRoutes: AppRoute[] = [
  {
    path: '/staff/monitoring',
    face: 'staff',
    access: PERMISSIONS.monitoringOverview,
    component: StationsPage,
    menu: { labelKey: 'menu.monitoring', icon: <DashboardOutlined />, group: 'supervision', order: 30 },
  },
  {
    path: '/staff/monitoring/quarantine',
    face: 'staff',
    access: PERMISSIONS.monitoringOverview,
    component: lazy(() => import('./QuarantinePage.tsx')),
    menu: { labelKey: 'menu.monitoringQuarantine', icon: <QuestionCircleOutlined />, group: 'supervision', order: 31 },
  },
  {
    path: '/staff/monitoring/stations/:id',
    face: 'staff',
    access: PERMISSIONS.monitoringOverview,
    component: StationDetailPage,
  },
  {
    path: '/enterprise/monitoring',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: StationsPage,
    menu: { labelKey: 'menu.myMonitoring', icon: <DashboardOutlined /> },
  },
  {
    path: '/enterprise/monitoring/stations/:id',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: StationDetailPage,
  },
];
