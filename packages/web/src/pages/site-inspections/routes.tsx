import { AuditOutlined, FileDoneOutlined, FileSearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';

// 现场检查 (phone-friendly record), 责令整改 (staff verification, the enterprise's answer), 处罚案件.
export const siteInspectionRoutes: AppRoute[] = [
  {
    path: '/staff/site-inspections',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./InspectionListPage.tsx')),
    menu: { labelKey: 'siteInspections.menu', icon: <SolutionOutlined />, group: 'supervision', order: 62 },
  },
  {
    path: '/staff/site-inspections/new',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.record,
    component: lazy(() => import('./InspectionFormPage.tsx')),
  },
  {
    path: '/staff/site-inspections/:id',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./InspectionFormPage.tsx')),
  },
  {
    path: '/staff/rectifications',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./OrderListPage.tsx')),
    menu: { labelKey: 'siteInspections.menuOrders', icon: <FileDoneOutlined />, group: 'supervision', order: 63 },
  },
  {
    path: '/staff/rectifications/:id',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./OrderDetailPage.tsx')),
  },
  {
    path: '/staff/enforcement-cases',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./CasePage.tsx')),
    menu: { labelKey: 'siteInspections.menuCases', icon: <AuditOutlined />, group: 'supervision', order: 64 },
  },
  {
    path: '/staff/enforcement-cases/:id',
    face: 'staff',
    access: SITE_INSPECTION_PERMISSIONS.staff,
    component: lazy(() => import('./CasePage.tsx')),
  },
  {
    path: '/enterprise/inspections',
    face: 'enterprise',
    access: SITE_INSPECTION_PERMISSIONS.enterprise,
    component: lazy(() => import('./MyInspectionListPage.tsx')),
    menu: { labelKey: 'siteInspections.mineMenu', icon: <FileSearchOutlined />, order: 36 },
  },
  {
    path: '/enterprise/inspections/:id',
    face: 'enterprise',
    access: SITE_INSPECTION_PERMISSIONS.enterprise,
    component: lazy(() => import('./MyInspectionDetailPage.tsx')),
  },
  {
    path: '/enterprise/rectifications',
    face: 'enterprise',
    access: SITE_INSPECTION_PERMISSIONS.enterprise,
    component: lazy(() => import('./OrderListPage.tsx')),
    menu: { labelKey: 'siteInspections.menuMine', icon: <FileDoneOutlined />, order: 37 },
  },
  {
    path: '/enterprise/rectifications/:id',
    face: 'enterprise',
    access: SITE_INSPECTION_PERMISSIONS.enterprise,
    component: lazy(() => import('./OrderDetailPage.tsx')),
  },
];
