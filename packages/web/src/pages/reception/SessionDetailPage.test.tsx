// @vitest-environment jsdom
// A reception day still to come: the server refuses who came and their concerns before the day
// (接待日尚未举行), so the page offers no check-in, walk-in or concern until then; on the day it does.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import SessionDetailPage from './SessionDetailPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const dayOf = (date: string) => ({
  session: {
    id: 's1',
    kind: 'enterprise',
    date,
    leaderName: '局长 王建平',
    sections: ['行政审批股'],
    location: '县生态环境局一楼接待室',
    note: null,
    version: 1,
  },
  bookings: [
    {
      id: 'b1',
      enterpriseId: 'e1',
      enterpriseName: '上栗县金花烟花制造有限公司',
      name: null,
      phone: '13800000000',
      people: ['张三'],
      peopleCount: 1,
      concern: '排污许可延续',
      status: 'booked',
      createdAt: '2026-12-01T02:00:00.000Z',
    },
  ],
  attendances: [],
  concerns: [],
});
let day = dayOf('2026-12-10');

beforeAll(() => {
  // 2026-12-08 09:00 in Shanghai
  vi.useFakeTimers({ now: new Date('2026-12-08T01:00:00Z'), toFake: ['Date'] });
  stubBrowser();
  stubApi({ id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null }, (url) =>
    url.startsWith('/api/reception/sessions/')
      ? jsonResponse(day)
      : jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
  );
});

afterEach(cleanup);
afterAll(() => vi.useRealTimers());

function renderPage() {
  renderInApp(
    [{ path: '/staff/reception/sessions/:id', element: <SessionDetailPage /> }],
    '/staff/reception/sessions/s1',
  );
}

describe('SessionDetailPage: recording who came', () => {
  it('is not offered before the day, and says from when it is', async () => {
    day = dayOf('2026-12-10');
    renderPage();
    expect((await screen.findAllByText('接待日当天起可登记到场人员和诉求')).length).toBe(2);
    expect(screen.queryByTestId('attendance-add')).toBeNull();
    expect(screen.queryByTestId('concern-add')).toBeNull();
    expect(screen.queryByRole('button', { name: '登记到场' })).toBeNull();
  });

  it('is offered on the day', async () => {
    day = dayOf('2026-12-08');
    renderPage();
    expect(await screen.findByTestId('attendance-add')).toBeTruthy();
    expect(screen.getByTestId('concern-add')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登记到场' })).toBeTruthy();
  });
});
