// @vitest-environment jsdom
// 登记上门服务 sent empty: each missing list (服务企业, 服务内容) is named once, not twice
// ("请输入服务企业" and again "最少1个服务企业").
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { AuthProvider } from '../../auth/auth.tsx';
import { FeedbackProvider } from '../../components/feedback.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import VisitFormPage from './VisitFormPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const posted: string[] = [];

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
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (init?.method === 'POST') posted.push(url);
    if (url.startsWith('/api/auth/session'))
      return json({
        session: {
          csrfToken: 't',
          user: { id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null },
        },
      });
    return json({ items: [], total: 0, page: 1, pageSize: 200 });
  });
});

afterEach(cleanup);

describe('VisitFormPage: an empty record', () => {
  it('names each missing list once and sends nothing', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/staff/visits/new', element: <VisitFormPage /> }], {
      initialEntries: ['/staff/visits/new'],
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
    fireEvent.click(await screen.findByRole('button', { name: /保\s*存/ }));
    const errorsOf = (label: string) =>
      [
        ...(screen.getByText(label).closest('.ant-form-item')?.querySelectorAll('.ant-form-item-explain-error') ?? []),
      ].map((e) => e.textContent);
    await waitFor(() => expect(errorsOf('服务企业').length).toBeGreaterThan(0));
    expect(errorsOf('服务企业')).toHaveLength(1);
    expect(errorsOf('服务内容')).toHaveLength(1);
    expect(posted).toEqual([]);
  });
});
