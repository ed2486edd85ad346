import { AimOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const inspectionRoutes: AppRoute[] = [
  {
    path: '/staff/inspections',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./DrawsPage.tsx')),
    menu: { labelKey: 'inspections.menu', icon: <AimOutlined />, group: 'supervision', order: 60 },
  },
  {
    path: '/staff/inspections/draws/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./DrawDetailPage.tsx')),
  },
  {
    path: '/inspection-results',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./PublicResultsPage.tsx')),
    home: {
      titleKey: 'inspections.homeTitle',
      descKey: 'inspections.homeDesc',
      icon: <AimOutlined />,
      order: 110,
      testId: 'home-inspection-results',
    },
  },
];
