// @vitest-environment jsdom
// Removing a firm from the positive list against a stubbed API: offered only while the listing is
// in force (an expired one ended by itself, and the server refuses it), and sent only once the
// officer confirms, since a removal leaves the public list at once and cannot be undone.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import type { EntryDetail } from './api.ts';
import PositiveListDetailPage from './PositiveListDetailPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const BASE: EntryDetail = {
  id: 'l1',
  enterpriseId: 'e1',
  enterpriseName: '上栗县塘下生猪养殖场',
  townCode: '360322102',
  townName: '桐木镇',
  category: 'livelihood-supply',
  categoryLabel: '保障疫情防控物资和民生的生产企业',
  categorySource: '生态环境部《关于落实监督执法正面清单相关工作的通知》（2020 年 4 月）',
  categorySourceEn: 'Ministry of Ecology and Environment, Notice on Implementing the Positive List (April 2020)',
  state: 'valid',
  decidedOn: '2026-11-18',
  validUntil: '2029-11-17',
  decidedByName: '执法·李强',
  removedAt: null,
  removalReason: null,
  removedByName: null,
  checks: [],
  reason: '规模养殖场，承担保供任务',
  proposals: [],
} as unknown as EntryDetail;

let current: EntryDetail = BASE;
let removals: unknown[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'inspector', displayName: '执法', roles: ['inspector'], enterpriseId: null },
    async (url, init) => {
      if (url === '/api/positive-list/l1/removal' && init?.method === 'POST') {
        removals.push(JSON.parse(String(init.body)));
        return jsonResponse({ ...current, state: 'removed' });
      }
      if (url.startsWith('/api/positive-list/l1')) return jsonResponse(current);
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  removals = [];
});

function renderPage(e: EntryDetail) {
  current = e;
  renderInApp([{ path: '/staff/positive-list/:id', element: <PositiveListDetailPage /> }], '/staff/positive-list/l1');
}

describe('PositiveListDetailPage: removal', () => {
  it('is not offered on an expired listing', async () => {
    renderPage({ ...BASE, state: 'expired', decidedOn: '2020-05-20', validUntil: '2023-05-19' });
    expect(await screen.findByText('规模养殖场，承担保供任务')).toBeTruthy();
    expect(screen.queryByTestId('positive-list-remove')).toBeNull();
  });

  it('is sent only after the officer confirms it', async () => {
    renderPage(BASE);
    const button = await screen.findByTestId('positive-list-remove');
    fireEvent.change(screen.getByLabelText('移出理由'), { target: { value: '发生突发环境事件' } });
    fireEvent.click(button);
    expect(
      await screen.findByText('确认将上栗县塘下生猪养殖场移出正面清单？移出后即在公开清单中撤下，不能撤回。'),
    ).toBeTruthy();
    expect(removals).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(removals).toEqual([{ reason: '发生突发环境事件' }]));
  });
});
