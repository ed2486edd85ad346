import { CalculatorOutlined, CalendarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const calendarRoutes: AppRoute[] = [
  {
    path: '/staff/deadline-calculator',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./DeadlineCalculatorPage.tsx')),
    menu: { labelKey: 'menu.calculator', icon: <CalculatorOutlined />, group: 'system', order: 60 },
  },
  {
    path: '/staff/admin/calendar',
    face: 'staff',
    access: PERMISSIONS.calendarAdmin,
    component: lazy(() => import('./CalendarYearsPage.tsx')),
    menu: { labelKey: 'menu.calendarYears', icon: <CalendarOutlined />, group: 'system', order: 80 },
  },
];
