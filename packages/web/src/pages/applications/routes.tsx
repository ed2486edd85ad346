import { AuditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';
import { APPLICATION_PERMISSIONS } from './permissions.ts';

const List = lazy(() => import('./ApplicationListPage.tsx'));
const Detail = lazy(() => import('./ApplicationDetailPage.tsx'));
const Form = lazy(() => import('./ApplicationFormPage.tsx'));

export const applicationRoutes: AppRoute[] = [
  {
    path: '/staff/applications',
    face: 'staff',
    access: APPLICATION_PERMISSIONS.read,
    component: List,
    menu: { labelKey: 'applications.menu', icon: <AuditOutlined />, group: 'approval', order: 20 },
  },
  { path: '/staff/applications/new', face: 'staff', access: APPLICATION_PERMISSIONS.window, component: Form },
  { path: '/staff/applications/:id', face: 'staff', access: APPLICATION_PERMISSIONS.read, component: Detail },
  {
    path: '/enterprise/applications',
    face: 'enterprise',
    access: APPLICATION_PERMISSIONS.apply,
    component: List,
    menu: { labelKey: 'applications.menuMine', icon: <FileDoneOutlined />, order: 12 },
  },
  { path: '/enterprise/applications/new', face: 'enterprise', access: APPLICATION_PERMISSIONS.apply, component: Form },
  {
    path: '/enterprise/applications/:id',
    face: 'enterprise',
    access: APPLICATION_PERMISSIONS.apply,
    component: Detail,
  },
];
