import { BellOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const inboxRoutes: AppRoute[] = [
  {
    path: '/staff/inbox',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./InboxPage.tsx')),
    menu: { labelKey: 'menu.inbox', icon: <BellOutlined />, badge: 'inbox', group: 'top', order: 30 },
  },
  {
    path: '/enterprise/inbox',
    face: 'enterprise',
    access: PERMISSIONS.ownMessages,
    component: lazy(() => import('./InboxPage.tsx')),
    menu: { labelKey: 'menu.inbox', icon: <BellOutlined />, badge: 'inbox', order: 30 },
  },
];
