import { todayInShanghai } from '@qingshan/core/calendar';
import { listingValidUntil } from '@qingshan/core/positive-list';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, makeEnterprise, type TestApp, uniqueName } from '../../test/helpers.ts';
import { raiseAlarm } from '../alarms/service.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { proposeRemoval } from './service.ts';
import { positiveListEntries, positiveListRemovalProposals } from './tables.ts';

let t: TestApp;
let officer: Client;
let clerk: Client;
let green: { id: string; name: string };
let red: { id: string; name: string };

// a firm the platform holds no permit or station records for: these need the officer's word
const NO_SOURCE = ['permits-complete', 'monitoring-online'] as const;
const CONFIRMED = Object.fromEntries(NO_SOURCE.map((c) => [c, '2026 年 6 月现场核验许可证正本及台账']));

beforeAll(async () => {
  t = await buildTestApp();
  officer = await loginAs(t, ['inspector']);
  clerk = await loginAs(t, ['clerk']);
  green = await makeEnterprise(t, { creditGrade: 'green' });
  red = await makeEnterprise(t, { creditGrade: 'red' });
});
afterAll(() => t.close());

type Check = { condition: string; status: string; evidence: string; confirmation?: string };

describe('positive list: conditions checked from the platform’s records', () => {
  it('passes what the records show, and says plainly which conditions have no source yet', async () => {
    const res = await officer.request({ method: 'GET', url: `/api/positive-list/checks/${green.id}` });
    expect(res.statusCode).toBe(200);
    const checks = res.json() as Check[];
    const by = new Map(checks.map((c) => [c.condition, c]));
    expect(by.get('credit-not-yellow-red')).toMatchObject({
      status: 'passed',
      evidence: '企业登记中的环境信用等级为环保诚信企业（绿牌）',
    });
    expect(by.get('no-verified-complaint')?.status).toBe('passed');
    expect(by.get('no-penalty-2y')).toMatchObject({
      status: 'passed',
      evidence: '近两年平台执法案件中没有对该企业的行政处罚决定',
    });
    // incidents are the platform's own records (module incidents): none registered, so passed
    expect(by.get('no-incident-2y')).toMatchObject({ status: 'passed', records: [] });
    expect(by.get('no-incident-2y')?.evidence).toMatch(/^\d{4}-\d{2}-\d{2} 以来平台未登记该企业的突发环境事件$/);
    for (const c of NO_SOURCE) {
      expect(by.get(c)?.status).toBe('no-source');
      expect(by.get(c)?.evidence).toContain('需人工核实');
    }
    expect(by.get('permits-complete')?.evidence).toBe(
      '本平台未登记该企业的排污许可证或排污登记：需人工核实（依法无需办理的，写明依据）',
    );
  });

  it('reads permits, penalty decisions, monitoring stations, credit records and verified complaints', async () => {
    const db = t.database.db;
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const ok = await makeEnterprise(t);
    const bad = await makeEnterprise(t);
    const permit = (id: string, validTo: string, n: string) =>
      db.execute(sql`insert into permits (enterprise_id, permit_class, pw_item, status, permit_number, issued_by, valid_from, valid_to, officer_name)
        values (${id}::uuid, 'key', '68', 'valid', ${n}, '萍乡市生态环境局', '2020-01-01', ${validTo}::date, '许可帮办')`);
    await permit(ok.id, `${year + 2}-12-31`, 'P-OK-001');
    await permit(bad.id, `${year - 1}-12-31`, 'P-OLD-001');
    const station = (id: string, mn: string, lastFrameAt: Date | null) =>
      db.execute(sql`insert into monitoring_stations (enterprise_id, name, mn, password, edition, outlet_kind, rtd_interval_seconds, min_interval_minutes, last_frame_at)
        values (${id}::uuid, ${`${mn} 废水总排口`}, ${mn}, '123456', '2017', 'water', 60, 10, ${lastFrameAt?.toISOString() ?? null}::timestamptz)`);
    await station(ok.id, 'PLOK0000000001', new Date());
    await station(bad.id, 'PLBAD000000001', null);
    // a penalty decided last month on a finding of an inspection
    const decided = `${year}-${today.slice(5, 7)}-01`;
    await db.execute(sql`with i as (
        insert into site_inspections (kind, enterprise_id, status, inspected_on, inspector_names, checklist, officer_name)
        values ('on-site', ${bad.id}::uuid, 'completed', ${decided}::date, '["李强","周文斌"]', '[]', '执法·李强') returning id),
      f as (insert into inspection_findings (inspection_id, position, description, severity)
        select id, 0, '含药废渣露天堆放', 'serious' from i returning id)
      insert into enforcement_cases (finding_id, enterprise_id, title, stage, stages, decision_number, penalty_amount, decided_on)
        select id, ${bad.id}::uuid, '含药废渣露天堆放案', 'decision', '[]', '上环罚〔测试〕9号', 30000, ${decided}::date from f`);
    // a 12369 report found true on verification
    await db.execute(sql`insert into clues (source, source_ref, description, evidence, enterprise_id, status, outcome, verified_at)
      values ('report', gen_random_uuid()::text, '厂区夜间偷排废水', '{"photos":[]}', ${bad.id}::uuid, 'verified', 'problem-found', now())`);
    for (const [id, grade, basis] of [
      [ok.id, 'blue', `${year - 1} 年度评价：良好`],
      [bad.id, 'yellow', `${year - 1} 年度评价：警示（超标排放）`],
    ] as const) {
      const r = await officer.request({
        method: 'POST',
        url: '/api/credit',
        payload: { enterpriseId: id, grade, basis, ratedOn: `${year}-01-15` },
      });
      expect(r.statusCode, r.body).toBe(201);
    }

    const checksOf = async (id: string) =>
      new Map(
        ((await officer.request({ method: 'GET', url: `/api/positive-list/checks/${id}` })).json() as Check[]).map(
          (c) => [c.condition, c],
        ),
      );
    const good = await checksOf(ok.id);
    expect(good.get('permits-complete')).toMatchObject({ status: 'passed' });
    expect(good.get('no-penalty-2y')).toMatchObject({ status: 'passed' });
    expect(good.get('monitoring-online')).toMatchObject({
      status: 'passed',
      evidence: '已安装自动监控站点 1 个，均在线',
    });
    expect(good.get('credit-not-yellow-red')).toMatchObject({
      status: 'passed',
      evidence: `${year}-01-15 环境信用评价为环保良好企业（蓝牌）（${year - 1} 年度评价：良好）`,
    });
    expect(good.get('no-verified-complaint')).toMatchObject({ status: 'passed' });

    const poor = await checksOf(bad.id);
    expect(poor.get('permits-complete')).toMatchObject({ status: 'failed' });
    expect(poor.get('permits-complete')!.evidence).toContain('无在有效期内的排污许可证或排污登记');
    expect(poor.get('no-penalty-2y')).toMatchObject({ status: 'failed' });
    expect(poor.get('no-penalty-2y')!.evidence).toContain('上环罚〔测试〕9号，罚款 30000.00 元');
    expect(poor.get('monitoring-online')).toMatchObject({ status: 'failed' });
    expect(poor.get('monitoring-online')!.evidence).toContain('PLBAD000000001 废水总排口');
    expect(poor.get('credit-not-yellow-red')).toMatchObject({ status: 'failed' });
    expect(poor.get('no-verified-complaint')).toMatchObject({ status: 'failed' });
    expect(poor.get('no-verified-complaint')!.evidence).toContain('厂区夜间偷排废水');

    // the officer's word cannot list what the records refuse
    const refused = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: {
        enterpriseId: bad.id,
        category: 'key-field',
        confirmations: Object.fromEntries(
          [
            'permits-complete',
            'no-penalty-2y',
            'no-incident-2y',
            'monitoring-online',
            'credit-not-yellow-red',
            'no-verified-complaint',
          ].map((c) => [c, '已核实']),
        ),
        reason: '试图列入',
      },
    });
    expect(refused.statusCode).toBe(422);
    expect(
      refused
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual([
      'confirmations.credit-not-yellow-red',
      'confirmations.monitoring-online',
      'confirmations.no-penalty-2y',
      'confirmations.no-verified-complaint',
      'confirmations.permits-complete',
    ]);
  });

  it('a 12369 report naming the firm turns the complaint condition into one an officer must verify', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'blue' });
    const rep = await clerk.request({
      method: 'POST',
      url: '/api/reports',
      payload: {
        channel: 'phone-12369',
        title: '夜间异味扰民',
        content: '厂区夜间有刺鼻气味，持续数小时',
        location: '上栗镇',
        anonymous: true,
        subjectEnterpriseId: firm.id,
      },
    });
    if (rep.statusCode !== 201) throw new Error(`report: ${rep.statusCode} ${rep.body}`);
    const checks = (
      await officer.request({ method: 'GET', url: `/api/positive-list/checks/${firm.id}` })
    ).json() as Check[];
    const c = checks.find((x) => x.condition === 'no-verified-complaint')!;
    expect(c.status).toBe('no-source');
    expect(c.evidence).toContain('1 件 12369 举报');
  });
});

