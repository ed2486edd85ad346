import { todayInShanghai } from '@qingshan/core';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  loginAs,
  makeEnterprise,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { auditEntries } from '../audit/tables.ts';
import { clues } from '../clues/tables.ts';
import { proposeCreditChange, withdrawCreditProposalsFrom } from '../credit/service.ts';
import { creditProposals, creditRecords } from '../credit/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { rowsOf } from '../figures/registry.ts';
import { createDraw, createInspector, createPlan, putObject } from '../inspections/service.ts';
import { positiveListEntries, positiveListRemovalProposals } from '../positive-list/tables.ts';
import { users } from '../users/tables.ts';
import { SIGNATURE } from './demo-parties.ts';
import { SITE_INSPECTION_FIGURES } from './figures.ts';

let t: TestApp;
let officer: Client;
let outsider: Client;
let clerk: Client;
let firmA: { id: string; name: string };
let firmB: { id: string; name: string };
let userA: Client;
let userB: Client;
let drawId: string;
let caseId: string;

// a real 1×1 PNG, and bytes that only claim to be one
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const today = todayInShanghai();

const record = (over: Record<string, unknown> = {}) => ({
  kind: 'on-site',
  enterpriseId: firmA.id,
  inspectedOn: today,
  inspectorNames: ['李强', '周文斌'],
  latitude: 27.88,
  longitude: 113.8,
  place: '厂区危废贮存间',
  checklist: [
    { key: 'permit', result: 'ok' },
    { key: 'hazardous-waste', result: 'problem', note: '无标识' },
    { key: 'explosive-waste', result: 'ok' },
  ],
  findings: [
    {
      description: '危险废物贮存间未设置识别标志',
      severity: 'minor',
      itemKey: 'hazardous-waste',
      requirement: '设置识别标志并拍照上传',
    },
    { description: '含药废渣露天堆放', severity: 'serious', itemKey: 'explosive-waste', requirement: null },
  ],
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  outsider = await loginAs(t, ['inspector']);
  clerk = await loginAs(t, ['clerk']);
  firmA = await makeEnterprise(t);
  firmB = await makeEnterprise(t);
  userA = await loginAs(t, ['enterprise'], firmA.id);
  userB = await loginAs(t, ['enterprise'], firmB.id);
  // a draw in which firm A (a special source: 100 % per quarter) is drawn, with the officer on its team
  const db = t.database.db;
  const actor = { id: officer.userId, name: '执法·测试', roles: ['inspector'], ip: null };
  await putObject(db, actor, { enterpriseId: firmA.id, class: 'special', basis: '上年度受到处罚' });
  for (const name of ['甲', '乙', '丙'])
    await createInspector(db, actor, { userId: null, name, townCode: null, active: true, conflicts: [] });
  const year = Number(today.slice(0, 4));
  const plan = await createPlan(db, actor, { name: '测试计划', year, period: 'quarter', quarter: 1 });
  drawId = (await createDraw(db, actor, plan.id, { seed: 'site-inspections-test', at: new Date() })).id;
});
afterAll(() => t.close());

