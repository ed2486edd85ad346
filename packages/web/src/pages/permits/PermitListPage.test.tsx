// @vitest-environment jsdom
// The permit list at a laptop's width: the table is as wide as the page and its long words wrap, so
// the expiry and the renewal (what the list is for) stay in view; at its content's width
// (max-content) the English table ran 1,300 px and they were past the right edge at 1366 px.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import PermitListPage from './PermitListPage.tsx';
import { TEST_PERMIT } from './test-permit.ts';

configure({ asyncUtilTimeout: 10_000 });

const PERMIT = TEST_PERMIT;

beforeAll(() => {
  stubBrowser();
  stubApi({ id: 'u1', username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'], enterpriseId: null }, (url) =>
    url.startsWith('/api/permits') ? jsonResponse({ items: [PERMIT], total: 1, page: 1, pageSize: 20 }) : undefined,
  );
});
afterEach(cleanup);

describe('PermitListPage: the table fits the page', () => {
  it('is at least 1000 px and otherwise as wide as the page, its short facts on one line', async () => {
    renderInApp([{ path: '/staff/permits', element: <PermitListPage /> }], '/staff/permits');
    const validTo = await screen.findByText('2027-01-22');
    const table = validTo.closest('table');
    expect(table?.style.width).toBe('1000px');
    expect(table?.style.minWidth).toBe('100%');
    expect(validTo.closest('td')?.style.whiteSpace).toBe('nowrap');
    expect(screen.getByText('窗口·刘敏').closest('td')?.style.whiteSpace).toBe('nowrap');
  });
});
