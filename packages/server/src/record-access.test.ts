import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJob } from './modules/jobs/service.ts';
import {
  buildTestApp,
  type Client,
  liftPublicBookingLimits,
  loginAs,
  makeEnterprise,
  phoneCode,
  type TestApp,
} from './test/helpers.ts';

// Record-level isolation across the service modules (access.test.ts covers route × role). Two
// enterprises A and B, a third C only for a joint visit, and two citizen accounts each own
// records made through the real API; every route an enterprise user, a citizen or an anonymous
// code + phone holder can reach is tried against someone else's record.

let t: TestApp;
let clerk: Client;
let leader: Client;
let inspector: Client;
let entA: Client;
let entB: Client;
let cit1: Client;
let cit2: Client;
let A: { id: string; name: string };
let B: { id: string; name: string };
let C: { id: string; name: string };

function shanghaiDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
const TOMORROW = shanghaiDate(1);
const LAST = shanghaiDate(8);

const PHONE = { A: '13907991001', B: '13907991002', cit1: '13907991003', cit2: '13907991004' };
const GOOD = { level: 5, indicators: { efficiency: 5, result: 5, attitude: 5, convenience: 5 } };
const BAD = { level: 1, indicators: { efficiency: 1, result: 1, attitude: 1, convenience: 1 }, comment: '等候太久' };

type Appt = { id: string; code: string; slotId: string };
const appt = {} as Record<'A' | 'B' | 'cit1' | 'cit2', Appt>;
let spareSlotId: string;
const rating = {} as Record<'A' | 'B' | 'cit1', string>;
let ratingBClockIds: string[] = [];
const recBooking = {} as Record<'A' | 'B' | 'cit1' | 'cit2', string>;
let publicSessionId: string;
const concern = {} as Record<'A' | 'B', string>;
let concernBClockId: string;
const visit = {} as Record<'B' | 'joint', string>;
/** the enterprises' parts of those visits: what each rates (户次) */
const visitPart = {} as Record<'B' | 'jointC', string>;
let attachmentB: string;
const project = {} as Record<'A' | 'B', string>;
const petition = {} as Record<'A' | 'B' | 'cit1' | 'cit2', { id: string; code: string }>;
let letterCit1: string;
let inboxB: string;
let inboxCit1: string;
let jobB: string;

