import { SHIPPED_MATTERS } from '@qingshan/core/matters';
import { eq, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../plugins/auth.ts';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { applications } from '../applications/tables.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { completeClock, getClock, startClock } from '../clocks/service.ts';
import { clocks } from '../clocks/tables.ts';
import { createCase, decideCase } from './service.ts';
import { eiaCases } from './tables.ts';

let t: TestApp;
let clerk: Client;
let approver: Client;
let inspector: Client;
let leader: Client;
let entA: Client;
let entB: Client;
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
  entB = await loginAs(t, ['enterprise'], B.id);
}, 120_000);
afterAll(() => t.close());

const commitment = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({
  enterpriseId,
  path: 'commitment',
  projectName: '组合烟花生产线技术改造项目',
  projectAddress: '萍乡市上栗县上栗镇金花村',
  constructionType: 'alteration',
  industryCode: '2672',
  // row 44: physical mixing with VOCs → 报告表 (the server classifies; no category is sent)
  facts: { chemicalReaction: false, productionWastewater: false, vocEmissions: true },
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

async function docText(c: Client, id: string, kind: string): Promise<string> {
  const res = await c.request({ method: 'GET', url: `/api/eia/cases/${id}/documents/${kind}` });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('wordprocessingml');
  const zip = await JSZip.loadAsync(res.rawPayload);
  return zip.file('word/document.xml')!.async('string');
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
    expect(elig.json().failed[0].source).toContain('本局行业清单');
    // in English the check cites its source in English, the document number as issued
    const eligEn = await clerk.request({
      method: 'GET',
      url: '/api/eia/commitment-eligibility?industryCode=1311&category=report-form',
      headers: { 'accept-language': 'en' },
    });
    expect(eligEn.json().failed[0]).toMatchObject({
      key: 'industry',
      source: expect.stringContaining('环综合〔2020〕13号 (the EIA approval positive list'),
    });
    expect(eligEn.json().failed[0].source).toContain('this bureau’s list of industries');
  });

  it('rejects bad input with field details: unsigned commitment, missing receipt, a typed-in category', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { commitmentSigned: false }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('commitmentSigned');
    const filing = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'filing', commitmentSigned: undefined }),
    });
    expect(filing.json().errors.map((e: { path: string }) => e.path)).toContain('receiptNo');
    const typed = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { category: 'report-form' }),
    });
    expect(typed.statusCode).toBe(400);
  });

  it('takes the category from the classification engine: asks for missing facts, refuses a path it does not allow', async () => {
    const before = (await clerk.request({ method: 'GET', url: '/api/eia/cases' })).json().total;
    const missing = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { facts: {} }),
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'EIA_CLASSIFICATION_INCOMPLETE', missingFacts: ['chemicalReaction'] });
    expect(missing.json().detail).toContain('化学反应');
    const missingEn = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      headers: { 'accept-language': 'en' },
      payload: commitment(A.id, { facts: {} }),
    });
    // an English reader is asked the wizard's question in English: never the engine's key, nor Chinese
    expect(missingEn.json().detail).toBe(
      'The EIA category cannot be decided yet (catalogue row 44); answer in the EIA classification wizard: The process involves a chemical reaction (pilot-scale R&D included). Answer no if there is only purely physical separation, physical purification, mixing or repackaging (catalogue note 3: simple mixing is physical mixing with no chemical reaction)',
    );
    // a cement clinker line needs a report book: not the commitment path, and not an ordinary report form
    const book = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(B.id, { industryCode: '3011', facts: { cementGrindingOnly: false } }),
    });
    expect(book.statusCode).toBe(422);
    expect(book.json()).toMatchObject({
      code: 'EIA_PATH_MISMATCH',
      category: 'report-book',
      suggestedPaths: ['report-book'],
    });
    expect(book.json().detail).toContain('第54行“报告书”栏');
    expect(book.json().detail).toContain('报告书审批（市局审批，跟踪）');
    const outside = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(B.id, {
        path: 'ordinary',
        commitmentSigned: undefined,
        industryCode: '3073',
        facts: { industrialBuilding: true, highPollutionFuel: false },
      }),
    });
    expect(outside.json()).toMatchObject({
      code: 'EIA_PATH_MISMATCH',
      category: 'none',
      suggestedPaths: ['exemption'],
    });
    expect((await clerk.request({ method: 'GET', url: '/api/eia/cases' })).json().total).toBe(before);
  });

  it('numbers a report-form approval in the 上环审 series it shares with the window’s decisions', async () => {
    const created = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'ordinary', commitmentSigned: undefined }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    await endPublicity(c.id);
    // the window's register (applications) has given 上环审 up to 40 this year
    const year = c.acceptedOn.slice(0, 4);
    await t.database.query(
      `insert into applications (code, matter_code, matter_version, matter_name, enterprise_id, project_name,
         applicant_name, applicant_phone, channel, status, received_at, decision_number)
       values ($1, 'eia-report-form', 1, '建设项目环境影响报告表审批', $2, '报告表项目', '刘建国', '13907990101',
         'window', 'approved', now(), $3)`,
      [uniqueName('SQ'), A.id, `上环审〔${year}〕40号`],
    );
    const res = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().documentNo).toBe(`上环审〔${year}〕41号`);
  });

  it('publicity → objection → refused decisions → answer → approval → verification on the worklist → revoke', async () => {
    const created = await clerk.request({ method: 'POST', url: '/api/eia/cases', payload: commitment(A.id) });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.state).toBe('publicity');
    expect(c.category).toBe('report-form');
    expect(c.classification).toMatchObject({ row: 44, column: 'report-form', catalogueVersion: 'ML2021' });
    expect(c.classification.quote).toBe('单纯物理分离、物理提纯、混合、分装的（不产生废水或挥发性有机物的除外）');
    expect(c.catalogueRow).toContain('名录第44行');
    expect(c.documents).toEqual([]);
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
      payload: { version: c.version, approve: true },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('EIA_PUBLICITY_RUNNING');
    await endPublicity(c.id);
    // … and for every objection's answer
    const unanswered = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true },
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
    const typedNumber = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true, documentNo: '上环承诺审〔2026〕99号' },
    });
    expect(typedNumber.statusCode).toBe(400);
    const ok = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const approved = ok.json();
    expect(approved.state).toBe('approved');
    expect(approved.verificationDueDate).toBeTruthy();
    // the 文号 is generated on the decision, in order within the year
    const year = approved.decidedOn.slice(0, 4);
    expect(approved.documentNo).toMatch(new RegExp(`^上环承诺审〔${year}〕\\d+号$`));
    expect(approved.documents).toEqual(['decision']);
    // the publicity ended at the end of its last day (met: it is a wait, not the bureau's duty);
    // the decision owed one working day after it was made a week late: its own clock says missed
    const caseClocks = await t.database.db.select().from(clocks).where(eq(clocks.ownerId, c.id));
    const publicity = await getClock(
      t.database.db,
      caseClocks.find((k) => k.profileKey === 'eia.commitment.publicity')!.id,
    );
    expect(publicity.state).toBe('met');
    expect(new Date(publicity.completedAt!).toISOString()).toBe(
      new Date(`${publicity.dueDate}T23:59:59.999+08:00`).toISOString(),
    );
    const decision = await getClock(
      t.database.db,
      caseClocks.find((k) => k.profileKey === 'eia.commitment.decision')!.id,
    );
    expect(decision).toMatchObject({ state: 'missed' });
    expect(decision.dueDate > publicity.dueDate).toBe(true);

    // the decision document: for staff and for the enterprise that owns the case, nobody else
    const doc = await docText(entA, c.id, 'decision');
    expect(doc).toContain(approved.documentNo);
    expect(doc).toContain('第44行“报告表”栏');
    expect(doc).toContain('事后核查');
    expect((await clerk.request({ method: 'GET', url: `/api/eia/cases/${c.id}/documents/decision` })).statusCode).toBe(
      200,
    );
    expect((await entB.request({ method: 'GET', url: `/api/eia/cases/${c.id}/documents/decision` })).statusCode).toBe(
      403,
    );
    expect((await entA.request({ method: 'GET', url: `/api/eia/cases/${c.id}/documents/exemption` })).statusCode).toBe(
      404,
    );

    // the enterprise was told each step, in plain words with the legal source
    const inbox = (await entA.request({ method: 'GET', url: '/api/inbox?pageSize=100' })).json().items as {
      kind: string;
      title: string;
      body: string;
      titleEn: string;
      bodyEn: string;
    }[];
    const mine = inbox.filter((m) => m.title.includes(c.code));
    const kinds = mine.map((m) => m.kind);
    for (const k of [
      'eia.publicity-started',
      'eia.objection',
      'eia.objection-answered',
      'eia.decided',
      'eia.verification-scheduled',
    ])
      expect(kinds, k).toContain(k);
    const answerNotice = mine.find((m) => m.kind === 'eia.objection-answered')!;
    expect(answerNotice.body).toContain('混药工房设湿式除尘');
    expect(answerNotice.body).not.toContain('汤建军');
    const decided = mine.find((m) => m.kind === 'eia.decided')!;
    expect(decided.body).toContain(approved.documentNo);
    expect(decided.body).toContain('依据：《中华人民共和国行政许可法》第三十八条');
    const objection = mine.find((m) => m.kind === 'eia.objection')!;
    expect(objection.body).toContain('担心粉尘');
    expect(objection.body).not.toContain('汤建军');
    expect(objection.body).not.toContain(phone);
    // and in English for the inbox's English face: the case code, the project's name and the people's words as they are
    const en = (kind: string) => mine.find((m) => m.kind === kind)!;
    expect(en('eia.publicity-started').titleEn).toBe(
      `EIA case ${c.code}: accepted; publicity of the intended approval has begun`,
    );
    expect(en('eia.publicity-started').bodyEn).toContain(`until ${c.publicityEndsOn}`);
    expect(en('eia.publicity-started').bodyEn).toContain(
      '\nBasis: Administrative Licensing Law art. 32; Environmental Impact Assessment Law art. 22',
    );
    expect(en('eia.objection').titleEn).toBe(`EIA case ${c.code}: objection received during publicity`);
    expect(en('eia.objection').bodyEn).toContain('“厂区离我家很近，担心粉尘”');
    expect(en('eia.objection').bodyEn).not.toContain('汤建军');
    expect(en('eia.objection-answered').bodyEn).toContain('as follows: 混药工房设湿式除尘，距居民点满足安全距离');
    expect(decided.titleEn).toBe(`EIA case ${c.code}: approved`);
    expect(decided.bodyEn).toContain(`The bureau has decided to approve (decision no. ${approved.documentNo})`);
    expect(decided.bodyEn).toContain('Basis: Administrative Licensing Law art. 38');
    expect(en('eia.verification-scheduled').bodyEn).toContain(
      `By ${approved.verificationDueDate} the bureau will check`,
    );

    // the verification is on the inspector's worklist
    const work = (await inspector.request({ method: 'GET', url: '/api/worklist?pageSize=100' })).json();
    expect(JSON.stringify(work)).toContain(`环评 ${c.code} 告知承诺事后核查`);

    // an approval notice now, the pre-approval gone
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/eia/notices/${c.id}` })).json();
    expect(pub).toMatchObject({ kind: 'approval', documentNo: approved.documentNo, open: false });
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
    const told = (
      await entA.request({ method: 'GET', url: '/api/inbox?pageSize=100&kind=eia.verification-result' })
    ).json();
    expect(told.items[0].body).toContain('撤销审批决定');
    expect(told.items[0].body).toContain('第六十九条');
    expect(told.items[0].titleEn).toBe(`EIA case ${c.code}: verification: approval revoked`);
    expect(told.items[0].bodyEn).toContain(`the bureau revokes its approval (${approved.documentNo})`);
    expect(told.items[0].bodyEn).toContain('Consequence for the enterprise’s credit: 记入企业环境信用记录，降为警示');
    expect(told.items[0].bodyEn).toContain('Administrative Licensing Law art. 69');
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
        commitmentSigned: undefined,
        industryCode: '3073',
        facts: { industrialBuilding: true, highPollutionFuel: false },
        exemptionList: 'national',
        exemptionEntry: '名录第59项：不使用高污染燃料的特种陶瓷各栏均为“/”',
        decidedOn: '2020-06-01',
      }),
    });
    expect(ex.statusCode, ex.body).toBe(201);
    expect(ex.json()).toMatchObject({ state: 'exempted', decidedOn: '2020-06-01', exemptionList: 'national' });
    expect(ex.json().decidedByName).toBeTruthy();
    expect(ex.json()).toMatchObject({ category: 'none', documentNo: '上环豁〔2020〕1号', documents: ['exemption'] });
    const letter = await docText(approver, ex.json().id, 'exemption');
    expect(letter).toContain('上环豁〔2020〕1号');
    expect(letter).toContain('第59行');
    expect(letter).toContain('不免除');

    const noReceipt = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'filing', commitmentSigned: undefined, industryCode: '7722', facts: {} }),
    });
    expect(noReceipt.statusCode).toBe(400);
    const filing = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, {
        path: 'filing',
        commitmentSigned: undefined,
        industryCode: '7722',
        facts: {},
        receiptNo: '20203603220000001234',
      }),
    });
    expect(filing.statusCode, filing.body).toBe(201);
    expect(filing.json()).toMatchObject({ state: 'filed', receiptNo: '20203603220000001234' });

    const book = (
      await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(B.id, {
          path: 'report-book',
          commitmentSigned: undefined,
          industryCode: '3011',
          facts: { cementGrindingOnly: false },
        }),
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
    // B was told of the exemption, the report book's registration and the city's decision, in English too
    const told = (await entB.request({ method: 'GET', url: '/api/inbox?pageSize=100' })).json().items as {
      title: string;
      titleEn: string;
      bodyEn: string;
    }[];
    const en = (code: string) => told.filter((m) => m.title.includes(code)).reverse();
    expect(en(ex.json().code).map((m) => m.titleEn)).toEqual([`EIA case ${ex.json().code}: exemption determined`]);
    expect(en(ex.json().code)[0]!.bodyEn).toContain('(document no. 上环豁〔2020〕1号)');
    expect(en(ex.json().code)[0]!.bodyEn).toContain('Basis: EIA classification catalogue (2021 edition), art. 5');
    expect(en(book.code).map((m) => m.titleEn)).toEqual([
      `EIA case ${book.code}: registered; the report book is decided by the Pingxiang city bureau`,
      `EIA case ${book.code}: approved by the city bureau`,
    ]);
    expect(en(book.code)[1]!.bodyEn).toContain(
      `The Pingxiang city bureau has approved your EIA report book (decision no. 萍环评字〔2026〕21号, ${book.acceptedOn}).`,
    );
  });
});

describe('case ↔ application', () => {
  async function application(
    enterpriseId: string,
    matterCode: string,
    accepted: boolean,
    status: string = accepted ? 'accepted' : 'submitted',
  ) {
    // the application's own path to acceptance is the applications module's test; here it only has to exist
    const [a] = await t.database.db
      .insert(applications)
      .values({
        code: `SQ-${matterCode}-${Math.random().toString(36).slice(2, 8)}`,
        matterCode,
        matterVersion: 1,
        matterName: SHIPPED_MATTERS.find((m) => m.code === matterCode)!.name,
        enterpriseId,
        projectName: '组合烟花生产线技术改造项目',
        applicantName: '刘建国',
        applicantPhone: '13907990188',
        channel: 'online',
        status,
        receivedAt: new Date(),
        acceptedAt: accepted ? new Date() : null,
        ...(status === 'approved' || status === 'refused'
          ? { decidedAt: new Date(), decisionReasons: '已作出决定' }
          : {}),
      })
      .returning();
    return a!;
  }

  it('opens a case from an accepted application of the same enterprise and matter, once; both show it', async () => {
    const app = await application(A.id, 'eia-report-form-commitment', true);
    const field = async (payload: object) => {
      const r = await clerk.request({ method: 'POST', url: '/api/eia/cases', payload });
      expect(r.statusCode, r.body).toBe(400);
      return r.json().errors[0].message as string;
    };
    // a refusal of the application's state is a conflict, told in plain words
    const conflict = async (payload: object, lang = 'zh-CN') => {
      const r = await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        headers: { 'accept-language': lang },
        payload,
      });
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().code).toBe('EIA_APPLICATION_NOT_LINKABLE');
      return r.json().detail as string;
    };
    expect(await field(commitment(B.id, { applicationId: app.id }))).toContain('没有这件申请');
    const pending = await application(A.id, 'eia-report-form-commitment', false);
    expect(await conflict(commitment(A.id, { applicationId: pending.id }))).toContain('尚未受理');
    const awaiting = await application(A.id, 'eia-report-form-commitment', false, 'awaiting-materials');
    expect(await conflict(commitment(A.id, { applicationId: awaiting.id }))).toContain('尚未受理');
    // refused or approved: the application is decided, a case would handle nothing
    const refused = await application(A.id, 'eia-report-form-commitment', true, 'refused');
    expect(await conflict(commitment(A.id, { applicationId: refused.id }))).toBe(
      '申请已办结（不予许可），不能再立环评事项',
    );
    expect(await conflict(commitment(A.id, { applicationId: refused.id }), 'en')).toBe(
      'The application has been decided (refused); no EIA case can be opened from it',
    );
    const approved = await application(A.id, 'eia-report-form-commitment', true, 'approved');
    expect(await conflict(commitment(A.id, { applicationId: approved.id }))).toContain('准予许可');
    expect(
      await t.database.db.select({ id: eiaCases.id }).from(eiaCases).where(eq(eiaCases.applicationId, refused.id)),
    ).toEqual([]);
    // expert review pauses the clock but the application is still being handled
    const reviewing = await application(A.id, 'eia-report-form-commitment', true, 'expert-review');
    const fromReview = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { applicationId: reviewing.id }),
    });
    expect(fromReview.statusCode, fromReview.body).toBe(201);
    const book = await application(A.id, 'eia-report-book', true);
    expect(await field(commitment(A.id, { applicationId: book.id }))).toContain('报告书审批');
    const bookEn = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      headers: { 'accept-language': 'en' },
      payload: commitment(A.id, { applicationId: book.id }),
    });
    expect(bookEn.json().errors[0].message).toContain('The application is for Approval of an EIA report book:');

    const c = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { applicationId: app.id }),
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ applicationId: app.id, applicationCode: app.code });
    expect(await conflict(commitment(A.id, { applicationId: app.id }))).toContain('已立环评事项');
    // the application's page finds its case by the link (the enterprise too)
    const linked = (await entA.request({ method: 'GET', url: `/api/eia/cases?applicationId=${app.id}` })).json();
    expect(linked.items.map((x: { id: string }) => x.id)).toEqual([c.json().id]);
    expect((await entB.request({ method: 'GET', url: `/api/eia/cases?applicationId=${app.id}` })).json().items).toEqual(
      [],
    );
  });
});

describe('an ordinary case awaiting its decision', () => {
  it("shows by when it must be decided: its application's handling clock, read, not copied", async () => {
    const [app] = await t.database.db
      .insert(applications)
      .values({
        code: `SQ-ordinary-${Math.random().toString(36).slice(2, 8)}`,
        matterCode: 'eia-report-form',
        matterVersion: 1,
        matterName: SHIPPED_MATTERS.find((m) => m.code === 'eia-report-form')!.name,
        enterpriseId: A.id,
        projectName: '组合烟花生产线技术改造项目',
        applicantName: '刘建国',
        applicantPhone: '13907990188',
        channel: 'online',
        status: 'accepted',
        receivedAt: new Date(),
        acceptedAt: new Date(),
      })
      .returning();
    const clock = await startClock(t.database.db, SYSTEM_ACTOR, {
      ownerType: 'application',
      ownerId: app!.id,
      profileKey: 'eia.report-form.statutory',
      start: new Date(),
      title: '报告表审批',
    });
    const created = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'ordinary', commitmentSigned: undefined, applicationId: app!.id }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ state: 'accepted', decisionDueDate: clock.dueDate });
    const listed = (await clerk.request({ method: 'GET', url: `/api/eia/cases?applicationId=${app!.id}` })).json();
    expect(listed.items[0].decisionDueDate).toBe(clock.dueDate);
    // the clock is the one owner: once it is completed, the list has no deadline to show
    await completeClock(t.database.db, SYSTEM_ACTOR, clock.id);
    const done = (await clerk.request({ method: 'GET', url: `/api/eia/cases?applicationId=${app!.id}` })).json();
    expect(done.items[0].decisionDueDate).toBeNull();
    // a case on another path has no decision deadline of its own here
    const commitmentCase = (
      await clerk.request({ method: 'POST', url: '/api/eia/cases', payload: commitment(A.id) })
    ).json();
    expect(commitmentCase.decisionDueDate).toBeNull();
  });
});

describe('an ordinary case without an application', () => {
  it('shows its own 30-day limit as the day to decide by, never as a publicity period', async () => {
    const created = await clerk.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: commitment(A.id, { path: 'ordinary', commitmentSigned: undefined }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const [row] = await t.database.db.select().from(eiaCases).where(eq(eiaCases.id, c.id));
    const own = await getClock(t.database.db, row!.publicityClockId!);
    // a report form has no 拟批准公示: the page showed this date as 公示截止日期
    expect(c).toMatchObject({ state: 'accepted', publicityEndsOn: null, decisionDueDate: own!.dueDate });
    const listed = (
      await clerk.request({ method: 'GET', url: `/api/eia/cases?q=${encodeURIComponent(c.code)}` })
    ).json();
    expect(listed.items[0]).toMatchObject({ publicityEndsOn: null, decisionDueDate: own!.dueDate });
    const notice = (await clerk.request({ method: 'GET', url: `/api/public/eia/notices/${c.id}` })).json();
    expect(notice).toMatchObject({ kind: 'acceptance', publicityEndsOn: null });
    // decided: nothing left to decide by
    const decided = await approver.request({
      method: 'POST',
      url: `/api/eia/cases/${c.id}/decision`,
      payload: { version: c.version, approve: true },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'approved', publicityEndsOn: null, decisionDueDate: null });
  });
});

describe('the case list', () => {
  it('sorts by the day accepted and by enterprise, each way; refuses an unknown sort', async () => {
    const tag = uniqueName('排序');
    const [ea, eb] = [await makeEnterprise(t, { name: `${tag}A` }), await makeEnterprise(t, { name: `${tag}B` })];
    // a filing is accepted on the day it was filed, which may be past
    const filed = async (enterpriseId: string, decidedOn: string) => {
      const res = await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(enterpriseId, {
          path: 'filing',
          projectName: `${tag}项目`,
          commitmentSigned: undefined,
          industryCode: '7722',
          facts: {},
          receiptNo: `R${decidedOn}`,
          decidedOn,
        }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const p = await filed(eb.id, '2021-03-02');
    const q = await filed(ea.id, '2021-03-01');
    const r = await filed(ea.id, '2021-03-03');
    const ids = (sort: string) => idsInOrder(clerk, `/api/eia/cases?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([r, p, q]);
    expect(await ids('-acceptedOn')).toEqual([r, p, q]);
    expect(await ids('acceptedOn')).toEqual([q, p, r]);
    // within one enterprise the latest accepted first, either way
    expect(await ids('enterprise')).toEqual([r, q, p]);
    expect(await ids('-enterprise')).toEqual([p, r, q]);
    expect((await clerk.request({ method: 'GET', url: '/api/eia/cases?sort=code' })).statusCode).toBe(400);
  });
});

