import { lazy } from 'react';
import type { AppRoute } from '../../routes.tsx';

export const loginRoutes: AppRoute[] = [
  { path: '/login', face: 'public', access: 'public', component: lazy(() => import('./LoginPage.tsx')) },
];
