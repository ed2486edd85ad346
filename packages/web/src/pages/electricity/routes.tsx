import { FileProtectOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { ELECTRICITY_PERMISSIONS } from './permissions.ts';

// 分表计电: meters and power curves, restriction orders (限产/停产).
export const electricityRoutes: AppRoute[] = [
  {
    path: '/staff/electricity/meters',
    face: 'staff',
    access: ELECTRICITY_PERMISSIONS.staff,
    component: lazy(() => import('./MetersPage.tsx')),
    menu: { labelKey: 'electricity.menuMeters', icon: <ThunderboltOutlined />, group: 'supervision', order: 41 },
  },
  {
    path: '/staff/electricity/restriction-orders',
    face: 'staff',
    access: ELECTRICITY_PERMISSIONS.staff,
    component: lazy(() => import('./RestrictionOrdersPage.tsx')),
    menu: { labelKey: 'electricity.menuOrders', icon: <FileProtectOutlined />, group: 'supervision', order: 42 },
  },
  {
    path: '/enterprise/electricity/meters',
    face: 'enterprise',
    access: ELECTRICITY_PERMISSIONS.enterprise,
    component: lazy(() => import('./MetersPage.tsx')),
    menu: { labelKey: 'electricity.menuMeters', icon: <ThunderboltOutlined />, order: 36 },
  },
];
