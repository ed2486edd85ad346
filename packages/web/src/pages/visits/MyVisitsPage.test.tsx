// @vitest-environment jsdom
// 上门服务 on the enterprise portal: the list is the enterprise's own, so it has no 企业 column
// (always its own name, which pushed 服务内容 out of view at 768 px); the staff list keeps it.
import { cleanup, configure, screen } from '@testing-library/react';
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
    },
  ],
};
const headers = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

function stub(user: TestUser) {
  stubApi(user, (url) =>
    url.startsWith('/api/visits') ? jsonResponse({ items: [visit], total: 1, page: 1, pageSize: 10 }) : undefined,
  );
}

beforeAll(() => stubBrowser());
afterEach(cleanup);

describe('the visit lists', () => {
  it('the enterprise’s own list leaves out the 企业 column and keeps 服务内容', async () => {
    stub({ id: 'u9', username: 'qiye1', displayName: '金花', roles: ['enterprise'], enterpriseId: FIRM });
    renderInApp([{ path: '/enterprise/visits', element: <MyVisitsPage /> }], '/enterprise/visits');
    await screen.findByText('帮助梳理环评备案材料');
    expect(headers()).not.toContain('企业');
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
