import { KeyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const accountRoutes: AppRoute[] = [
  {
    path: '/staff/account',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ChangePasswordPage.tsx')),
    menu: { labelKey: 'menu.account', icon: <KeyOutlined />, group: 'system', order: 110 },
  },
  {
    path: '/enterprise/account',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./ChangePasswordPage.tsx')),
    menu: { labelKey: 'menu.account', icon: <KeyOutlined />, order: 90 },
  },
];
