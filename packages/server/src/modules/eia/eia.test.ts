import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../plugins/auth.ts';
import { buildTestApp, type Client, loginAs, makeEnterprise, phoneCode, type TestApp } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { createCase, decideCase } from './service.ts';

let t: TestApp;
let clerk: Client;
let approver: Client;
let inspector: Client;
let leader: Client;
let entA: Client;
let A: { id: string; name: string };
let B: { id: string; name: string };

beforeAll(async () => {
  t = await buildTestApp();
  A = await makeEnterprise(t, { industryCode: '2672' });
  B = await makeEnterprise(t, { industryCode: '3031' });
  clerk = await loginAs(t, ['clerk']);
  approver = await loginAs(t, ['approver']);
  inspector = await loginAs(t, ['inspector']);
  leader = await loginAs(t, ['leader']);
  entA = await loginAs(t, ['enterprise'], A.id);
}, 120_000);
afterAll(() => t.close());

const commitment = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({
  enterpriseId,
  path: 'commitment',
  projectName: '组合烟花生产线技术改造项目',
  projectAddress: '萍乡市上栗县上栗镇金花村',
  constructionType: 'alteration',
  industryCode: '2672',
  category: 'report-form',
  catalogueRow: '名录第44项 · 报告表栏',
  contactName: '刘建国',
  contactPhone: '13907990188',
  commitmentSigned: true,
  ...extra,
});

/** Moves a case's publicity back so that its five working days are over. */
async function endPublicity(id: string) {
  await t.database.db.execute(
    sql`update clocks set start = start - interval '14 days' where id = (select publicity_clock_id from eia_cases where id = ${id})`,
  );
}

