// @vitest-environment jsdom
// 登记上门服务 sent empty: each missing list (服务企业, 服务内容) is named once, not twice
// ("请输入服务企业" and again "最少1个服务企业").
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import VisitFormPage from './VisitFormPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const posted: string[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'leader', displayName: '王局长', roles: ['leader'], enterpriseId: null },
    (url, init) => {
      if (init?.method === 'POST') posted.push(url);
      return jsonResponse({ items: [], total: 0, page: 1, pageSize: 200 });
    },
  );
});

afterEach(cleanup);

describe('VisitFormPage: an empty record', () => {
  it('names each missing list once and sends nothing', async () => {
    renderInApp([{ path: '/staff/visits/new', element: <VisitFormPage /> }], '/staff/visits/new');
    fireEvent.click(await screen.findByRole('button', { name: /保\s*存/ }));
    const errorsOf = (label: string) =>
      [
        ...(screen.getByText(label).closest('.ant-form-item')?.querySelectorAll('.ant-form-item-explain-error') ?? []),
      ].map((e) => e.textContent);
    await waitFor(() => expect(errorsOf('服务企业').length).toBeGreaterThan(0));
    expect(errorsOf('服务企业')).toHaveLength(1);
    expect(errorsOf('服务内容')).toHaveLength(1);
    expect(posted).toEqual([]);
  });
});
