// @vitest-environment jsdom
// A permit's facts at a phone's, a tablet's and a desktop's width: every line's spans add up to the
// columns the width gives (a fixed span of 2 or 3 ran past a phone's one column and a tablet's two,
// and antd warned "Sum of column `span` in a line not match `column`").
import { cleanup, configure, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import type { PermitDetail } from './api.ts';
import PermitDetailPage from './PermitDetailPage.tsx';
import { TEST_PERMIT } from './test-permit.ts';

configure({ asyncUtilTimeout: 10_000 });

const PERMIT: PermitDetail = {
  ...TEST_PERMIT,
  note: '厂区东侧新增排放口',
  obligations: [],
  reminders: [],
};

const errors = vi.spyOn(console, 'error');

beforeAll(() => {
  stubBrowser();
  stubApi({ id: 'u1', username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'], enterpriseId: null }, (url) =>
    url.startsWith('/api/permits/p1') ? jsonResponse(PERMIT) : undefined,
  );
});
afterEach(cleanup);
afterAll(() => errors.mockRestore());

describe('PermitDetailPage: the facts fit the columns at every width', () => {
  for (const width of [375, 700, 768, 1366]) {
    it(`at ${width} px: the note, the citation and the legal source each take a whole line, unwarned`, async () => {
      errors.mockClear();
      stubMatchMedia(width);
      renderInApp([{ path: '/staff/permits/:id', element: <PermitDetailPage /> }], '/staff/permits/p1');
      const note = await screen.findByText('厂区东侧新增排放口');
      expect(screen.getByTestId('permit-timeline').textContent).toContain('2027-01-22');
      // two columns on a tablet (at 768 px three left the third's dates a character wide)
      const columns = width < 576 ? 1 : width < 992 ? 2 : 3;
      const rows = [...document.querySelectorAll('.ant-descriptions-row')];
      expect(rows[0]?.querySelectorAll('.ant-descriptions-item')).toHaveLength(columns);
      for (const text of ['厂区东侧新增排放口', '第51项']) {
        const cell = screen.getByText(text).closest('td');
        expect(Number(cell?.getAttribute('colspan') ?? 1)).toBeLessThanOrEqual(columns);
      }
      expect(note).toBeTruthy();
      // nor any other antd warning (the history's Timeline was fed the deprecated items.children)
      const warned = errors.mock.calls.flat().map(String);
      expect(warned.filter((m) => /\[antd: /.test(m))).toEqual([]);
    });
  }
});
