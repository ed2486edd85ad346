// @vitest-environment jsdom
// 信访进度查询: a petitioner who rated the reply badly sees how the bureau followed it up (回访,
// 整改), not only the level they gave.
import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
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
    fireEvent.click(screen.getByRole('button', { name: /搜\s*索/ }));
    const outcome = await screen.findByTestId('rating-outcome');
    expect(screen.getByText('您已评价：不满意')).toBeTruthy();
    expect(within(outcome).getByText(/已回访：电话回访，约定复查后再次答复/)).toBeTruthy();
    expect(within(outcome).getByText('正在整改，整改期限 2026-12-25')).toBeTruthy();
  });
});
