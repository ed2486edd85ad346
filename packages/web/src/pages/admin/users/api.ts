import { http } from '../../../api/http.ts';
import type { Page, User, UserCreate, UserPatch, UserQuery } from '../../../api/types.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserQuery) => ['users', 'list', q] as const,
};

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<User>> {
  return http.get('/api/users', { query, signal });
}

export function createUser(body: UserCreate): Promise<{ user: User; initialPassword: string }> {
  return http.post('/api/users', body);
}

export function updateUser(id: string, body: UserPatch): Promise<User> {
  return http.patch(`/api/users/${encodeURIComponent(id)}`, body);
}

export function resetUserPassword(id: string): Promise<{ password: string }> {
  return http.post(`/api/users/${encodeURIComponent(id)}/reset-password`);
}

/** Ends the account's sign-in waits from every address; the password stays as it is. */
export function clearUserSignInWaits(id: string): Promise<User> {
  return http.post(`/api/users/${encodeURIComponent(id)}/clear-sign-in-waits`);
}
