import { CarryOutOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const worklistRoutes: AppRoute[] = [
  {
    path: '/staff/worklist',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./WorklistPage.tsx')),
    menu: { labelKey: 'menu.worklist', icon: <CarryOutOutlined />, badge: 'worklist', group: 'top', order: 20 },
  },
  {
    path: '/enterprise/worklist',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./WorklistPage.tsx')),
    menu: { labelKey: 'menu.worklist', icon: <CarryOutOutlined />, badge: 'worklist', order: 20 },
  },
];
