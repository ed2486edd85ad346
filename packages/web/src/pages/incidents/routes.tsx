import { FireOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';
import { INCIDENT_PERMISSIONS } from './permissions.ts';

export const incidentRoutes: AppRoute[] = [
  {
    path: '/staff/incidents',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./IncidentListPage.tsx')),
    menu: { labelKey: 'incidents.menu', icon: <FireOutlined />, group: 'supervision', order: 52 },
  },
  {
    path: '/staff/incidents/new',
    face: 'staff',
    access: INCIDENT_PERMISSIONS.edit,
    component: lazy(() => import('./IncidentFormPage.tsx')),
  },
  {
    path: '/staff/incidents/:id/edit',
    face: 'staff',
    access: INCIDENT_PERMISSIONS.edit,
    component: lazy(() => import('./IncidentFormPage.tsx')),
  },
  {
    path: '/staff/incidents/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./IncidentDetailPage.tsx')),
  },
];
