// @vitest-environment jsdom
// Completing an on-site record against a stubbed API: what the form shows is what gets completed
// (an edit not yet saved is saved first, at the version read), nothing is sent without a signature
// or a refusal, and the officer is told so in words.

import { addCalendarDays, todayInShanghai } from '@qingshan/core';
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
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
/** the record as the server has it now: a saved draft moves its version */
let current: InspectionDetail = DRAFT;
/** what the next completion meets: a refusal (a problem), or the record completed */
let refusal: Record<string, unknown> | null = null;
const SECRET = {
  type: 'about:blank',
  title: '抽查名单公开前仅检查组成员可以查看',
  status: 403,
  code: 'INSPECTION_DRAW_SECRET',
};

/** The canvas jsdom does not draw: strokes are counted, and the drawing exported is their number. */
const DRAWN = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
function stubCanvas() {
  const ctx = {
    beginPath() {},
    moveTo() {},
    lineTo() {},
    stroke() {},
    clearRect() {},
    save() {},
    restore() {},
    drawImage() {},
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(`data:image/png;base64,${DRAWN}`);
  HTMLCanvasElement.prototype.setPointerCapture = () => {};
}

beforeAll(() => {
  stubBrowser();
  stubCanvas();
  stubApi(
    { id: 'u1', username: 'inspector', displayName: '执法·李强', roles: ['inspector'], enterpriseId: null },
    async (url, init) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET') {
        const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
        sent.push({ method, url, body });
        if (method === 'PUT') {
          current = { ...current, summary: body.summary as string, inspectedOn: body.inspectedOn as string };
          current = { ...current, version: current.version + 1 };
          return jsonResponse(current);
        }
        if (refusal) return jsonResponse(refusal, refusal.status as number);
        return jsonResponse({ ...current, status: 'completed', version: Number(body.version) + 1 });
      }
      if (url === '/api/site-inspections/i1') return jsonResponse(current);
      if (url.startsWith('/api/enterprises?')) return jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 });
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  sent = [];
  current = DRAFT;
  refusal = null;
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

describe('InspectionFormPage: the day inspected', () => {
  it('is picked on a calendar in YYYY-MM-DD, not the browser’s own date field, and sent as that day', async () => {
    renderPage();
    const input = (await screen.findByLabelText('检查日期')) as HTMLInputElement;
    expect(input.type).not.toBe('date');
    expect(input.value).toBe('2026-06-15');
    fireEvent.mouseDown(input);
    fireEvent.click(input);
    fireEvent.click(await screen.findByTitle('2026-06-10'));
    await waitFor(() => expect(input.value).toBe('2026-06-10'));
    fireEvent.click(screen.getByTestId('inspection-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'PUT', body: { inspectedOn: '2026-06-10', version: 1 } });
  });

  it('offers no day after today in Beijing', async () => {
    const today = todayInShanghai();
    current = { ...DRAFT, inspectedOn: today };
    renderPage();
    const input = (await screen.findByLabelText('检查日期')) as HTMLInputElement;
    expect(input.value).toBe(today);
    fireEvent.mouseDown(input);
    fireEvent.click(input);
    const cell = (title: string) => screen.findByTitle(title).then((e) => e.closest('td')!);
    expect((await cell(today)).className).not.toContain('ant-picker-cell-disabled');
    const tomorrow = addCalendarDays(today, 1);
    expect((await cell(tomorrow)).className).toContain('ant-picker-cell-disabled');
  });
});

describe('InspectionFormPage: a refused completion after the draft was saved', () => {
  it('reloads the form at the new version with the signature and the signer still there', async () => {
    refusal = SECRET;
    renderPage();
    fireEvent.change(await screen.findByLabelText('检查情况'), { target: { value: '贮存间无标识' } });
    fireEvent.change(screen.getByLabelText('签字人'), { target: { value: '张厂长' } });
    const pad = screen.getByTestId('signature-pad');
    fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 60, clientY: 40, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    fireEvent.click(screen.getByTestId('inspection-complete'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({
      url: '/api/site-inspections/i1/complete',
      body: { signaturePng: DRAWN, version: 2 },
    });
    expect(await screen.findByText('抽查名单公开前仅检查组成员可以查看')).toBeTruthy();
    // the form was read again at version 2 (a new form, mounted afresh) ...
    await waitFor(() => expect((screen.getByLabelText('检查情况') as HTMLTextAreaElement).value).toBe('贮存间无标识'));
    await waitFor(() => expect(screen.getByTestId('signature-pad')).not.toBe(pad));
    // ... and completing again sends the same signature, without signing again
    refusal = null;
    expect((screen.getByLabelText('签字人') as HTMLInputElement).value).toBe('张厂长');
    fireEvent.click(screen.getByTestId('inspection-complete'));
    await waitFor(() => expect(sent).toHaveLength(3));
    expect(sent[2]).toEqual({
      method: 'POST',
      url: '/api/site-inspections/i1/complete',
      body: { signerName: '张厂长', signaturePng: DRAWN, version: 2 },
    });
    expect(screen.queryByText('请先签名')).toBeNull();
  });
});

describe('InspectionFormPage: a signature the server cannot read', () => {
  it('says why in plain words, not only that something was wrong', async () => {
    refusal = {
      type: 'about:blank',
      title: '提交的内容有误',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: 'signaturePng', message: '签名为空白或无法识别，请重新签名' }],
    };
    renderPage();
    fireEvent.change(await screen.findByLabelText('签字人'), { target: { value: '张厂长' } });
    const pad = screen.getByTestId('signature-pad');
    fireEvent.pointerDown(pad, { clientX: 10, clientY: 10, pointerId: 1 });
    fireEvent.pointerMove(pad, { clientX: 11, clientY: 10, pointerId: 1 });
    fireEvent.pointerUp(pad, { pointerId: 1 });
    fireEvent.click(screen.getByTestId('inspection-complete'));
    expect(await screen.findByText('提交的内容有误；签名为空白或无法识别，请重新签名')).toBeTruthy();
    expect(screen.queryByText(/signaturePng/)).toBeNull();
  });
});
