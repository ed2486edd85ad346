// @vitest-environment jsdom
// The enterprise's permit card against a stubbed API: the days left are the permit's to its expiry,
// shown with the validity, never beside the renewal's apply-by date (which had passed: "剩 45 天"
// there read as 45 days left to apply).
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import MyPermitsPage from './MyPermitsPage.tsx';
import { TEST_PERMIT } from './test-permit.ts';

configure({ asyncUtilTimeout: 10_000 });

const PERMIT = TEST_PERMIT;

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'qiye1', displayName: '环保专员', roles: ['enterprise'], enterpriseId: 'e1' },
    async (url) => {
      if (url.startsWith('/api/permit-obligations'))
        return jsonResponse({ items: [], total: 0, page: 1, pageSize: 50 });
      if (url.startsWith('/api/permits/p1')) return jsonResponse({ ...PERMIT, obligations: [] });
      if (url.startsWith('/api/permits')) return jsonResponse({ items: [PERMIT], total: 1, page: 1, pageSize: 50 });
      return undefined;
    },
  );
});

afterEach(cleanup);

describe('MyPermitsPage', () => {
  it('shows the days to expiry with the validity, and the apply-by date alone', async () => {
    renderInApp([{ path: '/r', element: <MyPermitsPage /> }], '/r');
    const days = await screen.findByText('距有效期届满 45 天');
    expect(days.closest('.ant-descriptions-item-content')?.textContent).toContain('2022-01-23 — 2027-01-22');
    const applyBy = screen.getByText('2026-11-23');
    expect(applyBy.closest('.ant-descriptions-item-content')?.textContent).toBe('2026-11-23');
  });

  it("on a phone, the citation takes the one column's line, without antd's span warning", async () => {
    const errors = vi.spyOn(console, 'error');
    stubMatchMedia(375);
    try {
      renderInApp([{ path: '/r', element: <MyPermitsPage /> }], '/r');
      const cite = await screen.findByText('第51项');
      expect(cite.closest('td')?.getAttribute('colspan') ?? '1').toBe('1');
      expect(
        errors.mock.calls
          .flat()
          .map(String)
          .filter((m) => /Sum of column/.test(m)),
      ).toEqual([]);
    } finally {
      errors.mockRestore();
      stubMatchMedia();
    }
  });
});
