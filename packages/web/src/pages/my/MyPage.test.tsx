// @vitest-environment jsdom
// 我的 → 进度: the link opens her own petition by id, so a signed-in citizen is not asked for her
// phone again (TrackPetitionPage reads it from her account); the code stays for the fallback form.
// Her bookings offer a change only while one can be made, and her disclosure requests have a tab.
import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import MyPage from './MyPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const CITIZEN = { id: 'c1', username: 'qunzhong', displayName: '张群众', roles: ['citizen'], enterpriseId: null };
const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('MyPage: 我的信访', () => {
  it('links 进度 to her own petition by id', async () => {
    stubApi(CITIZEN, (url) =>
      url.startsWith('/api/petitions')
        ? jsonResponse({
            items: [
              {
                id: ID,
                code: 'XFW5ABCDEF12',
                title: '上栗镇居民楼下餐馆油烟直排',
                status: 'replied',
                receivedAt: '2026-10-28T01:30:00.000Z',
                resolutionDueDate: '2026-12-29',
              },
            ],
            total: 1,
            page: 1,
            pageSize: 50,
          })
        : undefined,
    );
    renderInApp([{ path: '/my', element: <MyPage /> }], '/my?tab=petitions');
    const link = await screen.findByRole('link', { name: '办理进度' });
    expect(link.getAttribute('href')).toBe(`/petitions/track?id=${ID}&code=XFW5ABCDEF12`);
  });
});

const page = <T,>(items: T[]) => jsonResponse({ items, total: items.length, page: 1, pageSize: 50 });
const booking = (id: string, code: string, status: string) => ({
  id,
  code,
  serviceId: 's1',
  serviceName: '环评审批窗口',
  location: '政务服务中心 2 楼 12 号窗口',
  slotId: `slot-${id}`,
  date: '2026-12-10',
  startTime: '09:00',
  endTime: '09:30',
  extended: false,
  applicantKind: 'citizen',
  enterpriseId: null,
  name: '张群众',
  phone: '139****0001',
  matter: '建设项目环境影响登记表备案',
  note: null,
  status,
  arrivedAt: null,
  servedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-01T02:00:00.000Z',
});

describe('MyPage: 我的预约', () => {
  const render = () => {
    stubApi(CITIZEN, (url) => {
      if (url.startsWith('/api/appointments'))
        return page([booking('b1', 'YY5SERVED001', 'served'), booking('b2', 'YY5BOOKED002', 'booked')]);
      if (url.startsWith('/api/reception/my-bookings'))
        return jsonResponse({
          items: [
            {
              id: 'r1',
              sessionId: 'x1',
              sessionDate: '2026-12-18',
              sessionKind: 'public',
              peopleCount: 1,
              people: [],
              concern: '村口砂石场扬尘',
              status: 'booked',
            },
          ],
        });
      return undefined;
    });
    renderInApp([{ path: '/my', element: <MyPage /> }], '/my?tab=bookings');
  };

  it('offers 改约 only for a booking still open, and reads each list as a list', async () => {
    render();
    const windows = await screen.findByTestId('my-appointments');
    // the server moves or cancels only a booking still 已预约; a served one is there to read and rate
    const lines = within(within(windows).getByRole('list')).getAllByRole('listitem');
    expect(lines.map((l) => within(l).getByRole('link').textContent)).toEqual(['查看', '查看 / 改约']);
    expect(within(lines[0]!).getByRole('link').getAttribute('href')).toBe('/appointments/lookup?code=YY5SERVED001');
  });

  it('counts one person in English as one, and starts a status tag with a capital', async () => {
    await i18n.changeLanguage('en');
    try {
      render();
      const reception = await screen.findByTestId('my-reception-bookings');
      expect(reception.textContent).toContain('1 person · 村口砂石场扬尘');
      expect(reception.textContent).not.toContain('1 people');
      const tags = [...screen.getByTestId('my-appointments').querySelectorAll('.ant-tag')].map((t) => t.textContent);
      expect(tags).toEqual(['Served', 'Booked']);
    } finally {
      await i18n.changeLanguage('zh-CN');
    }
  });
});

describe('MyPage: 我的信息公开申请', () => {
  it('lists her own requests, each opening its look-up with the code filled in', async () => {
    const asked: string[] = [];
    stubApi(CITIZEN, (url) => {
      if (!url.startsWith('/api/disclosure-requests')) return undefined;
      asked.push(url);
      return page([
        {
          id: 'd1',
          code: 'GK5ABCDEFGH1',
          applicantType: 'natural-person',
          applicantName: '张群众',
          applicantIdNo: '3603**********0012',
          phone: '139****0001',
          description: '2026 年上栗镇集中式饮用水水源地水质监测报告',
          delivery: 'email',
          status: 'received',
          receivedAt: '2026-12-01T02:00:00.000Z',
          dueDate: '2026-12-22',
          extensionDays: 0,
          extensionRequest: null,
          consulting: null,
          outcome: null,
          outcomeLabel: null,
          outcomeSource: null,
          clause: null,
          clauseLabel: null,
          clauseSource: null,
          answer: null,
          answeredAt: null,
          answeredOnTime: null,
          version: 1,
        },
      ]);
    });
    renderInApp([{ path: '/my', element: <MyPage /> }], '/my?tab=disclosure');
    const list = await screen.findByTestId('my-disclosure');
    expect(screen.getByRole('tab', { name: '信息公开申请', selected: true })).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(list.textContent).toContain('2026 年上栗镇集中式饮用水水源地水质监测报告');
    expect(list.textContent).toContain('办理中');
    expect(list.textContent).toContain('办理期限 2026-12-22');
    const link = within(list).getByRole('link', { name: '办理进度' });
    expect(link.getAttribute('href')).toBe('/disclosure/track?code=GK5ABCDEFGH1');
    expect(asked[0]).toContain('sort=-receivedAt');
  });
});
