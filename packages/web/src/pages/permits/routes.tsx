import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const permitRoutes: AppRoute[] = [
  {
    path: '/staff/permits',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PermitListPage.tsx')),
    menu: { labelKey: 'permits.menu', icon: <SafetyCertificateOutlined />, group: 'approval', order: 40 },
  },
  {
    path: '/staff/permits/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PermitDetailPage.tsx')),
  },
  {
    path: '/enterprise/permits',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./MyPermitsPage.tsx')),
    menu: { labelKey: 'permits.myMenu', icon: <SafetyCertificateOutlined />, order: 16 },
  },
];
