// @vitest-environment jsdom
// 操作日志 filtered by record type: the admin picks the type in words (环境信用), never types a
// stored code such as `credit-record`; types read as one word are asked for together.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../../test-support/app.tsx';
import AuditPage from './AuditPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

let asked: string[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'admin', displayName: '系统管理员', roles: ['admin'], enterpriseId: null },
    async (url) => {
      if (url.startsWith('/api/audit/vocabulary'))
        return jsonResponse({
          actions: ['credit.record', 'petition.accept'],
          records: {
            credit: { zh: '环境信用', en: 'Environmental credit' },
            petition: { zh: '信访件', en: 'Petition' },
          },
          steps: {},
          actionLabels: {},
          entityAliases: { 'credit-record': 'credit', 'credit-proposal': 'credit' },
          fields: {},
        });
      if (url.startsWith('/api/audit')) {
        asked.push(url);
        return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
      }
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  asked = [];
});

describe('AuditPage: the record type filter', () => {
  it('offers record types in words and asks for every stored type of the word picked', async () => {
    renderInApp([{ path: '/staff/admin/audit', element: <AuditPage /> }], '/staff/admin/audit');
    const select = await screen.findByRole('combobox', { name: '对象类型' });
    fireEvent.mouseDown(select);
    fireEvent.click(await screen.findByText('环境信用'));
    expect(screen.queryByText('信访件')).toBeTruthy();
    expect(screen.queryByText('对象类型，如 enterprise')).toBeNull();
    fireEvent.click(screen.getByTestId('audit-search'));
    await waitFor(() =>
      expect(
        asked.some((u) => new URL(u, 'http://x').searchParams.get('entityType') === 'credit-proposal,credit-record'),
      ).toBe(true),
    );
  });
});