/** Refused without leaking: 403 FORBIDDEN_RECORD, or 404 as if the record did not exist. */
function expectRefused(res: LightMyRequestResponse, label: string) {
  expect([403, 404], `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  expect(res.json().code, label).toBe(res.statusCode === 403 ? 'FORBIDDEN_RECORD' : 'RECORD_NOT_FOUND');
}

function ids(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return res.json().items.map((x: { id: string }) => x.id);
}

/** The parts of a problem body that could tell a wrong code from a wrong phone. */
function problemShape(res: LightMyRequestResponse) {
  const { instance: _i, ...rest } = res.json();
  return { status: res.statusCode, ...rest };
}

async function ok(res: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  return r.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  await liftPublicBookingLimits(t);
  [clerk, leader, inspector] = await Promise.all([
    loginAs(t, ['clerk']),
    loginAs(t, ['leader']),
    loginAs(t, ['inspector']),
  ]);
  A = await makeEnterprise(t, { contacts: [{ name: '甲厂联系人', phone: PHONE.A }] });
  B = await makeEnterprise(t, { contacts: [{ name: '乙厂联系人', phone: PHONE.B }] });
  C = await makeEnterprise(t, { townCode: '360322103' });
  entA = await loginAs(t, ['enterprise'], A.id);
  entB = await loginAs(t, ['enterprise'], B.id);
  cit1 = await loginAs(t, ['citizen']);
  cit2 = await loginAs(t, ['citizen']);

  // ---- appointments: one booking each, B's and cit1's served and rated -------------------
  const svc = await ok(
    clerk.request({
      method: 'POST',
      url: '/api/appointment-services',
      payload: { name: '隔离测试窗口', location: '县政务服务中心 1 号窗口' },
    }),
    201,
  );
  await ok(
    clerk.request({
      method: 'POST',
      url: `/api/appointment-services/${svc.id}/plans`,
      payload: {
        validFrom: TOMORROW,
        validTo: LAST,
        dayRule: 'all',
        startTime: '09:00',
        endTime: '11:00',
        slotMinutes: 30,
        capacity: 10,
      },
    }),
    201,
  );
  const slots = (await ok(t.app.inject({ method: 'GET', url: `/api/public/appointment-services/${svc.id}/slots` })))
    .items as { id: string }[];
  expect(slots.length).toBeGreaterThan(2);
  spareSlotId = slots[1]!.id;
  const bookers = { A: entA, B: entB, cit1, cit2 } as const;
  for (const who of ['A', 'B', 'cit1', 'cit2'] as const) {
    const r = await ok(
      bookers[who].request({
        method: 'POST',
        url: '/api/appointments',
        payload: {
          slotId: slots[0]!.id,
          matter: `办理事项 ${who}`,
          phone: PHONE[who],
          phoneCode: await phoneCode(t, PHONE[who]),
        },
      }),
      201,
    );
    appt[who] = { id: r.id, code: r.code, slotId: r.slotId };
  }
  for (const who of ['A', 'B', 'cit1'] as const) {
    for (const status of ['arrived', 'served']) {
      await ok(clerk.request({ method: 'POST', url: `/api/appointments/${appt[who].id}/mark`, payload: { status } }));
    }
  }
  rating.A = (
    await ok(
      entA.request({
        method: 'POST',
        url: '/api/ratings',
        payload: { eventType: 'appointment', eventId: appt.A.id, ...GOOD },
      }),
      201,
    )
  ).id;
  rating.B = (
    await ok(
      entB.request({
        method: 'POST',
        url: '/api/ratings',
        payload: { eventType: 'appointment', eventId: appt.B.id, ...BAD },
      }),
      201,
    )
  ).id;
  rating.cit1 = (
    await ok(
      cit1.request({
        method: 'POST',
        url: '/api/ratings',
        payload: { eventType: 'appointment', eventId: appt.cit1.id, ...GOOD },
      }),
      201,
    )
  ).id;
  // B's bad rating opened its rectification clocks, filed under B
  const bClocks = await ok(clerk.request({ method: 'GET', url: `/api/clocks?ownerType=rating&ownerId=${rating.B}` }));
  ratingBClockIds = bClocks.items.map((c: { id: string; enterpriseId: string | null }) => {
    expect(c.enterpriseId).toBe(B.id);
    return c.id;
  });
  expect(ratingBClockIds.length).toBe(2);

  // ---- reception: bookings of A, B and both citizens; concerns of A and B -------------------
  const entSession = (
    await ok(
      clerk.request({
        method: 'POST',
        url: '/api/reception/sessions',
        payload: { kind: 'enterprise', date: shanghaiDate(25), leaderName: '王局长' },
      }),
      201,
    )
  ).id;
  publicSessionId = (
    await ok(
      clerk.request({
        method: 'POST',
        url: '/api/reception/sessions',
        payload: { kind: 'public', date: shanghaiDate(26), leaderName: '王局长' },
      }),
      201,
    )
  ).id;
  for (const [who, c] of [
    ['A', entA],
    ['B', entB],
  ] as const) {
    recBooking[who] = (
      await ok(
        c.request({
          method: 'POST',
          url: `/api/reception/sessions/${entSession}/bookings`,
          payload: { people: ['厂长'], concern: `企业${who}咨询排污许可`, contactPhone: PHONE[who] },
        }),
        201,
      )
    ).id;
  }
  for (const [who, c] of [
    ['cit1', cit1],
    ['cit2', cit2],
  ] as const) {
    recBooking[who] = (
      await ok(
        c.request({
          method: 'POST',
          url: `/api/reception/sessions/${publicSessionId}/public-bookings`,
          payload: {
            name: `群众${who}`,
            phone: PHONE[who],
            concern: '反映噪声扰民',
            phoneCode: await phoneCode(t, PHONE[who]),
          },
        }),
        201,
      )
    ).id;
  }
  const pastSession = (
    await ok(
      clerk.request({
        method: 'POST',
        url: '/api/reception/sessions',
        payload: { kind: 'enterprise', date: '2025-06-12', leaderName: '王局长' },
      }),
      201,
    )
  ).id;
  for (const [who, e] of [
    ['A', A],
    ['B', B],
  ] as const) {
    await ok(
      clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${pastSession}/attendances`,
        payload: { enterpriseId: e.id, people: [{ name: `厂长${who}` }] },
      }),
      201,
    );
    const c = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/reception/sessions/${pastSession}/concerns`,
        payload: { enterpriseId: e.id, raisedBy: `厂长${who}`, category: 'other', description: `企业${who}的诉求内容` },
      }),
      201,
    );
    concern[who] = c.id;
  }
  const answered = await ok(
    clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${concern.B}/answer`,
      payload: { answer: '受理并跟进', accepted: true, followUpUserId: leader.userId, version: 1 },
    }),
  );
  concernBClockId = answered.clockId;
  await ok(
    clerk.request({
      method: 'POST',
      url: `/api/reception/concerns/${concern.B}/resolve`,
      payload: { resolution: '已办结乙厂诉求', version: answered.version },
    }),
  );

  // ---- visits: B alone (with an attachment), and a joint visit to A and C -------------------
  const visitBody = (enterpriseIds: string[]) => ({
    date: '2025-05-20',
    staff: [{ userId: inspector.userId, name: '李强', leader: false }],
    enterprises: enterpriseIds.map((id) => ({ enterpriseId: id, solved: '指导完成排污许可登记' })),
    purposes: ['permit-application'],
    summary: '上门指导排污许可登记',
    followUps: enterpriseIds.map((id) => ({ enterpriseId: id, action: `复查整改 ${id}`, dueDate: '2025-06-03' })),
  });
  const visitB = await ok(inspector.request({ method: 'POST', url: '/api/visits', payload: visitBody([B.id]) }), 201);
  visit.B = visitB.id;
  visitPart.B = visitB.enterprises[0].ratingEventId;
  const joint = await ok(
    inspector.request({ method: 'POST', url: '/api/visits', payload: visitBody([A.id, C.id]) }),
    201,
  );
  visit.joint = joint.id;
  visitPart.jointC = joint.enterprises.find((x: { enterpriseId: string }) => x.enterpriseId === C.id).ratingEventId;
  attachmentB = (
    await ok(
      inspector.request({
        method: 'POST',
        url: `/api/visits/${visit.B}/attachments?name=photo.png`,
        payload: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
        headers: { 'content-type': 'image/png' },
      }),
      201,
    )
  ).id;

  // ---- projects -----------------------------------------------------------------------------
  for (const [who, e] of [
    ['A', A],
    ['B', B],
  ] as const) {
    project[who] = (
      await ok(
        inspector.request({
          method: 'POST',
          url: '/api/projects',
          payload: {
            name: `企业${who}技改项目`,
            enterpriseId: e.id,
            investment: 1000,
            townCode: '360322104',
            officerName: '陈涛',
            nextAction: '环评进度调度',
            nextActionDate: '2025-06-01',
          },
        }),
        201,
      )
    ).id;
  }

  // ---- petitions online: by each enterprise and each citizen account -------------------------
  const petitioners = { A: entA, B: entB, cit1, cit2 } as const;
  for (const who of ['A', 'B', 'cit1', 'cit2'] as const) {
    const p = await ok(
      petitioners[who].request({
        method: 'POST',
        url: '/api/public/petitions',
        payload: {
          type: 'claim',
          title: `信访事项${who}反映`,
          content: '附近花炮厂夜间排放刺激性气味，请求查处。',
          petitionerName: `信访人${who}`,
          petitionerPhone: PHONE[who],
        },
      }),
      201,
    );
    petition[who] = { id: p.id, code: p.code };
  }
  await ok(
    clerk.request({ method: 'POST', url: `/api/petitions/${petition.cit1.id}/actions`, payload: { action: 'accept' } }),
  );
  const detail = await ok(cit1.request({ method: 'GET', url: `/api/petitions/${petition.cit1.id}` }));
  expect(detail.letters.length).toBeGreaterThan(0);
  letterCit1 = detail.letters[0].id;

  // ---- inbox messages: B's from the resolved concern, cit1's from the acceptance letter --------
  const inbox = async (c: Client) =>
    (await ok(c.request({ method: 'GET', url: '/api/inbox?pageSize=200' }))).items as { id: string; kind: string }[];
  inboxB = (await inbox(entB)).find((n) => n.kind === 'reception.concern.resolved')!.id;
  expect(inboxB).toBeTruthy();
  const cit1Items = await inbox(cit1);
  expect(cit1Items.length).toBeGreaterThan(0);
  inboxCit1 = cit1Items[0]!.id;

  // ---- a background job of B's user (enterprises start none through the API today) ------------
  jobB = await startJob(
    t.database.db,
    'isolation-test',
    entB.userId,
    async () => ({ ok: true }),
    (p) => t.jobs.push(p),
  );
  await Promise.all(t.jobs);
}, 120_000);
afterAll(() => t.close());

