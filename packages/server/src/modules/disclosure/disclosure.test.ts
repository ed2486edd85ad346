import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
} from '../../test/helpers.ts';

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
    const clock = (before.clocks as { profileKey: string; profile: { length: number; unit: string } }[])[0]!;
    expect(clock.profileKey).toBe('disclosure.answer');
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
});
