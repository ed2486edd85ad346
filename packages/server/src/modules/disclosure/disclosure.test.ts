import { readFileSync } from 'node:fs';
import { clockTitleInEnglish } from '@qingshan/core/clock-titles';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { disclosureEvents, disclosureRequests } from './tables.ts';

let t: TestApp;
let clerk: Client;
let leader: Client;

beforeAll(async () => {
  t = await buildTestApp();
  await liftPublicBookingLimits(t);
  clerk = await loginAs(t, ['clerk']);
  leader = await loginAs(t, ['leader']);
});
afterAll(() => t.close());

const PHONE = '13907995501';
const request = (over: Record<string, unknown> = {}) => ({
  applicantType: 'natural-person',
  applicantName: '张三',
  applicantIdNo: '360322199001011234',
  phone: PHONE,
  description: '请求公开 2024 年本县烟花爆竹企业废气排放监测结果',
  delivery: 'email',
  email: 'zhangsan@example.com',
  ...over,
});

async function ok(p: Promise<LightMyRequestResponse>, status = 200) {
  const r = await p;
  expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
  return r.json();
}

describe('依申请公开 on its statutory clock', () => {
  let id: string;
  let code: string;
  let version: number;

  it('a citizen files on the public form with a phone code; without the code nothing is filed', async () => {
    const without = await t.app.inject({ method: 'POST', url: '/api/public/disclosure-requests', payload: request() });
    expect(without.statusCode).toBe(400);
    expect(without.json().code).toBe('PHONE_CODE_REQUIRED');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/public/disclosure-requests',
      payload: request({ description: '短', applicantType: 'alien' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['description', 'applicantType']),
    );
    expect((await ok(clerk.request({ method: 'GET', url: '/api/disclosure-requests' }))).total).toBe(0);
    const filed = await ok(
      t.app.inject({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: request({ phoneCode: await phoneCode(t, PHONE) }),
      }),
      201,
    );
    id = filed.id;
    code = filed.code;
    version = filed.version;
    expect(filed.status).toBe('received');
    expect(filed.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('tracks by code and phone only; a wrong phone answers like a wrong code', async () => {
    const d = await ok(t.app.inject({ method: 'GET', url: `/api/public/disclosure-requests/${code}?phone=${PHONE}` }));
    expect(d.phone).not.toBe(PHONE);
    expect((d.events as { note: string }[])[0]!.note).toContain('第三十三条');
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/public/disclosure-requests/${code}?phone=13907995502`,
    });
    const noCode = await t.app.inject({
      method: 'GET',
      url: `/api/public/disclosure-requests/GKNOPE1234?phone=${PHONE}`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().detail).toEqual(noCode.json().detail);
  });

  it('consulting a third party pauses the clock; resuming moves the due date by the paused days', async () => {
    const before = await ok(clerk.request({ method: 'GET', url: `/api/disclosure-requests/${id}` }));
    const clock = (
      before.clocks as { profileKey: string; title: string; profile: { length: number; unit: string } }[]
    )[0]!;
    expect(clock.profileKey).toBe('disclosure.answer');
    // its title is worded as the English switch knows it (seed/demo.test.ts checks the demo's others)
    expect(clockTitleInEnglish(clock.title), clock.title).not.toBeNull();
    expect(clock.profile).toMatchObject({ length: 20, unit: 'working' });
    const paused = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/disclosure-requests/${id}/actions`,
        payload: { action: 'consult', text: '上栗县某烟花厂（涉及其商业秘密）', version },
      }),
    );
    expect(paused.status).toBe('consulting');
    const detail = await ok(clerk.request({ method: 'GET', url: `/api/disclosure-requests/${id}` }));
    expect((detail.clocks as { state: string }[])[0]!.state).toBe('paused');
    // the generic clock routes cannot touch it: it is the request's own
    const generic = await clerk.request({
      method: 'POST',
      url: `/api/clocks/${(detail.clocks as { id: string }[])[0]!.id}/resume`,
      payload: {},
    });
    expect(generic.statusCode).toBe(409);
    const resumed = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/disclosure-requests/${id}/actions`,
        payload: { action: 'end-consult', version: paused.version },
      }),
    );
    expect(resumed.status).toBe('received');
    version = resumed.version;
  });

  it('an extension needs the head: the clerk asks, only a leader consents, at most 20 working days in all', async () => {
    const tooMany = await clerk.request({
      method: 'POST',
      url: `/api/disclosure-requests/${id}/actions`,
      payload: { action: 'request-extension', days: 21, text: '需要检索历年档案', version },
    });
    expect(tooMany.statusCode).toBe(400);
    const asked = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/disclosure-requests/${id}/actions`,
        payload: { action: 'request-extension', days: 10, text: '需要检索历年档案', version },
      }),
    );
    const clerkApproves = await clerk.request({
      method: 'POST',
      url: `/api/disclosure-requests/${id}/actions`,
      payload: { action: 'approve-extension', version: asked.version },
    });
    expect(clerkApproves.statusCode).toBe(403);
    const approved = await ok(
      leader.request({
        method: 'POST',
        url: `/api/disclosure-requests/${id}/actions`,
        payload: { action: 'approve-extension', version: asked.version },
      }),
    );
    expect(approved.extensionDays).toBe(10);
    expect(approved.dueDate > (asked.dueDate as string)).toBe(true);
    const again = await ok(
      clerk
        .request({
          method: 'POST',
          url: `/api/disclosure-requests/${id}/actions`,
          payload: { action: 'request-extension', days: 11, text: '再次延期', version: approved.version },
        })
        .then((r) => r),
      422,
    );
    expect(again.code).toBe('DISCLOSURE_EXTENSION_LIMIT');
    version = approved.version;
  });

  it('a refusal needs its clause; the answer closes the clock on time and the applicant sees it with its source', async () => {
    const noClause = await clerk.request({
      method: 'POST',
      url: `/api/disclosure-requests/${id}/actions`,
      payload: { action: 'answer', outcome: 'withhold', text: '不予公开', version },
    });
    expect(noClause.statusCode).toBe(400);
    expect(noClause.json().errors[0].path).toBe('clause');
    const answered = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/disclosure-requests/${id}/actions`,
        payload: {
          action: 'answer',
          outcome: 'withhold',
          clause: 'third-party',
          text: '经征求第三方意见，第三方不同意公开且公开会损害其合法权益，决定不予公开。',
          version,
        },
      }),
    );
    expect(answered).toMatchObject({ status: 'answered', answeredOnTime: true, clauseLabel: '保护第三方合法权益' });
    expect(answered.clauseSource).toContain('第十五条');
    const twice = await clerk.request({
      method: 'POST',
      url: `/api/disclosure-requests/${id}/actions`,
      payload: { action: 'answer', outcome: 'disclose', text: '公开', version: answered.version },
    });
    expect(twice.statusCode).toBe(409);
    const tracked = await ok(
      t.app.inject({ method: 'GET', url: `/api/public/disclosure-requests/${code}?phone=${PHONE}` }),
    );
    expect(tracked.outcomeLabel).toBe('不予公开');
    // the internal extension request never reaches the applicant
    expect((tracked.events as { note: string }[]).some((e) => e.note?.includes('申请延长'))).toBe(false);
  });

  it('in English the answer, its grounds and every step of the history are English, each beside its Chinese', async () => {
    const en = await ok(
      t.app.inject({
        method: 'GET',
        url: `/api/public/disclosure-requests/${code}?phone=${PHONE}`,
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(en).toMatchObject({ outcomeLabel: 'Not disclosed', clauseLabel: expect.stringMatching(/third part/i) });
    expect(en.outcomeSource).toContain('Art. 36');
    expect(en.clauseSource).toContain('Art. 15');
    const events = en.events as { action: string; note: string | null; noteEn: string | null }[];
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['register', 'answer']));
    for (const e of events.filter((x) => x.note)) {
      expect(e.noteEn, `${e.action}: ${e.note}`).toBeTruthy();
    }
    for (const e of events.filter((x) => x.action === 'register' || x.action === 'answer')) {
      expect(e.noteEn, e.action).not.toMatch(/[\u4e00-\u9fff]/u);
    }
    expect(events.find((e) => e.action === 'register')!.noteEn).toMatch(
      /^Request received; .*Art\. 33.* due by \d{4}-\d{2}-\d{2}$/,
    );
    const staffView = await ok(
      clerk.request({ method: 'GET', url: `/api/disclosure-requests/${id}`, headers: { 'accept-language': 'en' } }),
    );
    const extension = (staffView.events as { action: string; noteEn: string | null }[]).find(
      (e) => e.action === 'request-extension',
    );
    expect(extension?.noteEn).toMatch(/^An extension of the answer period by \d+ working days is requested/);
  });

  it('a registration recorded before English was kept gets its English from the migration; other notes keep theirs', async () => {
    const migration = readFileSync(
      new URL('../../../drizzle/0026_disclosure_event_note_en.sql', import.meta.url),
      'utf8',
    );
    const backfill = migration.slice(migration.indexOf('UPDATE'));
    await t.database.db.update(disclosureEvents).set({ noteEn: null }).where(eq(disclosureEvents.requestId, id));
    await t.database.db.execute(sql.raw(backfill));
    const rows = await t.database.db.select().from(disclosureEvents).where(eq(disclosureEvents.requestId, id));
    const register = rows.find((r) => r.action === 'register')!;
    expect(register.noteEn).toBe(
      register.note!.replace(
        /^.*应于 (\S+) 前答复$/,
        'Request received; under Art. 33 of the Regulations on the Disclosure of Government Information, the answer is due by $1',
      ),
    );
    expect(rows.filter((r) => r.action !== 'register').every((r) => r.noteEn === null)).toBe(true);
  });

  it('the annual report table counts the year from the records and balances', async () => {
    const year = Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
    await ok(
      clerk.request({
        method: 'POST',
        url: '/api/disclosure-requests',
        payload: request({ applicantType: 'business', applicantName: '某公司', phone: '0799-7654321' }),
      }),
      201,
    );
    const t3 = await ok(clerk.request({ method: 'GET', url: `/api/disclosure/annual-report?year=${year}` }));
    const rows = t3.rows as { key: string; zh: string; total: number; cells: Record<string, number> }[];
    const row = (k: string) => rows.find((r) => r.key === k)!;
    expect(row('new').total).toBe(2);
    expect(row('new').cells.business).toBe(1);
    expect(row('withhold:third-party').cells['natural-person']).toBe(1);
    expect(row('total').total).toBe(1);
    expect(row('carried-out').total).toBe(1);
    const bad = await clerk.request({ method: 'GET', url: '/api/disclosure/annual-report?year=1900' });
    expect(bad.statusCode).toBe(400);

    // the export is the same table, in the statutory form's layout
    const x = await clerk.request({ method: 'GET', url: `/api/disclosure/annual-report.xlsx?year=${year}` });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toContain(encodeURIComponent('年度报告'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表三')!;
    const sheetRow = (label: string) => {
      let found: unknown[] | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === label) found = (r.values as unknown[]).slice(2, 9);
      });
      return found;
    };
    const newRow = row('new');
    expect(sheetRow(newRow.zh)).toEqual([...Object.values(newRow.cells), newRow.total]);
    expect(sheetRow(row('carried-out').zh)?.at(-1)).toBe(1);
    const badX = await clerk.request({ method: 'GET', url: '/api/disclosure/annual-report.xlsx?year=abc' });
    expect(badX.statusCode).toBe(400);
  });
});

describe('主动公开: permits listed from the permits records', () => {
  it('lists issued permits with the enterprise and dates, never one still being applied for', async () => {
    const { permits } = await import('../permits/tables.ts');
    const e = await makeEnterprise(t, { name: '主动公开测试花炮厂' });
    await t.database.db.insert(permits).values([
      {
        enterpriseId: e.id,
        permitClass: 'key',
        pwItem: '68',
        status: 'valid',
        permitNumber: '91360322TEST0001P',
        issuedBy: '萍乡市生态环境局',
        issuedOn: '2024-03-01',
        validFrom: '2024-03-01',
        validTo: '2029-02-28',
        officerName: '许可帮办',
      },
      {
        enterpriseId: e.id,
        permitClass: 'simplified',
        pwItem: '68',
        status: 'applying',
        issuedBy: '萍乡市生态环境局',
        officerName: '许可帮办',
      },
    ]);
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/public/disclosure/permits?q=${encodeURIComponent('主动公开测试')}`,
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      enterpriseName: '主动公开测试花炮厂',
      permitNumber: '91360322TEST0001P',
      permitClassLabel: '重点管理',
      statusLabel: '有效',
      issuedOn: '2024-03-01',
      validTo: '2029-02-28',
    });
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/disclosure/permits?pageSize=100000' });
    expect(bad.statusCode).toBe(400);
  });

  it('lists newest issued first, or oldest first, or by enterprise or last valid day either way; refuses another sort', async () => {
    const { permits } = await import('../permits/tables.ts');
    const tag = uniqueName('许可排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    for (const [letter, issuedOn, validTo] of [
      ['A', '2024-03-01', '2029-02-28'],
      ['B', '2024-05-01', '2028-01-31'],
      ['C', '2024-04-01', '2029-06-30'],
    ] as const) {
      const e = await makeEnterprise(t, { name: `${tag}${letter}` });
      await t.database.db.insert(permits).values({
        enterpriseId: e.id,
        permitClass: 'key',
        pwItem: '68',
        status: 'valid',
        permitNumber: `${tag}${letter}`,
        issuedBy: '萍乡市生态环境局',
        issuedOn,
        validFrom: issuedOn,
        validTo,
        officerName: '许可帮办',
      });
    }
    // the rows name the firm, without an id
    const firms = async (sort: string) => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/public/disclosure/permits?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.map((p: { enterpriseName: string }) => p.enterpriseName.slice(tag.length));
    };
    expect(await firms('')).toEqual(['B', 'C', 'A']);
    expect(await firms('-issuedOn')).toEqual(['B', 'C', 'A']);
    expect(await firms('issuedOn')).toEqual(['A', 'C', 'B']);
    expect(await firms('enterprise')).toEqual(['A', 'B', 'C']);
    expect(await firms('-enterprise')).toEqual(['C', 'B', 'A']);
    expect(await firms('validTo')).toEqual(['B', 'A', 'C']);
    expect(await firms('-validTo')).toEqual(['C', 'A', 'B']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/public/disclosure/permits?sort=status' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the whole annual report (年度报告), counted from seeded records of 2021', () => {
  const Y = 2021;
  const year = `year=${Y}`;
  let answeredA: string;
  let answeredD: string;
  let openC: string;
  let appealD: { id: string; version: number };

  async function register(over: Record<string, unknown>, receivedAt: string) {
    const r = await ok(
      clerk.request({ method: 'POST', url: '/api/disclosure-requests', payload: request({ ...over, receivedAt }) }),
      201,
    );
    return r as { id: string; version: number };
  }
  async function answerOn(r: { id: string; version: number }, body: Record<string, unknown>, at: string) {
    await ok(
      clerk.request({
        method: 'POST',
        url: `/api/disclosure-requests/${r.id}/actions`,
        payload: { action: 'answer', text: '已按规定答复申请人。', version: r.version, ...body },
      }),
    );
    // the answer's day is what the table counts by; the test puts it in the year under report
    const { disclosureRequests } = await import('./tables.ts');
    const { eq } = await import('drizzle-orm');
    await t.database.db
      .update(disclosureRequests)
      .set({ answeredAt: new Date(at) })
      .where(eq(disclosureRequests.id, r.id));
  }
  const report = async () => ok(clerk.request({ method: 'GET', url: `/api/disclosure/annual-report?${year}` }));
  const cell = async (c: string, y = Y) =>
    ok(
      clerk.request({
        method: 'GET',
        url: `/api/disclosure/annual-report/cells?year=${y}&cell=${encodeURIComponent(c)}`,
      }),
    );

  beforeAll(async () => {
    const { policies } = await import('../policies/tables.ts');
    const { eiaCases } = await import('../eia/tables.ts');
    const { siteInspections, inspectionFindings, enforcementCases } = await import('../site-inspections/tables.ts');
    const db = t.database.db;
    const policy = (over: Partial<typeof policies.$inferInsert>) => ({
      kind: 'normative',
      title: '规范性文件',
      summary: '摘要',
      body: '正文',
      issuer: '萍乡市上栗生态环境局',
      industries: [],
      towns: [],
      topics: [],
      validFrom: '2021-01-01',
      status: 'published',
      ...over,
    });
    await db.insert(policies).values([
      // 00:10 on 1 January in Shanghai: issued in 2021, not 2020
      policy({ title: '甲：年初印发', publishedAt: new Date('2020-12-31T16:10:00Z') }),
      policy({
        title: '乙：年中废止',
        validFrom: '2020-05-01',
        publishedAt: new Date('2020-05-01T02:00:00Z'),
        status: 'withdrawn',
        withdrawnAt: new Date('2021-07-01T02:00:00Z'),
      }),
      // 00:30 on 1 January 2022 in Shanghai: not 2021's
      policy({ title: '丙：次年印发', validFrom: '2022-01-01', publishedAt: new Date('2021-12-31T16:30:00Z') }),
      policy({ title: '丁：通知不是规范性文件', kind: 'notice', publishedAt: new Date('2021-03-01T02:00:00Z') }),
      policy({ title: '戊：草稿', status: 'draft' }),
    ]);

    const e = await makeEnterprise(t, { name: '年报测试化工厂' });
    const eia = (code: string, path: string, decidedOn: string | null) => ({
      code,
      enterpriseId: e.id,
      path: path as 'ordinary',
      state: 'approved' as const,
      projectName: `项目${code}`,
      projectAddress: '上栗镇',
      constructionType: 'new',
      industryCode: '2671',
      category: 'report-form' as const,
      catalogueRow: '四十四',
      contactName: '李四',
      contactPhone: '13907990000',
      acceptedOn: '2021-01-05',
      decidedOn,
    });
    await db
      .insert(eiaCases)
      .values([
        eia('年报-1', 'commitment', '2021-05-05'),
        eia('年报-2', 'ordinary', '2021-12-31'),
        eia('年报-3', 'report-book', '2021-06-01'),
        eia('年报-4', 'exemption', '2021-06-02'),
        eia('年报-5', 'ordinary', '2022-01-01'),
        eia('年报-6', 'ordinary', null),
      ]);

    const [insp] = await db
      .insert(siteInspections)
      .values({
        kind: 'random',
        enterpriseId: e.id,
        inspectedOn: '2021-08-01',
        inspectorNames: ['王五', '赵六'],
        checklist: [],
        officerName: '王五',
      })
      .returning();
    const findings = await db
      .insert(inspectionFindings)
      .values([
        { inspectionId: insp!.id, position: 1, description: '废气未经处理直排', severity: 'serious' },
        { inspectionId: insp!.id, position: 2, description: '危废台账缺失', severity: 'serious' },
      ])
      .returning();
    await db.insert(enforcementCases).values([
      {
        findingId: findings[0]!.id,
        enterpriseId: e.id,
        title: '废气直排案',
        stage: 'decision',
        stages: [],
        decisionNumber: '上环罚〔2021〕1号',
        decidedOn: '2021-09-09',
      },
      { findingId: findings[1]!.id, enterpriseId: e.id, title: '危废台账案', stage: 'investigation', stages: [] },
    ]);

    const a = await register({ applicantName: '甲申请人' }, '2021-03-01T02:00:00Z');
    answeredA = a.id;
    await answerOn(a, { outcome: 'no-ready-made' }, '2021-03-20T02:00:00Z');
    // 23:30 on 31 December in Shanghai: 2021's, and still open at its end
    await register(
      { applicantType: 'business', applicantName: '乙公司', phone: '0799-7000001' },
      '2021-12-31T15:30:00Z',
    );
    // 00:30 on 1 January 2022 in Shanghai: 2022's
    const c = await register({ applicantType: 'research', applicantName: '丙研究所' }, '2021-12-31T16:30:00Z');
    openC = c.id;
    const d = await register({ applicantName: '丁申请人' }, '2021-05-10T02:00:00Z');
    answeredD = d.id;
    const mismatch = await clerk.request({
      method: 'POST',
      url: `/api/disclosure-requests/${d.id}/actions`,
      payload: {
        action: 'answer',
        outcome: 'not-processed',
        clause: 'third-party',
        text: '不予处理。',
        version: d.version,
      },
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({ path: 'clause', message: '所选理由不属于该答复类型' });
    await answerOn(d, { outcome: 'not-processed', clause: 'repeat' }, '2021-06-01T02:00:00Z');
  });

  it('二: counts normative documents, licensing and penalty decisions of the year; what is not recorded stays blank', async () => {
    const r = await report();
    const row = (k: string) =>
      (r.proactive as { key: string; recorded: boolean; cells: { measure: string; value: number | null }[] }[]).find(
        (x) => x.key === k,
      )!;
    const values = (k: string) => Object.fromEntries(row(k).cells.map((c) => [c.measure, c.value]));
    expect(values('normative')).toEqual({ issued: 1, repealed: 1, 'in-force': 1 });
    expect(values('licensing')).toEqual({ decisions: 2 });
    expect(values('penalty')).toEqual({ decisions: 1 });
    for (const k of ['rules', 'coercion', 'fees']) {
      expect(row(k).recorded).toBe(false);
      expect(row(k).cells.every((c) => c.value === null)).toBe(true);
    }
    const issued = await cell('proactive:normative:issued');
    expect(issued.items.map((i: { title: string }) => i.title)).toEqual(['甲：年初印发']);
    const lic = await cell('proactive:licensing:decisions');
    expect(lic.items.map((i: { note: string }) => i.note)).toEqual(['年报-1', '年报-2']);
    expect(lic.items[0].link).toMatch(/^\/staff\/eia\//);
    const pen = await cell('proactive:penalty:decisions');
    expect(pen.items).toHaveLength(1);
    expect(pen.items[0]).toMatchObject({ date: '2021-09-09', note: '上环罚〔2021〕1号' });
    // the next year counts what fell on its side of midnight in Shanghai
    const next = await ok(clerk.request({ method: 'GET', url: '/api/disclosure/annual-report?year=2022' }));
    const n = (next.proactive as { key: string; cells: { measure: string; value: number }[] }[]).find(
      (x) => x.key === 'normative',
    )!;
    expect(Object.fromEntries(n.cells.map((c) => [c.measure, c.value]))).toEqual({
      issued: 1,
      repealed: 0,
      'in-force': 2,
    });
  });

  it('三: every result row of the form, split by applicant, at the year boundary in Shanghai', async () => {
    const r = await report();
    const rows = r.rows as { key: string; zh: string; total: number; cells: Record<string, number> }[];
    const row = (k: string) => rows.find((x) => x.key === k)!;
    expect(rows.map((x) => x.key)).toEqual(
      expect.arrayContaining(['unable:unclear', 'not-processed:petition', 'other:no-fee', 'other:other']),
    );
    expect(rows).toHaveLength(2 + 2 + 8 + 3 + 5 + 3 + 1 + 1);
    expect(row('new').cells).toMatchObject({ 'natural-person': 2, business: 1, research: 0 });
    expect(row('unable:no-ready-made').cells['natural-person']).toBe(1);
    expect(row('not-processed:repeat').total).toBe(1);
    expect(row('total').total).toBe(2);
    expect(row('carried-out').cells.business).toBe(1);
    expect(row('new').total + row('carried-in').total).toBe(row('total').total + row('carried-out').total);
    const next = await ok(clerk.request({ method: 'GET', url: '/api/disclosure/annual-report?year=2022' }));
    const nrow = (k: string) => (next.rows as typeof rows).find((x) => x.key === k)!;
    expect(nrow('carried-in').cells.business).toBe(1);
    expect(nrow('new').cells.research).toBe(1);
    const drill = await cell('requests:unable:no-ready-made:natural-person');
    expect(drill.items.map((i: { id: string }) => i.id)).toEqual([answeredA]);
    const carried = await cell('requests:carried-in:total', 2022);
    expect(carried.items.map((i: { title: string }) => i.title)).toEqual([expect.stringContaining('乙公司')]);
    const bad = await clerk.request({
      method: 'GET',
      url: `/api/disclosure/annual-report/cells?${year}&cell=requests:nope:total`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('cell');
  });

  it('四: a reconsideration or lawsuit is recorded by the desk only, validated, and counted by its result at year end', async () => {
    const url = (id: string) => `/api/disclosure-requests/${id}/appeals`;
    const good = {
      kind: 'reconsideration',
      filedOn: '2021-04-01',
      body: '上栗县人民政府',
      result: 'upheld',
      decidedOn: '2021-05-01',
    };
    const ent = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await ent.request({ method: 'POST', url: url(answeredA), payload: good })).statusCode).toBe(403);
    expect((await ent.request({ method: 'GET', url: url(answeredA) })).statusCode).toBe(403);
    const citizen = await loginAs(t, ['citizen']);
    expect((await citizen.request({ method: 'POST', url: url(answeredA), payload: good })).statusCode).toBe(403);
    const early = await clerk.request({
      method: 'POST',
      url: url(answeredA),
      payload: { ...good, decidedOn: '2021-03-31' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'decidedOn' });
    const noDate = await clerk.request({ method: 'POST', url: url(answeredA), payload: { ...good, decidedOn: null } });
    expect(noDate.statusCode).toBe(400);
    const badKind = await clerk.request({
      method: 'POST',
      url: url(answeredA),
      payload: { ...good, kind: 'petition' },
    });
    expect(badKind.statusCode).toBe(400);
    // a request neither answered nor overdue has nothing to challenge yet
    const notYet = await clerk.request({
      method: 'POST',
      url: url(openC),
      payload: { ...good, filedOn: '2022-01-02', decidedOn: null, result: null },
    });
    expect(notYet.statusCode).toBe(409);
    const missing = await clerk.request({ method: 'POST', url: url(crypto.randomUUID()), payload: good });
    expect(missing.statusCode).toBe(404);

    await ok(clerk.request({ method: 'POST', url: url(answeredA), payload: good }), 201);
    // filed on the last day of 2021, decided in 2022: 尚未审结 in 2021's report
    appealD = await ok(
      clerk.request({
        method: 'POST',
        url: url(answeredD),
        payload: { kind: 'litigation', filedOn: '2021-12-31', body: '上栗县人民法院', caseNo: '（2021）赣0322行初1号' },
      }),
      201,
    );
    const decided = await ok(
      clerk.request({
        method: 'PATCH',
        url: `/api/disclosure-appeals/${appealD.id}`,
        payload: { result: 'corrected', decidedOn: '2022-02-01', version: appealD.version },
      }),
    );
    expect(decided).toMatchObject({ resultLabel: '结果纠正', version: 2 });
    const stale = await clerk.request({
      method: 'PATCH',
      url: `/api/disclosure-appeals/${appealD.id}`,
      payload: { result: 'other', decidedOn: '2022-02-02', version: appealD.version },
    });
    expect(stale.statusCode).toBe(409);

    const r = await report();
    const block = (k: string) =>
      (r.appeals as { kind: string; cells: Record<string, number> }[]).find((a) => a.kind === k)!.cells;
    expect(block('reconsideration')).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(block('litigation')).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(block('litigation-after-reconsideration').total).toBe(0);
    const pending = await cell('appeals:litigation:pending');
    expect(pending.items).toHaveLength(1);
    expect(pending.items[0].link).toBe(`/staff/disclosure/${answeredD}`);
    const listed = await ok(clerk.request({ method: 'GET', url: url(answeredD) }));
    expect(listed[0]).toMatchObject({ kind: 'litigation', result: 'corrected', decidedOn: '2022-02-01' });
  });

  it('一、五、六: the bureau writes them in versions, each save audited; the .docx holds text and tables', async () => {
    const put = (c: Client, body: string, version: number) =>
      c.request({
        method: 'PUT',
        url: '/api/disclosure/annual-report/texts/overview',
        payload: { year: Y, body, version },
      });
    const v1 = await ok(put(clerk, '2021年，本局坚持以公开为常态、不公开为例外。', 0));
    expect(v1.version).toBe(1);
    expect((await put(leader, '另一人同时起草', 0)).statusCode).toBe(409);
    const v2 = await ok(put(leader, '2021年，本局认真贯彻《政府信息公开条例》。', 1));
    expect(v2).toMatchObject({ version: 2 });
    const ent = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    expect((await put(ent, '企业不能写', 2)).statusCode).toBe(403);
    const badSection = await clerk.request({
      method: 'PUT',
      url: '/api/disclosure/annual-report/texts/preface',
      payload: { year: Y, body: 'x', version: 0 },
    });
    expect(badSection.statusCode).toBe(400);
    await ok(
      clerk.request({
        method: 'PUT',
        url: '/api/disclosure/annual-report/texts/problems',
        payload: { year: Y, body: '网站栏目更新不够及时。下一步将加强培训。', version: 0 },
      }),
    );
    const { auditEntries } = await import('../audit/tables.ts');
    const { eq } = await import('drizzle-orm');
    const saved = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'disclosure.annual-text.save'));
    expect(saved.length).toBe(3);
    const r = await report();
    expect(r.texts.find((x: { section: string }) => x.section === 'overview')).toMatchObject({ version: 2 });
    expect((r.figures as { text: string }[]).map((f) => f.text).join('')).toContain('本年新收政府信息公开申请3件');

    const JSZip = (await import('jszip')).default;
    const res = await clerk.request({ method: 'GET', url: `/api/disclosure/annual-report.docx?${year}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('年度报告'));
    const xml = (await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '萍乡市上栗生态环境局2021年政府信息公开工作年度报告',
      '2021年，本局认真贯彻《政府信息公开条例》。',
      '二、主动公开政府信息情况',
      '行政规范性文件',
      '三（四）无法提供 2.没有现成信息需要另行制作',
      '四、政府信息公开行政复议、行政诉讼情况',
      '尚未审结',
      '网站栏目更新不够及时。下一步将加强培训。',
      '平台无记录',
    ])
      expect(text).toContain(s);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);

    const x = await clerk.request({ method: 'GET', url: `/api/disclosure/annual-report.xlsx?${year}` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表二', '表三', '表四']);
  });
});

describe('the desk’s list', () => {
  it('lists open requests first by nearest due date, or latest due when asked; by receipt or applicant either way', async () => {
    const tag = uniqueName('排序');
    // names the same but for the last letter, so any collation orders them A, B, C, D
    const register = async (name: string, receivedAt: string, dueDate: string | null, answered = false) => {
      const r = await ok(
        clerk.request({
          method: 'POST',
          url: '/api/disclosure-requests',
          payload: request({ applicantName: name, receivedAt }),
        }),
        201,
      );
      await t.database.db
        .update(disclosureRequests)
        .set({
          dueDate,
          ...(answered ? { status: 'answered', answeredAt: new Date('2026-06-10T09:00:00+08:00') } : {}),
        })
        .where(eq(disclosureRequests.id, r.id));
      return r.id as string;
    };
    const later = await register(`${tag}B`, '2026-06-01T09:00:00+08:00', '2026-07-10');
    const sooner = await register(`${tag}C`, '2026-06-02T09:00:00+08:00', '2026-07-01');
    const answered = await register(`${tag}A`, '2026-06-03T09:00:00+08:00', '2026-06-20', true);
    const undated = await register(`${tag}D`, '2026-06-04T09:00:00+08:00', null);
    const ids = (sort: string) => idsInOrder(clerk, `/api/disclosure-requests?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([sooner, later, undated, answered]);
    expect(await ids('dueDate')).toEqual([sooner, later, undated, answered]);
    expect(await ids('-dueDate')).toEqual([later, sooner, undated, answered]);
    expect(await ids('receivedAt')).toEqual([later, sooner, answered, undated]);
    expect(await ids('-receivedAt')).toEqual([undated, answered, sooner, later]);
    expect(await ids('applicantName')).toEqual([answered, later, sooner, undated]);
    expect(await ids('-applicantName')).toEqual([undated, sooner, later, answered]);
    expect((await clerk.request({ method: 'GET', url: '/api/disclosure-requests?sort=code' })).statusCode).toBe(400);
  });
});

describe('an applicant with an account is told of each public step, in English too', () => {
  type Told = { title: string; titleEn: string; bodyEn: string };
  const inbox = async (c: Client, kind: string): Promise<Told[]> =>
    (await ok(c.request({ method: 'GET', url: `/api/inbox?kind=${kind}&pageSize=200` }))).items.reverse();
  const act = (c: Client, id: string, payload: Record<string, unknown>) =>
    ok(c.request({ method: 'POST', url: `/api/disclosure-requests/${id}/actions`, payload }));
  const GIOR = 'Regulations on the Disclosure of Government Information';

  it('a citizen hears of the consultation, the resumption, the extension and the answer; the leader is asked in English', async () => {
    const citizen = await loginAs(t, ['citizen']);
    const phone = '13907995503';
    const filed = await ok(
      citizen.request({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: request({ phone, phoneCode: await phoneCode(t, phone) }),
      }),
      201,
    );
    const consulted = await act(clerk, filed.id, { action: 'consult', text: '上栗县某烟花厂', version: filed.version });
    const resumed = await act(clerk, filed.id, { action: 'end-consult', version: consulted.version });
    const asked = await act(clerk, filed.id, {
      action: 'request-extension',
      days: 5,
      text: '需要检索历年档案',
      version: resumed.version,
    });
    const approved = await act(leader, filed.id, { action: 'approve-extension', version: asked.version });
    await act(clerk, filed.id, {
      action: 'answer',
      outcome: 'disclose',
      text: '予以公开。',
      version: approved.version,
    });

    const told = await inbox(citizen, 'disclosure.progress');
    expect(new Set(told.map((n) => n.titleEn))).toEqual(
      new Set(['There is progress on your request for government information']),
    );
    // the clerk's own words stay as typed; the request to extend is internal and not told
    expect(told.map((n) => n.bodyEn)).toEqual([
      `Tracking code ${filed.code}: Consulting a third party (上栗县某烟花厂); the time spent consulting is not counted in the answer period (${GIOR}, Art. 33, para. 3)`,
      `Tracking code ${filed.code}: The third party’s opinion has been received; the answer period runs again, and the answer is due by ${resumed.dueDate}`,
      `Tracking code ${filed.code}: With the consent of the head of the disclosure body, the answer period is extended by 5 working days to ${approved.dueDate}. Reason: 需要检索历年档案`,
      `Tracking code ${filed.code}: Answer: Disclosed (${GIOR}, Art. 36, items (1) and (2))`,
    ]);
    const [ask] = (await inbox(leader, 'disclosure.extension-requested')).filter((n) => n.bodyEn.includes(filed.code));
    expect(ask).toMatchObject({
      titleEn: 'Disclosure request: extension awaiting your consent: 张三',
      bodyEn: `Tracking code ${filed.code}: an extension of 5 working days is requested. Reason: 需要检索历年档案`,
    });
  });

  it('an enterprise hears of the refusal with its ground, each with its article', async () => {
    const ent = await loginAs(t, ['enterprise'], (await makeEnterprise(t)).id);
    const filed = await ok(
      ent.request({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: request({ applicantType: 'business', applicantName: '某烟花公司', phone: '13907995504' }),
      }),
      201,
    );
    await act(clerk, filed.id, {
      action: 'answer',
      outcome: 'withhold',
      clause: 'third-party',
      text: '涉及第三方商业秘密，不予公开。',
      version: filed.version,
    });
    expect(await inbox(ent, 'disclosure.progress')).toMatchObject([
      {
        titleEn: 'There is progress on your enterprise’s request for government information',
        bodyEn: `Tracking code ${filed.code}: Answer: Not disclosed (${GIOR}, Art. 36, item (3); Protects a third party’s lawful rights, ${GIOR}, Art. 15)`,
      },
    ]);
  });
});
