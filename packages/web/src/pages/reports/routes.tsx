import { AlertOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// 举报: submitted and tracked by the public, handled at the staff desk.
export const reportRoutes: AppRoute[] = [
  {
    path: '/reports/submit',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./SubmitReportPage.tsx')),
    home: {
      titleKey: 'reports.homeTitle',
      descKey: 'reports.homeDesc',
      icon: <AlertOutlined />,
      order: 70,
      testId: 'home-report',
    },
  },
  {
    path: '/reports/track',
    face: 'public',
    access: 'public',
    component: lazy(() => import('./TrackReportPage.tsx')),
  },
  {
    path: '/staff/reports',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ReportListPage.tsx')),
    menu: { labelKey: 'menu.reportDesk', icon: <AlertOutlined />, group: 'service', order: 40 },
  },
  {
    path: '/staff/reports/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ReportDetailPage.tsx')),
  },
];