describe('enterprises, audit: A never sees or changes B', () => {
  it('refuses to read, change or unmask B and keeps B unchanged', async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/enterprises/${B.id}` }), 'GET B');
    expectRefused(
      await entA.request({
        method: 'PATCH',
        url: `/api/enterprises/${B.id}`,
        payload: { address: '被改了', version: 1 },
      }),
      'PATCH B',
    );
    expectRefused(await entA.request({ method: 'POST', url: `/api/enterprises/${B.id}/unmask` }), 'unmask B');
    const b = await ok(clerk.request({ method: 'GET', url: `/api/enterprises/${B.id}` }));
    expect(b.address).not.toBe('被改了');
    // and A itself is reachable, so the refusals above are about ownership
    await ok(entA.request({ method: 'GET', url: `/api/enterprises/${A.id}` }));
  });

  it('lists and exports only A, whatever the filters ask', async () => {
    expect(ids(await entA.request({ method: 'GET', url: '/api/enterprises?pageSize=200' }))).toEqual([A.id]);
    expect(ids(await entA.request({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent(B.name)}` }))).toEqual(
      [],
    );
    const x = await entA.request({ method: 'GET', url: '/api/enterprises/export' });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(1).value)));
    expect(names).toContain(A.name);
    expect(names).not.toContain(B.name);
  });

  it("the audit log opens only A's own file", async () => {
    expectRefused(
      await entA.request({ method: 'GET', url: `/api/audit?entityType=enterprise&entityId=${B.id}` }),
      'audit of B',
    );
    expectRefused(
      await entA.request({ method: 'GET', url: `/api/audit?entityType=appointment&entityId=${appt.B.id}` }),
      "audit of B's booking",
    );
    expect((await entA.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(400);
    await ok(entA.request({ method: 'GET', url: `/api/audit?entityType=enterprise&entityId=${A.id}` }));
  });
});

