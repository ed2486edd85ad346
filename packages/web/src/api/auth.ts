import { http, setCsrfToken } from './http.ts';
import type { CurrentSession, Me, Session } from './types.ts';

/**
 * The logged-in user, or null when nobody is. Asks /api/auth/session, which answers a visitor with
 * null rather than /me's 401 (an error in the browser's console on every public page).
 */
export async function fetchMe(): Promise<Me | null> {
  const { session } = await http.get<CurrentSession>('/api/auth/session', { skipAuthRedirect: true });
  setCsrfToken(session?.csrfToken ?? null);
  return session?.user ?? null;
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