describe('commitment path', () => {
  it('refuses an ineligible project with every failed check and its source, and changes nothing', async () => {
    const before = (await clerk.request({ method: 'GET', url: '/api/eia/cases' })).json().total;
    const res = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { electroplating: true, inSensitiveArea: true }),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('EIA_NOT_ELIGIBLE');
    expect(res.json().detail).toContain('不涉及环境敏感区');
    expect(res.json().detail).toContain('电镀');
    expect(res.json().failed).toEqual(['sensitive-area', 'electroplating']);
    expect((await clerk.request({ method: 'GET', url: '/api/eia/cases' })).json().total).toBe(before);
    const elig = await clerk.request({
      method: 'GET',
      url: '/api/eia/commitment-eligibility?industryCode=1311&category=report-form',
    });
    expect(elig.json()).toMatchObject({ eligible: false, failed: [{ key: 'industry' }] });
  });

  it('rejects bad input with field details: unsigned commitment, category not fitting the path', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { commitmentSigned: false, path: 'filing', category: 'report-form' }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('category');
    expect(paths).toContain('receiptNo');
  });

  it('publicity → objection → refused decisions → answer → approval → verification on the worklist → revoke', async () => {
    const created = await clerk.request({ method: 'POST', url: '/api/eia/cases', payload: commitment(A.id) });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.state).toBe('publicity');
    expect(c.commitmentText).toContain('本单位郑重承诺');
    expect(c.publicityEndsOn > c.acceptedOn).toBe(true);

    // on the public portal, personal data masked
    const notices = (await t.app.inject({ method: 'GET', url: '/api/public/eia/notices?kind=pre-approval' })).json();
    const n = notices.items.find((x: { id: string }) => x.id === c.id);
    expect(n).toMatchObject({ kind: 'pre-approval', contactName: '刘**', contactPhone: '139****0188', open: true });
    expect(JSON.stringify(notices)).not.toContain('13907990188');

    // a citizen objects: a phone code proves the phone
    const phone = '13907995501';
    const noCode = await t.app.inject({
      method: 'POST',
      url: `/api/public/eia/notices/${c.id}/objections`,
      payload: { name: '汤建军', phone, content: '担心粉尘' },
    });
    expect(noCode.statusCode).toBe(400);
    const code = await phoneCode(t, phone);
    const obj = await t.app.inject({
      method: 'POST',
      url: `/api/public/eia/notices/${c.id}/objections`,
      payload: { name: '汤建军', phone, phoneCode: code, content: '厂区离我家很近，担心粉尘' },
    });
    expect(obj.statusCode, obj.body).toBe(201);
    expect(obj.json().name).toBe('汤**');

    // the decision waits for the publicity's end …
    const early = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true, documentNo: '上环承诺审〔2026〕1号' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('EIA_PUBLICITY_RUNNING');
    await endPublicity(c.id);
    // … and for every objection's answer
    const unanswered = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true, documentNo: '上环承诺审〔2026〕1号' },
    });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().detail).toContain('1 条意见尚未答复');
    // after the publicity, no more objections
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/public/eia/notices/${c.id}/objections`,
      payload: { name: '汤建军', phone, phoneCode: code, content: '再提一次' },
    });
    expect(late.statusCode).toBe(409);

    const detail = (await approver.request({ method: 'GET', url: `/api/eia/cases/${c.id}` })).json();
    expect(detail.objections[0].phone).toBe(phone);
    const answered = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/objections/${detail.objections[0].id}/answer`,
      payload: { answer: '混药工房设湿式除尘，距居民点满足安全距离' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const noNumber = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true },
    });
    expect(noNumber.statusCode).toBe(400);
    const ok = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true, documentNo: '上环承诺审〔2026〕1号' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = ok.json();
    expect(approved.state).toBe('approved');
    expect(approved.verificationDueDate).toBeTruthy();

    // the verification is on the inspector's worklist
    const work = (await inspector.request({ method: 'GET', url: '/api/worklist?pageSize=100' })).json();
    expect(JSON.stringify(work)).toContain(`环评 ${c.code} 告知承诺事后核查`);

    // an approval notice now, the pre-approval gone
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/eia/notices/${c.id}` })).json();
    expect(pub).toMatchObject({ kind: 'approval', documentNo: '上环承诺审〔2026〕1号', open: false });
    expect(pub.objections[0]).toMatchObject({ name: '汤**', answer: '混药工房设湿式除尘，距居民点满足安全距离' });
    expect(pub.objections[0].phone).toBeUndefined();

    const noCredit = await inspector.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/verification`,
      payload: { version: approved.version, result: 'revoke', note: '承诺不实' },
    });
    expect(noCredit.statusCode).toBe(400);
    const revoked = await inspector.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/verification`,
      payload: {
        version: approved.version,
        result: 'revoke',
        note: '实际建设燃煤烘干窑，与承诺不符',
        creditConsequence: '记入企业环境信用记录，降为警示',
      },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({
      state: 'revoked',
      revocationReason: '实际建设燃煤烘干窑，与承诺不符',
      creditConsequence: '记入企业环境信用记录，降为警示',
    });
    const again = await inspector.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/verification`,
      payload: { version: revoked.json().version, result: 'pass', note: '再次核查' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('EIA_STATE');
  });

  it('a stale version is refused', async () => {
    const c = (await clerk.request({ method: 'POST', url: '/api/eia/cases', payload: commitment(A.id) })).json();
    await endPublicity(c.id);
    const res = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version + 1, approve: false, reason: '不符合' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('RECORD_CHANGED');
  });
});

describe('the other paths', () => {
  it('exemption cites its list entry and who decided; filing records the receipt number; report book tracks the 批复文号', async () => {
    const ex = await approver.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(B.id, {
        path: 'exemption',
        category: 'none',
        commitmentSigned: undefined,
        industryCode: '3073',
        exemptionList: 'national',
        exemptionEntry: '名录第59项：不使用高污染燃料的特种陶瓷各栏均为“/”',
        decidedOn: '2020-06-01',
      }),
    });
    expect(ex.statusCode, ex.body).toBe(201);
    expect(ex.json()).toMatchObject({ state: 'exempted', decidedOn: '2020-06-01', exemptionList: 'national' });
    expect(ex.json().decidedByName).toBeTruthy();

    const noReceipt = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'filing', category: 'registration-form', commitmentSigned: undefined }),
    });
    expect(noReceipt.statusCode).toBe(400);
    const filing = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, {
        path: 'filing',
        category: 'registration-form',
        commitmentSigned: undefined,
        receiptNo: '20203603220000001234',
      }),
    });
    expect(filing.statusCode, filing.body).toBe(201);
    expect(filing.json()).toMatchObject({ state: 'filed', receiptNo: '20203603220000001234' });

    const book = (
      await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(B.id, { path: 'report-book', category: 'report-book', commitmentSigned: undefined }),
      })
    ).json();
    expect(book.state).toBe('at-city');
    const noRef = await clerk.request({
      method: 'POST',
      url: `/api/eia/cases/${book.id}/city-decision`,
      payload: { version: book.version, approve: true, decidedOn: book.acceptedOn },
    });
    expect(noRef.statusCode).toBe(400);
    const rec = await clerk.request({
      method: 'POST',
      url: `/api/eia/cases/${book.id}/city-decision`,
      payload: {
        version: book.version,
        approve: true,
        decidedOn: book.acceptedOn,
        externalRef: '萍环评字〔2026〕21号',
      },
    });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({
      state: 'approved',
      documentNo: '萍环评字〔2026〕21号',
      decidedByName: '萍乡市生态环境局',
    });
  });
});

