// @vitest-environment jsdom
// 我的 → 进度: the link opens her own petition by id, so a signed-in citizen is not asked for her
// phone again (TrackPetitionPage reads it from her account); the code stays for the fallback form.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import MyPage from './MyPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const CITIZEN = { id: 'c1', username: 'qunzhong', displayName: '张群众', roles: ['citizen'], enterpriseId: null };
const ID = 'a1b2c3d4-0000-4000-8000-000000000001';

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('MyPage: 我的信访', () => {
  it('links 进度 to her own petition by id', async () => {
    stubApi(CITIZEN, (url) =>
      url.startsWith('/api/petitions')
        ? jsonResponse({
            items: [
              {
                id: ID,
                code: 'XFW5ABCDEF12',
                title: '上栗镇居民楼下餐馆油烟直排',
                status: 'replied',
                receivedAt: '2026-10-28T01:30:00.000Z',
                resolutionDueDate: '2026-12-29',
              },
            ],
            total: 1,
            page: 1,
            pageSize: 50,
          })
        : undefined,
    );
    renderInApp([{ path: '/my', element: <MyPage /> }], '/my?tab=petitions');
    const link = await screen.findByRole('link', { name: '办理进度' });
    expect(link.getAttribute('href')).toBe(`/petitions/track?id=${ID}&code=XFW5ABCDEF12`);
  });
});
