import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const adminRoutes: AppRoute[] = [
  {
    path: '/staff/admin/users',
    face: 'staff',
    access: PERMISSIONS.userAdmin,
    component: lazy(() => import('./users/UsersPage.tsx')),
    menu: { labelKey: 'menu.users', icon: <TeamOutlined />, group: 'system', order: 40 },
  },
  {
    path: '/staff/admin/audit',
    face: 'staff',
    access: PERMISSIONS.auditRead,
    component: lazy(() => import('./audit/AuditPage.tsx')),
    menu: { labelKey: 'menu.audit', icon: <AuditOutlined />, group: 'system', order: 50 },
  },
];
