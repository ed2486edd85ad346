import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const creditRoutes: AppRoute[] = [
  {
    path: '/staff/watch-list',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./WatchListPage.tsx')),
    menu: { labelKey: 'credit.menu', icon: <AlertOutlined />, group: 'supervision', order: 66 },
  },
];
