// @vitest-environment jsdom
// 信访件 in English: its statutory clocks are named in English like the worklist names them, not
// with the Chinese title the clock was stored with.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import PetitionDetailPage from './PetitionDetailPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

// GET /api/petitions/:id of the demo data (one event kept)
const detail = {
  petition: {
    id: '23965a8e-25f9-421c-9f42-02c00f1049a7',
    code: 'XFW52975LDHS',
    channel: 'visit',
    type: 'claim',
    title: '彭高镇陶瓷园区周边居民反映夜间噪声',
    content: '彭高镇陶瓷园区周边居民反映夜间噪声。信访人反映情况属实与否待核查，请依法处理并答复。',
    petitionerName: '刘女士',
    petitionerPhone: '13607993004',
    petitionerAddress: null,
    enterpriseId: null,
    referredBy: null,
    sourceConcernId: null,
    status: 'accepted',
    keyCase: true,
    keyCaseReason: '多户居民联名反映，领导包案',
    assigneeUserId: '293b7f90-2db4-4002-9472-e3967c6e0c0b',
    receivedAt: '2026-10-17T01:30:00.000Z',
    acceptedAt: '2026-10-19T01:30:00.000Z',
    acceptanceDueDate: '2026-11-01',
    resolutionDueDate: '2026-12-18',
    extensionDays: 0,
    extensionRequest: null,
    otherProcedure: null,
    resolutionApplies: true,
    version: 3,
    repliedAt: null,
    closedOnTime: null,
    createdAt: '2026-10-17T02:00:00.000Z',
  },
  events: [
    {
      at: '2026-10-17T02:00:00.000Z',
      action: 'register',
      note: '经来访登记，2026-11-01 前书面告知是否受理',
      actorName: 'clerk',
    },
  ],
  letters: [
    {
      id: 'd26e2e91-26c5-4527-88fb-c559747d1898',
      kind: 'acceptance',
      title: '信访事项受理告知书',
      body: '刘女士：\n您于2026-10-17通过来访反映的“彭高镇陶瓷园区周边居民反映夜间噪声”（编号 XFW52975LDHS）已收悉。根据《信访工作条例》第二十三条，经审查，本机关决定予以受理。根据第三十四条，将在受理之日起60日内办结（2026-12-18前），并书面答复您。\n您可凭查询码 XFW52975LDHS 和登记的联系电话在本局网站查询办理进度。\n萍乡市上栗生态环境局\n2026-10-19',
      createdAt: '2026-10-19T01:30:00.000Z',
    },
  ],
  clocks: [
    {
      id: '9b2f5b01-9d00-429b-8d11-71b783612495',
      profileKey: 'petition.acceptance-notice',
      title: '信访受理告知：彭高镇陶瓷园区周边居民反映夜间噪声',
      start: '2026-10-17T01:30:00.000Z',
      dueDate: '2026-11-01',
      remaining: 13,
      state: 'met',
      completedAt: '2026-10-19T01:30:00.000Z',
    },
    {
      id: 'd30e4868-03f3-4477-b8a9-147d6c35f64e',
      profileKey: 'petition.resolution',
      title: '信访办理：彭高镇陶瓷园区周边居民反映夜间噪声',
      start: '2026-10-19T01:30:00.000Z',
      dueDate: '2026-12-18',
      remaining: 10,
      state: 'due-soon',
      completedAt: null,
    },
  ],
  reviews: [],
  requestWindow: null,
  rating: null,
};

beforeAll(async () => {
  await setLanguage('en');
  stubBrowser();
  stubApi({ id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null }, (url) =>
    url.startsWith('/api/petitions/')
      ? jsonResponse(detail)
      : jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
  );
});

afterAll(async () => {
  cleanup();
  await setLanguage('zh-CN');
});

describe('PetitionDetailPage in English', () => {
  it('names the statutory clocks in English', async () => {
    renderInApp(
      [{ path: '/staff/petitions/:id', element: <PetitionDetailPage /> }],
      `/staff/petitions/${detail.petition.id}`,
    );
    expect(await screen.findByText(/^Petition: written notice of acceptance: /)).toBeTruthy();
    expect(screen.queryByText(/^信访受理告知/)).toBeNull();
  });
});
