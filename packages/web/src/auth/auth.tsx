// The current user: GET /api/auth/session once on load, kept in TanStack Query under ME_KEY.
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import * as authApi from '../api/auth.ts';
import type { Me, Role } from '../api/types.ts';

export const ME_KEY = ['auth', 'me'] as const;

export interface AuthState {
  user: Me | null;
  roles: Role[];
  /** True until the first /api/auth/session answer. */
  loading: boolean;
  /** Set when /api/auth/session failed (server down). */
  error: unknown;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Forget the user and every cached server state (after logout or a 401). */
export function clearSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: authApi.fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: 1 });

  const login = useCallback(
    async (username: string, password: string) => {
      const user = await authApi.login(username, password);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, user);
      return user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      clearSession(queryClient);
    }
  }, [queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      user: me.data ?? null,
      roles: me.data?.roles ?? [],
      loading: me.isPending,
      error: me.error,
      login,
      logout,
    }),
    [me.data, me.isPending, me.error, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
