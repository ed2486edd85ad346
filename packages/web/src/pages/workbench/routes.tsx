import { DesktopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// Issue 8 §5: each staff role's workbench, the staff home and the first entry of the menu.
export const workbenchRoutes: AppRoute[] = [
  {
    path: '/staff/home',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./WorkbenchPage.tsx')),
    menu: { labelKey: 'web.menu.workbench', icon: <DesktopOutlined />, group: 'top', order: 10 },
  },
];
