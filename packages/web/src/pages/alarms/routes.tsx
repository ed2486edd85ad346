import { BellOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { ALARM_PERMISSIONS } from './permissions.ts';

// 报警: the staff inbox and review, and the enterprise's reminders and answers.
export const alarmRoutes: AppRoute[] = [
  {
    path: '/staff/alarms',
    face: 'staff',
    access: ALARM_PERMISSIONS.staff,
    component: lazy(() => import('./AlarmListPage.tsx')),
    menu: { labelKey: 'alarms.menu', icon: <BellOutlined />, group: 'supervision', order: 40 },
  },
  {
    path: '/staff/alarms/:id',
    face: 'staff',
    access: ALARM_PERMISSIONS.staff,
    component: lazy(() => import('./AlarmDetailPage.tsx')),
  },
  {
    path: '/enterprise/alarms',
    face: 'enterprise',
    access: ALARM_PERMISSIONS.enterprise,
    component: lazy(() => import('./AlarmListPage.tsx')),
    menu: { labelKey: 'alarms.menuMine', icon: <BellOutlined />, order: 34 },
  },
  {
    path: '/enterprise/alarms/:id',
    face: 'enterprise',
    access: ALARM_PERMISSIONS.enterprise,
    component: lazy(() => import('./AlarmDetailPage.tsx')),
  },
];
