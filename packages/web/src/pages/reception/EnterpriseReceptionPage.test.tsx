// @vitest-environment jsdom
// 好差评 of a reception-day concern: the enterprise that raised it rates it once the matter is over
// (resolved, or answered as not for the bureau); one still followed up says it can be rated once
// finished. The server decides each state; the page shows what it said.
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import EnterpriseReceptionPage from './EnterpriseReceptionPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const FIRM = 'e4584cfc-edeb-4041-8eb1-dc6296dd60bb';
const QIYE = { id: 'u9', username: 'qiye1', displayName: '金花', roles: ['enterprise'], enterpriseId: FIRM };
const concern = (id: string, description: string, status: string) => ({
  id,
  sessionId: 's1',
  sessionDate: '2026-11-20',
  sessionKind: 'enterprise',
  enterpriseId: FIRM,
  enterpriseName: '上栗县金花烟花制造有限公司',
  raisedBy: '刘厂长',
  category: 'waste-gas-facility',
  description,
  answer: '安排现场核查',
  accepted: true,
  answeredAt: '2026-11-20T03:00:00.000Z',
  followUpUserId: null,
  followUpName: null,
  dueDate: '2026-12-11',
  clockId: null,
  status,
  resolution: status === 'resolved' ? '已核查合格' : null,
  resolvedAt: status === 'resolved' ? '2026-11-27T03:00:00.000Z' : null,
  petitionId: null,
  published: false,
  caseTitle: null,
  version: 3,
});
const RESOLVED = 'c0000000-0000-4000-8000-000000000001';
const OPEN = 'c0000000-0000-4000-8000-000000000002';
const rule = (value: number) => ({ current: { value } });

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('EnterpriseReceptionPage: rating a concern', () => {
  it('offers 评价 on the resolved concern, says the open one can wait, and posts the rating', async () => {
    const posted: unknown[] = [];
    stubApi(QIYE, (url, init) => {
      if (url === '/api/ratings' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return jsonResponse({}, 201);
      }
      if (url.startsWith('/api/ratings/events?')) {
        const q = new URLSearchParams(url.split('?')[1]);
        expect(q.get('eventType')).toBe('reception-concern');
        expect(q.get('eventIds')?.split(',')).toEqual([RESOLVED, OPEN]);
        return jsonResponse({
          items: [
            { eventId: RESOLVED, state: 'open', lastDay: '2026-12-27', rating: null },
            { eventId: OPEN, state: 'not-yet', lastDay: null, rating: null },
          ],
        });
      }
      if (url.startsWith('/api/reception/concerns'))
        return jsonResponse({
          items: [concern(RESOLVED, '除尘设施如何验收', 'resolved'), concern(OPEN, '危废暂存间怎么建', 'open')],
          total: 2,
          page: 1,
          pageSize: 50,
        });
      if (url.startsWith('/api/reception/sessions'))
        return jsonResponse({ items: [], total: 0, page: 1, pageSize: 12 });
      if (url.startsWith('/api/reception/my-bookings')) return jsonResponse({ items: [] });
      if (url.startsWith('/api/rules/reception.max-enterprises')) return jsonResponse(rule(10));
      if (url.startsWith('/api/rules/reception.max-people')) return jsonResponse(rule(3));
      return undefined;
    });
    renderInApp([{ path: '/enterprise/reception', element: <EnterpriseReceptionPage /> }], '/enterprise/reception');
    const resolvedRow = (await screen.findByText('除尘设施如何验收')).closest('tr')!;
    const openRow = screen.getByText('危废暂存间怎么建').closest('tr')!;
    expect(await within(resolvedRow).findByText('2026-12-27 前可评价')).toBeTruthy();
    expect(within(openRow).getByText('办结后可评价')).toBeTruthy();
    expect(within(openRow).queryByRole('button', { name: '评 价' })).toBeNull();

    fireEvent.click(within(resolvedRow).getByRole('button', { name: '评 价' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getAllByRole('radio')[4]!);
    fireEvent.click(within(dialog).getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ eventType: 'reception-concern', eventId: RESOLVED, level: 5 });
  });
});
