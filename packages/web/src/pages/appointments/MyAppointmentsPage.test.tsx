// @vitest-environment jsdom
// 我的预约: 评价 was offered on every served booking, also one already rated or past its window,
// and the server then refused it. Now only where the server would take it; a rated one shows
// the rating given, a closed one says since when.
import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import MyAppointmentsPage from './MyAppointmentsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const FIRM = 'e4584cfc-edeb-4041-8eb1-dc6296dd60bb';
const QIYE = { id: 'u9', username: 'qiye1', displayName: '金花', roles: ['enterprise'], enterpriseId: FIRM };
const booking = (id: string, code: string, status: string) => ({
  id,
  code,
  serviceId: 's1',
  serviceName: '环评咨询窗口',
  location: '1 号窗口',
  slotId: `slot-${id}`,
  date: '2026-11-20',
  startTime: '09:00',
  endTime: '09:30',
  extended: false,
  applicantKind: 'enterprise',
  enterpriseId: FIRM,
  name: '刘厂长',
  phone: '13800000000',
  matter: '环评咨询',
  note: null,
  status,
  arrivedAt: null,
  servedAt: status === 'served' ? '2026-11-20T01:20:00.000Z' : null,
  cancelledAt: null,
  createdAt: '2026-11-18T01:00:00.000Z',
});
const A = 'a0000000-0000-4000-8000-000000000001';
const B = 'a0000000-0000-4000-8000-000000000002';
const C = 'a0000000-0000-4000-8000-000000000003';
const D = 'a0000000-0000-4000-8000-000000000004';

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('MyAppointmentsPage: rating', () => {
  it('offers 评价 only where the server would take it', async () => {
    stubApi(QIYE, (url) => {
      if (url.startsWith('/api/ratings/events?')) {
        // a booking not yet served is not asked about
        expect(new URLSearchParams(url.split('?')[1]).get('eventIds')?.split(',')).toEqual([A, B, C]);
        return jsonResponse({
          items: [
            { eventId: A, state: 'open', lastDay: '2026-12-20', rating: null },
            {
              eventId: B,
              state: 'rated',
              lastDay: null,
              rating: {
                id: 'r1',
                eventType: 'appointment',
                eventId: B,
                label: '预约',
                labelEn: null,
                level: 4,
                indicators: {},
                comment: null,
                raterKind: 'enterprise',
                enterpriseId: FIRM,
                createdAt: '2026-11-20T02:00:00.000Z',
                rectification: null,
              },
            },
            { eventId: C, state: 'closed', lastDay: '2026-11-01', rating: null },
          ],
        });
      }
      if (url.startsWith('/api/appointments'))
        return jsonResponse({
          items: [
            booking(A, 'YY-A', 'served'),
            booking(B, 'YY-B', 'served'),
            booking(C, 'YY-C', 'served'),
            booking(D, 'YY-D', 'booked'),
          ],
          total: 4,
          page: 1,
          pageSize: 20,
        });
      return undefined;
    });
    renderInApp([{ path: '/enterprise/appointments', element: <MyAppointmentsPage /> }], '/enterprise/appointments');
    const row = async (code: string) => (await screen.findByText(code)).closest('tr')!;
    expect(await within(await row('YY-A')).findByRole('button', { name: '评 价' })).toBeTruthy();
    expect(within(await row('YY-B')).getByRole('button', { name: '已评价：满意' })).toBeTruthy();
    expect(within(await row('YY-B')).queryByRole('button', { name: '评 价' })).toBeNull();
    expect(within(await row('YY-C')).getByText('评价期已于 2026-11-01 届满')).toBeTruthy();
    expect(within(await row('YY-C')).queryByRole('button', { name: '评 价' })).toBeNull();
    expect(within(await row('YY-D')).queryByRole('button', { name: '评 价' })).toBeNull();
  });
});
