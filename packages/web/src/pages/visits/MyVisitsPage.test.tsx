// @vitest-environment jsdom
// 上门服务 on the enterprise portal: the list is the enterprise's own, so it has no 企业 column
// (always its own name, which pushed 服务内容 out of view at 768 px); the staff list keeps it.
// 好差评: the enterprise rates a visit where the server says it may (its own, within the window,
// not yet rated), sees why it cannot otherwise, and sees its rating and a bad one's follow-up after.
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser, type TestUser } from '../../test-support/app.tsx';
import MyVisitsPage from './MyVisitsPage.tsx';
import VisitListPage from './VisitListPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const FIRM = 'e4584cfc-edeb-4041-8eb1-dc6296dd60bb';
const visit = {
  id: '47c89477-4b7a-4783-979a-ac9c570c4cdb',
  date: '2026-10-13',
  campaignId: null,
  campaignTheme: null,
  staff: [{ userId: null, name: '王建平', leader: true }],
  ledByLeader: true,
  purposes: ['eia-formalities'],
  summary: '帮助梳理环评备案材料',
  internalNote: null,
  enterprises: [
    {
      enterpriseId: FIRM,
      name: '上栗县金花烟花制造有限公司',
      townCode: '360322101',
      solved: '帮助梳理环评备案材料',
      findings: null,
      ratingEventId: 'c0a1e7b2-5d3f-4c1e-9a8b-2f6d4e3c1b0a',
    },
  ],
};
// what the enterprise rates is its own part of the visit (户次), not the visit
const PART = visit.enterprises[0]!.ratingEventId;
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);
const QIYE = { id: 'u9', username: 'qiye1', displayName: '金花', roles: ['enterprise'], enterpriseId: FIRM };

type State = { state: string; lastDay: string | null; rating: unknown };
const badRating = {
  id: 'r1',
  eventType: 'visit',
  eventId: PART,
  label: '上门服务 2026-10-13',
  labelEn: 'Door-to-door visit 2026-10-13',
  level: 2,
  indicators: { efficiency: 2, result: 2, attitude: 2, convenience: 2 },
  comment: '问题没讲清楚',
  raterKind: 'enterprise',
  enterpriseId: FIRM,
  createdAt: '2026-10-15T02:00:00.000Z',
  rectification: {
    state: 'open',
    assigneeUserId: null,
    contactDueDate: '2026-10-16',
    rectifyDueDate: '2026-11-05',
    contactedAt: null,
    contactNote: null,
    rectifiedAt: null,
    rectifyNote: null,
    onTime: null,
    appealState: 'none',
    appealReason: null,
    appealDecisionNote: null,
    appealReviewingBody: null,
    appealReferenceNo: null,
  },
};

/** The enterprise's list with the server's rating state of its one visit; POST /api/ratings answers `post`. */
function stubRating(first: State, post?: () => Response) {
  let state = first;
  const posted: unknown[] = [];
  stubApi(QIYE, (url, init) => {
    if (url.startsWith('/api/ratings/events?')) {
      expect(new URLSearchParams(url.split('?')[1]).get('eventIds')).toBe(PART);
      return jsonResponse({ items: [{ eventId: PART, ...state }] });
    }
    if (url === '/api/ratings' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      const res = post?.() ?? jsonResponse(badRating, 201);
      if (res.status === 201) state = { state: 'rated', lastDay: null, rating: badRating };
      return res;
    }
    if (url.startsWith('/api/visits')) return jsonResponse({ items: [visit], total: 1, page: 1, pageSize: 10 });
    return undefined;
  });
  return posted;
}
const openPage = () => renderInApp([{ path: '/enterprise/visits', element: <MyVisitsPage /> }], '/enterprise/visits');

