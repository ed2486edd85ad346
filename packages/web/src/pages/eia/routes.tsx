import { AuditOutlined, FileProtectOutlined, NotificationOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// The list and detail pages serve staff and the enterprise portal; the face decides what they show.
const StaffList = lazy(() => import('./EiaListPage.tsx').then((m) => ({ default: () => <m.default face="staff" /> })));
const StaffDetail = lazy(() =>
  import('./EiaDetailPage.tsx').then((m) => ({ default: () => <m.default face="staff" /> })),
);
const OwnList = lazy(() =>
  import('./EiaListPage.tsx').then((m) => ({ default: () => <m.default face="enterprise" /> })),
);
const OwnDetail = lazy(() =>
  import('./EiaDetailPage.tsx').then((m) => ({ default: () => <m.default face="enterprise" /> })),
);

export const eiaRoutes: AppRoute[] = [
  {
    path: '/staff/eia',
    face: 'staff',
    access: STAFF_ROLES,
    component: StaffList,
    menu: { labelKey: 'menu.eia', icon: <FileProtectOutlined />, group: 'approval', order: 30 },
  },
  { path: '/staff/eia/:id', face: 'staff', access: STAFF_ROLES, component: StaffDetail },
  {
    path: '/enterprise/eia',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: OwnList,
    menu: { labelKey: 'menu.myEia', icon: <AuditOutlined />, order: 14 },
  },
  { path: '/enterprise/eia/:id', face: 'enterprise', access: PERMISSIONS.ownEnterprise, component: OwnDetail },
  {
    path: '/eia/notices',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./EiaNoticesPage.tsx')),
    home: {
      titleKey: 'eia.homeTitle',
      descKey: 'eia.homeDesc',
      icon: <NotificationOutlined />,
      order: 30,
      testId: 'home-eia-notices',
    },
  },
  { path: '/eia/notices/:id', face: 'public', access: 'public', component: lazy(() => import('./EiaNoticePage.tsx')) },
];
