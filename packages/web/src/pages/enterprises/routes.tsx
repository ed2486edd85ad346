import { CloudUploadOutlined, ShopOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// Static segments (`new`, `import`) before `:id`: the first match wins.
export const enterpriseRoutes: AppRoute[] = [
  {
    path: '/staff/enterprises',
    face: 'staff',
    access: PERMISSIONS.enterpriseRead,
    component: lazy(() => import('./EnterpriseListPage.tsx')),
    menu: { labelKey: 'menu.enterprises', icon: <ShopOutlined />, group: 'supervision', order: 10 },
  },
  {
    path: '/staff/enterprises/new',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./EnterpriseFormPage.tsx')),
  },
  {
    path: '/staff/enterprises/import',
    face: 'staff',
    access: PERMISSIONS.enterpriseImport,
    component: lazy(() => import('./EnterpriseImportPage.tsx')),
    menu: { labelKey: 'menu.enterpriseImport', icon: <CloudUploadOutlined />, group: 'supervision', order: 20 },
  },
  {
    path: '/staff/enterprises/:id',
    face: 'staff',
    access: PERMISSIONS.enterpriseRead,
    component: lazy(() => import('./EnterpriseDetailPage.tsx')),
  },
  {
    path: '/staff/enterprises/:id/edit',
    face: 'staff',
    access: PERMISSIONS.enterpriseWrite,
    component: lazy(() => import('./EnterpriseFormPage.tsx')),
  },
];
