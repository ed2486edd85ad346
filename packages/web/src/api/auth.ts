import { ApiError, http, setCsrfToken } from './http.ts';
import type { Me, Session } from './types.ts';

/** The logged-in user, or null when nobody is logged in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const session = await http.get<Session>('/api/auth/me', { skipAuthRedirect: true });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export async function login(username: string, password: string): Promise<Me> {
  const session = await http.post<Session>('/api/auth/login', { username, password }, { skipAuthRedirect: true });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await http.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}
