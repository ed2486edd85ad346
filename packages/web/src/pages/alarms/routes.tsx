import { BellOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// 报警: the staff inbox and review, and the enterprise's reminders and answers.
export const alarmRoutes: AppRoute[] = [
  {
    path: '/staff/alarms',
    face: 'staff',
    access: PERMISSIONS.alarmStaff,
    component: lazy(() => import('./AlarmListPage.tsx')),
    menu: { labelKey: 'menu.alarms', icon: <BellOutlined />, group: 'supervision', order: 40 },
  },
  {
    path: '/staff/alarms/:id',
    face: 'staff',
    access: PERMISSIONS.alarmStaff,
    component: lazy(() => import('./AlarmDetailPage.tsx')),
  },
  {
    path: '/enterprise/alarms',
    face: 'enterprise',
    access: PERMISSIONS.alarmEnterprise,
    component: lazy(() => import('./AlarmListPage.tsx')),
    menu: { labelKey: 'menu.myAlarms', icon: <BellOutlined /> },
  },
  {
    path: '/enterprise/alarms/:id',
    face: 'enterprise',
    access: PERMISSIONS.alarmEnterprise,
    component: lazy(() => import('./AlarmDetailPage.tsx')),
  },
];
