import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS, STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';
import { DISCLOSURE_PERMISSIONS } from './permissions.ts';

// 政府信息公开: the public page of 主动公开 lists, the request form and its tracking; the desk's
// inbox on the statutory clock and the annual report table.
export const disclosureRoutes: AppRoute[] = [
  {
    path: '/disclosure',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./PublicDisclosurePage.tsx')),
    home: {
      titleKey: 'disclosure.homeTitle',
      descKey: 'disclosure.homeDesc',
      icon: <FileSearchOutlined />,
      order: 130,
      testId: 'home-disclosure',
    },
  },
  {
    path: '/disclosure/apply',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./DisclosureRequestPage.tsx')),
  },
  {
    path: '/disclosure/track',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./TrackDisclosurePage.tsx')),
  },
  {
    path: '/staff/disclosure',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./StaffDisclosureListPage.tsx')),
    menu: { labelKey: 'disclosure.menu', icon: <FileSearchOutlined />, group: 'service', order: 95 },
  },
  {
    path: '/staff/disclosure/new',
    face: 'staff',
    access: DISCLOSURE_PERMISSIONS.desk,
    component: lazy(() => import('./RegisterRequestPage.tsx')),
  },
  {
    path: '/staff/disclosure/annual-report',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./AnnualReportPage.tsx')),
  },
  {
    path: '/staff/disclosure/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./StaffDisclosureDetailPage.tsx')),
  },
  {
    path: '/enterprise/disclosure',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./OwnRequestsPage.tsx')),
    menu: { labelKey: 'disclosure.ownMenu', icon: <FileSearchOutlined />, order: 65 },
  },
  {
    path: '/enterprise/disclosure/:id',
    face: 'enterprise',
    access: PERMISSIONS.ownEnterprise,
    component: lazy(() => import('./OwnRequestPage.tsx')),
  },
];
