import { ReadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const matterRoutes: AppRoute[] = [
  {
    path: '/staff/admin/matters',
    face: 'staff',
    access: PERMISSIONS.matterAdmin,
    component: lazy(() => import('./MatterAdminPage.tsx')),
    menu: { labelKey: 'menu.matters', icon: <ReadOutlined />, group: 'system', order: 75 },
  },
  {
    path: '/matters',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./MattersPage.tsx')),
    home: {
      titleKey: 'matters.homeTitle',
      descKey: 'matters.homeDesc',
      icon: <ReadOutlined />,
      order: 10,
      testId: 'home-matters',
    },
  },
  {
    path: '/matters/:code',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./MatterGuidePage.tsx')),
  },
];
