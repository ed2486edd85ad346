import { LikeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { STAFF_ROLES } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

export const ratingRoutes: AppRoute[] = [
  {
    path: '/staff/ratings',
    face: 'staff',
    access: STAFF_ROLES,
    component: lazy(() => import('./RatingsPage.tsx')),
    menu: { labelKey: 'menu.ratings', icon: <LikeOutlined />, group: 'service', order: 50 },
  },
];
