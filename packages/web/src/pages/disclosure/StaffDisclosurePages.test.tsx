// @vitest-environment jsdom
// The disclosure desk with requests on it: the inbox keeps every column readable at 1366 px (the
// description, laid out by its text, once took the row), and a request's answer clock reads in
// English when the page does (its title is stored in Chinese).
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import type { DisclosureDetail, DisclosureView } from './api.ts';
import StaffDisclosureDetailPage from './StaffDisclosureDetailPage.tsx';
import StaffDisclosureListPage from './StaffDisclosureListPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const REQUEST: DisclosureView = {
  id: 'r1',
  code: 'GKKW74GV7GKL',
  applicantType: 'research',
  applicantName: '萍乡学院资源与环境研究所',
  applicantIdNo: '12360300MB1766044W',
  phone: '13979920134',
  description:
    '请求公开2021年至2025年上栗县花炮企业危险废物（废药、废引线）产生量及转移联单汇总数据，用于花炮行业固体废物管理研究',
  delivery: 'email',
  status: 'received',
  receivedAt: '2026-11-04T06:10:00.000Z',
  dueDate: '2026-12-23',
  extensionDays: 15,
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
  version: 3,
};

const DETAIL: DisclosureDetail = {
  ...REQUEST,
  events: [],
  clocks: [
    {
      id: 'c1',
      ownerType: 'disclosure',
      ownerId: 'r1',
      profileKey: 'disclosure.answer',
      ruleVersion: 1,
      profile: { key: 'disclosure.answer', length: 20, unit: 'working', warnBefore: 4 },
      binds: 'bureau',
      title: '政府信息公开申请答复：萍乡学院资源与环境研究所',
      link: '/staff/disclosure/r1',
      start: '2026-11-04T06:10:00.000Z',
      dueDate: '2026-12-23',
      provisional: false,
      remaining: 11,
      state: 'running',
      pausedDays: 0,
      pauses: [],
      extensions: [{ days: 15, approvedBy: '王局长', reason: '数据跨五个年度', at: '2026-12-01T01:30:00.000Z' }],
      completedAt: null,
      assigneeUserId: null,
      assigneeRole: 'clerk',
      enterpriseId: null,
      owned: true,
    },
  ],
} as DisclosureDetail;

beforeAll(() => {
  stubBrowser();
  // antd measures the scrollbar of a fixed-width table through a pseudo-element, which jsdom lacks
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
  stubApi({ id: 'u1', username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'], enterpriseId: null }, (url) => {
    if (url.startsWith('/api/disclosure-requests/r1/appeals')) return jsonResponse([]);
    if (url.startsWith('/api/disclosure-requests/r1')) return jsonResponse(DETAIL);
    if (url.startsWith('/api/disclosure-requests'))
      return jsonResponse({ items: [REQUEST], total: 1, page: 1, pageSize: 20 });
    return undefined;
  });
});
afterEach(async () => {
  cleanup();
  stubMatchMedia();
  await i18n.changeLanguage('zh-CN');
});

describe('StaffDisclosureListPage', () => {
  it('lays the inbox out in fixed columns and keeps the description to one line, whole on hover', async () => {
    renderInApp([{ path: '/staff/disclosure', element: <StaffDisclosureListPage /> }], '/staff/disclosure');
    const description = await screen.findByTestId('disclosure-description');
    expect(description.textContent).toBe(REQUEST.description);
    expect(description.closest('td')!.className).toContain('ant-table-cell-ellipsis');
    const table = screen.getByTestId('disclosure-table').querySelector('table')!;
    expect(table.style.tableLayout).toBe('fixed');
    // a width of its own, not the width of its longest text
    expect(table.style.width).not.toBe('max-content');
    const widths = [...table.querySelectorAll('colgroup col')].map((c) => (c as HTMLElement).style.width);
    // every column but the description's
    expect(widths.filter(Boolean)).toHaveLength(5);
  });
});

describe('StaffDisclosureDetailPage', () => {
  it('gives the answer clock its English title in English', async () => {
    await i18n.changeLanguage('en');
    renderInApp([{ path: '/staff/disclosure/:id', element: <StaffDisclosureDetailPage /> }], '/staff/disclosure/r1');
    expect(await screen.findByText('Disclosure request: answer: 萍乡学院资源与环境研究所')).toBeTruthy();
    expect(screen.queryByText(/政府信息公开申请答复/)).toBeNull();
  });

  it('checks the answer before asking to confirm it: no confirmation over an empty answer', async () => {
    renderInApp([{ path: '/staff/disclosure/:id', element: <StaffDisclosureDetailPage /> }], '/staff/disclosure/r1');
    const step =
      (await screen.findByTestId('disclosure-action')).querySelector('.ant-select-selector') ??
      screen.getByTestId('disclosure-action');
    fireEvent.mouseDown(step);
    fireEvent.click(await screen.findByText('作出答复'));
    // the answer's own fields and button come with the next render: click that button, not the one before it
    await screen.findByTestId('disclosure-outcome');
    fireEvent.click(await screen.findByTestId('disclosure-act'));
    await waitFor(() => expect(document.querySelectorAll('.ant-form-item-explain-error').length).toBeGreaterThan(0));
    expect(document.querySelector('.ant-popconfirm')).toBeNull();
  });

  it('lists each clock as a card on a phone, the state and remaining days in view', async () => {
    stubMatchMedia(390);
    renderInApp([{ path: '/staff/disclosure/:id', element: <StaffDisclosureDetailPage /> }], '/staff/disclosure/r1');
    const clocks = await screen.findByTestId('disclosure-clocks');
    expect(clocks.querySelector('table.ant-table')).toBeNull();
    expect(clocks.textContent).toContain('政府信息公开申请答复：萍乡学院资源与环境研究所');
    expect(clocks.textContent).toContain('已延期');
  });
});
