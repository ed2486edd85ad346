// @vitest-environment jsdom
// 好差评 in English: each level of the figures stays on one line beside its bar ("very
// dissatisfied" broke into two lines in the 90 px the Chinese words need).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../../auth/auth.tsx';
import { FeedbackProvider } from '../../components/feedback.tsx';
import { setLanguage } from '../../i18n.ts';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import RatingsPage from './RatingsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeAll(async () => {
  await setLanguage('en');
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
          user: { id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null },
        },
      });
    if (url.startsWith('/api/ratings/summary'))
      return json({
        distribution: [5, 4, 3, 2, 1].map((level) => ({ level, count: 6 - level })),
        bad: 3,
        rectifiedOnTime: 2,
        eventTypes: ['appointment', 'petition'],
      });
    return json({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

afterAll(async () => {
  cleanup();
  await setLanguage('zh-CN');
});

describe('RatingsPage in English', () => {
  it('gives each level of the figures the room of one line', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/staff/ratings', element: <RatingsPage /> }], {
      initialEntries: ['/staff/ratings'],
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
    const label = await screen.findByText('very dissatisfied', { selector: 'span' });
    expect(label.style.whiteSpace).toBe('nowrap');
    expect(Number.parseInt(label.style.width, 10)).toBeGreaterThanOrEqual(130);
  });
});
