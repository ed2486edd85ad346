// @vitest-environment jsdom
// Completing an on-site record against a stubbed API: what the form shows is what gets completed
// (an edit not yet saved is saved first, at the version read), nothing is sent without a signature
// or a refusal, and the officer is told so in words.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import type { InspectionDetail } from './api.ts';
import InspectionFormPage from './InspectionFormPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const DRAFT = {
  id: 'i1',
  kind: 'on-site',
  enterpriseId: 'e1',
  enterpriseName: '上栗县金花烟花制造有限公司',
  drawId: null,
  status: 'draft',
  inspectedOn: '2026-06-15',
  inspectorNames: ['李强', '周文斌'],
  offSiteSource: null,
  findings: 1,
  officerName: '执法·李强',
  version: 1,
  latitude: null,
  longitude: null,
  place: '',
  alarmId: null,
  clueId: null,
  sourceRef: '',
  checklist: [],
  summary: '',
  signerName: null,
  refusalReason: null,
  witness: null,
  completedAt: null,
  outcome: null,
  findingList: [
    {
      id: 'f1',
      description: '危险废物贮存间未设置识别标志',
      severity: 'minor',
      itemKey: null,
      requirement: '设置识别标志',
      orderId: null,
      caseId: null,
    },
  ],
  files: [],
} as unknown as InspectionDetail;

let sent: { method: string; url: string; body: Record<string, unknown> }[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'inspector', displayName: '执法·李强', roles: ['inspector'], enterpriseId: null },
    async (url, init) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET') {
        const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
        sent.push({ method, url, body });
        if (method === 'PUT') return jsonResponse({ ...DRAFT, summary: body.summary, version: 2 });
        return jsonResponse({ ...DRAFT, status: 'completed', version: Number(body.version) + 1 });
      }
      if (url === '/api/site-inspections/i1') return jsonResponse(DRAFT);
      if (url.startsWith('/api/enterprises?')) return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  sent = [];
});

const renderPage = () =>
  renderInApp([{ path: '/staff/site-inspections/:id', element: <InspectionFormPage /> }], '/staff/site-inspections/i1');

async function refuseBeforeWitness() {
  fireEvent.click(screen.getByRole('checkbox', { name: '企业拒绝签字' }));
  fireEvent.change(await screen.findByLabelText('拒签原因'), { target: { value: '负责人拒绝签字' } });
  fireEvent.change(screen.getByLabelText('见证人'), { target: { value: '村干部王某' } });
}

describe('InspectionFormPage: completing a record', () => {
  it('saves an edit not yet saved first, then completes the version it saved', async () => {
    renderPage();
    fireEvent.change(await screen.findByLabelText('检查情况'), { target: { value: '贮存间无标识，已当场告知' } });
    await refuseBeforeWitness();
    fireEvent.click(screen.getByTestId('inspection-complete'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: '/api/site-inspections/i1',
      body: { summary: '贮存间无标识，已当场告知', version: 1 },
    });
    expect(sent[1]).toEqual({
      method: 'POST',
      url: '/api/site-inspections/i1/complete',
      body: { refusalReason: '负责人拒绝签字', witness: '村干部王某', version: 2 },
    });
  });

  it('completes an unchanged draft as it was read, with nothing saved', async () => {
    renderPage();
    await screen.findByLabelText('检查情况');
    await refuseBeforeWitness();
    fireEvent.click(screen.getByTestId('inspection-complete'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/site-inspections/i1/complete', body: { version: 1 } });
  });

  it('says “请先签名” and sends nothing when the pad is empty', async () => {
    renderPage();
    fireEvent.change(await screen.findByLabelText('签字人'), { target: { value: '张厂长' } });
    fireEvent.click(screen.getByTestId('inspection-complete'));
    expect(await screen.findByText('请先签名')).toBeTruthy();
    expect(screen.queryByText('发生未知错误')).toBeNull();
    expect(sent).toEqual([]);
  });
});
