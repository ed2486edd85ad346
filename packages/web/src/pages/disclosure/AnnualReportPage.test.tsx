// @vitest-environment jsdom
// The annual report page against a stubbed API: the six sections of the statutory form, what the
// platform does not record marked as such (never a 0), a number opening its records, and the
// bureau's text saved with the figure offered inline.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { AuthProvider } from '../../auth/auth.tsx';
import { FeedbackProvider } from '../../components/feedback.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import AnnualReportPage from './AnnualReportPage.tsx';
import type { AnnualReport } from './api.ts';

// findBy and waitFor give up after 1 s by default; a first antd render in jsdom on a loaded
// machine can take longer, and the bound only catches a page that never shows
configure({ asyncUtilTimeout: 10_000 });

const zero = {
  'natural-person': 0,
  business: 0,
  research: 0,
  'public-interest': 0,
  'legal-service': 0,
  'other-org': 0,
};
const appealCells = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
const REPORT: AnnualReport = {
  year: 2026,
  texts: [
    { section: 'overview', body: '', version: 0, updatedByName: null, updatedAt: null },
    { section: 'problems', body: '', version: 0, updatedByName: null, updatedAt: null },
    { section: 'other', body: '', version: 0, updatedByName: null, updatedAt: null },
  ],
  figures: [{ text: '本年新收政府信息公开申请2件。', cell: 'requests:new:total' }],
  proactive: [
    {
      key: 'normative',
      zh: '行政规范性文件',
      en: 'Normative documents',
      recorded: true,
      basis: { zh: '政策宣传中的行政规范性文件', en: 'normative policies' },
      cells: [{ measure: 'issued', label: '本年制发件数', value: 1, cell: 'proactive:normative:issued' }],
    },
    {
      key: 'coercion',
      zh: '行政强制',
      en: 'Administrative coercion',
      recorded: false,
      basis: { zh: '平台未记录行政强制措施', en: 'not recorded' },
      cells: [{ measure: 'decisions', label: '本年处理决定数量', value: null, cell: null }],
    },
  ],
  columns: [
    { key: 'natural-person', zh: '自然人', en: 'Natural person' },
    { key: 'business', zh: '商业企业', en: 'Business' },
  ],
  rows: [
    {
      key: 'new',
      zh: '一、本年新收政府信息公开申请数量',
      en: 'I. New',
      cells: { ...zero, 'natural-person': 2 },
      total: 2,
    },
  ],
  appeals: [
    { kind: 'reconsideration', zh: '行政复议', en: 'Reconsideration', cells: { ...appealCells, upheld: 1, total: 1 } },
    { kind: 'litigation', zh: '行政诉讼（未经复议直接起诉）', en: 'Lawsuit', cells: appealCells },
    { kind: 'litigation-after-reconsideration', zh: '行政诉讼（复议后起诉）', en: 'Lawsuit after', cells: appealCells },
  ],
  appealColumns: [
    { key: 'upheld', zh: '结果维持', en: 'Upheld' },
    { key: 'corrected', zh: '结果纠正', en: 'Corrected' },
    { key: 'other', zh: '其他结果', en: 'Other' },
    { key: 'pending', zh: '尚未审结', en: 'Pending' },
    { key: 'total', zh: '总计', en: 'Total' },
  ],
};

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
let puts: { url: string; body: unknown }[] = [];

beforeAll(() => {
  stubMatchMedia();
  // the TextArea's autoSize and the tables' scroll watch their size, which jsdom never reports
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = String(input);
    if (url.startsWith('/api/auth/session'))
      return json({
        session: {
          csrfToken: 't',
          user: { id: 'u1', username: 'clerk', displayName: '办事员', roles: ['clerk'], enterpriseId: null },
        },
      });
    if (url.startsWith('/api/disclosure/annual-report/cells'))
      return json({
        cell: 'x',
        total: 1,
        items: [{ id: 'p1', title: '甲：年初印发', date: '2026-01-01', link: '/staff/policies/p1', note: null }],
      });
    if (url.startsWith('/api/disclosure/annual-report/texts/') && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body));
      puts.push({ url, body });
      return json({
        section: 'overview',
        body: body.body,
        version: 1,
        updatedByName: '办事员',
        updatedAt: '2026-12-04T08:00:00Z',
      });
    }
    if (url.startsWith('/api/disclosure/annual-report')) return json(REPORT);
    return new Response('{}', { status: 404 });
  });
});

afterEach(() => {
  cleanup();
  puts = [];
});

function renderPage() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/r', element: <AnnualReportPage /> }], { initialEntries: ['/r'] });
  render(
    <QueryClientProvider client={qc}>
      <AuthProvider>
        <FeedbackProvider>
          <RouterProvider router={router} />
        </FeedbackProvider>
      </AuthProvider>
    </QueryClientProvider>,
  );
}

describe('AnnualReportPage', () => {
  it('shows the six sections, 平台无记录 for what is not recorded, a number’s records, and saves 一 with a figure inserted', async () => {
    renderPage();
    for (const h of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
      expect(await screen.findByText(h)).toBeTruthy();
    const proactive = screen.getByTestId('report-proactive');
    expect(within(proactive).getByText('平台无记录')).toBeTruthy();
    fireEvent.click(screen.getByTestId('cell-proactive:normative:issued'));
    expect(await screen.findByText('甲：年初印发')).toBeTruthy();
    expect(screen.getByText('共 1 条记录')).toBeTruthy();

    // one render for both: a figure offered is inserted into 一 and saved from version 0
    const insert = await screen.findByTestId('figure-insert');
    await waitFor(() => expect(screen.getByTestId('text-overview')).toBeTruthy());
    fireEvent.click(insert);
    expect((screen.getByTestId('text-overview') as HTMLTextAreaElement).value).toBe('本年新收政府信息公开申请2件。');
    fireEvent.click(screen.getByTestId('text-overview-save'));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual({
      url: '/api/disclosure/annual-report/texts/overview',
      body: { year: 2026, body: '本年新收政府信息公开申请2件。', version: 0 },
    });
  });
});
