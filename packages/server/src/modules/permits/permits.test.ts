import { addCalendarDays, todayInShanghai } from '@qingshan/core';
import { addYears, defaultValidTo } from '@qingshan/core/permits';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  loginAs,
  makeEnterprise,
  makeUser,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { clocks } from '../clocks/tables.ts';
import { permitStatusOf, runPermitReminders } from './service.ts';
import { permitReminders } from './tables.ts';

let t: TestApp;
let clerk: Client;
let officerId: string;
let officer: Client;
const today = todayInShanghai();
const atNoon = (d: string) => new Date(`${d}T12:00:00+08:00`);

beforeAll(async () => {
  t = await buildTestApp();
  clerk = await loginAs(t, ['clerk']);
  const u = await makeUser(t, ['approver']);
  officerId = u.id;
  const { login } = await import('../../test/helpers.ts');
  officer = await login(t, u.username);
});
afterAll(() => t.close());

/** A permit valid for five years, ending `daysLeft` days from today. */
function validity(daysLeft: number) {
  const validTo = addCalendarDays(today, daysLeft);
  return { validFrom: addCalendarDays(addYears(validTo, -5), 1), validTo };
}

/** POST /api/permits: a valid key permit for the ceramics item (68), with `over` replacing its fields. */
function postPermit(enterpriseId: string, over: Record<string, unknown> = {}) {
  return officer.request({
    method: 'POST',
    url: '/api/permits',
    payload: {
      enterpriseId,
      permitClass: 'key',
      pwItem: '68',
      status: 'valid',
      permitNumber: 'X1',
      officerName: '许可帮办',
      ...validity(400),
      ...over,
    },
  });
}

