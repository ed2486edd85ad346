import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type Access, canAccess, homePathFor } from '../access.ts';
import { useAuth } from '../auth/auth.tsx';
import { PageLoading } from './PageLoading.tsx';

// The rare states load on demand, keeping antd's Result (and its illustrations) off the first load.
const Forbidden = lazy(() => import('./QueryState.tsx').then((m) => ({ default: m.Forbidden })));
const ChangePasswordPage = lazy(() => import('../pages/account/ChangePasswordPage.tsx'));
const ErrorState = lazy(() => import('./QueryState.tsx').then((m) => ({ default: m.ErrorState })));

export function loginPathFor(pathname: string, search: string): string {
  return `/login?redirect=${encodeURIComponent(pathname + search)}`;
}

/** 403 for users whose roles do not open the page. */
export function ForbiddenPage() {
  const { roles } = useAuth();
  return (
    <Suspense fallback={<PageLoading />}>
      <Forbidden homePath={homePathFor(roles)} />
    </Suspense>
  );
}

/** /api/auth/session failed (server down): offer a reload. */
export function AuthErrorPage({ error }: { error: unknown }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </Suspense>
  );
}

/** Renders children only for users the access key lets in; sends the anonymous to /login. */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const { user, roles, loading, error } = useAuth();
  const location = useLocation();
  if (access === 'public') return children;
  if (loading) return <PageLoading />;
  if (!user && error) return <AuthErrorPage error={error} />;
  if (!user) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ChangePasswordPage forced />
      </Suspense>
    );
  }
  if (!canAccess(roles, access)) return <ForbiddenPage />;
  return children;
}
