// @vitest-environment jsdom
// The header's bureau name at a window's width: whole where it fits, the short mark where the
// signed-in header (face, language, home link, user, logout) left it cut to "青山 · 萍乡…".
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { renderInApp, stubApi, type TestUser } from '../test-support/app.tsx';
import { stubMatchMedia } from '../test-support/jsdom.ts';
import { HeaderBar } from './HeaderBar.tsx';

configure({ asyncUtilTimeout: 10_000 });

const enterpriseUser: TestUser = {
  id: 'u1',
  username: 'qiye1',
  displayName: '上栗县金花烟花制造有限公司·环保专员',
  roles: ['enterprise'],
  enterpriseId: 'e1',
};

function stubSession(signedIn: boolean) {
  stubApi(signedIn ? enterpriseUser : null);
}

async function renderHeader(at = '/r') {
  renderInApp(
    ['/r', '/login'].map((path) => ({ path, element: <HeaderBar extra="企业用户" /> })),
    at,
  );
  return screen.findByRole('heading', { level: 1 });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('HeaderBar', () => {
  it('shows the short mark, with the full name as its title, to a signed-in user on a tablet', async () => {
    stubMatchMedia(768);
    stubSession(true);
    const h1 = await renderHeader();
    await screen.findByTestId('logout');
    expect(h1.textContent).toBe('青山');
    expect(h1.querySelector('span')?.getAttribute('title')).toBe('青山 · 萍乡市上栗生态环境局');
  });

  it("keeps the bureau's full name on a wide screen, and on a tablet with nobody signed in", async () => {
    stubMatchMedia(1280);
    stubSession(true);
    let h1 = await renderHeader();
    await screen.findByTestId('logout');
    expect(h1.textContent).toBe('青山 · 萍乡市上栗生态环境局');
    cleanup();

    stubMatchMedia(768);
    stubSession(false);
    h1 = await renderHeader();
    await screen.findByRole('link', { name: /登\s*录/ });
    expect(h1.textContent).toBe('青山 · 萍乡市上栗生态环境局');
  });

  it('offers no second 登录 button on the login page itself', async () => {
    stubMatchMedia(375);
    stubSession(false);
    await renderHeader('/login');
    await screen.findByTestId('lang-switch');
    expect(screen.queryByRole('link', { name: /登\s*录/ })).toBeNull();
  });
});
