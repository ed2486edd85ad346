// @vitest-environment jsdom
// The header's bureau name at a window's width: whole where it fits, the short mark where the
// signed-in header (face, language, home link, user, logout) left it cut to "青山 · 萍乡…".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { AuthProvider } from '../auth/auth.tsx';
import { FeedbackProvider } from '../components/feedback.tsx';
import { jsonResponse } from '../test-support/app.tsx';
import { HeaderBar } from './HeaderBar.tsx';

configure({ asyncUtilTimeout: 10_000 });

/** matchMedia answering antd's min-width / max-width queries as a window `width` px wide would. */
function stubWidth(width: number) {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

function stubSession(signedIn: boolean) {
  vi.stubGlobal('fetch', async (input: string) => {
    if (String(input).startsWith('/api/auth/session'))
      return jsonResponse({
        session: signedIn
          ? {
              csrfToken: 't',
              user: {
                id: 'u1',
                username: 'qiye1',
                displayName: '上栗县金花烟花制造有限公司·环保专员',
                roles: ['enterprise'],
                enterpriseId: 'e1',
              },
            }
          : null,
      });
    return new Response('{}', { status: 404 });
  });
}

async function renderHeader(at = '/r') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    ['/r', '/login'].map((path) => ({ path, element: <HeaderBar extra="企业用户" /> })),
    { initialEntries: [at] },
  );
  render(
    <QueryClientProvider client={qc}>
      <AuthProvider>
        <FeedbackProvider>
          <RouterProvider router={router} />
        </FeedbackProvider>
      </AuthProvider>
    </QueryClientProvider>,
  );
  return screen.findByRole('heading', { level: 1 });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HeaderBar', () => {
  it('shows the short mark, with the full name as its title, to a signed-in user on a tablet', async () => {
    stubWidth(768);
    stubSession(true);
    const h1 = await renderHeader();
    await screen.findByTestId('logout');
    expect(h1.textContent).toBe('青山');
    expect(h1.querySelector('span')?.getAttribute('title')).toBe('青山 · 萍乡市上栗生态环境局');
  });

  it("keeps the bureau's full name on a wide screen, and on a tablet with nobody signed in", async () => {
    stubWidth(1280);
    stubSession(true);
    let h1 = await renderHeader();
    await screen.findByTestId('logout');
    expect(h1.textContent).toBe('青山 · 萍乡市上栗生态环境局');
    cleanup();

    stubWidth(768);
    stubSession(false);
    h1 = await renderHeader();
    await screen.findByRole('link', { name: /登\s*录/ });
    expect(h1.textContent).toBe('青山 · 萍乡市上栗生态环境局');
  });

  it('offers no second 登录 button on the login page itself', async () => {
    stubWidth(375);
    stubSession(false);
    await renderHeader('/login');
    await screen.findByTestId('lang-switch');
    expect(screen.queryByRole('link', { name: /登\s*录/ })).toBeNull();
  });
});
