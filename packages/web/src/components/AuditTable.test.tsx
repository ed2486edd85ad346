// @vitest-environment jsdom
// The 操作记录 table's actor column: a person with their roles, the platform itself once as 系统
// (its entries are recorded as the account "system" with the role "system", shown as "system system").
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../i18n.ts';
import type { AuditEntry } from '../api/types.ts';
import { stubBrowser } from '../test-support/app.tsx';
import { AuditTable } from './AuditTable.tsx';

const entry = (seq: number, actorName: string, actorRoles: string[]): AuditEntry => ({
  seq,
  at: '2026-06-15T01:00:00.000Z',
  actorId: null,
  actorName,
  actorRoles,
  action: 'application.accept',
  entityType: 'application',
  entityId: 'a1',
  before: null,
  after: null,
  ip: null,
});

beforeAll(() => {
  stubBrowser();
  vi.stubGlobal('fetch', async () => new Response('{}', { status: 404 }));
});
afterEach(cleanup);

describe('AuditTable', () => {
  it('shows the platform as 系统 once, and a person with the names of their roles', () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={qc}>
        <AuditTable
          loading={false}
          onPageChange={() => {}}
          data={{
            items: [entry(2, 'system', ['system']), entry(1, '窗口·张敏', ['clerk'])],
            total: 2,
            page: 1,
            pageSize: 20,
          }}
        />
      </QueryClientProvider>,
    );
    const rows = within(screen.getByTestId('audit-table')).getAllByRole('row').slice(1);
    const actorOf = (row: HTMLElement) => row.querySelectorAll('td')[3]?.textContent ?? '';
    expect(rows.map(actorOf)).toEqual(['系统', '窗口·张敏 窗口受理']);
  });
});