describe('eia: enterprise A never sees or changes B', () => {
  it('A lists and reads only its own cases and files only for itself', async () => {
    const bCase = (
      await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(B.id, { industryCode: '3031' }),
      })
    ).json();
    const list = (
      await entA.request({ method: 'GET', url: `/api/eia/cases?pageSize=100&enterpriseId=${B.id}` })
    ).json();
    expect(list.items).toEqual([]);
    const own = (await entA.request({ method: 'GET', url: '/api/eia/cases?pageSize=100' })).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((x: { enterpriseId: string }) => x.enterpriseId === A.id)).toBe(true);
    expect((await entA.request({ method: 'GET', url: `/api/eia/cases/${bCase.id}` })).statusCode).toBe(403);
    const forB = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(B.id, {
        path: 'filing',
        category: 'registration-form',
        commitmentSigned: undefined,
        receiptNo: 'X1',
      }),
    });
    expect(forB.statusCode).toBe(403);
    // an enterprise does not open a commitment case itself (the bureau accepts it)
    expect((await entA.request({ method: 'POST', url: '/api/eia/cases', payload: commitment(A.id) })).statusCode).toBe(
      403,
    );
    expect(
      (
        await entA.request({
          method: 'POST',
          url: `/api/eia/cases/${bCase.id}/decision`,
          payload: { version: 1, approve: false, reason: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('figures', () => {
  it('counts commitment approvals, exemptions and filings by decision date and drills down to them', async () => {
    const db = t.database.db;
    const staff = { id: null, username: 'clerk', roles: ['clerk'], enterpriseId: null } as unknown as SessionUser;
    const c = await createCase(
      db,
      staff,
      SYSTEM_ACTOR,
      commitment(A.id) as never,
      new Date('2020-03-02T09:00:00+08:00'),
    );
    await decideCase(
      db,
      SYSTEM_ACTOR,
      c.id,
      { version: c.version, approve: true, documentNo: '上环承诺审〔2020〕1号' },
      new Date('2020-03-12T10:00:00+08:00'),
    );
    const period = 'from=2020-01-01&to=2020-11-30';
    const { values } = (await leader.request({ method: 'GET', url: `/api/figures?${period}` })).json();
    expect(values.commitmentEiaApproved).toBe(1);
    expect(values.eiaExemptions).toBe(1);
    const rec = (
      await leader.request({ method: 'GET', url: `/api/figures/commitmentEiaApproved/records?${period}` })
    ).json();
    expect(rec.items).toHaveLength(1);
    expect(rec.items[0]).toMatchObject({
      id: c.id,
      date: '2020-03-12',
      enterpriseId: A.id,
      link: `/staff/eia/${c.id}`,
    });
    expect(rec.items[0].detail).toContain('上环承诺审〔2020〕1号');
    const ex = (await leader.request({ method: 'GET', url: `/api/figures/eiaExemptions/records?${period}` })).json();
    expect(ex.items[0].detail).toContain('名录第59项');
    // the period is bounded by its days
    const march = (await leader.request({ method: 'GET', url: '/api/figures?from=2020-03-13&to=2020-11-30' })).json();
    expect(march.values.commitmentEiaApproved).toBe(0);
  });
});
