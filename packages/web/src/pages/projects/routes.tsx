import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const projectRoutes: AppRoute[] = [
  {
    path: '/staff/projects',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ProjectListPage.tsx')),
    menu: { labelKey: 'menu.trackedProjects', icon: <FundProjectionScreenOutlined />, group: 'service', order: 80 },
  },
  {
    path: '/staff/projects/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ProjectDetailPage.tsx')),
  },
];
