// @vitest-environment jsdom
// 信访进度查询: a petitioner who rated the reply badly sees how the bureau followed it up (回访,
// 整改), not only the level they gave. A signed-in petitioner coming from 我的 sees her own petition
// without typing her phone again, and rates it there; anyone else gets the code + phone form.
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import TrackPetitionPage from './TrackPetitionPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const petition = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  code: 'XFW5ABCDEF12',
  channel: 'online',
  type: 'claim',
  title: '上栗镇居民楼下餐馆油烟直排',
  content: '上栗镇居民楼下餐馆油烟直排。',
  petitionerName: '张*',
  petitionerPhone: '139****5678',
  petitionerAddress: null,
  enterpriseId: null,
  referredBy: null,
  sourceConcernId: null,
  status: 'replied',
  keyCase: false,
  keyCaseReason: null,
  assigneeUserId: null,
  receivedAt: '2026-10-28T01:30:00.000Z',
  acceptedAt: '2026-10-30T01:30:00.000Z',
  acceptanceDueDate: '2026-11-12',
  resolutionDueDate: '2026-12-29',
  extensionDays: 0,
  extensionRequest: null,
  otherProcedure: null,
  resolutionApplies: true,
  version: 4,
  repliedAt: '2026-12-04T02:00:00.000Z',
  closedOnTime: true,
  createdAt: '2026-10-28T02:00:00.000Z',
};
const rectification = {
  state: 'contacted',
  assigneeUserId: null,
  contactDueDate: '2026-12-08',
  rectifyDueDate: '2026-12-25',
  contactedAt: '2026-12-05T01:00:00.000Z',
  contactNote: '电话回访，约定复查后再次答复',
  rectifiedAt: null,
  rectifyNote: null,
  onTime: null,
  appealState: 'none',
  appealReason: null,
  appealDecisionNote: null,
  appealReviewingBody: null,
  appealReferenceNo: null,
};
const rating = {
  id: 'r1',
  eventType: 'petition',
  eventId: petition.id,
  label: `信访 ${petition.code} ${petition.title}`,
  labelEn: null,
  level: 2,
  indicators: { efficiency: 2, result: 2, attitude: 3, convenience: 3 },
  comment: '油烟仍未治理',
  raterKind: 'citizen-phone',
  enterpriseId: null,
  createdAt: '2026-12-04T09:40:00.000Z',
  rectification,
};

beforeAll(() => {
  stubBrowser();
  stubApi(null, (url) =>
    url.startsWith(`/api/public/petitions/${petition.code}?`)
      ? jsonResponse({ petition, events: [], letters: [], clocks: [], reviews: [], requestWindow: null, rating })
      : undefined,
  );
});
afterEach(cleanup);

describe('TrackPetitionPage: a bad rating already given', () => {
  it('shows the rater the follow-up: contacted, and being rectified until its due date', async () => {
    renderInApp(
      [{ path: '/petitions/track', element: <TrackPetitionPage /> }],
      `/petitions/track?code=${petition.code}`,
    );
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13979905678' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    const outcome = await screen.findByTestId('rating-outcome');
    expect(screen.getByText('您已评价：不满意')).toBeTruthy();
    expect(within(outcome).getByText(/已回访：电话回访，约定复查后再次答复/)).toBeTruthy();
    expect(within(outcome).getByText('正在整改，整改期限 2026-12-25')).toBeTruthy();
  });
});

describe('TrackPetitionPage: rating by code and phone', () => {
  it('says the window has closed instead of offering a form the server would refuse', async () => {
    stubApi(null, (url) =>
      url.startsWith(`/api/public/petitions/${petition.code}?`)
        ? jsonResponse({
            petition,
            events: [],
            letters: [],
            clocks: [],
            reviews: [],
            requestWindow: null,
            rating: null,
            ratingWindow: { state: 'closed', lastDay: '2026-12-05' },
          })
        : undefined,
    );
    renderInApp(
      [{ path: '/petitions/track', element: <TrackPetitionPage /> }],
      `/petitions/track?code=${petition.code}`,
    );
    fireEvent.change(await screen.findByLabelText('手机号'), { target: { value: '13979905678' } });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    expect(await screen.findByText('评价期已于 2026-12-05 届满')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });
});

const CITIZEN = { id: 'c1', username: 'qunzhong', displayName: '张群众', roles: ['citizen'], enterpriseId: null };
const detail = (r: unknown) => ({
  petition,
  events: [],
  letters: [],
  clocks: [],
  reviews: [],
  requestWindow: null,
  rating: r,
});

describe('TrackPetitionPage: her own petition, signed in', () => {
  it('opens it by id without the phone and lets her rate it while the window is open', async () => {
    const posted: unknown[] = [];
    let given: unknown = null;
    stubApi(CITIZEN, (url, init) => {
      if (url === `/api/petitions/${petition.id}`) return jsonResponse(detail(given));
      if (url.startsWith('/api/ratings/events?'))
        return jsonResponse({
          items: [
            given
              ? { eventId: petition.id, state: 'rated', lastDay: null, rating: given }
              : { eventId: petition.id, state: 'open', lastDay: '2027-01-03', rating: null },
          ],
        });
      if (url === '/api/ratings' && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        given = rating;
        return jsonResponse(rating, 201);
      }
      return undefined;
    });
    renderInApp(
      [{ path: '/petitions/track', element: <TrackPetitionPage /> }],
      `/petitions/track?id=${petition.id}&code=${petition.code}`,
    );
    expect(await screen.findByText(petition.title)).toBeTruthy();
    expect(screen.queryByLabelText('手机号')).toBeNull();
    expect(await screen.findByText('2027-01-03 前可评价')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('radio')[1]!);
    fireEvent.change(screen.getByLabelText('评价意见'), { target: { value: '油烟仍未治理' } });
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ eventType: 'petition', eventId: petition.id, level: 2, comment: '油烟仍未治理' });
    // the page asks again and shows what she gave and how it is followed up
    expect(await screen.findByTestId('rating-outcome')).toBeTruthy();
    expect(screen.getByText('您已评价：不满意')).toBeTruthy();
  });

  it('says the window has closed instead of offering the form', async () => {
    stubApi(CITIZEN, (url) => {
      if (url === `/api/petitions/${petition.id}`) return jsonResponse(detail(null));
      if (url.startsWith('/api/ratings/events?'))
        return jsonResponse({
          items: [{ eventId: petition.id, state: 'closed', lastDay: '2026-12-05', rating: null }],
        });
      return undefined;
    });
    renderInApp([{ path: '/petitions/track', element: <TrackPetitionPage /> }], `/petitions/track?id=${petition.id}`);
    expect(await screen.findByText('评价期已于 2026-12-05 届满')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('someone else’s petition: the server refuses, and the page asks for code and phone', async () => {
    stubApi(CITIZEN, (url) =>
      url === `/api/petitions/${petition.id}`
        ? jsonResponse({ status: 403, code: 'FORBIDDEN_RECORD', title: '无权访问', detail: '这不是您的信访件' }, 403)
        : undefined,
    );
    renderInApp(
      [{ path: '/petitions/track', element: <TrackPetitionPage /> }],
      `/petitions/track?id=${petition.id}&code=${petition.code}`,
    );
    expect(await screen.findByLabelText('手机号')).toBeTruthy();
    expect((screen.getByLabelText('查询码') as HTMLInputElement).value).toBe(petition.code);
    expect(screen.queryByText(petition.title)).toBeNull();
  });
});
