import { FileProtectOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// 分表计电: meters and power curves, restriction orders (限产/停产).
export const electricityRoutes: AppRoute[] = [
  {
    path: '/staff/electricity/meters',
    face: 'staff',
    access: PERMISSIONS.alarmStaff,
    component: lazy(() => import('./MetersPage.tsx')),
    menu: { labelKey: 'menu.meters', icon: <ThunderboltOutlined />, group: 'supervision', order: 41 },
  },
  {
    path: '/staff/electricity/restriction-orders',
    face: 'staff',
    access: PERMISSIONS.alarmStaff,
    component: lazy(() => import('./RestrictionOrdersPage.tsx')),
    menu: { labelKey: 'menu.restrictionOrders', icon: <FileProtectOutlined />, group: 'supervision', order: 42 },
  },
  {
    path: '/enterprise/electricity/meters',
    face: 'enterprise',
    access: PERMISSIONS.alarmEnterprise,
    component: lazy(() => import('./MetersPage.tsx')),
    menu: { labelKey: 'menu.meters', icon: <ThunderboltOutlined /> },
  },
];
