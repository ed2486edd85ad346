// @vitest-environment jsdom
// 随机抽取 against a stubbed API: a plan is drawn once (the server refuses a second draw), so the
// plan select offers only plans not yet drawn, and a draw is sent only once the officer confirms it.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import type { Plan } from './api.ts';
import DrawsPage from './DrawsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const plan = (id: string, name: string, drawn: boolean): Plan => ({
  id,
  name,
  year: 2026,
  period: 'quarter',
  quarter: 4,
  ratios: { a: 0.25, b: 0.125, c: 0.05, special: 1 },
  inspectorsPerTarget: 2,
  avoidOwnTown: true,
  listedWeight: 0.5,
  ruleVersions: {},
  createdByName: '王局长',
  createdAt: '2026-10-08T02:00:00.000Z',
  drawn,
});

let draws: unknown[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'inspector', displayName: '执法', roles: ['inspector'], enterpriseId: null },
    async (url, init) => {
      if (url.startsWith('/api/inspection-plans'))
        return jsonResponse({
          items: [
            plan('p-drawn', '2026 年四季度双随机抽查计划', true),
            plan('p-new', '2027 年一季度双随机抽查计划', false),
          ],
          total: 2,
          page: 1,
          pageSize: 50,
        });
      if (url === '/api/inspection-draws' && init?.method === 'POST') {
        draws.push(JSON.parse(String(init.body)));
        return jsonResponse({ id: 'd1', seed: '0'.repeat(32), inputsHash: 'h', targets: [] }, 201);
      }
      if (url.startsWith('/api/inspection-draws')) return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  draws = [];
});

function renderPage() {
  renderInApp(
    [
      { path: '/staff/inspections', element: <DrawsPage /> },
      { path: '/staff/inspections/draws/:id', element: <p>draw page</p> },
    ],
    '/staff/inspections',
  );
}

describe('DrawsPage: a new draw', () => {
  it('offers only plans not yet drawn, and draws only after the officer confirms', async () => {
    renderPage();
    const select = await screen.findByRole('combobox', { name: '选择抽查计划' });
    await waitFor(() => expect(select.closest('.ant-select')?.className).not.toContain('loading'));
    fireEvent.mouseDown(select);
    expect(await screen.findByText('2027 年一季度双随机抽查计划')).toBeTruthy();
    expect(screen.queryByText('2026 年四季度双随机抽查计划')).toBeNull();
    fireEvent.click(screen.getByText('2027 年一季度双随机抽查计划'));
    fireEvent.click(screen.getByTestId('draw-new'));
    expect(await screen.findByText('抽取结果立即记录，同一计划不能再次抽取。确认抽取？')).toBeTruthy();
    expect(draws).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(draws).toEqual([{ planId: 'p-new' }]));
  });
});
