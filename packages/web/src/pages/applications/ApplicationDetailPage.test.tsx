// @vitest-environment jsdom
// The application's facts beside the side cards on a 1440 px screen: one label and value a row
// (two pairs a row squeezed the English labels and values to a word a line), the demo's refused
// exemption as the server sends it.
import { cleanup, configure, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi } from '../../test-support/app.tsx';
import ApplicationDetailPage from './ApplicationDetailPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const APPLICATION = {
  id: 'a2aa9487-5567-4bf3-b182-c6cee3daef80',
  code: 'SQ20261208-007',
  matterCode: 'eia-exemption',
  matterVersion: 1,
  matterName: '建设项目环评豁免认定',
  enterpriseId: '40481719-8e64-474f-bb84-59922461561c',
  enterpriseName: '萍乡市上栗县东源鞭炮厂',
  projectName: '办公楼装修（不新增产能）',
  applicantName: '刘建国',
  applicantPhone: '13907990101',
  channel: 'window',
  assisted: true,
  authorisation: '刘建国 出具的授权委托书（窗口存档）',
  assistedByName: 'clerk',
  status: 'refused',
  receivedAt: '2026-12-07T16:47:07.359Z',
  noticeIssuedAt: null,
  acceptedAt: '2026-12-07T16:47:07.557Z',
  acceptanceKind: 'complete',
  decisionNumber: '上环审〔2026〕17号',
  decidedAt: '2026-12-07T16:47:07.696Z',
  decidedOnTime: null,
  visits: 0,
  oneVisit: true,
  createdAt: '2026-12-07T16:46:30.613Z',
  checklist: [
    {
      name: '建设项目基本情况说明（建设内容、规模、工艺、选址）',
      required: true,
      form: 'original',
      count: 1,
      template: null,
      deferrable: false,
      note: null,
    },
    {
      name: '建设单位营业执照或统一社会信用代码证明',
      required: true,
      form: 'copy',
      count: 1,
      template: null,
      deferrable: false,
      note: null,
    },
  ],
  provided: [0, 1],
  preCheck: {
    missing: [],
    complete: true,
    deferrable: false,
  },
  noticeMissing: null,
  noticeNote: null,
  deferredPromise: null,
  deferredItems: [],
  decisionReasons: '该项目属于《建设项目环境影响评价分类管理名录》以外的情形，不纳入环评管理，无需作出豁免认定。',
  materials: [
    {
      id: 'c2d373a2-4afe-41dd-a894-bdaf2ecdf059',
      item: 0,
      itemName: '建设项目基本情况说明（建设内容、规模、工艺、选址）',
      fileName: '建设项目基本情况说明（建设内容、规模、工艺、选址）.pdf',
      contentType: 'application/pdf',
      size: 353,
      sha256: '8bf6ae8700af02019f8fa87e117808c8da183cbc68e2a1ddf6c67a2c46b23a95',
      uploadedByName: 'clerk',
      createdAt: '2026-12-07T16:46:30.613Z',
    },
    {
      id: '6e13df52-fa14-4c89-af8f-e94df6a43e06',
      item: 1,
      itemName: '建设单位营业执照或统一社会信用代码证明',
      fileName: '建设单位营业执照或统一社会信用代码证明.pdf',
      contentType: 'application/pdf',
      size: 299,
      sha256: '46a26d4856f86b6bc5ed1360b79052366ed08776178c7bcd15c0c6812a76a4c9',
      uploadedByName: 'clerk',
      createdAt: '2026-12-07T16:46:30.613Z',
    },
  ],
  visitLog: [],
  clocks: [
    {
      id: 'e9ca0d93-923c-4b03-b57b-a7a2cdb07dbe',
      ownerType: 'application',
      ownerId: 'a2aa9487-5567-4bf3-b182-c6cee3daef80',
      profileKey: 'application.incomplete-notice',
      ruleVersion: 1,
      profile: {
        key: 'application.incomplete-notice',
        length: 5,
        unit: 'working',
        warnBefore: 1,
      },
      binds: 'bureau',
      title: '申请 SQ20261208-007 材料预审（不齐全须一次性告知）',
      link: '/staff/applications/a2aa9487-5567-4bf3-b182-c6cee3daef80',
      start: '2026-12-07T16:47:07.359Z',
      dueDate: '2026-12-16',
      provisional: false,
      remaining: 5,
      state: 'met',
      pausedDays: 0,
      pauses: [],
      extensions: [],
      completedAt: '2026-12-07T16:47:07.557Z',
      assigneeUserId: null,
      assigneeRole: 'clerk',
      enterpriseId: '40481719-8e64-474f-bb84-59922461561c',
      owned: true,
    },
  ],
  documents: ['acceptance', 'decision'],
};

