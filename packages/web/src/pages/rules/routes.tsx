import { ProfileOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const rulesRoutes: AppRoute[] = [
  {
    path: '/staff/rules',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./RulesPage.tsx')),
    menu: { labelKey: 'menu.rules', icon: <ProfileOutlined />, group: 'system', order: 70 },
  },
];
