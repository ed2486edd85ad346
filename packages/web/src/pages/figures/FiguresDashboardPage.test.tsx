// @vitest-environment jsdom
// The dashboard's rates say what they divide: bad ratings rectified on time over those rectified or
// past their deadline (one still within it is on neither side), petitions on time over those with a
// handling limit.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import FiguresDashboardPage from './FiguresDashboardPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

// ECharts draws on a canvas jsdom does not have; the charts are not what this test reads
vi.mock('./Charts.tsx', () => ({ TrendChart: () => null, DistributionChart: () => null }));

const figure = (key: string, value: number) => ({
  key,
  group: null,
  value,
  label: { zh: key, en: key },
  unit: { zh: '个', en: '' },
  definition: { zh: '定义', en: 'definition' },
  source: '来源',
  sourceEn: 'source',
});

const VALUES = { badRatings: 9, badRatingsDue: 8, badRatingsRectifiedOnTime: 7 };

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('FiguresDashboardPage', () => {
  it('divides bad ratings rectified on time by those due, leaving out one still within its deadline', async () => {
    stubBrowser();
    stubApi({ id: 'u1', username: 'leader', displayName: '局长', roles: ['leader'], enterpriseId: null }, (url) =>
      url.startsWith('/api/figures?') || url === '/api/figures'
        ? jsonResponse({
            from: '2026-01-01',
            to: '2026-12-31',
            articlePeriod: { from: '2020-01-01', to: '2020-12-31' },
            values: VALUES,
            figures: Object.entries(VALUES).map(([k, v]) => figure(k, v)),
            monthly: [],
          })
        : undefined,
    );
    renderInApp([{ path: '/', element: <FiguresDashboardPage /> }], '/?period=this-year');
    const rate = await screen.findByTestId('bad-ratings-rectified-rate');
    expect(rate.textContent).toBe('按期整改率 87.5%（7 ÷ 8，不含尚在整改期限内的差评）');
    expect(screen.getByTestId('figure-badRatingsDue')).toBeTruthy();
  });
});
