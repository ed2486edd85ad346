// @vitest-environment jsdom
// The decision step of an EIA case against a stubbed API: a commitment case is not offered a
// decision the server would refuse (publicity running, an objection unanswered), and a decision,
// which takes the bureau's next 文号 for good, is sent only once the approver confirms it.
import { cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import { stubMatchMedia } from '../../test-support/jsdom.ts';
import type { EiaCaseDetail } from './api.ts';
import EiaDetailPage from './EiaDetailPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const BASE: EiaCaseDetail = {
  id: 'c1',
  code: '环评2026-0024',
  enterpriseId: 'e1',
  enterpriseName: '上栗县金花烟花制造有限公司',
  path: 'commitment',
  state: 'publicity',
  projectName: '烟花药物混合工房扩建项目',
  projectAddress: '萍乡市上栗县上栗镇金花村',
  constructionType: 'expansion',
  industryCode: '2672',
  category: 'report-form',
  catalogueRow: '名录第44行',
  classification: null,
  contactName: '刘建国',
  contactPhone: '13907971110',
  inSensitiveArea: false,
  electroplating: false,
  nationalSecurity: false,
  commitmentText: '本单位郑重承诺……',
  commitmentSignedAt: '2026-12-01T02:00:00.000Z',
  acceptedOn: '2026-12-01',
  publicityEndsOn: '2099-12-31',
  decidedOn: null,
  decidedByName: null,
  documentNo: null,
  decisionReason: null,
  exemptionList: null,
  exemptionEntry: null,
  receiptNo: null,
  verificationDueDate: null,
  decisionDueDate: null,
  verificationResult: null,
  verificationNote: null,
  verifiedOn: null,
  revocationReason: null,
  creditConsequence: null,
  unansweredObjections: 0,
  applicationId: null,
  applicationCode: null,
  documents: [],
  version: 3,
  objections: [],
};

let current: EiaCaseDetail = BASE;
let decisions: unknown[] = [];

/** What React and antd said on the console (antd says each warning once a run). */
const said: string[] = [];

beforeAll(() => {
  for (const level of ['error', 'warn'] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void said.push(args.map(String).join(' ')));
  stubBrowser();
  stubApi(
    { id: 'u1', username: 'approver', displayName: '审批', roles: ['approver'], enterpriseId: null },
    async (url, init) => {
      if (url === '/api/eia/cases/c1/decision' && init?.method === 'POST') {
        decisions.push(JSON.parse(String(init.body)));
        return jsonResponse({ ...current, state: 'approved' });
      }
      if (url.startsWith('/api/eia/cases/c1')) return jsonResponse(current);
      return undefined;
    },
  );
});

afterEach(() => {
  cleanup();
  decisions = [];
});

function renderPage(c: EiaCaseDetail) {
  current = c;
  renderInApp([{ path: '/staff/eia/:id', element: <EiaDetailPage face="staff" /> }], '/staff/eia/c1');
}

const decideButton = async () => (await screen.findByTestId('eia-decide')) as HTMLButtonElement;

describe('EiaDetailPage: the decision', () => {
  it('is not offered while the publicity runs', async () => {
    renderPage(BASE);
    expect((await decideButton()).disabled).toBe(true);
  });

  it('is not offered while an objection waits for its answer, though the publicity has ended', async () => {
    renderPage({ ...BASE, publicityEndsOn: '2026-01-09', unansweredObjections: 1 });
    expect((await decideButton()).disabled).toBe(true);
    expect(screen.getByText('1 条意见待答复')).toBeTruthy();
  });

  it('is sent only after the approver confirms it', async () => {
    renderPage({ ...BASE, publicityEndsOn: '2026-01-09' });
    const button = await decideButton();
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(await screen.findByText('确认批准？决定作出后将生成本局文号，不能撤回。')).toBeTruthy();
    expect(decisions).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(decisions).toEqual([{ version: 3, approve: true }]));
  });
});

describe('EiaDetailPage: the facts table', () => {
  it('adds up its lines on antd’s first render and on a phone: no "Sum of column span" warning', async () => {
    // the cases above rendered with no breakpoint known (antd lays out three columns); now a phone,
    // with every line that stands alone: catalogue row, exemption list and entry, verification, credit
    stubMatchMedia(375);
    renderPage({
      ...BASE,
      state: 'revoked',
      exemptionList: 'national',
      exemptionEntry: '名录第五条',
      verificationResult: 'revoke',
      verifiedOn: '2026-02-01',
      verificationNote: '未落实承诺',
      creditConsequence: '记入环境信用记录',
      revocationReason: '未落实承诺',
    });
    expect(await screen.findByText('记入环境信用记录')).toBeTruthy();
    expect(said.filter((m) => m.includes('Sum of column'))).toEqual([]);
  });
});