describe('the public notices', () => {
  it('lists by the notice’s date, newest first or oldest, or by project either way; refuses another sort', async () => {
    const tag = uniqueName('公示排序');
    const firm = await makeEnterprise(t, { industryCode: '2672' });
    // projects named the same but for the last letter, so any collation orders them A, B, C
    const accepted = async (letter: string, acceptedOn: string, decidedOn?: string) => {
      const res = await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(firm.id, { path: 'ordinary', commitmentSigned: undefined, projectName: `${tag}${letter}` }),
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id as string;
      // an approval notice is dated by its decision
      await t.database.db
        .update(eiaCases)
        .set({ acceptedOn, ...(decidedOn ? { state: 'approved', decidedOn } : {}) })
        .where(eq(eiaCases.id, id));
      return id;
    };
    const a = await accepted('A', '2021-06-01');
    const b = await accepted('B', '2021-05-01', '2021-06-03');
    const c = await accepted('C', '2021-06-02');
    const ids = (sort: string) => idsInOrder(clerk, '/api/public/eia/notices?pageSize=200', sort, [a, b, c]);
    expect(await ids('')).toEqual([b, c, a]);
    expect(await ids('-date')).toEqual([b, c, a]);
    expect(await ids('date')).toEqual([a, c, b]);
    expect(await ids('project')).toEqual([a, b, c]);
    expect(await ids('-project')).toEqual([c, b, a]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/eia/notices?sort=acceptedOn' })).statusCode).toBe(
      400,
    );
  });
});

describe('eia: enterprise A never sees or changes B', () => {
  it('A lists and reads only its own cases and files only for itself', async () => {
    const bCase = (
      await clerk.request({
        method: 'POST',
        url: '/api/eia/cases',
        payload: commitment(B.id, { industryCode: '3031', facts: { stoneSlabProcessingOnly: false } }),
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
        commitmentSigned: undefined,
        industryCode: '7722',
        facts: {},
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
      { version: c.version, approve: true },
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
