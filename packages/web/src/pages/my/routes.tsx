import { lazy } from 'react';
import { PERMISSIONS } from '../../access.ts';
import type { AppRoute } from '../../routes.tsx';

// Issue 8 §5: a signed-in citizen's messages, bookings and petitions.
export const myRoutes: AppRoute[] = [
  { path: '/my', face: 'public', access: PERMISSIONS.citizenOwn, component: lazy(() => import('./MyPage.tsx')) },
];