describe('site inspections: a record from draft to signature', () => {
  let id: string;
  let orderId: string;

  it('refuses items not of the firm’s industry, an unknown draw link and a draw the officer is not on', async () => {
    const bad = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ checklist: [{ key: 'manure-facilities', result: 'ok' }] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('checklist.0.key');
    const secret = await outsider.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ drawId }),
    });
    expect(secret.statusCode).toBe(403);
    const notDrawn = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ enterpriseId: firmB.id, drawId }),
    });
    expect(notDrawn.statusCode).toBe(400);
    const half = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ longitude: null }),
    });
    expect(half.statusCode).toBe(400);
  });

  it('creates a draft linked to its draw, takes a photo whose bytes match its type, and saves by version', async () => {
    const res = await officer.request({ method: 'POST', url: '/api/site-inspections', payload: record({ drawId }) });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const up = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/photos?name=${encodeURIComponent('贮存间.png')}`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const lie = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/photos?name=x.jpg`,
      payload: Buffer.from('MZ not a jpeg'),
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(lie.statusCode).toBe(415);
    const got = await officer.request({ method: 'GET', url: `/api/site-inspections/${id}/files/${up.json().id}` });
    expect(Buffer.compare(got.rawPayload, PNG)).toBe(0);
    const saved = await officer.request({
      method: 'PUT',
      url: `/api/site-inspections/${id}`,
      payload: { ...record({ drawId }), summary: '贮存间无标识', version: 1 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, summary: '贮存间无标识', status: 'draft' });
    const stale = await officer.request({
      method: 'PUT',
      url: `/api/site-inspections/${id}`,
      payload: { ...record({ drawId }), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('an enterprise sees no draft; completion needs a signature or a refusal with a witness', async () => {
    // a draft is the officers' working copy: the firm's portal does not have it yet
    expect((await userA.request({ method: 'GET', url: `/api/my/inspections/${id}` })).statusCode).toBe(404);
    expect((await userA.request({ method: 'GET', url: '/api/my/inspections' })).json().total).toBe(0);
    expect((await userA.request({ method: 'GET', url: `/api/site-inspections/${id}` })).statusCode).toBe(403);
    const none = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/complete`,
      payload: { version: 2 },
    });
    expect(none.statusCode).toBe(400);
    const refusedNoWitness = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/complete`,
      payload: { refusalReason: '负责人不在', version: 2 },
    });
    expect(refusedNoWitness.statusCode).toBe(400);
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${id}/complete`,
      payload: { signerName: '张厂长', signaturePng: SIGNATURE, version: 2 },
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json();
    expect(d).toMatchObject({ status: 'completed', outcome: 'problems-found', signerName: '张厂长' });
    expect(d.files.map((f: { ownerType: string }) => f.ownerType).sort()).toEqual(['inspection', 'signature']);
    // only the finding with a requirement became an order
    expect(d.findingList.filter((f: { orderId: string | null }) => f.orderId)).toHaveLength(1);
    orderId = d.findingList[0].orderId;
    const again = await officer.request({
      method: 'PUT',
      url: `/api/site-inspections/${id}`,
      payload: { ...record({ drawId }), version: 3 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SITE_INSPECTION_STATE');
  });

  it('the order’s deadline is on its clock; the enterprise answers with proof, the officer returns then accepts', async () => {
    const o = (await userA.request({ method: 'GET', url: `/api/rectification-orders/${orderId}` })).json();
    expect(o.status).toBe('open');
    expect(o.clock.dueDate > today).toBe(true);
    const proof = await userA.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/proofs?name=${encodeURIComponent('整改后.png')}`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    });
    expect(proof.statusCode, proof.body).toBe(201);
    const early = await officer.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/verify`,
      payload: { verdict: 'accept' },
    });
    expect(early.json().code).toBe('RECTIFICATION_STATE');
    const ans = await userA.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/answer`,
      payload: { text: '已设置标识' },
    });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json().files[0].answerId).toBe(ans.json().answers[0].id);
    const noReason = await officer.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/verify`,
      payload: { verdict: 'return' },
    });
    expect(noReason.statusCode).toBe(400);
    const back = await officer.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/verify`,
      payload: { verdict: 'return', reason: '标识不符合 GB 18597' },
    });
    expect(back.json().status).toBe('returned');
    await userA.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/answer`,
      payload: { text: '已按标准更换标识' },
    });
    const ok = await officer.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/verify`,
      payload: { verdict: 'accept' },
    });
    expect(ok.json()).toMatchObject({ status: 'accepted', onTime: true });
    expect(ok.json().clock.state).toBe('met');
    const trail = await t.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, 'rectification-order'), eq(auditEntries.entityId, orderId)));
    expect(trail.map((a) => a.action).sort()).toEqual([
      'rectification-order.answer',
      'rectification-order.answer',
      'rectification-order.create',
      'rectification-order.file',
      'rectification-order.verify',
      'rectification-order.verify',
    ]);
  });

  it('publishes the draw’s results from its records to the public portal', async () => {
    const res = await officer.request({ method: 'POST', url: `/api/site-inspections/draws/${drawId}/publish` });
    expect(res.statusCode, res.body).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/inspection-results?pageSize=100' })).json();
    const mine = pub.items.find((r: { enterpriseName: string }) => r.enterpriseName === firmA.name);
    expect(mine).toBeDefined();
    expect(JSON.stringify(mine)).toContain('贮存间无标识');
  });

  it('a serious finding opens a case; stages go in order; the decision proposes positive-list removal', async () => {
    const db = t.database.db;
    await db.update(users).set({ displayName: '执法·王五' }).where(eq(users.id, officer.userId));
    await db.insert(positiveListEntries).values({
      enterpriseId: firmA.id,
      category: 'livelihood-supply',
      decidedOn: '2026-01-05',
      validUntil: '2029-01-04',
      checks: [],
      reason: '测试',
      decidedByName: '测试',
    });
    const detail = (await officer.request({ method: 'GET', url: `/api/site-inspections/${id}` })).json();
    const minor = detail.findingList.find((f: { severity: string }) => f.severity === 'minor');
    const serious = detail.findingList.find((f: { severity: string }) => f.severity === 'serious');
    const refused = await officer.request({
      method: 'POST',
      url: '/api/enforcement-cases',
      payload: { findingId: minor.id, title: 'x' },
    });
    expect(refused.statusCode).toBe(400);
    const opened = await officer.request({
      method: 'POST',
      url: '/api/enforcement-cases',
      payload: { findingId: serious.id, title: '含药废渣露天堆放案' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c.stage).toBe('filed');
    const skip = await officer.request({
      method: 'POST',
      url: `/api/enforcement-cases/${c.id}/stages`,
      payload: {
        stage: 'decision',
        decisionNumber: '上环罚〔2026〕1号',
        penaltyAmount: '50000',
        facts: '经查',
        legalBasis: '第一条',
        penaltyContent: '罚款',
        version: 1,
      },
    });
    expect(skip.json().code).toBe('ENFORCEMENT_CASE_STAGE');
    let version = 1;
    for (const stage of ['investigation', 'notice']) {
      const r = await officer.request({
        method: 'POST',
        url: `/api/enforcement-cases/${c.id}/stages`,
        payload: { stage, note: stage, version },
      });
      expect(r.statusCode, r.body).toBe(200);
      version++;
    }
    const noNumber = await officer.request({
      method: 'POST',
      url: `/api/enforcement-cases/${c.id}/stages`,
      payload: { stage: 'decision', penaltyAmount: '50000', version },
    });
    expect(noNumber.statusCode).toBe(400);
    const decision = {
      stage: 'decision',
      decisionNumber: '上环罚〔2026〕1号',
      penaltyAmount: '50000',
      facts: '经查，该公司将含药废渣露天堆放，未采取防扬散、防流失、防渗漏措施。',
      legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百零二条第一款第六项',
      penaltyContent: '罚款人民币伍万元整，并责令改正违法行为',
      version,
    };
    // the decision is published as it is recorded: a natural person's numbers are refused
    const personal = await officer.request({
      method: 'POST',
      url: `/api/enforcement-cases/${c.id}/stages`,
      payload: { ...decision, facts: '经查，负责人张某（身份证号 36030219800101123X，电话 13812345678）指使堆放。' },
    });
    expect(personal.statusCode).toBe(400);
    expect(personal.json().errors[0]).toMatchObject({ path: 'facts' });
    expect(personal.json().errors[0].message).toContain('自然人个人信息');
    const noBasis = await officer.request({
      method: 'POST',
      url: `/api/enforcement-cases/${c.id}/stages`,
      payload: { ...decision, legalBasis: undefined },
    });
    expect(noBasis.statusCode).toBe(400);
    const decided = await officer.request({
      method: 'POST',
      url: `/api/enforcement-cases/${c.id}/stages`,
      payload: decision,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      stage: 'decision',
      decisionNumber: '上环罚〔2026〕1号',
      penaltyAmount: '50000.00',
    });
    // each stage shows the officer by display name (the audit trail keeps the login name)
    expect(decided.json().stages.map((s: { byName: string }) => s.byName)).toEqual(Array(4).fill('执法·王五'));
    expect(decided.json()).toMatchObject({ decidedBy: '萍乡市上栗生态环境局', revokedAt: null });
    expect(decided.json().publishedAt).not.toBeNull();
    caseId = c.id;
    const [proposal] = await db
      .select()
      .from(positiveListRemovalProposals)
      .where(eq(positiveListRemovalProposals.sourceId, c.id));
    expect(proposal).toMatchObject({ trigger: 'penalty', sourceType: 'enforcement-case', status: 'open' });
    expect(decided.json().proposalId).toBe(proposal!.id);
    expect(
      (await clerk.request({ method: 'POST', url: `/api/enforcement-cases/${c.id}/stages`, payload: {} })).statusCode,
    ).toBe(403);

    // the same decision raised a credit change with its number as the basis, for an officer to confirm
    const [credit] = await db.select().from(creditProposals).where(eq(creditProposals.sourceId, c.id));
    expect(credit).toMatchObject({ enterpriseId: firmA.id, sourceType: 'enforcement-case', status: 'open' });
    expect(credit!.basis).toContain('上环罚〔2026〕1号');
    expect(decided.json().creditProposalId).toBe(credit!.id);
    const listed = (
      await officer.request({ method: 'GET', url: `/api/credit/proposals?enterpriseId=${firmA.id}&status=open` })
    ).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([credit!.id]);
    expect(listed.items[0].sourceLink).toBe(`/staff/enforcement-cases/${c.id}`);
    const noGrade = await officer.request({
      method: 'POST',
      url: `/api/credit/proposals/${credit!.id}/decision`,
      payload: { confirm: true, reason: '罚款五万元，评为警示', version: 1 },
    });
    expect(noGrade.statusCode).toBe(400);
    expect(noGrade.json().errors[0]).toMatchObject({ path: 'grade', message: '调整信用时须选择信用等级' });
    const confirmed = await officer.request({
      method: 'POST',
      url: `/api/credit/proposals/${credit!.id}/decision`,
      payload: { confirm: true, grade: 'yellow', reason: '罚款五万元，按评价办法评为警示', version: 1 },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', decidedByName: '执法·王五' });
    const [rec] = await db.select().from(creditRecords).where(eq(creditRecords.id, confirmed.json().creditRecordId));
    expect(rec).toMatchObject({ enterpriseId: firmA.id, grade: 'yellow', ratedOn: today });
    expect(rec!.basis).toContain('上环罚〔2026〕1号');
    // the firm's grade follows its latest credit record
    const firm = (await officer.request({ method: 'GET', url: `/api/enterprises/${firmA.id}` })).json();
    expect(firm.creditGrade).toBe('yellow');
    const twice = await officer.request({
      method: 'POST',
      url: `/api/credit/proposals/${credit!.id}/decision`,
      payload: { confirm: false, reason: '重复', version: 2 },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('CREDIT_PROPOSAL_DECIDED');
    const audit = await db.select().from(auditEntries).where(eq(auditEntries.entityId, credit!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['credit.decide-proposal', 'credit.propose']);
  });

  it('the firm’s file (一企一档) shows the completed inspection, its order and the case, for staff only', async () => {
    type Item = { kind: string; title: string; detail: string; link: string | null };
    const kinds = 'site-inspection,rectification,enforcement-case';
    const res = await officer.request({ method: 'GET', url: `/api/enterprises/${firmA.id}/timeline?kinds=${kinds}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Item[];
    const inspection = items.find((i) => i.kind === 'site-inspection');
    expect(inspection).toMatchObject({ title: '现场检查', link: `/staff/site-inspections/${id}` });
    expect(inspection!.detail).toContain('发现问题 2 个');
    expect(items.find((i) => i.kind === 'rectification')!.detail).toContain('设置识别标志并拍照上传');
    const c = items.find((i) => i.kind === 'enforcement-case')!;
    expect(c.title).toBe('行政处罚案件：含药废渣露天堆放案');
    expect(c.detail).toBe('处罚决定；处罚决定 上环罚〔2026〕1号，罚款 50000.00 元');
    // in English the platform's own words follow; the case's title and number stay as recorded
    const en = (
      await officer.request({
        method: 'GET',
        url: `/api/enterprises/${firmA.id}/timeline?kinds=${kinds}`,
        headers: { 'accept-language': 'en' },
      })
    ).json().items as Item[];
    expect(en.find((i) => i.kind === 'site-inspection')!).toMatchObject({ title: 'On-site inspection' });
    expect(en.find((i) => i.kind === 'site-inspection')!.detail).toContain('(problems found: 2)');
    expect(en.find((i) => i.kind === 'enforcement-case')!).toMatchObject({
      title: 'Penalty case: 含药废渣露天堆放案',
      detail: 'penalty decision; decision 上环罚〔2026〕1号, fine 50000.00 yuan',
    });
    // firm B's file holds none of A's
    const other = (
      await officer.request({ method: 'GET', url: `/api/enterprises/${firmB.id}/timeline?kinds=${kinds}` })
    ).json();
    expect(other.items).toEqual([]);
    // the bureau's case file is not in the firm's own view of its file
    const own = (
      await userA.request({ method: 'GET', url: `/api/enterprises/${firmA.id}/timeline?kinds=${kinds}` })
    ).json();
    expect(own.items).toEqual([]);
  });

  it('the completed inspection’s findings count in the firm’s risk score, each linked to its record', async () => {
    type Contribution = { factor: string; count: number; points: number; records: { link: string | null }[] };
    const risk = await officer.request({ method: 'GET', url: `/api/risk/${firmA.id}` });
    expect(risk.statusCode, risk.body).toBe(200);
    const c = (risk.json().contributions as Contribution[]).find((x) => x.factor === 'inspection-findings')!;
    expect(c).toMatchObject({ count: 2, points: 30 });
    expect(c.records.map((r) => r.link)).toEqual([`/staff/site-inspections/${id}`, `/staff/site-inspections/${id}`]);
    const b = (await officer.request({ method: 'GET', url: `/api/risk/${firmB.id}` })).json();
    expect((b.contributions as Contribution[]).find((x) => x.factor === 'inspection-findings')!.count).toBe(0);
    // the decided case counts as a penalty; its record is worded in the request's language
    type Labelled = { factor: string; records: { label: string }[] };
    const penalty = (r: { contributions: Labelled[] }) =>
      r.contributions.find((x) => x.factor === 'penalties')!.records;
    expect(penalty(risk.json())[0]!.label).toMatch(/ 上环罚〔2026〕1号，罚款 50000\.00 元$/);
    const riskEn = await officer.request({
      method: 'GET',
      url: `/api/risk/${firmA.id}`,
      headers: { 'accept-language': 'en' },
    });
    expect(penalty(riskEn.json())[0]!.label).toMatch(/ 上环罚〔2026〕1号, fine 50000\.00 yuan$/);
    // the weights' shipped source too
    const sourceOf = (r: { contributions: { factor: string; source: string }[] }) =>
      r.contributions.find((x) => x.factor === 'penalties')!.source;
    expect(sourceOf(risk.json())).toMatch(/^参照福州市/);
    expect(sourceOf(riskEn.json())).toMatch(/^following Fuzhou’s "special pollution sources" practice/);
    const watch = (
      await officer.request({ method: 'GET', url: '/api/risk/watch-list?minScore=0&pageSize=100' })
    ).json();
    const row = watch.items.find((w: { enterpriseId: string }) => w.enterpriseId === firmA.id);
    expect(row.inspectionFindings).toBe(2);
  });

  it('a decision is on the public penalty list at once, no login; revoked, it is withdrawn with its reason', async () => {
    const [firm] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, firmA.id));
    const year = Number(today.slice(0, 4));
    const list = async (q: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/public/penalties?pageSize=100${q}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { total: number; items: Record<string, unknown>[] };
    };
    const mine = (await list(`&year=${year}&town=${firm!.townCode}&industry=${firm!.industryCode.slice(0, 2)}`)).items;
    const item = mine.find((i) => i.decisionNumber === '上环罚〔2026〕1号');
    expect(item).toMatchObject({
      enterpriseName: firmA.name,
      uscc: firm!.uscc,
      legalBasis: '《中华人民共和国固体废物污染环境防治法》第一百零二条第一款第六项',
      penaltyContent: '罚款人民币伍万元整，并责令改正违法行为',
      penaltyAmount: '50000.00',
      decidedOn: today,
      publishedOn: today,
      decidedBy: '萍乡市上栗生态环境局',
      status: 'published',
    });
    expect(String(item!.facts)).toContain('含药废渣露天堆放');
    // nothing of a natural person: no legal representative, contacts, officers
    expect(Object.keys(item!)).not.toContain('legalRepresentative');
    expect(JSON.stringify(item)).not.toContain('王五');
    // the filters narrow: another year, another town
    expect((await list(`&year=${year - 1}`)).items.some((i) => i.id === caseId)).toBe(false);
    const otherTown = firm!.townCode === '360322102' ? '360322101' : '360322102';
    expect((await list(`&town=${otherTown}`)).items.some((i) => i.id === caseId)).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/penalties?town=x' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/penalties?pageSize=100000' })).statusCode).toBe(400);

    const c = (await officer.request({ method: 'GET', url: `/api/enforcement-cases/${caseId}` })).json();
    const revoke = { reason: '经行政复议，原处罚决定认定事实不清，予以撤销', version: c.version };
    // revoking a decision is a leader's act
    expect(
      (await officer.request({ method: 'POST', url: `/api/enforcement-cases/${caseId}/revocation`, payload: revoke }))
        .statusCode,
    ).toBe(403);
    const leader = await loginAs(t, ['leader']);
    const revoked = await leader.request({
      method: 'POST',
      url: `/api/enforcement-cases/${caseId}/revocation`,
      payload: revoke,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revocationReason).toBe(revoke.reason);
    const again = await leader.request({
      method: 'POST',
      url: `/api/enforcement-cases/${caseId}/revocation`,
      payload: { ...revoke, version: revoked.json().version },
    });
    expect(again.json().code).toBe('PENALTY_REVOCATION_STATE');
    const withdrawn = (await list('')).items.find((i) => i.id === caseId);
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: today,
      withdrawalReason: revoke.reason,
      facts: null,
      legalBasis: null,
      penaltyContent: null,
      penaltyAmount: null,
    });
    const [audit] = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, caseId), eq(auditEntries.action, 'enforcement-case.revoke')));
    expect(audit).toMatchObject({ actorName: leader.username });
    // the removal proposal nobody decided lost its basis: withdrawn with the reason; the credit
    // change an officer already confirmed stays as decided
    const [proposal] = await t.database.db
      .select()
      .from(positiveListRemovalProposals)
      .where(eq(positiveListRemovalProposals.sourceId, caseId));
    expect(proposal).toMatchObject({ status: 'withdrawn', decisionReason: `处罚决定已撤销：${revoke.reason}` });
    const decide = await officer.request({
      method: 'POST',
      url: `/api/positive-list/proposals/${proposal!.id}/decision`,
      payload: { accept: true, reason: '同意移出' },
    });
    expect(decide.json().code).toBe('POSITIVE_LIST_STATE');
    const [credit] = await t.database.db.select().from(creditProposals).where(eq(creditProposals.sourceId, caseId));
    expect(credit!.status).toBe('confirmed');
    const withdrawals = await t.database.db
      .select()
      .from(auditEntries)
      .where(
        and(eq(auditEntries.entityId, proposal!.entryId), eq(auditEntries.action, 'positive-list.proposal-withdraw')),
      );
    expect(withdrawals).toHaveLength(1);
  });

  it('revoking a decision withdraws the credit change still waiting for an officer, not one decided', async () => {
    const actor = { id: null, name: '领导·测试', roles: ['leader'], ip: null };
    const source = {
      sourceType: 'enforcement-case',
      sourceId: crypto.randomUUID(),
      reason: '处罚决定已撤销：复议撤销',
    };
    const waiting = await t.database.db.transaction((tx) =>
      proposeCreditChange(tx, actor, { enterpriseId: firmB.id, ...source, basis: '行政处罚决定 测试' }),
    );
    const other = { ...source, sourceId: crypto.randomUUID() };
    const untouched = await t.database.db.transaction((tx) =>
      proposeCreditChange(tx, actor, { enterpriseId: firmB.id, ...other, basis: '行政处罚决定 另一件' }),
    );
    const ids = await t.database.db.transaction((tx) => withdrawCreditProposalsFrom(tx, actor, source));
    expect(ids).toEqual([waiting]);
    const [w] = await t.database.db.select().from(creditProposals).where(eq(creditProposals.id, waiting!));
    expect(w).toMatchObject({ status: 'withdrawn', decisionReason: source.reason, decidedByName: '领导·测试' });
    const [u] = await t.database.db.select().from(creditProposals).where(eq(creditProposals.id, untouched!));
    expect(u!.status).toBe('open');
    // withdrawn once: a second revocation path finds nothing open
    expect(await t.database.db.transaction((tx) => withdrawCreditProposalsFrom(tx, actor, source))).toEqual([]);
    const listed = (
      await officer.request({ method: 'GET', url: `/api/credit/proposals?enterpriseId=${firmB.id}&status=withdrawn` })
    ).json();
    expect(listed.items.map((p: { id: string; statusLabel: string }) => [p.id, p.statusLabel])).toEqual([
      [waiting, '已撤回（处罚决定已撤销）'],
    ]);
  });

  it('each figure counts exactly the records it lists', async () => {
    const p = { from: `${today.slice(0, 4)}-01-01`, to: today };
    for (const f of SITE_INSPECTION_FIGURES) {
      const n = await f.count(t.database.db, p);
      const rows = await f.records(t.database.db, p);
      expect(rows.length, f.key).toBe(n);
      expect(n, f.key).toBeGreaterThan(0);
    }
  });
});

describe('site-inspections: enterprise B never reads or answers A’s inspections and orders', () => {
  it('lists, reads, uploads and answers only its own', async () => {
    const listA = (await userA.request({ method: 'GET', url: '/api/rectification-orders' })).json();
    expect(listA.total).toBe(1);
    const orderId = listA.items[0].id;
    const listB = (await userB.request({ method: 'GET', url: '/api/rectification-orders' })).json();
    expect(listB.total).toBe(0);
    expect((await userB.request({ method: 'GET', url: `/api/rectification-orders/${orderId}` })).statusCode).toBe(404);
    const answer = await userB.request({
      method: 'POST',
      url: `/api/rectification-orders/${orderId}/answer`,
      payload: { text: '冒充' },
    });
    expect(answer.statusCode).toBe(404);
    const inspA = (await userA.request({ method: 'GET', url: '/api/my/inspections' })).json();
    expect(inspA.total).toBe(1);
    expect(inspA.items[0]).toMatchObject({ signature: 'signed', signerName: '张厂长', findings: 2, orders: 1 });
    expect((await userB.request({ method: 'GET', url: '/api/my/inspections' })).json().total).toBe(0);
    const inspId = inspA.items[0].id;
    expect((await userB.request({ method: 'GET', url: `/api/my/inspections/${inspId}` })).statusCode).toBe(404);
    // the staff view (with its draw link and case links) is not the firm's
    expect((await userA.request({ method: 'GET', url: `/api/site-inspections/${inspId}` })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: '/api/my/inspections' })).statusCode).toBe(403);
    const mine = await userA.request({ method: 'GET', url: `/api/my/inspections/${inspId}` });
    expect(mine.statusCode, mine.body).toBe(200);
    const detail = mine.json();
    expect(detail).toMatchObject({
      inspectorNames: ['李强', '周文斌'],
      signature: 'signed',
      outcome: 'problems-found',
    });
    for (const internal of ['drawId', 'alarmId', 'sourceRef', 'officerName', 'caseId', 'findingList'])
      expect(JSON.stringify(detail)).not.toContain(`"${internal}"`);
    // the order that came from the minor finding, with its due date from the clock
    expect(detail.findings[0].order).toMatchObject({ id: listA.items[0].id, status: expect.any(String) });
    expect(detail.findings[0].order.dueDate).toBe(listA.items[0].clock.dueDate);
    expect(detail.findings[1].order).toBeNull();
    expect(detail.signatureFile).not.toBeNull();
    const photo = detail.photos[0].id;
    const own = await userA.request({ method: 'GET', url: `/api/site-inspections/${inspId}/files/${photo}` });
    expect(own.statusCode).toBe(200);
    expect(
      (await userB.request({ method: 'GET', url: `/api/site-inspections/${inspId}/files/${photo}` })).statusCode,
    ).toBe(404);
    expect((await userA.request({ method: 'GET', url: '/api/enforcement-cases' })).statusCode).toBe(403);
  });
});

describe('site inspections: off-site checks', () => {
  it('needs its source; an alarm must be the firm’s own', async () => {
    const noSource = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ kind: 'off-site', latitude: null, longitude: null, findings: [] }),
    });
    expect(noSource.statusCode).toBe(400);
    const strayAlarm = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({
        kind: 'off-site',
        offSiteSource: 'alarm',
        alarmId: '00000000-0000-4000-8000-000000000001',
        findings: [],
      }),
    });
    expect(strayAlarm.statusCode).toBe(400);
    expect(strayAlarm.json().errors[0].path).toBe('alarmId');
    const video = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({
        kind: 'off-site',
        offSiteSource: 'video',
        sourceRef: '视频点位 SL-07 2026-12-01 21:40 抓拍',
        latitude: null,
        longitude: null,
        findings: [],
        checklist: [],
      }),
    });
    expect(video.statusCode, video.body).toBe(201);
    const signed = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${video.json().id}/complete`,
      payload: { signerName: 'x', signaturePng: SIGNATURE, version: 1 },
    });
    expect(signed.statusCode).toBe(400);
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${video.json().id}/complete`,
      payload: { version: 1 },
    });
    expect(done.json()).toMatchObject({ status: 'completed', outcome: 'no-problem', kind: 'off-site' });
    // built in the office from what the firm never saw: not a record of its portal
    expect((await userA.request({ method: 'GET', url: `/api/my/inspections/${video.json().id}` })).statusCode).toBe(
      404,
    );
  });

  it('a refusal before a witness makes the record the firm’s to read, with the refusal and no signature', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: record({ findings: [], inspectedOn: '2026-01-05' }),
    });
    const refusedId = res.json().id;
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${refusedId}/complete`,
      payload: { refusalReason: '负责人拒绝签字', witness: '村干部 刘某', version: 1 },
    });
    expect(done.statusCode, done.body).toBe(200);
    const refused = (await userA.request({ method: 'GET', url: '/api/my/inspections?signature=refused' })).json();
    expect(refused.items.map((r: { id: string }) => r.id)).toEqual([refusedId]);
    const clean = (await userA.request({ method: 'GET', url: '/api/my/inspections?outcome=no-problem' })).json();
    expect(clean.items.map((r: { id: string }) => r.id)).toEqual([refusedId]);
    const oldest = (await userA.request({ method: 'GET', url: '/api/my/inspections?sort=inspectedOn' })).json();
    expect(oldest.items[0].id).toBe(refusedId);
    const d = (await userA.request({ method: 'GET', url: `/api/my/inspections/${refusedId}` })).json();
    expect(d).toMatchObject({ signature: 'refused', refusalReason: '负责人拒绝签字', witness: '村干部 刘某' });
    expect(d.signatureFile).toBeNull();
    const bad = await userA.request({ method: 'GET', url: '/api/my/inspections?from=2026-02-01&to=2026-01-01' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('site inspections: an off-site check keeps its clue as a link', () => {
  it('links the clue about the firm, refuses another firm’s clue or a clue on another source, and hides it from the firm', async () => {
    const clue = async (enterpriseId: string) => {
      const [c] = await t.database.db
        .insert(clues)
        .values({
          source: 'drone',
          sourceRef: `test-${enterpriseId}`,
          description: '厂区东侧疑似露天堆放',
          evidence: {} as never,
          enterpriseId,
        })
        .returning({ id: clues.id });
      return c!.id;
    };
    const ofA = await clue(firmA.id);
    const ofB = await clue(firmB.id);
    const fromClue = (over: Record<string, unknown>) =>
      record({
        kind: 'off-site',
        offSiteSource: 'clue',
        sourceRef: '无人机线索：厂区东侧疑似露天堆放',
        latitude: null,
        longitude: null,
        findings: [],
        checklist: [],
        ...over,
      });
    const stranger = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: fromClue({ clueId: ofB }),
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].path).toBe('clueId');
    const wrongSource = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: fromClue({ clueId: ofA, offSiteSource: 'video' }),
    });
    expect(wrongSource.statusCode).toBe(400);
    expect(wrongSource.json().errors[0].path).toBe('clueId');
    const made = await officer.request({
      method: 'POST',
      url: '/api/site-inspections',
      payload: fromClue({ clueId: ofA }),
    });
    expect(made.statusCode, made.body).toBe(201);
    const done = await officer.request({
      method: 'POST',
      url: `/api/site-inspections/${made.json().id}/complete`,
      payload: { version: 1 },
    });
    expect(done.json()).toMatchObject({ clueId: ofA, offSiteSource: 'clue' });
    // the staff record (with its clue) is the bureau's; an off-site check is not in the firm's portal either
    const firmView = await userA.request({ method: 'GET', url: `/api/site-inspections/${made.json().id}` });
    expect(firmView.statusCode).toBe(403);
    const portal = await userA.request({ method: 'GET', url: `/api/my/inspections/${made.json().id}` });
    expect(portal.statusCode).toBe(404);
    expect(portal.body).not.toContain(ofA);
  });
});

describe('a draw’s publication runs on a clock from its latest inspection', () => {
  it('an inspection recorded starts it on the team’s worklist; a later one moves it; publishing completes it', async () => {
    const db = t.database.db;
    const actor = { id: officer.userId, name: '执法·测试', roles: ['inspector'], ip: null };
    const plan = await createPlan(db, actor, { name: '2025 年第三季度', year: 2025, period: 'quarter', quarter: 3 });
    const draw = (await createDraw(db, actor, plan.id, { seed: 'publication-clock', at: new Date() })).id;
    const offSite = (inspectedOn: string) => {
      return officer.request({
        method: 'POST',
        url: '/api/site-inspections',
        payload: record({
          kind: 'off-site',
          offSiteSource: 'video',
          sourceRef: '视频点位抓拍',
          drawId: draw,
          inspectedOn,
          latitude: null,
          longitude: null,
          findings: [],
          checklist: [],
        }),
      });
    };
    const recordAndComplete = async (inspectedOn: string) => {
      const made = await offSite(inspectedOn);
      expect(made.statusCode, made.body).toBe(201);
      const done = await officer.request({
        method: 'POST',
        url: `/api/site-inspections/${made.json().id}/complete`,
        payload: { version: 1 },
      });
      expect(done.statusCode, done.body).toBe(200);
    };
    const item = async (who: Client) => {
      const res = await who.request({ method: 'GET', url: '/api/worklist?ownerType=inspection-draw&pageSize=100' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((i: { ownerId: string }) => i.ownerId === draw);
    };

    // a draft is not an inspection yet
    const draft = await offSite('2025-09-26');
    expect(draft.statusCode).toBe(201);
    expect(await item(officer)).toBeUndefined();
    // 2025: 国庆、中秋 1–8 October off, Sunday 28 September and Saturday 11 October worked (国办发明电〔2024〕12号)
    await recordAndComplete('2025-09-26');
    expect(await item(officer)).toMatchObject({ dueDate: '2025-10-30', state: 'overdue', owned: true });
    expect(await item(outsider)).toBeUndefined();
    await recordAndComplete('2025-10-10');
    expect(await item(officer)).toMatchObject({ dueDate: '2025-11-06', state: 'overdue' });
    // an earlier inspection entered late does not move it back
    await recordAndComplete('2025-10-09');
    expect((await item(officer)).dueDate).toBe('2025-11-06');
    const view = await officer.request({ method: 'GET', url: `/api/inspection-draws/${draw}` });
    expect(view.json()).toMatchObject({ publishDueOn: '2025-11-06', publication: { state: 'overdue' } });

    const pub = await officer.request({ method: 'POST', url: `/api/site-inspections/draws/${draw}/publish` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(await item(officer)).toBeUndefined();
    const after = (await officer.request({ method: 'GET', url: `/api/inspection-draws/${draw}` })).json();
    expect(after).toMatchObject({ status: 'published', publishDueOn: '2025-11-06', publication: { state: 'missed' } });
    const results = (await t.app.inject({ method: 'GET', url: '/api/public/inspection-results?year=2025' })).json();
    expect(results.items[0]).toMatchObject({ publishDueOn: '2025-11-06', publishedOnTime: false });
  });
});

describe('the watch list’s order', () => {
  it('lists the highest score first, or by enterprise or any of the counts, either way when asked', async () => {
    const db = t.database.db;
    const tag = uniqueName('关注排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    const [a, b, c] = [
      await makeEnterprise(t, { name: `${tag}A` }),
      await makeEnterprise(t, { name: `${tag}B` }),
      await makeEnterprise(t, { name: `${tag}C` }),
    ];
    let n = 0;
    const records = {
      alarm: (id: string) =>
        db.execute(sql`insert into alarms (source_kind, source_id, source_name, enterprise_id, kind, state, detail, first_seen_at, last_seen_at, outcome)
          values ('station', ${`${tag}-${++n}`}, '废水总排口', ${id}::uuid, 'over-limit', 'closed', 'COD 超标', now(), now(), 'confirmed')`),
      complaint: (id: string) =>
        db.execute(sql`insert into reports (code, channel, title, content, location, subject_enterprise_id, received_at)
          values (${`${tag}-${++n}`}, 'phone', '夜间异味', '厂区夜间异味明显', '上栗镇', ${id}::uuid, now())`),
      finding: (id: string) =>
        db.execute(sql`insert into clues (source, source_ref, description, evidence, enterprise_id, status, outcome, verified_at)
          values ('report', gen_random_uuid()::text, '厂区夜间偷排废水', '{"photos":[]}', ${id}::uuid, 'verified', 'problem-found', now())`),
      inspectionFinding: (id: string) =>
        db.execute(sql`with i as (
            insert into site_inspections (kind, enterprise_id, status, inspected_on, inspector_names, checklist, officer_name)
            values ('on-site', ${id}::uuid, 'completed', now()::date, '["李强","周文斌"]', '[]', '执法·李强') returning id)
          insert into inspection_findings (inspection_id, position, description, severity)
            select id, 0, '危险废物贮存间未设置识别标志', 'minor' from i`),
    };
    // alarms, complaints, findings, inspection findings: A 0 2 1 0 (35), B 2 0 0 1 (25), C 1 1 2 0 (45)
    for (const [firm, counts] of [
      [a, [0, 2, 1, 0]],
      [b, [2, 0, 0, 1]],
      [c, [1, 1, 2, 0]],
    ] as const)
      for (const [i, add] of [records.alarm, records.complaint, records.finding, records.inspectionFinding].entries())
        for (let k = 0; k < counts[i]!; k++) await add(firm.id);
    const mine = [a.id, b.id, c.id];
    const ids = async (sort: string) => {
      const res = await officer.request({
        method: 'GET',
        url: `/api/risk/watch-list?minScore=0&pageSize=200${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { enterpriseId: string; score: number }[]).filter((r) =>
        mine.includes(r.enterpriseId),
      );
    };
    const byDefault = await ids('');
    expect(byDefault.map((r) => [r.enterpriseId, r.score])).toEqual([
      [c.id, 45],
      [a.id, 35],
      [b.id, 25],
    ]);
    const order = async (sort: string) => (await ids(sort)).map((r) => r.enterpriseId);
    expect(await order('-score')).toEqual([c.id, a.id, b.id]);
    expect(await order('score')).toEqual([b.id, a.id, c.id]);
    expect(await order('enterprise')).toEqual([a.id, b.id, c.id]);
    expect(await order('-enterprise')).toEqual([c.id, b.id, a.id]);
    expect(await order('alarms')).toEqual([a.id, c.id, b.id]);
    expect(await order('-alarms')).toEqual([b.id, c.id, a.id]);
    expect(await order('complaints')).toEqual([b.id, c.id, a.id]);
    expect(await order('-complaints')).toEqual([a.id, c.id, b.id]);
    expect(await order('findings')).toEqual([b.id, a.id, c.id]);
    expect(await order('-findings')).toEqual([c.id, a.id, b.id]);
    // A and C level on none: by name either way
    expect(await order('inspectionFindings')).toEqual([a.id, c.id, b.id]);
    expect(await order('-inspectionFindings')).toEqual([b.id, a.id, c.id]);
    expect((await officer.request({ method: 'GET', url: '/api/risk/watch-list?sort=townCode' })).statusCode).toBe(400);
  });
});

describe('the rectification orders’ order', () => {
  it('lists newest issued first, or by issue, inspection day or enterprise, either way when asked', async () => {
    const tag = uniqueName('整改排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    const issue = async (letter: string, inspectedOn: string, issuedAt: string) => {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}` });
      const [row] = await rowsOf<{ id: string }>(
        t.database.db,
        sql`with i as (
          insert into site_inspections (kind, enterprise_id, status, inspected_on, inspector_names, checklist, officer_name)
          values ('on-site', ${firm.id}::uuid, 'completed', ${inspectedOn}::date, '["李强","周文斌"]', '[]', '执法·李强') returning id),
        f as (insert into inspection_findings (inspection_id, position, description, severity, requirement)
          select id, 0, '危险废物贮存间未设置识别标志', 'minor', '设置识别标志' from i returning id, inspection_id)
        insert into rectification_orders (finding_id, inspection_id, enterprise_id, requirement, clock_id, created_at)
          select id, inspection_id, ${firm.id}::uuid, '设置识别标志', gen_random_uuid(), ${issuedAt}::timestamptz from f
        returning id`,
      );
      return row!.id;
    };
    const a = await issue('A', '2026-01-10', '2026-01-12T09:00:00+08:00');
    const b = await issue('B', '2026-01-05', '2026-01-20T09:00:00+08:00');
    const c = await issue('C', '2026-01-15', '2026-01-16T09:00:00+08:00');
    const ids = (sort: string) => idsInOrder(officer, `/api/rectification-orders?pageSize=200`, sort, [a, b, c]);
    expect(await ids('')).toEqual([b, c, a]);
    expect(await ids('-createdAt')).toEqual([b, c, a]);
    expect(await ids('createdAt')).toEqual([a, c, b]);
    expect(await ids('inspectedOn')).toEqual([b, a, c]);
    expect(await ids('-inspectedOn')).toEqual([c, a, b]);
    expect(await ids('enterprise')).toEqual([a, b, c]);
    expect(await ids('-enterprise')).toEqual([c, b, a]);
    expect((await officer.request({ method: 'GET', url: '/api/rectification-orders?sort=dueDate' })).statusCode).toBe(
      400,
    );
  });
});

describe('the enforcement cases’ and public penalties’ orders', () => {
  it('list newest filed first, or by filing, enterprise or fine (no fine last), either way; the public list latest decided first, or by decision day, enterprise or 文号, either way', async () => {
    const tag = uniqueName('案件排序');
    // names the same but for the last letter, so any collation orders them A, B, C, D
    const file = async (
      letter: string,
      filedAt: string,
      decision: { number: string; amount: string; decidedOn: string } | null,
    ) => {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}` });
      const [row] = await rowsOf<{ id: string }>(
        t.database.db,
        sql`with i as (
          insert into site_inspections (kind, enterprise_id, status, inspected_on, inspector_names, checklist, officer_name)
          values ('on-site', ${firm.id}::uuid, 'completed', '2026-01-05', '["李强","周文斌"]', '[]', '执法·李强') returning id),
        f as (insert into inspection_findings (inspection_id, position, description, severity)
          select id, 0, '含药废渣露天堆放', 'serious' from i returning id)
        insert into enforcement_cases (finding_id, enterprise_id, title, stage, stages, decision_number, penalty_amount,
            decided_on, facts, legal_basis, penalty_content, decided_by, published_at, created_at)
          select id, ${firm.id}::uuid, '含药废渣露天堆放案', ${decision ? 'decision' : 'investigation'}, '[]'::jsonb,
            ${decision?.number ?? null}, ${decision?.amount ?? null}::numeric, ${decision?.decidedOn ?? null}::date,
            ${decision ? '经查' : null}, ${decision ? '《固废法》第一百零二条' : null}, ${decision ? '罚款' : null},
            ${decision ? '萍乡市上栗生态环境局' : null},
            ${decision ? `${decision.decidedOn}T17:00:00+08:00` : null}::timestamptz, ${filedAt}::timestamptz
          from f
        returning id`,
      );
      return row!.id;
    };
    // the fines differ in their number of digits, so only a numeric order puts 9000 below 20000
    const a = await file('A', '2026-03-01T09:00:00+08:00', {
      number: `${tag}〔2026〕3号`,
      amount: '9000',
      decidedOn: '2026-03-05',
    });
    const b = await file('B', '2026-01-10T09:00:00+08:00', {
      number: `${tag}〔2026〕1号`,
      amount: '80000',
      decidedOn: '2026-01-20',
    });
    const c = await file('C', '2026-02-05T09:00:00+08:00', null);
    const d = await file('D', '2026-04-01T09:00:00+08:00', {
      number: `${tag}〔2026〕2号`,
      amount: '50000',
      decidedOn: '2026-04-10',
    });
    const cases = (sort: string) => idsInOrder(officer, '/api/enforcement-cases?pageSize=200', sort, [a, b, c, d]);
    expect(await cases('')).toEqual([d, a, c, b]);
    expect(await cases('-createdAt')).toEqual([d, a, c, b]);
    expect(await cases('createdAt')).toEqual([b, c, a, d]);
    expect(await cases('enterprise')).toEqual([a, b, c, d]);
    expect(await cases('-enterprise')).toEqual([d, c, b, a]);
    expect(await cases('-penaltyAmount')).toEqual([b, d, a, c]);
    expect(await cases('penaltyAmount')).toEqual([a, d, b, c]);
    expect((await officer.request({ method: 'GET', url: '/api/enforcement-cases?sort=stage' })).statusCode).toBe(400);

    // the public list: the three decided
    const published = (sort: string) => idsInOrder(officer, '/api/public/penalties?pageSize=200', sort, [a, b, c, d]);
    expect(await published('')).toEqual([d, a, b]);
    expect(await published('-decidedOn')).toEqual([d, a, b]);
    expect(await published('decidedOn')).toEqual([b, a, d]);
    expect(await published('enterprise')).toEqual([a, b, d]);
    expect(await published('-enterprise')).toEqual([d, b, a]);
    expect(await published('decisionNumber')).toEqual([b, d, a]);
    expect(await published('-decisionNumber')).toEqual([a, d, b]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/penalties?sort=penaltyAmount' })).statusCode).toBe(
      400,
    );
  });
});

describe('the credit register’s and the credit proposals’ orders', () => {
  it('list the latest rated first, or by day rated, grade (green to red) or enterprise, either way', async () => {
    const tag = uniqueName('信用排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    const [A, B, C] = [
      await makeEnterprise(t, { name: `${tag}A` }),
      await makeEnterprise(t, { name: `${tag}B` }),
      await makeEnterprise(t, { name: `${tag}C` }),
    ];
    const rate = async (enterpriseId: string, grade: string, ratedOn: string) => {
      const res = await officer.request({
        method: 'POST',
        url: '/api/credit',
        payload: { enterpriseId, grade, basis: `${tag} 年度环境信用评价`, ratedOn },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ grade, ratedOn });
      return res.json().id as string;
    };
    // A's earlier evaluation entered last: the answer is the record just made, not the firm's latest
    const a1 = await rate(A.id, 'blue', '2026-03-01');
    const a2 = await rate(A.id, 'green', '2026-01-01');
    expect(a2).not.toBe(a1);
    const b = await rate(B.id, 'red', '2026-01-15');
    const c = await rate(C.id, 'green', '2026-02-10');
    const ids = (sort: string) => idsInOrder(officer, '/api/credit?pageSize=200', sort, [a1, a2, b, c]);
    expect(await ids('')).toEqual([a1, c, b, a2]);
    expect(await ids('-ratedOn')).toEqual([a1, c, b, a2]);
    expect(await ids('ratedOn')).toEqual([a2, b, c, a1]);
    // within one grade, or one firm, the latest rated first
    expect(await ids('grade')).toEqual([c, a2, a1, b]);
    expect(await ids('-grade')).toEqual([b, a1, c, a2]);
    expect(await ids('enterprise')).toEqual([a1, a2, b, c]);
    expect(await ids('-enterprise')).toEqual([c, b, a1, a2]);
    expect((await officer.request({ method: 'GET', url: '/api/credit?sort=basis' })).statusCode).toBe(400);
  });

  it('list proposals newest first, or by day raised, day decided (undecided last) or enterprise, either way', async () => {
    const db = t.database.db;
    const tag = uniqueName('信用建议排序');
    const actor = { id: null, name: '领导·测试', roles: ['leader'], ip: null };
    const propose = async (letter: string, createdAt: string, decidedAt: string | null) => {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}` });
      const id = await db.transaction((tx) =>
        proposeCreditChange(tx, actor, {
          enterpriseId: firm.id,
          sourceType: 'enforcement-case',
          sourceId: crypto.randomUUID(),
          basis: `行政处罚决定 ${tag}${letter}`,
        }),
      );
      await db
        .update(creditProposals)
        .set({
          createdAt: new Date(createdAt),
          ...(decidedAt
            ? {
                status: 'dismissed',
                decisionReason: '不调整',
                decidedByName: '领导·测试',
                decidedAt: new Date(decidedAt),
              }
            : {}),
        })
        .where(eq(creditProposals.id, id!));
      return id!;
    };
    const a = await propose('A', '2026-03-01T09:00:00+08:00', '2026-03-10T09:00:00+08:00');
    const b = await propose('B', '2026-01-10T09:00:00+08:00', null);
    const c = await propose('C', '2026-02-05T09:00:00+08:00', '2026-04-01T09:00:00+08:00');
    const d = await propose('D', '2026-04-01T09:00:00+08:00', null);
    const ids = (sort: string) => idsInOrder(officer, '/api/credit/proposals?pageSize=200', sort, [a, b, c, d]);
    expect(await ids('')).toEqual([d, a, c, b]);
    expect(await ids('-createdAt')).toEqual([d, a, c, b]);
    expect(await ids('createdAt')).toEqual([b, c, a, d]);
    // the two not decided last either way, newest raised first
    expect(await ids('-decidedAt')).toEqual([c, a, d, b]);
    expect(await ids('decidedAt')).toEqual([a, c, d, b]);
    expect(await ids('enterprise')).toEqual([a, b, c, d]);
    expect(await ids('-enterprise')).toEqual([d, c, b, a]);
    expect((await officer.request({ method: 'GET', url: '/api/credit/proposals?sort=status' })).statusCode).toBe(400);
  });
});