describe('appointments', () => {
  const others = () =>
    [
      [entA, 'B', 'A → B'],
      [entA, 'cit1', 'A → cit1'],
      [cit2, 'cit1', 'cit2 → cit1'],
      [cit1, 'A', 'cit1 → A'],
      [entB, 'cit2', 'B → cit2'],
    ] as const;

  it("nobody reads, cancels or moves someone else's booking", async () => {
    for (const [c, owner, label] of others()) {
      const id = appt[owner].id;
      expectRefused(await c.request({ method: 'GET', url: `/api/appointments/${id}` }), `${label} GET`);
      expectRefused(await c.request({ method: 'POST', url: `/api/appointments/${id}/cancel` }), `${label} cancel`);
      expectRefused(
        await c.request({ method: 'POST', url: `/api/appointments/${id}/move`, payload: { slotId: spareSlotId } }),
        `${label} move`,
      );
    }
    const cit2Own = await ok(clerk.request({ method: 'GET', url: `/api/appointments/${appt.cit2.id}` }));
    expect(cit2Own).toMatchObject({ status: 'booked', slotId: appt.cit2.slotId });
    await ok(cit2.request({ method: 'GET', url: `/api/appointments/${appt.cit2.id}` }));
  });

  it('lists only the caller’s own bookings, whatever the query', async () => {
    const cases = [
      [entA, 'A'],
      [entB, 'B'],
      [cit1, 'cit1'],
      [cit2, 'cit2'],
    ] as const;
    for (const [c, who] of cases) {
      expect(ids(await c.request({ method: 'GET', url: '/api/appointments?pageSize=200' }))).toEqual([appt[who].id]);
    }
    for (const q of [appt.B.code, '办理事项', `&enterpriseId=${B.id}`]) {
      const url = q.startsWith('&')
        ? `/api/appointments?pageSize=200${q}`
        : `/api/appointments?q=${encodeURIComponent(q)}`;
      const got = ids(await entA.request({ method: 'GET', url }));
      expect(got).not.toContain(appt.B.id);
      expect(got).not.toContain(appt.cit1.id);
    }
  });

  it('a code + phone lookup refuses a wrong phone exactly like a wrong code', async () => {
    const code = appt.cit2.code;
    const wrongCode = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const byPhone = await t.app.inject({ method: 'GET', url: `/api/public/appointments/${code}?phone=${PHONE.cit1}` });
    const byCode = await t.app.inject({
      method: 'GET',
      url: `/api/public/appointments/${wrongCode}?phone=${PHONE.cit2}`,
    });
    expect(byPhone.statusCode).toBe(404);
    expect(problemShape(byPhone)).toEqual(problemShape(byCode));
    expect(byPhone.body).not.toContain(appt.cit2.id);
    for (const action of ['cancel', 'move', 'rating'] as const) {
      const payload = {
        phone: PHONE.cit1,
        ...(action === 'move' ? { slotId: spareSlotId } : {}),
        ...(action === 'rating' ? GOOD : {}),
      };
      const wp = await t.app.inject({ method: 'POST', url: `/api/public/appointments/${code}/${action}`, payload });
      const wc = await t.app.inject({
        method: 'POST',
        url: `/api/public/appointments/${wrongCode}/${action}`,
        payload: { ...payload, phone: PHONE.cit2 },
      });
      expect(wp.statusCode, `${action} ${wp.body}`).toBe(404);
      expect(problemShape(wp), action).toEqual(problemShape(wc));
    }
    // the right pair still works, and the booking was not touched by the attempts
    const right = await ok(
      t.app.inject({ method: 'GET', url: `/api/public/appointments/${code}?phone=${PHONE.cit2}` }),
    );
    expect(right).toMatchObject({ id: appt.cit2.id, status: 'booked', slotId: appt.cit2.slotId });
    // an enterprise's own phone does not open another enterprise's booking either
    const cross = await entA.request({
      method: 'POST',
      url: `/api/public/appointments/${appt.B.code}/cancel`,
      payload: { phone: PHONE.A },
    });
    expect(cross.statusCode).toBe(404);
  });
  it('a rating by code + phone shows the anonymous rater no staff-side follow-up', async () => {
    const phone = '13907991099';
    const booked = await ok(
      t.app.inject({
        method: 'POST',
        url: '/api/appointments',
        payload: {
          slotId: spareSlotId,
          name: '匿名群众',
          phone,
          matter: '咨询环评',
          phoneCode: await phoneCode(t, phone),
        },
      }),
      201,
    );
    for (const status of ['arrived', 'served']) {
      await ok(clerk.request({ method: 'POST', url: `/api/appointments/${booked.id}/mark`, payload: { status } }));
    }
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/public/appointments/${booked.code}/rating`,
      payload: { ...BAD, phone },
    });
    const r = await ok(res, 201);
    expect(r.rectification).not.toBeNull();
    // the window clerk who served is the assignee; who that is stays inside the bureau
    expect(r.rectification.assigneeUserId).toBeNull();
    expect(res.body).not.toContain(clerk.userId);
  });
});

describe('ratings', () => {
  it('only the party served may rate an event', async () => {
    const tries = [
      [entA, 'appointment', appt.B.id, 'A rates B’s booking'],
      [entA, 'appointment', appt.cit1.id, 'A rates cit1’s booking'],
      [cit2, 'appointment', appt.cit1.id, 'cit2 rates cit1’s booking'],
      [cit1, 'appointment', appt.A.id, 'cit1 rates A’s booking'],
      [entA, 'visit', visitPart.B, 'A rates B’s visit'],
      [entA, 'visit', visitPart.jointC, 'A rates C’s part of their joint visit'],
      [entA, 'reception-concern', concern.B, 'A rates B’s concern'],
      [entA, 'petition', petition.B.id, 'A rates B’s petition'],
      [cit2, 'petition', petition.cit1.id, 'cit2 rates cit1’s petition'],
    ] as const;
    for (const [c, eventType, eventId, label] of tries) {
      const res = await c.request({ method: 'POST', url: '/api/ratings', payload: { eventType, eventId, ...GOOD } });
      expectRefused(res, label);
    }
  });

  it('reads and lists only the caller’s own ratings', async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/ratings/${rating.B}` }), 'A reads B’s rating');
    expectRefused(await entA.request({ method: 'GET', url: `/api/ratings/${rating.cit1}` }), 'A reads cit1’s rating');
    expectRefused(await cit2.request({ method: 'GET', url: `/api/ratings/${rating.cit1}` }), 'cit2 reads cit1’s');
    expectRefused(await cit1.request({ method: 'GET', url: `/api/ratings/${rating.A}` }), 'cit1 reads A’s');
    expect(ids(await entA.request({ method: 'GET', url: '/api/ratings?pageSize=200' }))).toEqual([rating.A]);
    expect(ids(await entB.request({ method: 'GET', url: '/api/ratings?bad=true' }))).toEqual([rating.B]);
    expect(ids(await cit1.request({ method: 'GET', url: '/api/ratings?pageSize=200' }))).toEqual([rating.cit1]);
    expect(ids(await cit2.request({ method: 'GET', url: '/api/ratings?pageSize=200' }))).toEqual([]);
    expect(
      ids(await entA.request({ method: 'GET', url: `/api/ratings?eventType=appointment&enterpriseId=${B.id}` })),
    ).not.toContain(rating.B);
  });
});

