// @vitest-environment jsdom
// 用户管理: the table is wider than the page, and an account's buttons (停用, 重置密码) stay in view
// at its right edge rather than past it.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../../test-support/app.tsx';
import UsersPage from './UsersPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

beforeAll(() => {
  stubBrowser();
  stubApi({ id: 'u1', username: 'admin', displayName: '系统管理员', roles: ['admin'], enterpriseId: null }, (url) => {
    if (url.startsWith('/api/users'))
      return jsonResponse({
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
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

afterEach(cleanup);

describe('UsersPage: the account actions', () => {
  it('keep their column fixed at the right edge of the scrolling table', async () => {
    renderInApp([{ path: '/staff/admin/users', element: <UsersPage /> }], '/staff/admin/users');
    const reset = await screen.findByRole('button', { name: /重置密码/ });
    expect(reset.closest('td')?.className).toMatch(/ant-table-cell-fix/);
  });
});
