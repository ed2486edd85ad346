// @vitest-environment jsdom
// 重大项目: the list fits the staff console at 1366 px. 下一步工作 sat past the right edge of a
// table sized to its content; now the columns have widths and the long texts are clipped, whole
// on hover.
import { cleanup, configure, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import ProjectListPage from './ProjectListPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const project = {
  id: 'ecb57ca8-5876-426d-8271-3564f3030994',
  name: '特种陶瓷窑炉天然气改造项目',
  enterpriseId: '62420a4f-889c-49f4-9f01-83dae41134b7',
  enterpriseName: '上栗县普通寺电瓷电器有限公司',
  investment: 3200,
  townCode: '360322203',
  officerUserId: null,
  officerName: '审批·陈涛',
  milestones: [
    { key: 'site', state: 'done', date: '2026-08-09', note: null },
    { key: 'construction', state: 'in-progress', date: null, note: null },
  ],
  nextAction: '督促废气治理设施与主体工程同时施工，并按环评批复要求落实施工期扬尘防治措施',
  nextActionDate: '2026-12-05',
  overdue: true,
  status: 'active',
  version: 1,
};

beforeAll(() => {
  stubBrowser();
  stubApi({ id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null }, (url) =>
    url.startsWith('/api/projects') ? jsonResponse({ items: [project], total: 1, page: 1, pageSize: 20 }) : undefined,
  );
});
afterEach(cleanup);

describe('ProjectListPage', () => {
  it('lays the table out in fixed columns and clips 下一步工作, keeping its overdue tag in view', async () => {
    renderInApp([{ path: '/staff/projects', element: <ProjectListPage /> }], '/staff/projects');
    const next = await screen.findByTestId('project-next-action');
    expect(next.textContent).toBe(`${project.nextAction}（2026-12-05）`);
    expect(next.className).toContain('ant-typography-ellipsis');
    const table = screen.getByTestId('project-table').querySelector('table')!;
    expect(table.style.tableLayout).toBe('fixed');
    // a width of its own, not the width of its longest text (max-content)
    expect(table.style.width).not.toBe('max-content');
    const widths = [...table.querySelectorAll('colgroup col')].map((c) => (c as HTMLElement).style.width);
    expect(widths.filter(Boolean)).toHaveLength(6);
    expect(next.closest('td')!.textContent).toContain('已逾期');
  });
});
