// @vitest-environment jsdom
// The console's frame and menu take their heights from antd-shell.css (100dvh where the browser
// knows it), not from an inline 100vh, which on a phone with its URL bar out is taller than what
// shows and hid the menu's last entries under the bar.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import { renderInApp, stubApi } from '../test-support/app.tsx';
import { stubMatchMedia } from '../test-support/jsdom.ts';
import ConsoleLayout from './ConsoleLayout.tsx';

configure({ asyncUtilTimeout: 10_000 });

function stubResize() {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
}

async function renderConsole(width: number) {
  stubMatchMedia(width);
  stubResize();
  stubApi({ id: 'u1', username: 'admin', displayName: '系统管理员', roles: ['admin'], enterpriseId: null });
  renderInApp(
    [{ path: '/staff', element: <ConsoleLayout face="staff" />, children: [{ index: true, element: <p>page</p> }] }],
    '/staff',
  );
  return screen.findByRole('navigation');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ConsoleLayout: heights that fit what the window shows', () => {
  it('beside the page: the menu and the frame take their heights from the sheet, none inline in vh', async () => {
    const nav = await renderConsole(1366);
    expect(nav.className).toBe('qs-console-nav');
    expect(nav.getAttribute('style') ?? '').not.toMatch(/vh/);
    expect(nav.closest('.qs-full-height')).not.toBeNull();
    expect(document.querySelector('[style*="vh"]')).toBeNull();
  });

  it('on a phone, the open menu over the page takes the phone height (no collapse button under it)', async () => {
    const nav = await renderConsole(375);
    screen.getByTestId('menu-toggle').click();
    await screen.findByTestId('menu-backdrop');
    expect(nav.classList.contains('qs-console-nav-phone')).toBe(true);
    expect(document.querySelector('[style*="vh"]')).toBeNull();
  });
});
