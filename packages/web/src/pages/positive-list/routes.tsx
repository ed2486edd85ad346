import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const positiveListRoutes: AppRoute[] = [
  {
    path: '/staff/positive-list',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PositiveListPage.tsx')),
    menu: { labelKey: 'positiveList.menu', icon: <SafetyCertificateOutlined />, group: 'supervision', order: 50 },
  },
  {
    path: '/staff/positive-list/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PositiveListDetailPage.tsx')),
  },
  {
    path: '/positive-list',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./PublicPositiveListPage.tsx')),
    home: {
      titleKey: 'positiveList.homeTitle',
      descKey: 'positiveList.homeDesc',
      icon: <SafetyCertificateOutlined />,
      order: 100,
      testId: 'home-positive-list',
    },
  },
];
