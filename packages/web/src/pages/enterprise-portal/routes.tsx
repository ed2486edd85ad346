import { BankOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const enterprisePortalRoutes: AppRoute[] = [
  {
    path: '/enterprise/my',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./MyEnterprisePage.tsx')),
    menu: { labelKey: 'menu.myEnterprise', icon: <BankOutlined />, order: 10 },
  },
];
