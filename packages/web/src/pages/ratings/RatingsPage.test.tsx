// @vitest-environment jsdom
// 好差评 in English: each level of the figures stays on one line beside its bar ("very
// dissatisfied" broke into two lines in the 90 px the Chinese words need).
import { cleanup, configure, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n.ts';
import { jsonResponse, renderInApp, stubBrowser } from '../../test-support/app.tsx';
import RatingsPage from './RatingsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

beforeAll(async () => {
  await setLanguage('en');
  stubBrowser();
  vi.stubGlobal('fetch', async (input: string) => {
    const url = String(input);
    if (url.startsWith('/api/auth/session'))
      return jsonResponse({
        session: {
          csrfToken: 't',
          user: { id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null },
        },
      });
    if (url.startsWith('/api/ratings/summary'))
      return jsonResponse({
        distribution: [5, 4, 3, 2, 1].map((level) => ({ level, count: 6 - level })),
        bad: 3,
        rectifiedOnTime: 2,
        eventTypes: ['appointment', 'petition'],
      });
    return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
  });
});

afterAll(async () => {
  cleanup();
  await setLanguage('zh-CN');
});

describe('RatingsPage in English', () => {
  it('gives each level of the figures the room of one line', async () => {
    renderInApp([{ path: '/staff/ratings', element: <RatingsPage /> }], '/staff/ratings');
    const label = await screen.findByText('very dissatisfied', { selector: 'span' });
    expect(label.style.whiteSpace).toBe('nowrap');
    expect(Number.parseInt(label.style.width, 10)).toBeGreaterThanOrEqual(130);
  });
});
