import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiError, configureHttp } from './api/http.ts';
import { AuthProvider, clearSession } from './auth/auth.tsx';
import { FeedbackProvider } from './components/feedback.tsx';
import { PageLoading } from './components/PageLoading.tsx';
import { RequireAccess } from './components/RequireAccess.tsx';
import i18n, { currentLanguage } from './i18n.ts';
import { FaceIndex } from './layouts/FaceIndex.tsx';
import { PublicLayout } from './layouts/PublicLayout.tsx';
import RouteErrorPage from './pages/error/RouteErrorPage.tsx';
import { type AppRoute, NotFoundPage, routes } from './routes.tsx';

// Sider, Menu and the console header load with the first staff or enterprise page, not with home.
const ConsoleLayout = lazy(() => import('./layouts/ConsoleLayout.tsx'));

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

const byFace = (face: AppRoute['face']) => routes.filter((r) => r.face === face).map(toRouteObject);

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          {
            errorElement: <RouteErrorPage />,
            children: [
              ...byFace('public'),
              {
                path: '*',
                element: (
                  <Suspense fallback={<PageLoading />}>
                    <NotFoundPage />
                  </Suspense>
                ),
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
  useTranslation(); // re-render on language change so antd's locale follows
  const lang = currentLanguage();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        token: { colorPrimary: '#1f6f43' },
        components: { Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f6f43' } },
      }}
    >
      <FeedbackProvider>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