describe('clocks, worklist: deadlines of B stay B’s', () => {
  it("A cannot read B's clocks, by id or by owner", async () => {
    for (const id of [...ratingBClockIds, concernBClockId]) {
      expectRefused(await entA.request({ method: 'GET', url: `/api/clocks/${id}` }), `A reads clock ${id}`);
    }
    const listed = ids(await entA.request({ method: 'GET', url: `/api/clocks?ownerType=rating&ownerId=${rating.B}` }));
    expect(listed).toEqual([]);
    const all = ids(await entA.request({ method: 'GET', url: '/api/clocks?pageSize=200' }));
    for (const id of [...ratingBClockIds, concernBClockId]) expect(all).not.toContain(id);
    // B sees its own
    const own = ids(await entB.request({ method: 'GET', url: '/api/clocks?pageSize=200' }));
    expect(own).toEqual(expect.arrayContaining(ratingBClockIds));
  });

  it("a citizen has no clock listing, and nobody's worklist holds B's items", async () => {
    for (const c of [entA, cit1]) {
      const res = await c.request({ method: 'GET', url: '/api/worklist?pageSize=200' });
      const items = (await ok(res)).items as { id: string; enterpriseId: string | null }[];
      expect(items.filter((i) => i.enterpriseId === B.id)).toEqual([]);
      for (const id of [...ratingBClockIds, concernBClockId]) expect(items.map((i) => i.id)).not.toContain(id);
    }
  });
});

describe('reception', () => {
  it("nobody cancels someone else's reception booking", async () => {
    const tries = [
      [entA, 'B'],
      [entA, 'cit1'],
      [cit2, 'cit1'],
      [cit1, 'A'],
    ] as const;
    for (const [c, owner] of tries) {
      expectRefused(
        await c.request({ method: 'POST', url: `/api/reception/bookings/${recBooking[owner]}/cancel` }),
        `cancel ${owner}`,
      );
    }
    const session = await ok(clerk.request({ method: 'GET', url: `/api/reception/sessions/${publicSessionId}` }));
    const cit1Booking = session.bookings.find((b: { id: string }) => b.id === recBooking.cit1);
    expect(cit1Booking.status).toBe('booked');
  });

  it('an enterprise books only for itself; my-bookings holds only the caller’s', async () => {
    const sessions = await ok(
      t.app.inject({ method: 'GET', url: '/api/reception/sessions?kind=enterprise&sort=-date' }),
    );
    const future = sessions.items[0].id as string;
    const res = await entA.request({
      method: 'POST',
      url: `/api/reception/sessions/${future}/bookings`,
      payload: { enterpriseId: B.id, people: ['冒名'], concern: '替别人预约' },
    });
    expectRefused(res, 'A books for B');
    expect(ids(await entA.request({ method: 'GET', url: '/api/reception/my-bookings' }))).toEqual([recBooking.A]);
    expect(ids(await cit1.request({ method: 'GET', url: '/api/reception/my-bookings' }))).toEqual([recBooking.cit1]);
    expect(ids(await cit2.request({ method: 'GET', url: '/api/reception/my-bookings' }))).toEqual([recBooking.cit2]);
  });

  it('a public day shows others’ bookings without phones, people or concerns', async () => {
    for (const c of [entA, cit2]) {
      const s = await ok(c.request({ method: 'GET', url: `/api/reception/sessions/${publicSessionId}` }));
      expect(s.attendances).toBeNull();
      expect(s.concerns).toBeNull();
      for (const b of s.bookings) {
        expect(b.phone).toBeNull();
        expect(b.concern).toBeNull();
        expect(b.people).toEqual([]);
      }
      expect(JSON.stringify(s)).not.toContain(PHONE.cit1);
    }
  });

  it("A reads and lists only its own concerns, even when it asks for B's", async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/reception/concerns/${concern.B}` }), 'A reads B');
    expect(ids(await entA.request({ method: 'GET', url: '/api/reception/concerns?pageSize=200' }))).toEqual([
      concern.A,
    ]);
    expect(ids(await entA.request({ method: 'GET', url: `/api/reception/concerns?enterpriseId=${B.id}` }))).toEqual([]);
  });
  it('a published case does not say which enterprise asked', async () => {
    const c = await ok(clerk.request({ method: 'GET', url: `/api/reception/concerns/${concern.B}` }));
    await ok(
      clerk.request({
        method: 'POST',
        url: `/api/reception/concerns/${concern.B}/publish`,
        payload: { published: true, caseTitle: '排污许可咨询案例', version: c.version },
      }),
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/reception/cases?pageSize=200' });
    expect(ids(res)).toContain(concern.B);
    for (const secret of [B.id, B.name, '厂长B']) expect(res.body).not.toContain(secret);
  });
});

describe('visits', () => {
  it("A cannot open B's visit or its attachment", async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/visits/${visit.B}` }), 'A reads B’s visit');
    expectRefused(
      await entA.request({ method: 'GET', url: `/api/visits/${visit.B}/attachments/${attachmentB}` }),
      'A downloads B’s attachment',
    );
    // nor through a visit it may open
    expectRefused(
      await entA.request({ method: 'GET', url: `/api/visits/${visit.joint}/attachments/${attachmentB}` }),
      'B’s attachment under A’s visit',
    );
  });

  it('a joint visit of A and C shows A only itself and its own follow-ups', async () => {
    const v = await ok(entA.request({ method: 'GET', url: `/api/visits/${visit.joint}` }));
    expect(v.enterprises.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([A.id]);
    expect(v.followUps.map((f: { enterpriseId: string }) => f.enterpriseId)).toEqual([A.id]);
    expect(JSON.stringify(v)).not.toContain(C.id);
    expect(JSON.stringify(v)).not.toContain(C.name);
  });

  it('lists only visits to A, even with ?enterpriseId=B or C', async () => {
    for (const q of ['', `&enterpriseId=${B.id}`, `&enterpriseId=${C.id}`]) {
      const res = await entA.request({ method: 'GET', url: `/api/visits?pageSize=200${q}` });
      expect(ids(res), q).toEqual([visit.joint]);
      for (const item of res.json().items) {
        expect(item.enterprises.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([A.id]);
      }
    }
  });
  it('a town filter does not reveal where the other enterprises of a joint visit are', async () => {
    // A is in 上栗镇 (360322101), C in 金山镇 (360322103): only A's own town may match for A
    expect(ids(await entA.request({ method: 'GET', url: '/api/visits?townCode=360322101' }))).toEqual([visit.joint]);
    expect(ids(await entA.request({ method: 'GET', url: '/api/visits?townCode=360322103' }))).toEqual([]);
    // staff still filter by any enterprise's town
    expect(ids(await clerk.request({ method: 'GET', url: '/api/visits?townCode=360322103' }))).toContain(visit.joint);
  });
});

