import { NotificationOutlined, SendOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const notificationRoutes: AppRoute[] = [
  {
    path: '/staff/admin/deliveries',
    face: 'staff',
    access: PERMISSIONS.deliveriesRead,
    component: lazy(() => import('./DeliveriesPage.tsx')),
    menu: { labelKey: 'menu.deliveries', icon: <SendOutlined />, group: 'system', order: 90 },
  },
  {
    path: '/staff/notifications',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./PreferencesPage.tsx')),
    menu: { labelKey: 'menu.notificationPrefs', icon: <NotificationOutlined />, group: 'system', order: 100 },
  },
  {
    path: '/enterprise/notifications',
    face: 'enterprise',
    access: PERMISSIONS.ownMessages,
    component: lazy(() => import('./PreferencesPage.tsx')),
    menu: { labelKey: 'menu.notificationPrefs', icon: <NotificationOutlined />, order: 80 },
  },
];
