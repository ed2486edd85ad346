// @vitest-environment jsdom
// The enterprise's permit card against a stubbed API: the days left are the permit's to its expiry,
// shown with the validity, never beside the renewal's apply-by date (which had passed: "剩 45 天"
// there read as 45 days left to apply).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { AuthProvider } from '../../auth/auth.tsx';
import { FeedbackProvider } from '../../components/feedback.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import type { Permit } from './api.ts';
import MyPermitsPage from './MyPermitsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const PERMIT: Permit = {
  id: 'p1',
  enterpriseId: 'e1',
  enterpriseName: '上栗县金花烟花制造有限公司',
  townCode: '360322101',
  permitClass: 'key',
  pwItem: '51',
  citation: '第51项',
  status: 'valid',
  permitNumber: '91360322MABCBCN4JN001P',
  platformRef: null,
  issuedBy: '萍乡市生态环境局',
  issuedOn: '2022-01-20',
  validFrom: '2022-01-23',
  validTo: '2027-01-22',
  renewalApplyBy: '2026-11-23',
  daysToExpiry: 45,
  officerUserId: 'u2',
  officerName: '窗口·刘敏',
  note: null,
  version: 1,
};

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

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
          user: { id: 'u1', username: 'qiye1', displayName: '环保专员', roles: ['enterprise'], enterpriseId: 'e1' },
        },
      });
    if (url.startsWith('/api/permit-obligations')) return json({ items: [], total: 0, page: 1, pageSize: 50 });
    if (url.startsWith('/api/permits/p1')) return json({ ...PERMIT, obligations: [] });
    if (url.startsWith('/api/permits')) return json({ items: [PERMIT], total: 1, page: 1, pageSize: 50 });
    return new Response('{}', { status: 404 });
  });
});

afterEach(cleanup);

describe('MyPermitsPage', () => {
  it('shows the days to expiry with the validity, and the apply-by date alone', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/r', element: <MyPermitsPage /> }], { initialEntries: ['/r'] });
    render(
      <QueryClientProvider client={qc}>
        <AuthProvider>
          <FeedbackProvider>
            <RouterProvider router={router} />
          </FeedbackProvider>
        </AuthProvider>
      </QueryClientProvider>,
    );
    const days = await screen.findByText('距有效期届满 45 天');
    expect(days.closest('.ant-descriptions-item-content')?.textContent).toContain('2022-01-23 — 2027-01-22');
    const applyBy = screen.getByText('2026-11-23');
    expect(applyBy.closest('.ant-descriptions-item-content')?.textContent).toBe('2026-11-23');
  });
});
