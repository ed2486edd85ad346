// @vitest-environment jsdom
// The enterprise's answer to an alarm against a stubbed API: its attachment is picked with words in
// the app's language (the browser's own file input speaks the browser's), a file over the limit is
// refused before anything is sent, and the one picked goes with the answer as before.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import AlarmDetailPage from './AlarmDetailPage.tsx';
import type { AlarmDetail } from './api.ts';

configure({ asyncUtilTimeout: 10_000 });

const DETAIL = {
  alarm: {
    id: 'a1',
    kind: 'r3-control-low-power',
    kindLabel: '治污设施低功率运行',
    kindSource: '本局分表计电监控规则',
    state: 'active',
    acknowledged: false,
    sourceKind: 'facility',
    sourceId: 'm1',
    sourceName: '脱硫塔循环泵',
    enterpriseId: 'e1',
    enterpriseName: '上栗县金花烟花制造有限公司',
    detail: '1号隧道窑运行期间，脱硫塔循环泵功率低于额定功率的50%：2026-06-15 09:00起至今，持续约40分钟',
    detailEn: null,
    evidence: {},
    occurrences: 1,
    firstSeenAt: '2026-06-15T01:00:00.000Z',
    lastSeenAt: '2026-06-15T01:40:00.000Z',
    raisedAt: '2026-06-15T01:40:00.000Z',
    clearedAt: null,
    answeredAt: null,
    answeredInTime: false,
    answerDueAt: '2026-06-15T03:40:00.000Z',
    answerReason: null,
    answerAction: null,
    escalatedAt: null,
    closedAt: null,
    closedByName: null,
    outcome: null,
    reviewNote: null,
    recurrenceOf: null,
  },
  events: [],
  attachment: null,
} as unknown as AlarmDetail;

let answers: {
  reason: string;
  action: string;
  attachment?: { name: string; contentType: string; dataBase64: string };
}[] = [];

beforeAll(() => {
  stubBrowser();
  stubApi(
    {
      id: 'u1',
      username: 'qiye1',
      displayName: '环保专员',
      roles: ['enterprise'],
      enterpriseId: 'e1',
      enterpriseName: '上栗县金花烟花制造有限公司',
    },
    async (url, init) => {
      if (url === '/api/alarms/a1/answer' && init?.method === 'POST') {
        answers.push(JSON.parse(String(init.body)));
        return jsonResponse(DETAIL);
      }
      if (url.startsWith('/api/alarms/a1')) return jsonResponse(DETAIL);
      return undefined;
    },
  );
});

afterEach(async () => {
  cleanup();
  answers = [];
  await setLanguage('zh-CN');
});

const renderPage = () =>
  renderInApp([{ path: '/enterprise/alarms/:id', element: <AlarmDetailPage /> }], '/enterprise/alarms/a1');

const fileInput = () => document.querySelector<HTMLInputElement>('input[type=file]')!;
const pick = (file: File) => fireEvent.change(fileInput(), { target: { files: [file] } });

describe('AlarmDetailPage: the answer’s attachment', () => {
  it('is picked with the app’s words, in Chinese and in English, keeping the accepted types', async () => {
    renderPage();
    expect(await screen.findByRole('button', { name: /选择文件/ })).toBeTruthy();
    // the native input is antd's hidden one: nothing on the page is in the browser's words
    expect(fileInput().accept).toBe('application/pdf,image/jpeg,image/png');
    expect(fileInput().closest('[style*="display: none"], .ant-upload')).not.toBeNull();
    cleanup();
    await setLanguage('en');
    renderPage();
    expect(await screen.findByRole('button', { name: /Choose file/ })).toBeTruthy();
    expect(screen.getByText('PDF, JPG or PNG, up to 2 MB')).toBeTruthy();
  });

  it('refuses a file over 2 MB before sending, and sends the one picked with the answer', async () => {
    renderPage();
    await screen.findByRole('button', { name: /选择文件/ });
    pick(new File([new Uint8Array(2 * 1_048_576 + 1)], '太大.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('附件不能超过 2 MB')).toBeTruthy();
    expect(screen.queryByText('太大.pdf')).toBeNull();
    pick(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '整改说明.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('整改说明.pdf')).toBeTruthy();
    expect(screen.getByRole('button', { name: /更换文件/ })).toBeTruthy();
    fireEvent.change(screen.getByTestId('alarm-answer-reason'), { target: { value: '循环泵叶轮磨损' } });
    fireEvent.change(screen.getByTestId('alarm-answer-action'), { target: { value: '已更换叶轮' } });
    fireEvent.click(screen.getByTestId('alarm-answer-submit'));
    await waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toEqual({
      reason: '循环泵叶轮磨损',
      action: '已更换叶轮',
      attachment: { name: '整改说明.pdf', contentType: 'application/pdf', dataBase64: 'JVBERg==' },
    });
  });
});
