// @vitest-environment jsdom
// 用户管理: the table is wider than the page, and an account's buttons (停用, 重置密码) stay in view
// at its right edge rather than past it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../../i18n.ts';
import { AuthProvider } from '../../../auth/auth.tsx';
import { FeedbackProvider } from '../../../components/feedback.tsx';
import { stubMatchMedia } from '../../../test-support/jsdom.ts';
import UsersPage from './UsersPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeAll(() => {
  stubMatchMedia();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    if (url.startsWith('/api/auth/session'))
      return json({
        session: {
          csrfToken: 't',
          user: { id: 'u1', username: 'admin', displayName: '系统管理员', roles: ['admin'], enterpriseId: null },
        },
      });
    if (url.startsWith('/api/users'))
      return json({
        items: [
          {
            id: 'u2',
            username: '91360322MA31EPKDXR',
            displayName: '上栗县沙田酱菜食品厂·环保专员',
            roles: ['enterprise'],
            enterpriseId: 'e1',
            enterpriseName: '上栗县沙田酱菜食品厂',
            disabled: false,
            signInBlockedUntil: null,
            recentSignInFailures: 0,
            lastLoginAt: null,
            phone: null,
            version: 1,
          },
        ],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    return json({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

afterEach(cleanup);

describe('UsersPage: the account actions', () => {
  it('keep their column fixed at the right edge of the scrolling table', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/staff/admin/users', element: <UsersPage /> }], {
      initialEntries: ['/staff/admin/users'],
    });
    render(
      <QueryClientProvider client={qc}>
        <AuthProvider>
          <FeedbackProvider>
            <RouterProvider router={router} />
          </FeedbackProvider>
        </AuthProvider>
      </QueryClientProvider>,
    );
    const reset = await screen.findByRole('button', { name: /重置密码/ });
    expect(reset.closest('td')?.className).toMatch(/ant-table-cell-fix/);
  });
});