function stub(user: TestUser) {
  stubApi(user, (url) =>
    url.startsWith('/api/visits') ? jsonResponse({ items: [visit], total: 1, page: 1, pageSize: 10 }) : undefined,
  );
}

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('the visit lists', () => {
  it('the enterprise’s own list leaves out the 企业 column and keeps 服务内容', async () => {
    stub(QIYE);
    renderInApp([{ path: '/enterprise/visits', element: <MyVisitsPage /> }], '/enterprise/visits');
    await screen.findByText('帮助梳理环评备案材料');
    expect(headers()).not.toContain('企业');
    expect(headers()).not.toContain('户次');
    expect(headers()).toContain('服务内容');
    expect(screen.queryByText('上栗县金花烟花制造有限公司')).toBeNull();
  });

  it('the staff list keeps the 企业 column', async () => {
    stub({ id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null });
    renderInApp([{ path: '/staff/visits', element: <VisitListPage /> }], '/staff/visits');
    await screen.findAllByText('上栗县金花烟花制造有限公司');
    expect(headers()).toContain('企业');
  });
});

describe('rating a visit (好差评)', () => {
  it('offers 评价 while the window is open, takes the rating and then shows it with its follow-up', async () => {
    const posted = stubRating({ state: 'open', lastDay: '2026-11-12', rating: null });
    openPage();
    expect(await screen.findByText('2026-11-12 前可评价')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '评 价' }));
    const dialog = await screen.findByRole('dialog');
    // 不满意: the second star of the overall rating
    fireEvent.click(within(dialog).getAllByRole('radio')[1]!);
    fireEvent.change(within(dialog).getByLabelText('评价意见'), { target: { value: '问题没讲清楚' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ eventType: 'visit', eventId: PART, level: 2, comment: '问题没讲清楚' });
    // the dialog turns into what was given and how the bureau follows it up
    const outcome = await within(dialog).findByTestId('rating-outcome');
    expect(within(dialog).getByText('您已评价：不满意')).toBeTruthy();
    expect(within(outcome).getByText('工作人员将于 2026-10-16 前与您联系回访')).toBeTruthy();
    expect(within(outcome).getByText('正在整改，整改期限 2026-11-05')).toBeTruthy();
    // and the row no longer offers a second rating
    expect(await screen.findByRole('button', { name: '已评价：不满意' })).toBeTruthy();
    expect(screen.getByText('待回访')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '评 价' })).toBeNull();
  });

  it('shows a rating already given, and its follow-up on demand', async () => {
    stubRating({
      state: 'rated',
      lastDay: null,
      rating: {
        ...badRating,
        rectification: {
          ...badRating.rectification,
          state: 'contacted',
          contactedAt: '2026-10-16T01:00:00.000Z',
          contactNote: '电话回访，约定下周再上门讲解',
        },
      },
    });
    openPage();
    fireEvent.click(await screen.findByRole('button', { name: '已评价：不满意' }));
    const outcome = await screen.findByTestId('rating-outcome');
    expect(within(outcome).getByText(/已回访：电话回访，约定下周再上门讲解/)).toBeTruthy();
    expect(screen.getByText('已回访，整改中')).toBeTruthy();
  });

  it('does not offer 评价 once the window has closed, and says so', async () => {
    stubRating({ state: 'closed', lastDay: '2026-11-12', rating: null });
    openPage();
    expect(await screen.findByText('评价期已于 2026-11-12 届满')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '评 价' })).toBeNull();
  });

  it('offers nothing on a visit that is not the enterprise’s to rate', async () => {
    stubRating({ state: 'not-yours', lastDay: null, rating: null });
    openPage();
    await screen.findByText('帮助梳理环评备案材料');
    await screen.findByRole('columnheader', { name: '评价' });
    expect(screen.queryByRole('button', { name: '评 价' })).toBeNull();
    expect(screen.queryByText(/可评价|届满/)).toBeNull();
  });

  it('says in plain words why the server refused', async () => {
    let asked = 0;
    const posted = stubRating({ state: 'open', lastDay: '2026-11-12', rating: null }, () => {
      asked++;
      return jsonResponse(
        {
          type: 'about:blank',
          title: '该服务尚不能评价',
          status: 409,
          code: 'RATING_NOT_RATABLE',
          detail: '服务办结后 30 日内可以评价，评价期限已于 2026-11-12 届满',
        },
        409,
      );
    });
    openPage();
    fireEvent.click(await screen.findByRole('button', { name: '评 价' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getAllByRole('radio')[4]!);
    fireEvent.click(within(dialog).getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(asked).toBe(1);
    expect(await screen.findByText(/评价期限已于 2026-11-12 届满/)).toBeTruthy();
  });
});
