import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';

export const homeRoutes: AppRoute[] = [
  { path: '/', face: 'public', access: 'public', component: lazy(() => import('./HomePage.tsx')) },
];
