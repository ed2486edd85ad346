import { DashboardOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';
import { MONITORING_PERMISSIONS } from './permissions.ts';

const StationsPage = lazy(() => import('./StationsPage.tsx'));
const StationDetailPage = lazy(() => import('./StationDetailPage.tsx'));

export const monitoringRoutes: AppRoute[] = [
  {
    path: '/staff/monitoring',
    face: 'staff',
    access: MONITORING_PERMISSIONS.overview,
    component: StationsPage,
    menu: { labelKey: 'monitoring.menu', icon: <DashboardOutlined />, group: 'supervision', order: 30 },
  },
  {
    path: '/staff/monitoring/quarantine',
    face: 'staff',
    access: MONITORING_PERMISSIONS.overview,
    component: lazy(() => import('./QuarantinePage.tsx')),
    menu: { labelKey: 'monitoring.menuQuarantine', icon: <QuestionCircleOutlined />, group: 'supervision', order: 31 },
  },
  {
    path: '/staff/monitoring/stations/:id',
    face: 'staff',
    access: MONITORING_PERMISSIONS.overview,
    component: StationDetailPage,
  },
  {
    path: '/enterprise/monitoring',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: StationsPage,
    menu: { labelKey: 'monitoring.menuEnterprise', icon: <DashboardOutlined />, order: 32 },
  },
  {
    path: '/enterprise/monitoring/stations/:id',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: StationDetailPage,
  },
];