describe('projects', () => {
  it("A cannot read B's project and lists only its own", async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/projects/${project.B}` }), 'A reads B’s project');
    expect(ids(await entA.request({ method: 'GET', url: '/api/projects?pageSize=200' }))).toEqual([project.A]);
    expect(ids(await entA.request({ method: 'GET', url: `/api/projects?enterpriseId=${B.id}` }))).toEqual([]);
  });
});

describe('petitions', () => {
  it("nobody reads someone else's petition or its letters", async () => {
    const tries = [
      [entA, 'B'],
      [entA, 'cit1'],
      [cit2, 'cit1'],
      [cit1, 'A'],
      [cit1, 'cit2'],
    ] as const;
    for (const [c, owner] of tries) {
      expectRefused(await c.request({ method: 'GET', url: `/api/petitions/${petition[owner].id}` }), `read ${owner}`);
    }
    for (const c of [cit2, entA]) {
      expectRefused(
        await c.request({ method: 'GET', url: `/api/petitions/${petition.cit1.id}/letters/${letterCit1}` }),
        'letter of cit1',
      );
    }
    // a letter id of cit1's cannot be pulled through a petition the caller owns
    expectRefused(
      await cit2.request({ method: 'GET', url: `/api/petitions/${petition.cit2.id}/letters/${letterCit1}` }),
      'letter of cit1 under cit2’s petition',
    );
  });

  it('lists only the caller’s own petitions, whatever the query', async () => {
    const cases = [
      [entA, 'A'],
      [entB, 'B'],
      [cit1, 'cit1'],
      [cit2, 'cit2'],
    ] as const;
    for (const [c, who] of cases) {
      expect(ids(await c.request({ method: 'GET', url: '/api/petitions?pageSize=200' })), who).toEqual([
        petition[who].id,
      ]);
    }
    for (const q of [`q=${petition.B.code}`, 'q=信访', `enterpriseId=${B.id}`]) {
      const got = ids(await entA.request({ method: 'GET', url: `/api/petitions?${q}` }));
      expect(got, q).not.toContain(petition.B.id);
    }
  });

  it('a code + phone lookup refuses a wrong phone exactly like a wrong code', async () => {
    const { code } = petition.cit2;
    const wrongCode = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    const wp = await t.app.inject({ method: 'GET', url: `/api/public/petitions/${code}?phone=${PHONE.cit1}` });
    const wc = await t.app.inject({ method: 'GET', url: `/api/public/petitions/${wrongCode}?phone=${PHONE.cit2}` });
    expect(wp.statusCode).toBe(404);
    expect(problemShape(wp)).toEqual(problemShape(wc));
    const rp = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${code}/rating`,
      payload: { phone: PHONE.cit1, ...GOOD },
    });
    const rc = await t.app.inject({
      method: 'POST',
      url: `/api/public/petitions/${wrongCode}/rating`,
      payload: { phone: PHONE.cit2, ...GOOD },
    });
    expect(rp.statusCode).toBe(404);
    expect(problemShape(rp)).toEqual(problemShape(rc));
    await ok(t.app.inject({ method: 'GET', url: `/api/public/petitions/${code}?phone=${PHONE.cit2}` }));
  });
});

describe('reports: a 12369 report names B, yet neither B nor A ever reads it', () => {
  it('no enterprise or citizen reads or lists reports; a code + phone lookup refuses a wrong phone exactly like a wrong code', async () => {
    const filed = await ok(
      t.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        payload: {
          title: '乙厂夜间排放刺鼻废气',
          content: '乙厂每晚十点后排放刺鼻废气，附近居民无法开窗。',
          location: '上栗县某镇乙厂附近',
          reporterName: '丙群众',
          reporterPhone: PHONE.cit1,
        },
      }),
      201,
    );
    const staffView = await ok(clerk.request({ method: 'GET', url: `/api/reports/${filed.id}` }));
    expect(staffView.report?.id ?? staffView.id).toBe(filed.id);
    for (const [who, c] of [
      ['A', entA],
      ['B', entB],
      ['cit1', cit1],
      ['cit2', cit2],
    ] as const) {
      expect((await c.request({ method: 'GET', url: `/api/reports/${filed.id}` })).statusCode, who).toBe(403);
      expect((await c.request({ method: 'GET', url: '/api/reports' })).statusCode, who).toBe(403);
    }
    const wrongCode = filed.code.slice(0, -1) + (filed.code.endsWith('A') ? 'B' : 'A');
    const wp = await t.app.inject({ method: 'GET', url: `/api/public/reports/${filed.code}?phone=${PHONE.cit2}` });
    const wc = await t.app.inject({ method: 'GET', url: `/api/public/reports/${wrongCode}?phone=${PHONE.cit1}` });
    expect(wp.statusCode).toBe(404);
    expect(problemShape(wp)).toEqual(problemShape(wc));
    const own = await ok(t.app.inject({ method: 'GET', url: `/api/public/reports/${filed.code}?phone=${PHONE.cit1}` }));
    expect(own.report.code).toBe(filed.code);
  });
});

