import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiError, configureHttp } from './api/http.ts';
import { AuthProvider, clearSession } from './auth/auth.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { RequireAccess } from './components/RequireAccess.tsx';
import i18n from './i18n.ts';
import { FaceIndex } from './layouts/FaceIndex.tsx';
import { LightLayout } from './layouts/LightLayout.tsx';
import RouteErrorPage from './pages/error/RouteErrorPage.tsx';
import { type AppRoute, NotFoundPage, routes } from './routes.tsx';

// Nothing in this module's static imports may reach antd (light-shell.test.ts): the public home is
// drawn in LightLayout, and antd (its theme and locale in AntdShell, the public header and footer,
// the consoles' Sider and Menu) loads with the first page that needs it.
const AntdShell = lazy(() => import('./layouts/AntdShell.tsx'));
const PublicLayout = lazy(() => import('./layouts/PublicLayout.tsx').then((m) => ({ default: m.PublicLayout })));
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout.tsx'));

/** The pages drawn in the light shell, without antd. */
const LIGHT_PATHS = new Set(['/']);

function Loaded({ component: C }: { component: ComponentType }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <C />
    </Suspense>
  );
}

function Console({ face }: { face: 'staff' | 'enterprise' }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <ConsoleLayout face={face} />
    </Suspense>
  );
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Retry only what may pass on a second try: network failures and 5xx.
      retry: (count, error) => error instanceof ApiError && (error.status === 0 || error.status >= 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

function toRouteObject(route: AppRoute): RouteObject {
  const Page = route.component;
  return {
    path: route.path,
    element: (
      <RequireAccess access={route.access}>
        <Suspense fallback={<PageLoading />}>
          <Page />
        </Suspense>
      </RequireAccess>
    ),
  };
}

const byFace = (face: AppRoute['face'], light = false) =>
  routes.filter((r) => r.face === face && LIGHT_PATHS.has(r.path) === light).map(toRouteObject);

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <LightLayout />,
        children: [{ errorElement: <RouteErrorPage />, children: byFace('public', true) }],
      },
      {
        element: <Loaded component={AntdShell} />,
        children: [
          {
            element: <Loaded component={PublicLayout} />,
            children: [
              {
                errorElement: <RouteErrorPage />,
                children: [
                  ...byFace('public'),
                  {
                    path: '*',
                    element: <Loaded component={NotFoundPage} />,
                  },
                ],
              },
            ],
          },
          {
            path: '/staff',
            element: <Console face="staff" />,
            children: [
              {
                errorElement: <RouteErrorPage />,
                children: [{ index: true, element: <FaceIndex face="staff" /> }, ...byFace('staff')],
              },
            ],
          },
          {
            path: '/enterprise',
            element: <Console face="enterprise" />,
            children: [
              {
                errorElement: <RouteErrorPage />,
                children: [{ index: true, element: <FaceIndex face="enterprise" /> }, ...byFace('enterprise')],
              },
            ],
          },
        ],
      },
    ],
  },
]);

configureHttp({
  getLanguage: () => i18n.resolvedLanguage ?? i18n.language,
  // 401 anywhere: forget the session and go to /login, coming back here afterwards.
  onUnauthorized: () => {
    clearSession(queryClient);
    const { pathname, search } = router.state.location;
    if (pathname === '/login') return;
    void router.navigate(`/login?redirect=${encodeURIComponent(pathname + search)}`, { replace: true });
  },
});

// Server texts (error messages, reference names) come in the request's language: refetch on a switch.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  );
}