type Application = Omit<typeof APPLICATION, 'acceptedAt' | 'decidedAt' | 'decisionNumber'> & {
  acceptedAt: string | null;
  decidedAt: string | null;
  decisionNumber: string | null;
};

/** The application the stubbed API answers with (a test may swap in another state). */
let shown: Application = APPLICATION;

/** A 1440 px wide window: antd's breakpoints ask min-width and max-width queries. */
function stubWidth(width: number): void {
  window.matchMedia = (query: string) => {
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return {
      matches,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    } as MediaQueryList;
  };
}

/** What React and antd said on the console while the page rendered (antd says each warning once). */
const said: string[] = [];

beforeAll(async () => {
  for (const level of ['error', 'warn'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void said.push(args.map(String).join(' ')));
  stubWidth(1440);
  await i18n.changeLanguage('en');
  const computed = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computed(element);
  stubApi(
    { id: 'u1', username: 'clerk', displayName: '窗口·刘敏', roles: ['clerk'], enterpriseId: null },
    async (url) => {
      if (url.startsWith(`/api/applications/${APPLICATION.id}`)) return jsonResponse(shown);
      if (url.startsWith('/api/eia/cases')) return jsonResponse({ items: [], total: 0, page: 1, pageSize: 5 });
      return undefined;
    },
  );
});

afterAll(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('ApplicationDetailPage on a 1440 px screen', () => {
  it('shows one label and value a row beside the side cards', async () => {
    renderInApp(
      [{ path: '/staff/applications/:id', element: <ApplicationDetailPage /> }],
      `/staff/applications/${APPLICATION.id}`,
    );
    // a tag stands alone: sentence case in English
    expect((await screen.findByTestId('application-status')).textContent).toBe('Refused');
    const status = screen.getByText('Status', { selector: 'th, th *' });
    const row = status.closest('tr')!;
    expect(row.querySelectorAll('th').length).toBe(1);
  });

  it('lists its time limits as a list a screen reader counts', async () => {
    const card = (await screen.findByText('Time limits')).closest('.ant-card') as HTMLElement;
    const lines = within(within(card).getByRole('list')).getAllByRole('listitem');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.textContent).toContain('Due 2026-12-16');
  });
});

describe('ApplicationDetailPage: opening the EIA case', () => {
  const open = async (application: Application) => {
    cleanup();
    shown = application;
    renderInApp(
      [{ path: '/staff/applications/:id', element: <ApplicationDetailPage /> }],
      `/staff/applications/${APPLICATION.id}`,
    );
    return screen.findByTestId('application-eia-empty');
  };

  it('offers no classification for a refused application, and says why', async () => {
    const why = await open(APPLICATION);
    expect(why.textContent).toBe('The application has been decided (refused); no EIA case can be opened from it');
    expect(screen.queryByTestId('application-eia-open')).toBeNull();
  });

  it('offers no classification for an approved one or one not yet accepted', async () => {
    await open({ ...APPLICATION, status: 'approved' });
    expect(screen.queryByTestId('application-eia-open')).toBeNull();
    const why = await open({ ...APPLICATION, status: 'awaiting-materials', acceptedAt: null, decidedAt: null });
    expect(why.textContent).toContain('not accepted yet');
    expect(screen.queryByTestId('application-eia-open')).toBeNull();
  });

  it('offers it while the accepted application is being handled', async () => {
    const none = await open({ ...APPLICATION, status: 'accepted', decisionNumber: null, decidedAt: null });
    expect(none.textContent).toBe('No EIA case yet');
    expect(screen.getByTestId('application-eia-open').textContent).toContain('Classify and open the EIA case');
    await open({ ...APPLICATION, status: 'expert-review', decisionNumber: null, decidedAt: null });
    expect(await screen.findByTestId('application-eia-open')).toBeTruthy();
  });
});

describe('ApplicationDetailPage: the facts table', () => {
  it('adds up its lines at every render: no antd "Sum of column span" warning', () => {
    // the renders above covered one column (1440 px beside the side cards) and antd's first,
    // three-column render, with both lines that stand alone (the authorisation and the decision)
    expect(said.filter((m) => m.includes('Sum of column'))).toEqual([]);
  });

  it('draws its lists without the List antd 6.6 deprecates (it warns on every page that uses it)', () => {
    expect(said.filter((m) => m.includes('[antd: List]'))).toEqual([]);
  });
});