describe('notifications, jobs: inbox, preferences and jobs', () => {
  it("nobody marks or sees someone else's message", async () => {
    expectRefused(await entA.request({ method: 'POST', url: `/api/inbox/${inboxB}/read` }), 'A reads B’s message');
    expectRefused(await cit2.request({ method: 'POST', url: `/api/inbox/${inboxCit1}/read` }), 'cit2 reads cit1’s');
    await ok(entA.request({ method: 'POST', url: '/api/inbox/read-all' }));
    await ok(cit2.request({ method: 'POST', url: '/api/inbox/read-all' }));
    const b = await ok(entB.request({ method: 'GET', url: '/api/inbox?unread=true&pageSize=200' }));
    expect(b.items.map((n: { id: string }) => n.id)).toContain(inboxB);
    const c1 = await ok(cit1.request({ method: 'GET', url: '/api/inbox?unread=true&pageSize=200' }));
    expect(c1.items.map((n: { id: string }) => n.id)).toContain(inboxCit1);
    expect(ids(await entA.request({ method: 'GET', url: '/api/inbox?pageSize=200' }))).not.toContain(inboxB);
    expect((await ok(entA.request({ method: 'GET', url: '/api/inbox/unread-count' }))).unread).toBe(0);
    expect((await ok(entB.request({ method: 'GET', url: '/api/inbox/unread-count' }))).unread).toBeGreaterThan(0);
    expect(ids(await cit2.request({ method: 'GET', url: '/api/inbox?pageSize=200' }))).not.toContain(inboxCit1);
  });

  it('preferences are the caller’s own', async () => {
    const set = await ok(
      entB.request({
        method: 'PUT',
        url: '/api/me/notification-preferences',
        payload: { email: 'b-owner@example.cn', webhookUrl: 'https://8.8.4.4/hook' },
      }),
    );
    expect(set.webhookSecret).toBeTruthy();
    const a = await ok(entA.request({ method: 'GET', url: '/api/me/notification-preferences' }));
    expect(a).toMatchObject({ email: null, webhookUrl: null, webhookSecret: null });
  });

  it('a job is visible only to whoever started it', async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/jobs/${jobB}` }), 'A reads B’s job');
    expectRefused(await cit1.request({ method: 'GET', url: `/api/jobs/${jobB}` }), 'cit1 reads B’s job');
    expect((await ok(entB.request({ method: 'GET', url: `/api/jobs/${jobB}` }))).status).toBe('done');
  });
});

describe('policies, disclosure: questions, pushes and disclosure requests stay their owner’s', () => {
  it('A never sees B’s unanswered question on a policy, nor B’s pushes and read marks', async () => {
    const p = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/policies',
        payload: {
          kind: 'benefit',
          title: '全县企业环保信用修复指引',
          summary: '说明信用修复的条件和程序',
          body: '一、适用范围：本县全部企业。二、办理程序：提交申请、审核、公示。',
          issuer: '萍乡市上栗生态环境局',
          topics: ['credit'],
          validFrom: '2025-01-01',
        },
      }),
      201,
    );
    await ok(clerk.request({ method: 'POST', url: `/api/policies/${p.id}/publish`, payload: { version: 1 } }));
    const qB = await ok(
      entB.request({
        method: 'POST',
        url: `/api/policies/${p.id}/questions`,
        payload: { question: 'B 的问题：失信记录多久可以修复？' },
      }),
      201,
    );
    const seenByA = await ok(entA.request({ method: 'GET', url: `/api/policies/${p.id}/questions?pageSize=200` }));
    expect(seenByA.items.map((q: { id: string }) => q.id)).not.toContain(qB.id);
    const answerByB = await entB.request({
      method: 'POST',
      url: `/api/policies/${p.id}/questions/${qB.id}/answer`,
      payload: { answer: '自己答复', publish: true },
    });
    expect(answerByB.statusCode).toBe(403);
    await ok(entB.request({ method: 'POST', url: `/api/me/policies/${p.id}/read` }));
    const mineA = await ok(entA.request({ method: 'GET', url: '/api/me/policies?pageSize=200' }));
    expect(mineA.items.find((x: { id: string }) => x.id === p.id)?.readAt).toBeNull();
    expect((await cit1.request({ method: 'GET', url: '/api/me/policies?pageSize=200' })).statusCode).toBe(200);
    const reach = await ok(clerk.request({ method: 'GET', url: `/api/policies/${p.id}/reach` }));
    expect(reach.concernedReached).toBeGreaterThanOrEqual(1);
    expect((await entA.request({ method: 'GET', url: `/api/policies/${p.id}/reach` })).statusCode).toBe(403);
  });

  it('nobody reads or lists someone else’s disclosure request; a wrong phone answers like a wrong code', async () => {
    const base = {
      applicantName: '申请人',
      applicantIdNo: '91360322MA00000000',
      description: '请求公开本企业所在园区的环评批复文件',
      delivery: 'pickup',
    };
    const a = await ok(
      entA.request({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: { ...base, applicantType: 'business', phone: PHONE.A },
      }),
      201,
    );
    const b = await ok(
      entB.request({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: { ...base, applicantType: 'business', phone: PHONE.B },
      }),
      201,
    );
    const c = await ok(
      cit1.request({
        method: 'POST',
        url: '/api/public/disclosure-requests',
        payload: {
          ...base,
          applicantType: 'natural-person',
          applicantIdNo: '360322199001011234',
          phone: PHONE.cit1,
          phoneCode: await phoneCode(t, PHONE.cit1),
        },
      }),
      201,
    );
    for (const [client, other] of [
      [entA, b.id],
      [entA, c.id],
      [cit2, c.id],
      [cit1, a.id],
    ] as const) {
      expectRefused(await client.request({ method: 'GET', url: `/api/disclosure-requests/${other}` }), 'disclosure');
    }
    expect(ids(await entA.request({ method: 'GET', url: '/api/disclosure-requests?pageSize=200' }))).toEqual([a.id]);
    expect(ids(await cit1.request({ method: 'GET', url: '/api/disclosure-requests?pageSize=200' }))).toEqual([c.id]);
    expect(ids(await cit2.request({ method: 'GET', url: '/api/disclosure-requests?pageSize=200' }))).toEqual([]);
    const wrongCode = c.code.slice(0, -1) + (c.code.endsWith('A') ? 'B' : 'A');
    const wp = await t.app.inject({
      method: 'GET',
      url: `/api/public/disclosure-requests/${c.code}?phone=${PHONE.cit2}`,
    });
    const wc = await t.app.inject({
      method: 'GET',
      url: `/api/public/disclosure-requests/${wrongCode}?phone=${PHONE.cit1}`,
    });
    expect(wp.statusCode).toBe(404);
    expect(problemShape(wp)).toEqual(problemShape(wc));
    const actByA = await entA.request({
      method: 'POST',
      url: `/api/disclosure-requests/${b.id}/actions`,
      payload: { action: 'answer', outcome: 'disclose', text: '公开', version: 1 },
    });
    expect(actByA.statusCode).toBe(403);
  });
});

describe('eia: A never reads B’s EIA cases, nor files for B', () => {
  const eia = {} as Record<'A' | 'B', string>;
  const body = (enterpriseId: string, extra: Record<string, unknown> = {}) => ({
    enterpriseId,
    path: 'commitment',
    projectName: '组合烟花生产线技术改造项目',
    projectAddress: '萍乡市上栗县上栗镇',
    constructionType: 'alteration',
    industryCode: '2672',
    facts: { chemicalReaction: false, productionWastewater: false, vocEmissions: true },
    contactName: '刘建国',
    contactPhone: '13907990188',
    commitmentSigned: true,
    ...extra,
  });
  beforeAll(async () => {
    for (const [who, e] of [
      ['A', A],
      ['B', B],
    ] as const) {
      eia[who] = (await ok(clerk.request({ method: 'POST', url: '/api/eia/cases', payload: body(e.id) }), 201)).id;
    }
  });
  it("A cannot read B's case and lists only its own, whatever the filter", async () => {
    expectRefused(await entA.request({ method: 'GET', url: `/api/eia/cases/${eia.B}` }), 'A reads B’s EIA case');
    expect(ids(await entA.request({ method: 'GET', url: '/api/eia/cases?pageSize=100' }))).toEqual([eia.A]);
    expect(ids(await entA.request({ method: 'GET', url: `/api/eia/cases?enterpriseId=${B.id}` }))).toEqual([]);
    expectRefused(
      await entA.request({ method: 'GET', url: `/api/eia/cases/${eia.B}/documents/decision` }),
      'A downloads B’s EIA decision',
    );
  });
  it('A cannot record a filing for B', async () => {
    const res = await entA.request({
      method: 'POST',
      url: '/api/eia/cases',
      payload: body(B.id, {
        path: 'filing',
        industryCode: '7722',
        facts: {},
        commitmentSigned: undefined,
        receiptNo: 'X1',
      }),
    });
    expectRefused(res, 'A files for B');
  });
});

describe('positive-list, inspections: A never reads B’s evidence, nor whether anyone was drawn', () => {
  it('enterprises and citizens reach only the public list and results, which carry no evidence or inspectors', async () => {
    const all = Object.fromEntries(
      [
        'permits-complete',
        'no-penalty-2y',
        'no-incident-2y',
        'monitoring-online',
        'credit-not-yellow-red',
        'no-verified-complaint',
      ].map((c) => [c, '现场核验']),
    );
    const entry = await ok(
      inspector.request({
        method: 'POST',
        url: '/api/positive-list',
        payload: { enterpriseId: B.id, category: 'key-field', confirmations: all, reason: '隔离测试列入' },
      }),
      201,
    );
    for (const f of [A, B])
      await ok(
        leader.request({
          method: 'PUT',
          url: '/api/inspection-objects',
          payload: { enterpriseId: f.id, class: 'special', basis: '隔离测试' },
        }),
      );
    for (const name of ['隔离执法甲', '隔离执法乙'])
      await ok(
        leader.request({
          method: 'POST',
          url: '/api/inspectors',
          payload: { userId: null, name, townCode: null, active: true, conflicts: [] },
        }),
        201,
      );
    const plan = await ok(
      leader.request({
        method: 'POST',
        url: '/api/inspection-plans',
        payload: { name: '隔离测试计划', year: 2026, period: 'quarter', quarter: 2 },
      }),
      201,
    );
    const draw = await ok(
      leader.request({ method: 'POST', url: '/api/inspection-draws', payload: { planId: plan.id } }),
      201,
    );
    for (const who of [entA, entB, cit1]) {
      for (const url of [
        `/api/inspection-draws/${draw.id}`,
        '/api/inspection-draws',
        `/api/positive-list/${entry.id}`,
        `/api/positive-list/checks/${A.id}`,
        '/api/positive-list',
        '/api/inspection-objects',
      ])
        expect((await who.request({ method: 'GET', url })).statusCode, url).toBe(403);
      expect((await who.request({ method: 'POST', url: `/api/inspection-draws/${draw.id}/replay` })).statusCode).toBe(
        403,
      );
    }
    const pub = await ok(entA.request({ method: 'GET', url: '/api/public/positive-list' }));
    const b = pub.items.find((i: { enterpriseName: string }) => i.enterpriseName === B.name);
    expect(Object.keys(b).sort()).toEqual([
      'categoryLabel',
      'decidedOn',
      'enterpriseName',
      'townCode',
      'townName',
      'valid',
      'validUntil',
    ]);
    // the draw is unpublished: the public results say nothing of it
    const results = await ok(entA.request({ method: 'GET', url: '/api/public/inspection-results' }));
    expect(JSON.stringify(results)).not.toContain(A.name);
  });
});