async function register(enterpriseId: string, over: Record<string, unknown> = {}) {
  const res = await postPermit(enterpriseId, {
    permitNumber: `9136032200000${Math.floor(Math.random() * 1e5)}001P`,
    officerUserId: officerId,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function remindersOf(obligationId: string) {
  return t.database.db.select().from(permitReminders).where(eq(permitReminders.obligationId, obligationId));
}

describe('discharge permits: registration and validation', () => {
  it('cites the PW2019 item and column; refuses a "/" column, a validity over 5 years and a valid permit without number — creating nothing', async () => {
    const e = await makeEnterprise(t, { industryCode: '3074' });
    const p = await register(e.id);
    expect(p.citation).toContain('第68项「陶瓷制品制造307」重点管理栏');
    expect(p.renewalApplyBy).toBe(addCalendarDays(p.validTo, -60));
    expect(p.daysToExpiry).toBe(400);

    const bad = [
      [{ pwItem: '1', permitClass: 'simplified' }, 'permitClass'],
      [{ validFrom: '2022-01-01', validTo: '2027-01-01' }, 'validTo'],
      [{ permitNumber: null }, 'permitNumber'],
      [{ pwItem: '999' }, 'pwItem'],
      [{ validTo: '2026-02-30' }, 'validTo'],
    ] as const;
    for (const [over, path] of bad) {
      const res = await postPermit(e.id, over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((x: { path: string }) => x.path)).toContain(path);
    }
    const list = await officer.request({ method: 'GET', url: `/api/permits?enterpriseId=${e.id}` });
    expect(list.json().total).toBe(1);
  });

  it('registers a validity at the end of the calendar (five years on has no date) instead of failing with a 500', async () => {
    const e = await makeEnterprise(t);
    for (const [validFrom, validTo, status] of [
      ['9999-06-01', '9999-12-31', 'applying'],
      ['9995-06-01', '9999-12-31', 'applying'],
      ['9996-01-01', '9999-12-31', 'valid'],
    ]) {
      const late = await postPermit(e.id, {
        status,
        permitNumber: status === 'valid' ? 'X9' : null,
        validFrom,
        validTo,
      });
      expect(late.statusCode, `${validFrom} ${late.body}`).toBe(201);
    }
  });

  it('a key permit owes the quarterly and annual execution reports and its renewal; a registration owes no report', async () => {
    const e = await makeEnterprise(t);
    const key = await register(e.id);
    const kinds = new Set(key.obligations.map((o: { kind: string }) => o.kind));
    expect(kinds).toEqual(new Set(['renewal', 'report-annual', 'report-quarterly']));
    const reg = await register(e.id, { permitClass: 'registration', pwItem: '51' });
    expect(reg.obligations.map((o: { kind: string }) => o.kind)).toEqual(['renewal']);
    const simple = await register(e.id, { permitClass: 'simplified', pwItem: '64' });
    expect(new Set(simple.obligations.map((o: { kind: string }) => o.kind))).toEqual(
      new Set(['renewal', 'report-annual']),
    );
  });
});

describe('discharge permits: renewal reminder, worklist and overdue', () => {
  it('a permit expiring in 45 days: the renewal is overdue on the officer’s worklist, both sides reminded once', async () => {
    const e = await makeEnterprise(t);
    const entUser = await loginAs(t, ['enterprise'], e.id);
    const p = await register(e.id, validity(45));
    const renewal = p.obligations.find((o: { kind: string }) => o.kind === 'renewal');
    expect(renewal.dueDate).toBe(addCalendarDays(today, -15));
    expect(renewal.overdue).toBe(true);
    expect(renewal.clockId).toBeTruthy();
    expect(p.reminders.filter((r: { obligationId: string }) => r.obligationId === renewal.id)).toMatchObject([
      { stage: 'overdue', dueDate: renewal.dueDate },
    ]);
    // the worklist of the officer shows it overdue
    const wl = await officer.request({ method: 'GET', url: '/api/worklist?pageSize=200&ownerType=permit-obligation' });
    const item = wl.json().items.find((i: { ownerId: string }) => i.ownerId === renewal.id);
    expect(item.state).toBe('overdue');
    expect(item.dueDate).toBe(renewal.dueDate);
    // the enterprise's inbox has the reminder
    const inbox = await entUser.request({ method: 'GET', url: '/api/inbox?pageSize=50' });
    expect(inbox.json().items.some((n: { title: string }) => n.title.includes('延续申请'))).toBe(true);
    // … and says it in English too, with the enterprise, the duty and its due date
    const reminder = inbox
      .json()
      .items.find((n: { kind: string; title: string }) => n.kind === 'permit.overdue' && n.title.includes('延续申请'));
    expect(reminder.titleEn).toBe(
      `[Overdue] Discharge permit: ${e.name} renewal application (valid until ${p.validTo})`,
    );
    expect(reminder.bodyEn).toContain(`the deadline ${renewal.dueDate} has passed`);
    expect(reminder.bodyEn).toContain('national permit platform');
    expect(reminder.bodyEn).toContain(
      'Source: Regulations on the Administration of Pollutant Discharge Permits, Art. 14',
    );
    // the scheduled pass sends nothing twice
    await runPermitReminders(t.database.db);
    await runPermitReminders(t.database.db);
    expect(await remindersOf(renewal.id)).toHaveLength(1);
    // the enterprise records its renewal application: the clock stops
    const done = await entUser.request({
      method: 'POST',
      url: `/api/permit-obligations/${renewal.id}/submit`,
      payload: { submittedOn: today, reference: 'YX-2026-0001' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'submitted', overdue: false, reference: 'YX-2026-0001' });
    const [clock] = await t.database.db.select().from(clocks).where(eq(clocks.id, renewal.clockId));
    expect(clock!.completedAt).not.toBeNull();
    const again = await entUser.request({
      method: 'POST',
      url: `/api/permit-obligations/${renewal.id}/submit`,
      payload: { submittedOn: today, reference: 'YX-2026-0001' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PERMIT_STATE_CONFLICT');
  });

  it('an execution report: reminded when its window opens, again once overdue; the renewal reminder comes ≥ 60 days before expiry', async () => {
    const e = await makeEnterprise(t);
    const p = await register(e.id, validity(800));
    const report = p.obligations.find((o: { kind: string }) => o.kind.startsWith('report-'));
    expect(report.clockId).toBeNull();
    await runPermitReminders(t.database.db, atNoon(report.windowStart));
    expect((await remindersOf(report.id)).map((r) => r.stage)).toEqual(['due']);
    await runPermitReminders(t.database.db, atNoon(addCalendarDays(report.dueDate, 1)));
    await runPermitReminders(t.database.db, atNoon(addCalendarDays(report.dueDate, 2)));
    expect((await remindersOf(report.id)).map((r) => r.stage).sort()).toEqual(['due', 'overdue']);

    const renewal = p.obligations.find((o: { kind: string }) => o.kind === 'renewal');
    await runPermitReminders(t.database.db, atNoon(addCalendarDays(renewal.windowStart, -1)));
    expect(await remindersOf(renewal.id)).toHaveLength(0);
    await runPermitReminders(t.database.db, atNoon(renewal.windowStart));
    const [sent] = await remindersOf(renewal.id);
    expect(sent!.stage).toBe('due');
    expect(addCalendarDays(renewal.windowStart, 60) <= p.validTo).toBe(true);

    // a report cannot have been filed before its period ended, nor a renewal before the permit existed
    const beforeEnd = [addCalendarDays(report.windowStart, -1), today].sort()[0]!;
    for (const [id, submittedOn, says] of [
      [report.id, beforeEnd, '报告期末'],
      [renewal.id, addCalendarDays(p.validFrom, -1), p.validFrom],
    ] as const) {
      const early = await officer.request({
        method: 'POST',
        url: `/api/permit-obligations/${id}/submit`,
        payload: { submittedOn, reference: 'ZXBG-EARLY' },
      });
      expect(early.statusCode, early.body).toBe(400);
      expect(early.json().errors[0]).toMatchObject({ path: 'submittedOn' });
      expect(early.json().errors[0].message).toContain(says);
    }
    const still = await officer.request({ method: 'GET', url: `/api/permits/${p.id}` });
    expect(still.json().obligations.filter((o: { status: string }) => o.status !== 'open')).toEqual([]);
  });

  it('a change of name is due within 30 days; a permit past its last day expires', async () => {
    const e = await makeEnterprise(t);
    const entUser = await loginAs(t, ['enterprise'], e.id);
    const p = await register(e.id, validity(10));
    const ch = await entUser.request({
      method: 'POST',
      url: `/api/permits/${p.id}/changes`,
      payload: { subject: 'name', changedOn: today },
    });
    expect(ch.statusCode, ch.body).toBe(201);
    expect(ch.json()).toMatchObject({ kind: 'change', dueDate: addCalendarDays(today, 30), changeSubject: 'name' });
    expect(ch.json().clockId).toBeTruthy();
    const future = await entUser.request({
      method: 'POST',
      url: `/api/permits/${p.id}/changes`,
      payload: { subject: 'address', changedOn: addCalendarDays(today, 3) },
    });
    expect(future.statusCode).toBe(400);
    const r = await runPermitReminders(t.database.db, atNoon(addCalendarDays(today, 11)));
    expect(r.expired).toBeGreaterThanOrEqual(1);
    const after = await officer.request({ method: 'GET', url: `/api/permits/${p.id}` });
    expect(after.json().status).toBe('expired');
  });
});

describe('discharge permits: lists, officer edits, permit status', () => {
  it('filters by expiring within N days, class and town', async () => {
    const e = await makeEnterprise(t, { townCode: '360322105' });
    const soon = await register(e.id, validity(30));
    const later = await register(e.id, { ...validity(300), permitClass: 'simplified', pwItem: '64' });
    const q = async (qs: string) =>
      (await clerk.request({ method: 'GET', url: `/api/permits?enterpriseId=${e.id}&${qs}` }))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await q('expiringWithinDays=60')).toEqual([soon.id]);
    expect(await q('permitClass=simplified')).toEqual([later.id]);
    expect(await q('townCode=360322105')).toEqual([soon.id, later.id]);
    expect(await q('townCode=360322101')).toEqual([]);
    const bad = await clerk.request({ method: 'GET', url: '/api/permits?expiringWithinDays=-1' });
    expect(bad.statusCode).toBe(400);
  });

  it('sorts by the last valid day (a permit still applying last either way) or by enterprise, either way', async () => {
    const tag = uniqueName('许可排序');
    // names the same but for the last letter, so any collation orders them A, B, C
    const A = await makeEnterprise(t, { name: `${tag}A` });
    const B = await makeEnterprise(t, { name: `${tag}B` });
    const C = await makeEnterprise(t, { name: `${tag}C` });
    const later = await register(A.id, validity(300));
    const sooner = await register(B.id, validity(100));
    const applying = await register(C.id, { status: 'applying', permitNumber: null, validFrom: null, validTo: null });
    const ids = (sort: string) => idsInOrder(clerk, `/api/permits?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([sooner.id, later.id, applying.id]);
    expect(await ids('validTo')).toEqual([sooner.id, later.id, applying.id]);
    expect(await ids('-validTo')).toEqual([later.id, sooner.id, applying.id]);
    expect(await ids('enterprise')).toEqual([later.id, sooner.id, applying.id]);
    expect(await ids('-enterprise')).toEqual([applying.id, sooner.id, later.id]);
    expect((await clerk.request({ method: 'GET', url: '/api/permits?sort=permitNumber' })).statusCode).toBe(400);
  });

  it('lists duties soonest due first, or by due date, enterprise or day filed (a duty not filed last), either way', async () => {
    const tag = uniqueName('义务排序');
    // names the same but for the last letter, so any collation orders them A, B, C, D
    const [A, B, C, D] = [
      await makeEnterprise(t, { name: `${tag}A` }),
      await makeEnterprise(t, { name: `${tag}B` }),
      await makeEnterprise(t, { name: `${tag}C` }),
      await makeEnterprise(t, { name: `${tag}D` }),
    ];
    // a registration owes its renewal only: one duty a firm, due 60 days before the last valid day
    const renewalOf = async (enterpriseId: string, daysLeft: number) =>
      (await register(enterpriseId, { permitClass: 'registration', pwItem: '51', ...validity(daysLeft) }))
        .obligations[0].id as string;
    const a = await renewalOf(A.id, 300);
    const b = await renewalOf(B.id, 100);
    const c = await renewalOf(C.id, 200);
    const d = await renewalOf(D.id, 250);
    for (const [id, submittedOn] of [
      [a, addCalendarDays(today, -5)],
      [c, addCalendarDays(today, -2)],
    ] as const) {
      const res = await officer.request({
        method: 'POST',
        url: `/api/permit-obligations/${id}/submit`,
        payload: { submittedOn, reference: `${tag}-${id.slice(0, 4)}` },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mine = [a, b, c, d];
    const ids = (sort: string) => idsInOrder(clerk, '/api/permit-obligations?kind=renewal&pageSize=200', sort, mine);
    expect(await ids('')).toEqual([b, c, d, a]);
    expect(await ids('dueDate')).toEqual([b, c, d, a]);
    expect(await ids('-dueDate')).toEqual([a, d, c, b]);
    expect(await ids('enterprise')).toEqual([a, b, c, d]);
    expect(await ids('-enterprise')).toEqual([d, c, b, a]);
    // the duties not filed (B, D) last either way, soonest due first
    expect(await ids('submittedOn')).toEqual([a, c, b, d]);
    expect(await ids('-submittedOn')).toEqual([c, a, b, d]);
    expect((await clerk.request({ method: 'GET', url: '/api/permit-obligations?sort=kind' })).statusCode).toBe(400);
  });

  it('the officer renews with a reason (a new version); a stale version is refused', async () => {
    const e = await makeEnterprise(t);
    const p = await register(e.id, validity(45));
    const validFrom = addCalendarDays(p.validTo, 1);
    const res = await officer.request({
      method: 'PATCH',
      url: `/api/permits/${p.id}`,
      payload: { validFrom, validTo: defaultValidTo(validFrom), reason: '延续申请已获批准', version: p.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const renewals = res.json().obligations.filter((o: { kind: string; status: string }) => o.kind === 'renewal');
    // the overdue renewal of the old term stays recorded; the new term's renewal is due in five years
    expect(renewals.map((o: { period: string }) => o.period).sort()).toEqual(
      [p.validTo, defaultValidTo(validFrom)].sort(),
    );
    const stale = await officer.request({
      method: 'PATCH',
      url: `/api/permits/${p.id}`,
      payload: { note: '旧版本', reason: '测试', version: p.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('permitStatusOf: complete only with a valid permit and nothing overdue, with reasons', async () => {
    const none = await makeEnterprise(t);
    expect(await permitStatusOf(t.database.db, none.id)).toEqual({
      complete: false,
      reasons: ['本平台未登记该企业的排污许可证或排污登记'],
    });
    const fine = await makeEnterprise(t);
    await register(fine.id, validity(1000));
    expect(await permitStatusOf(t.database.db, fine.id)).toEqual({ complete: true, reasons: [] });
    const late = await makeEnterprise(t);
    await register(late.id, validity(45));
    const s = await permitStatusOf(t.database.db, late.id);
    expect(s.complete).toBe(false);
    expect(s.reasons[0]).toMatch(/^延续申请逾期未办（期限 \d{4}-\d{2}-\d{2}）$/);
  });
});

describe('permits: enterprise A never sees or changes B’s permits', () => {
  it('A lists, reads and updates only its own', async () => {
    const A = await makeEnterprise(t);
    const B = await makeEnterprise(t);
    const entA = await loginAs(t, ['enterprise'], A.id);
    const pA = await register(A.id, validity(45));
    const pB = await register(B.id, validity(45));
    const ids = async (url: string) =>
      (await entA.request({ method: 'GET', url })).json().items.map((x: { id: string }) => x.id);
    expect(await ids('/api/permits?pageSize=200')).toEqual([pA.id]);
    expect(await ids(`/api/permits?enterpriseId=${B.id}`)).toEqual([]);
    const obls = (await entA.request({ method: 'GET', url: '/api/permit-obligations?pageSize=200' })).json().items;
    expect(obls.length).toBeGreaterThan(0);
    expect(obls.every((o: { enterpriseId: string }) => o.enterpriseId === A.id)).toBe(true);
    expect((await entA.request({ method: 'GET', url: `/api/permits/${pB.id}` })).statusCode).toBe(403);
    const refB = await entA.request({
      method: 'PATCH',
      url: `/api/permits/${pB.id}/platform-ref`,
      payload: { platformRef: 'X', version: pB.version },
    });
    expect(refB.statusCode).toBe(403);
    const chB = await entA.request({
      method: 'POST',
      url: `/api/permits/${pB.id}/changes`,
      payload: { subject: 'name', changedOn: today },
    });
    expect(chB.statusCode).toBe(403);
    const oB = pB.obligations[0].id;
    const subB = await entA.request({
      method: 'POST',
      url: `/api/permit-obligations/${oB}/submit`,
      payload: { submittedOn: today, reference: 'X' },
    });
    expect(subB.statusCode).toBe(403);
    // the officer's fields are the bureau's: the enterprise cannot edit its own permit's class or dates
    const edit = await entA.request({
      method: 'PATCH',
      url: `/api/permits/${pA.id}`,
      payload: { note: 'x', reason: 'x', version: pA.version },
    });
    expect(edit.statusCode).toBe(403);
    // but records its own platform reference
    const ref = await entA.request({
      method: 'PATCH',
      url: `/api/permits/${pA.id}/platform-ref`,
      payload: { platformRef: 'PW-2026-001', version: pA.version },
    });
    expect(ref.statusCode, ref.body).toBe(200);
    expect(ref.json().platformRef).toBe('PW-2026-001');
  });
});
