import { CarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const visitRoutes: AppRoute[] = [
  {
    path: '/staff/visits',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./VisitListPage.tsx')),
    menu: { labelKey: 'menu.visits', icon: <CarOutlined />, group: 'service', order: 70 },
  },
  {
    path: '/staff/visits/new',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./VisitFormPage.tsx')),
  },
  {
    path: '/staff/visits/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./VisitDetailPage.tsx')),
  },
  {
    path: '/enterprise/visits',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./MyVisitsPage.tsx')),
    menu: { labelKey: 'menu.myVisits', icon: <CarOutlined />, order: 60 },
  },
];
