import { SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// Reception days (接待日): sessions and the concerns raised in them; `concerns` before `concerns/:id`.
export const receptionRoutes: AppRoute[] = [
  {
    path: '/staff/reception',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./SessionListPage.tsx')),
    menu: { labelKey: 'menu.receptionDays', icon: <SolutionOutlined />, group: 'service', order: 60 },
  },
  {
    path: '/staff/reception/concerns',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ConcernListPage.tsx')),
  },
  {
    path: '/staff/reception/concerns/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ConcernDetailPage.tsx')),
  },
  {
    path: '/staff/reception/sessions/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./SessionDetailPage.tsx')),
  },
  {
    path: '/enterprise/reception',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./EnterpriseReceptionPage.tsx')),
    menu: { labelKey: 'menu.myReception', icon: <SolutionOutlined />, order: 50 },
  },
  {
    path: '/reception',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./PublicReceptionPage.tsx')),
    home: {
      titleKey: 'reception.homeTitle',
      descKey: 'reception.homeDesc',
      icon: <TeamOutlined />,
      order: 80,
      testId: 'home-reception',
    },
  },
];
