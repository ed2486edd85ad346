import { AimOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';
import { CLUE_PERMISSIONS } from './permissions.ts';

export const clueRoutes: AppRoute[] = [
  {
    path: '/staff/clues',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ClueListPage.tsx')),
    menu: { labelKey: 'clues.menu', icon: <AimOutlined />, group: 'supervision', order: 65 },
  },
  {
    path: '/staff/clues/import',
    face: 'staff',
    access: CLUE_PERMISSIONS.register,
    component: lazy(() => import('./ClueImportPage.tsx')),
  },
  {
    path: '/staff/clues/:id',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./ClueDetailPage.tsx')),
  },
];