describe('positive list: decisions', () => {
  let entryId: string;

  it('refuses to list while a condition without a source is unconfirmed, and stores nothing', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: green.id, category: 'livelihood-supply', reason: '民生保障' },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('POSITIVE_LIST_CONDITIONS_NOT_MET');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      NO_SOURCE.map((c) => `confirmations.${c}`).sort(),
    );
    const list = (await officer.request({ method: 'GET', url: '/api/positive-list' })).json();
    expect(list.total).toBe(0);
  });

  it('lists with the officer’s confirmations, keeps the evidence snapshot and 3 years of validity, audited', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: {
        enterpriseId: green.id,
        category: 'medical-waste-wastewater',
        confirmations: CONFIRMED,
        reason: '县城污水处理',
      },
    });
    expect(res.statusCode).toBe(201);
    const e = res.json();
    entryId = e.id;
    const today = todayInShanghai();
    expect(e).toMatchObject({
      state: 'valid',
      decidedOn: today,
      validUntil: listingValidUntil(today, 3),
      categoryLabel: '处置医疗废物、废水的企业',
    });
    expect(e.categorySource).toContain('江西省');
    // the same source in English, for staff reading the page in English
    expect(e.categorySourceEn).toBe(
      'a category added by Jiangxi Province (detailed by the Jiangxi Provincial Department of Ecology and Environment after the Ministry’s notice)',
    );
    const permits = e.checks.find((c: Check) => c.condition === 'permits-complete');
    expect(permits).toMatchObject({ status: 'no-source', confirmation: CONFIRMED['permits-complete'] });
    expect(e.checks.find((c: Check) => c.condition === 'credit-not-yellow-red').confirmation).toBeUndefined();
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, e.id));
    expect(audit.map((a) => a.action)).toEqual(['positive-list.list']);

    const again = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: green.id, category: 'key-field', confirmations: CONFIRMED, reason: '重复' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('POSITIVE_LIST_ALREADY_LISTED');
  });

  it('never lists a firm whose records fail a condition, whatever the officer confirms', async () => {
    const res = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: {
        enterpriseId: red.id,
        category: 'key-field',
        confirmations: { ...CONFIRMED, 'credit-not-yellow-red': '我保证' },
        reason: '试图列入',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: 'confirmations.credit-not-yellow-red', message: '环境信用非黄牌、红牌：不符合' },
    ]);
  });

  it('publishes the list without login: name, town, category and validity only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/positive-list' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toEqual([
      {
        enterpriseName: green.name,
        townCode: '360322101',
        townName: '上栗镇',
        categoryLabel: '处置医疗废物、废水的企业',
        decidedOn: todayInShanghai(),
        validUntil: expect.any(String),
        valid: true,
      },
    ]);
  });

  it('a penalty, incident, verified complaint or alarm proposes removal; the officer decides with a reason', async () => {
    const proposalId = await t.database.db.transaction((tx) =>
      proposeRemoval(tx, SYSTEM_ACTOR, {
        enterpriseId: green.id,
        trigger: 'confirmed-alarm',
        sourceType: 'alarm',
        sourceId: 'A-1',
        summary: 'COD 小时均值超标，已确认',
      }),
    );
    expect(proposalId).toBeTruthy();
    // the same source record proposes once
    const twice = await t.database.db.transaction((tx) =>
      proposeRemoval(tx, SYSTEM_ACTOR, {
        enterpriseId: green.id,
        trigger: 'confirmed-alarm',
        sourceType: 'alarm',
        sourceId: 'A-1',
        summary: 'x',
      }),
    );
    expect(twice).toBeNull();
    const open = (await officer.request({ method: 'GET', url: '/api/positive-list/proposals?status=open' })).json();
    expect(open.items.map((p: { id: string }) => p.id)).toEqual([proposalId]);
    expect(open.items[0]).toMatchObject({ trigger: 'confirmed-alarm', enterpriseName: green.name });

    const noReason = await officer.request({
      method: 'POST',
      url: `/api/positive-list/proposals/${proposalId}/decision`,
      payload: { accept: true },
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await officer.request({
      method: 'POST',
      url: `/api/positive-list/proposals/${proposalId}/decision`,
      payload: { accept: true, reason: '超标经现场核实，移出正面清单' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'removed', removalReason: '超标经现场核实，移出正面清单' });
    expect(ok.json().proposals[0]).toMatchObject({ status: 'accepted' });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/positive-list' })).json();
    expect(pub.total).toBe(0);
    const decideAgain = await officer.request({
      method: 'POST',
      url: `/api/positive-list/proposals/${proposalId}/decision`,
      payload: { accept: false, reason: '再议' },
    });
    expect(decideAgain.statusCode).toBe(409);
    const removeAgain = await officer.request({
      method: 'POST',
      url: `/api/positive-list/${entryId}/removal`,
      payload: { reason: '再次移出' },
    });
    expect(removeAgain.statusCode).toBe(409);
    // removed firms can be proposed no more, and may be listed again by a new decision
    const none = await t.database.db.transaction((tx) =>
      proposeRemoval(tx, SYSTEM_ACTOR, {
        enterpriseId: green.id,
        trigger: 'penalty',
        sourceType: 'case',
        sourceId: 'C-1',
        summary: 'x',
      }),
    );
    expect(none).toBeNull();
  });

  it('an officer removes a listed firm directly, with a reason', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'green' });
    const listed = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'major-project', confirmations: CONFIRMED, reason: '重大工程' },
    });
    expect(listed.statusCode).toBe(201);
    const res = await officer.request({
      method: 'POST',
      url: `/api/positive-list/${listed.json().id}/removal`,
      payload: { reason: '发生突发环境事件' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'removed', removalReason: '发生突发环境事件' });
    const removed = (await officer.request({ method: 'GET', url: '/api/positive-list?state=removed' })).json();
    expect(removed.total).toBe(2);
  });

  it('a listing past its 3 years is not removed: it ended by itself, and stays expired', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'green' });
    const listed = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'major-project', confirmations: CONFIRMED, reason: '重大工程' },
    });
    expect(listed.statusCode).toBe(201);
    const id = listed.json().id as string;
    await t.database.db
      .update(positiveListEntries)
      .set({ decidedOn: '2020-05-20', validUntil: '2023-05-19' })
      .where(eq(positiveListEntries.id, id));
    const res = await officer.request({
      method: 'POST',
      url: `/api/positive-list/${id}/removal`,
      payload: { reason: '补记移出' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'POSITIVE_LIST_STATE',
      detail: '该企业的正面清单已于 2023-05-19 到期，已不在清单内，无需移出',
    });
    const after = (await officer.request({ method: 'GET', url: `/api/positive-list/${id}` })).json();
    expect(after).toMatchObject({ state: 'expired', removedAt: null, removalReason: null });
  });

  it('only officers decide; bad input is a 400 that changes nothing', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'green' });
    const byClerk = await clerk.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'major-project', confirmations: CONFIRMED, reason: 'x' },
    });
    expect(byClerk.statusCode).toBe(403);
    const bad = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'not-a-category', confirmations: CONFIRMED, reason: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('category');
    const unknown = await officer.request({
      method: 'GET',
      url: '/api/positive-list/checks/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
    const list = (
      await officer.request({ method: 'GET', url: `/api/positive-list?q=${encodeURIComponent(firm.name)}` })
    ).json();
    expect(list.total).toBe(0);
  });
});

