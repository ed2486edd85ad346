// @vitest-environment jsdom
// The working-day calendar read in English: a year's holidays by their English names and its make-up
// working days after the festivals they serve (the notices name those in Chinese only).
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import CalendarYearsPage from './CalendarYearsPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const YEAR = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）',
  holidays: [{ name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival', dates: ['2026-10-01'] }],
  makeupWorkdays: [{ name: '国庆节、中秋节调休上班', date: '2026-09-27' }],
  shipped: true,
  provisional: false,
  version: 1,
  reason: null,
  createdAt: null,
};

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

async function openYear(lang: 'zh-CN' | 'en') {
  stubBrowser();
  await i18n.changeLanguage(lang);
  stubApi({ id: 'u1', username: 'admin', displayName: '管理员', roles: ['admin'], enterpriseId: null }, (url) =>
    url.startsWith('/api/calendar/years') && !url.includes('/versions')
      ? jsonResponse({ items: [YEAR], total: 1, page: 1, pageSize: 50 })
      : undefined,
  );
  renderInApp([{ path: '/', element: <CalendarYearsPage /> }], '/');
  fireEvent.click(await screen.findByRole('button', { name: /expand|展开/i }));
}

describe('CalendarYearsPage', () => {
  it('names a make-up working day after its festivals in English', async () => {
    await openYear('en');
    expect(await screen.findByText('Make-up working day (National Day, Mid-Autumn Festival)')).toBeTruthy();
    expect(screen.getByText('National Day and Mid-Autumn Festival')).toBeTruthy();
    expect(screen.queryByText('国庆节、中秋节调休上班')).toBeNull();
  });

  it('keeps the notice’s Chinese names in Chinese', async () => {
    await openYear('zh-CN');
    expect(await screen.findByText('国庆节、中秋节调休上班')).toBeTruthy();
    expect(screen.getByText('国庆节、中秋节')).toBeTruthy();
  });
});
