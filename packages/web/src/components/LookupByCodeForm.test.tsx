// @vitest-environment jsdom
// The one code + phone form of the four public look-ups: each page's code kind is checked before
// anything is asked, the phone as the server checks it, a code typed in lower case with spaces
// still finds the record, and "not found" is answered under the form, which can ask again.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n.ts';
import LookupAppointmentPage from '../pages/appointments/LookupAppointmentPage.tsx';
import TrackDisclosurePage from '../pages/disclosure/TrackDisclosurePage.tsx';
import TrackPetitionPage from '../pages/petitions/TrackPetitionPage.tsx';
import TrackReportPage from '../pages/reports/TrackReportPage.tsx';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../test-support/app.tsx';
import { stubMatchMedia } from '../test-support/jsdom.ts';
import { looksLikeCode } from './LookupByCodeForm.tsx';

configure({ asyncUtilTimeout: 10_000 });

const PAGES = [
  { path: '/petitions/track', element: <TrackPetitionPage />, prefix: 'XF', api: '/api/public/petitions/' },
  { path: '/appointments/lookup', element: <LookupAppointmentPage />, prefix: 'YY', api: '/api/public/appointments/' },
  {
    path: '/disclosure/track',
    element: <TrackDisclosurePage />,
    prefix: 'GK',
    api: '/api/public/disclosure-requests/',
  },
  { path: '/reports/track', element: <TrackReportPage />, prefix: 'JB', api: '/api/public/reports/' },
];
const NOT_FOUND = { status: 404, code: 'RECORD_NOT_FOUND', title: '记录不存在', detail: '查询码或手机号不正确' };

const asked: string[] = [];
beforeAll(() => stubBrowser());
afterEach(async () => {
  cleanup();
  asked.length = 0;
  stubMatchMedia();
  await i18n.changeLanguage('zh-CN');
});

function answerEveryLookupNotFound(): void {
  stubApi(null, (url) => {
    if (!url.startsWith('/api/public/')) return undefined;
    asked.push(url);
    return jsonResponse(NOT_FOUND, 404);
  });
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const search = () => fireEvent.click(screen.getByTestId('track-submit'));

describe('LookupByCodeForm', () => {
  it('knows a code of its kind by the prefix, in any case, and leaves the length to the server', () => {
    expect(looksLikeCode(' xfw5abcdef12 ', 'XF')).toBe(true);
    expect(looksLikeCode('XF2099ZZZZ', 'XF')).toBe(true);
    expect(looksLikeCode('YY2026000099', 'XF')).toBe(false);
    expect(looksLikeCode('XF-2026-0001', 'XF')).toBe(false);
  });

  for (const page of PAGES) {
    it(`${page.path}: refuses another kind's code and a malformed phone before asking the server`, async () => {
      answerEveryLookupNotFound();
      renderInApp([{ path: page.path, element: page.element }], page.path);
      const other = page.prefix === 'XF' ? 'YY2026000099' : 'XFW5ABCDEF12';
      type('track-code', other);
      type('track-phone', '12345');
      search();
      expect(await screen.findByText(new RegExp(`以 ${page.prefix} 开头，后接字母和数字`))).toBeTruthy();
      expect(screen.getByText('请输入正确的手机号或固定电话')).toBeTruthy();
      // the page's own code, typed as people type it, goes to the server upper-cased and trimmed
      type('track-code', ` ${page.prefix.toLowerCase()}2099zzzz `);
      type('track-phone', ' 0799-1234567 ');
      search();
      expect(await screen.findByTestId('lookup-error')).toBeTruthy();
      expect(asked).toEqual([`${page.api}${page.prefix}2099ZZZZ?phone=0799-1234567`]);
      // one word on all four buttons: a look-up by receipt is 查询, not a search box's 搜索
      expect(screen.getByRole('button', { name: /查\s*询/ })).toBeTruthy();
    });
  }

  it('says "not found" in plain words under the form, and the same search asks again', async () => {
    answerEveryLookupNotFound();
    renderInApp([{ path: '/disclosure/track', element: <TrackDisclosurePage /> }], '/disclosure/track?code=GK2099ZZZZ');
    expect((screen.getByTestId('track-code') as HTMLInputElement).value).toBe('GK2099ZZZZ');
    type('track-phone', '13979905678');
    search();
    const refusal = await screen.findByTestId('lookup-error');
    expect(refusal.textContent).toContain('没有找到与该查询码和联系电话相符的记录');
    expect(refusal.textContent).not.toContain('RECORD_NOT_FOUND');
    expect(screen.getByTestId('track-phone')).toBeTruthy();
    search();
    await waitFor(() => expect(asked).toHaveLength(2));
  });

  it('tells her to check the code her receipt names: a booking has a 预约码, not a 查询码', async () => {
    answerEveryLookupNotFound();
    renderInApp(
      [{ path: '/appointments/lookup', element: <LookupAppointmentPage /> }],
      '/appointments/lookup?code=YY2099ZZZZ',
    );
    type('track-phone', '13979905678');
    search();
    const refusal = (await screen.findByTestId('lookup-error')).textContent ?? '';
    expect(refusal).toContain('没有找到与该预约码和手机号相符的记录');
    expect(refusal).toContain('请核对预约码');
    expect(refusal).not.toContain('查询码');
  });

  it('names the fields as the page does, in English, stacked on a phone', async () => {
    stubMatchMedia(390);
    await i18n.changeLanguage('en');
    answerEveryLookupNotFound();
    renderInApp([{ path: '/appointments/lookup', element: <LookupAppointmentPage /> }], '/appointments/lookup');
    expect(screen.getByLabelText('Booking code')).toBeTruthy();
    search();
    expect(await screen.findByText('Booking code: required')).toBeTruthy();
    expect(screen.getByText('Phone: required')).toBeTruthy();
    expect(document.querySelector('form')?.className).toContain('ant-form-vertical');
    expect(asked).toEqual([]);
  });
});