describe('positive list: removal triggers wired where their records exist', () => {
  it('an officer confirming an alarm of a listed firm raises a removal proposal naming the alarm; a dismissed one does not', async () => {
    const firm = await makeEnterprise(t, { creditGrade: 'green' });
    const listed = await officer.request({
      method: 'POST',
      url: '/api/positive-list',
      payload: { enterpriseId: firm.id, category: 'key-field', confirmations: CONFIRMED, reason: '环境管理规范' },
    });
    expect(listed.statusCode, listed.body).toBe(201);
    const ent = await loginAs(t, ['enterprise'], firm.id);
    const monitor = await loginAs(t, ['monitor']);
    const raise = (sourceId: string) =>
      t.database.db.transaction((tx) =>
        raiseAlarm(tx, {
          sourceKind: 'station',
          sourceId,
          sourceName: '废水总排口',
          enterpriseId: firm.id,
          kind: 'over-limit',
          detail: 'COD 小时均值 120 mg/L，超过限值 100 mg/L',
        }),
      );
    const dismissed = (await raise('ST-PL-1')).alarm;
    const d = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${dismissed.id}/close`,
      payload: { outcome: 'dismissed', note: '仪表校准造成的误报' },
    });
    expect(d.statusCode, d.body).toBe(200);
    const confirmed = (await raise('ST-PL-2')).alarm;
    const answer = await ent.request({
      method: 'POST',
      url: `/api/alarms/${confirmed.id}/answer`,
      payload: { reason: '调节池溢流', action: '已停产检修' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const c = await monitor.request({
      method: 'POST',
      url: `/api/alarms/${confirmed.id}/close`,
      payload: { outcome: 'confirmed', note: '现场核实属实' },
    });
    expect(c.statusCode, c.body).toBe(200);
    const entry = (await officer.request({ method: 'GET', url: `/api/positive-list/${listed.json().id}` })).json();
    expect(entry.proposals).toHaveLength(1);
    expect(entry.proposals[0]).toMatchObject({
      trigger: 'confirmed-alarm',
      sourceType: 'alarm',
      sourceId: confirmed.id,
      status: 'open',
      summary: '废水总排口：COD 小时均值 120 mg/L，超过限值 100 mg/L（确认属实：现场核实属实）',
    });
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, listed.json().id as string));
    expect(audit.map((a) => a.action)).toContain('positive-list.propose-removal');
  });
});

describe('positive list: figure', () => {
  it('counts the firms listed on the period’s last day, each drilling down to its decision', async () => {
    const today = todayInShanghai();
    const period = `from=${today}&to=${today}`;
    const valid = (await officer.request({ method: 'GET', url: '/api/positive-list?state=valid&pageSize=100' })).json();
    const figs = (await officer.request({ method: 'GET', url: `/api/figures?${period}` })).json().figures as {
      key: string;
      value: number;
    }[];
    expect(figs.find((f) => f.key === 'positiveListFirms')?.value).toBe(valid.total);
    const recs = (
      await officer.request({ method: 'GET', url: `/api/figures/positiveListFirms/records?${period}` })
    ).json();
    expect(recs.items.map((r: { link: string }) => r.link).sort()).toEqual(
      valid.items.map((e: { id: string }) => `/staff/positive-list/${e.id}`).sort(),
    );
    expect(valid.total).toBeGreaterThan(0);
  });
});

describe('positive list: the lists’ order', () => {
  it('lists newest first, or by enterprise or last valid day, either way when asked, staff and public alike', async () => {
    const tag = uniqueName('正面清单排序');
    const ids: string[] = [];
    const proposals: string[] = [];
    // names the same but for the last letter, so any collation orders them A, B, C
    for (const letter of ['A', 'B', 'C']) {
      const firm = await makeEnterprise(t, { name: `${tag}${letter}`, creditGrade: 'green' });
      const res = await officer.request({
        method: 'POST',
        url: '/api/positive-list',
        payload: { enterpriseId: firm.id, category: 'key-field', confirmations: CONFIRMED, reason: '排序' },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      const proposal = await t.database.db.transaction((tx) =>
        proposeRemoval(tx, SYSTEM_ACTOR, {
          enterpriseId: firm.id,
          trigger: 'penalty',
          sourceType: 'case',
          sourceId: `${tag}${letter}`,
          summary: '排序',
        }),
      );
      proposals.push(proposal!);
    }
    const [a, b, c] = ids as [string, string, string];
    const [pa, pb, pc] = proposals as [string, string, string];
    // A and C listed the same day (so by name), B before; the last valid days in another order
    for (const [id, decidedOn, validUntil] of [
      [a, '2025-03-01', '2099-03-01'],
      [b, '2025-01-01', '2099-06-01'],
      [c, '2025-03-01', '2098-12-01'],
    ] as const)
      await t.database.db
        .update(positiveListEntries)
        .set({ decidedOn, validUntil })
        .where(eq(positiveListEntries.id, id));
    for (const [id, createdAt] of [
      [pa, '2026-02-02T08:00:00+08:00'],
      [pb, '2026-02-01T08:00:00+08:00'],
      [pc, '2026-02-03T08:00:00+08:00'],
    ] as const)
      await t.database.db
        .update(positiveListRemovalProposals)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(positiveListRemovalProposals.id, id));
    const entries = async (sort: string) => {
      const res = await officer.request({
        method: 'GET',
        url: `/api/positive-list?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((e: { id: string }) => e.id);
    };
    expect(await entries('')).toEqual([a, c, b]);
    expect(await entries('-decidedOn')).toEqual([a, c, b]);
    expect(await entries('decidedOn')).toEqual([b, a, c]);
    expect(await entries('enterprise')).toEqual([a, b, c]);
    expect(await entries('-enterprise')).toEqual([c, b, a]);
    expect(await entries('validUntil')).toEqual([c, a, b]);
    expect(await entries('-validUntil')).toEqual([b, a, c]);
    expect((await officer.request({ method: 'GET', url: '/api/positive-list?sort=category' })).statusCode).toBe(400);

    // the public list, without sign-in, in the same orders (its rows name the firm, without an id)
    const listed = async (sort: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/public/positive-list?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((e: { enterpriseName: string }) => e.enterpriseName.slice(tag.length));
    };
    expect(await listed('')).toEqual(['A', 'C', 'B']);
    expect(await listed('decidedOn')).toEqual(['B', 'A', 'C']);
    expect(await listed('enterprise')).toEqual(['A', 'B', 'C']);
    expect(await listed('-enterprise')).toEqual(['C', 'B', 'A']);
    expect(await listed('validUntil')).toEqual(['C', 'A', 'B']);
    expect(await listed('-validUntil')).toEqual(['B', 'A', 'C']);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/positive-list?sort=category' })).statusCode).toBe(
      400,
    );

    const raised = async (sort: string) => {
      const res = await officer.request({
        method: 'GET',
        url: `/api/positive-list/proposals?pageSize=200${sort ? `&sort=${sort}` : ''}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((p: { id: string }) => p.id)
        .filter((id: string) => proposals.includes(id));
    };
    expect(await raised('')).toEqual([pc, pa, pb]);
    expect(await raised('-createdAt')).toEqual([pc, pa, pb]);
    expect(await raised('createdAt')).toEqual([pb, pa, pc]);
    expect(await raised('enterprise')).toEqual([pa, pb, pc]);
    expect(await raised('-enterprise')).toEqual([pc, pb, pa]);
    expect(
      (await officer.request({ method: 'GET', url: '/api/positive-list/proposals?sort=trigger' })).statusCode,
    ).toBe(400);
  });

  it('keeps the public list newest listed first', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/positive-list?pageSize=200' });
    expect(res.statusCode, res.body).toBe(200);
    const days = res.json().items.map((e: { decidedOn: string }) => e.decidedOn);
    expect(new Set(days).size).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort().reverse());
  });
});
