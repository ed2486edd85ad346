import { http } from '../../api/http.ts';

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return http.post<void>('/api/auth/password', { currentPassword, newPassword });
}
