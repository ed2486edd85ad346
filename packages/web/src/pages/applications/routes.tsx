import { AuditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

const List = lazy(() => import('./ApplicationListPage.tsx'));
const Detail = lazy(() => import('./ApplicationDetailPage.tsx'));
const Form = lazy(() => import('./ApplicationFormPage.tsx'));

export const applicationRoutes: AppRoute[] = [
  {
    path: '/staff/applications',
    face: 'staff',
    access: PERMISSIONS.applicationRead,
    component: List,
    menu: { labelKey: 'menu.applications', icon: <AuditOutlined />, group: 'approval', order: 10 },
  },
  { path: '/staff/applications/new', face: 'staff', access: PERMISSIONS.applicationWindow, component: Form },
  { path: '/staff/applications/:id', face: 'staff', access: PERMISSIONS.applicationRead, component: Detail },
  {
    path: '/enterprise/applications',
    face: 'enterprise',
    access: PERMISSIONS.applicationApply,
    component: List,
    menu: { labelKey: 'menu.myApplications', icon: <FileDoneOutlined /> },
  },
  { path: '/enterprise/applications/new', face: 'enterprise', access: PERMISSIONS.applicationApply, component: Form },
  { path: '/enterprise/applications/:id', face: 'enterprise', access: PERMISSIONS.applicationApply, component: Detail },
];
