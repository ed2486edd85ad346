// @vitest-environment jsdom
// 好差评 in English: each level of the figures stays on one line beside its bar ("very
// dissatisfied" broke into two lines in the 90 px the Chinese words need). 差评按期整改率 is
// counted over the bad ratings whose verdict is in: one still within its due date is not late yet.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import RatingsPage, { periodOf } from './RatingsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const LEADER = { id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null };

/** The summary as the server counts it; every list is empty. */
function stubSummary(counts: { bad: number; due: number; rectifiedOnTime: number }) {
  stubApi(LEADER, (url) => {
    if (url.startsWith('/api/ratings/summary'))
      return jsonResponse({
        distribution: [5, 4, 3, 2, 1].map((level) => ({ level, count: 6 - level })),
        ...counts,
        eventTypes: ['appointment', 'petition'],
      });
    if (url.startsWith('/api/ratings')) return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
    return undefined;
  });
}

beforeAll(() => stubBrowser());
afterEach(() => cleanup());
afterAll(async () => {
  await setLanguage('zh-CN');
});

describe('RatingsPage in English', () => {
  beforeAll(async () => {
    await setLanguage('en');
  });

  it('gives each level of the figures the room of one line', async () => {
    stubSummary({ bad: 3, due: 3, rectifiedOnTime: 2 });
    renderInApp([{ path: '/staff/ratings', element: <RatingsPage /> }], '/staff/ratings');
    const label = await screen.findByText('very dissatisfied', { selector: 'span' });
    expect(label.style.whiteSpace).toBe('nowrap');
    expect(Number.parseInt(label.style.width, 10)).toBeGreaterThanOrEqual(130);
  });
});

describe('差评按期整改率', () => {
  beforeAll(async () => {
    await setLanguage('zh-CN');
  });

  it('leaves out the bad rating still within its due date: 7 of 8, not 7 of 9', async () => {
    stubSummary({ bad: 9, due: 8, rectifiedOnTime: 7 });
    renderInApp([{ path: '/staff/ratings', element: <RatingsPage /> }], '/staff/ratings');
    const note = await screen.findByTestId('pending-rectifications');
    expect(note.textContent).toBe('另有 1 个差评尚在整改期限内，未计入整改率（按 8 个计算）');
    const share = screen.getByTestId('on-time-share-title').closest('.ant-statistic')!;
    expect(share.textContent).toContain('87.5');
    expect(share.textContent).not.toContain('77.8');
  });

  it('says no share while every bad rating is still within its due date, rather than 0 %', async () => {
    stubSummary({ bad: 1, due: 0, rectifiedOnTime: 0 });
    renderInApp([{ path: '/staff/ratings', element: <RatingsPage /> }], '/staff/ratings');
    await screen.findByTestId('pending-rectifications');
    const share = screen.getByTestId('on-time-share-title').closest('.ant-statistic')!;
    expect(share.textContent).not.toContain('%');
  });
});

describe('the default period', () => {
  it('ends on today in Beijing, whatever the browser’s zone', () => {
    // 2026-12-07 20:30 UTC is 2026-12-08 04:30 in Beijing: a rating given at 04:00 is today's
    expect(periodOf({}, '2026-12-08')).toEqual(['2026-01-01', '2026-12-08']);
    expect(periodOf({ from: '2026-03-01', to: '2026-03-31' }, '2026-12-08')).toEqual(['2026-03-01', '2026-03-31']);
  });

  it('asks the summary for the Beijing day, not the browser’s UTC day', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T20:30:00Z'), toFake: ['Date'] });
    const asked: string[] = [];
    stubApi(LEADER, (url) => {
      asked.push(url);
      return url.startsWith('/api/ratings/summary')
        ? jsonResponse({ distribution: [], bad: 0, due: 0, rectifiedOnTime: 0, eventTypes: [] })
        : jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
    });
    try {
      renderInApp([{ path: '/staff/ratings', element: <RatingsPage /> }], '/staff/ratings');
      await screen.findByTestId('on-time-share-title');
      const summary = new URL(asked.find((u) => u.startsWith('/api/ratings/summary'))!, 'http://x');
      expect(summary.searchParams.get('to')).toBe('2026-12-08T15:59:59.999Z');
    } finally {
      vi.useRealTimers();
    }
  });
});
