// What the page tests share: the browser APIs antd needs that jsdom lacks, the API's JSON answers,
// and a page rendered inside the providers the app gives it (query cache, session, feedback, router).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { AuthProvider } from '../auth/auth.tsx';
import { FeedbackProvider } from '../components/feedback.tsx';
import { stubMatchMedia } from './jsdom.ts';

/** matchMedia and ResizeObserver, which antd's responsive parts and tables ask for. */
export function stubBrowser(): void {
  stubMatchMedia();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}

/** An API answer as the server sends it. */
export const jsonResponse = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** `routes` rendered at `at` inside the app's providers, with queries that do not retry. */
export function renderInApp(routes: RouteObject[], at: string): void {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  render(
    <QueryClientProvider client={qc}>
      <AuthProvider>
        <FeedbackProvider>
          <RouterProvider router={router} />
        </FeedbackProvider>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

/** The signed-in user a page test's session answers with. */
export type TestUser = {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  enterpriseId: string | null;
  enterpriseName?: string | null;
};

/**
 * The API as a page test stubs it: the session signs in `user` (null: nobody is signed in); every
 * other request goes to `answer`, and whatever that leaves unanswered is a 404.
 */
export function stubApi(
  user: TestUser | null,
  answer: (url: string, init?: RequestInit) => Response | undefined | Promise<Response | undefined> = () => undefined,
): void {
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/auth/session')) return jsonResponse({ session: user ? { csrfToken: 't', user } : null });
    return (await answer(url, init)) ?? new Response('{}', { status: 404 });
  });
}
