import { shanghaiDateOf } from '@qingshan/core';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, loginAs, type TestApp, uniqueName } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { notifications } from '../notifications/tables.ts';
import { actOnPetition, createPetition } from '../petitions/service.ts';
import { petitionReviews } from '../petitions/tables.ts';
import { scanClocks } from './alerts.ts';
import { clocksOf, extendClock, pauseClock } from './service.ts';
import { clockAlerts } from './tables.ts';

let t: TestApp;
let leader: Client;
beforeAll(async () => {
  t = await buildTestApp();
  leader = await loginAs(t, ['leader']);
}, 60_000);
afterAll(() => t.close());

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

async function petition(title: string, received: Date) {
  return t.database.db.transaction((tx) =>
    createPetition(
      tx,
      SYSTEM_ACTOR,
      {
        channel: 'phone',
        type: 'claim',
        title,
        content: `${title}，请求查处。`,
        petitionerName: '刘群众',
        petitionerPhone: '13907990101',
        receivedAt: received.toISOString(),
      } as never,
      { now: received },
    ),
  );
}

async function repliedOn(title: string, received: string, accepted: string, replied: Date) {
  const p = await petition(title, at(received));
  await actOnPetition(t.database.db, SYSTEM_ACTOR, p.id, { action: 'accept' }, at(accepted));
  await actOnPetition(t.database.db, SYSTEM_ACTOR, p.id, { action: 'reply', text: '经核查，已责令整改。' }, replied);
  // delivered the same day: the petitioner's 30 days run from receipt (第三十五条)
  const day = shanghaiDateOf(replied);
  await actOnPetition(t.database.db, SYSTEM_ACTOR, p.id, { action: 'record-delivery', date: day }, replied);
  return p;
}

async function worklistTitles(q: string): Promise<string[]> {
  const res = await leader.request({ method: 'GET', url: `/api/worklist?q=${encodeURIComponent(q)}&pageSize=200` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((i: { title: string }) => i.title);
}

describe("party windows (the petitioner's 复查/复核 request periods)", () => {
  it('never reach the worklist, lapse at their due date, while bureau deadlines still escalate', async () => {
    const db = t.database.db;
    const tag = uniqueName('窗口');
    // replied 2024-03-20: the petitioner could ask for a review until 2024-04-19 (第三十五条), and did not
    const old = await repliedOn(`${tag} 旧件`, '2024-03-01', '2024-03-04', at('2024-03-20'));
    // replied today: the window is still open
    const fresh = await repliedOn(`${tag} 新件`, '2024-03-01', '2024-03-04', new Date());
    // never answered: the bureau's 15-day acceptance notice (第二十三条) is long overdue
    const late = await petition(`${tag} 未告知`, at('2024-03-01'));

    const [oldWindow] = (await clocksOf(db, { ownerType: 'petition', ownerId: old.id })).filter(
      (c) => c.profileKey === 'petition.review-request',
    );
    expect(oldWindow).toMatchObject({ binds: 'party', state: 'overdue', dueDate: '2024-04-19', completedAt: null });
    expect(oldWindow!.title).toBe(`信访人请求复查期限：${tag} 旧件`);
    const [notice] = await clocksOf(db, { ownerType: 'petition', ownerId: late.id });
    expect(notice).toMatchObject({ binds: 'bureau', profileKey: 'petition.acceptance-notice', state: 'overdue' });

    // even before the scheduler has run, the window is not work for the leader; the bureau's deadline is
    expect(await worklistTitles(tag)).toEqual([`信访受理告知：${tag} 未告知`]);
    const counts = (await leader.request({ method: 'GET', url: '/api/worklist/counts' })).json();
    expect(counts.overdue).toBe(counts.total);

    const scan = await scanClocks(db);
    expect(scan.errors).toEqual([]);
    expect(scan.lapsed).toBeGreaterThanOrEqual(1);

    const [lapsed] = (await clocksOf(db, { ownerType: 'petition', ownerId: old.id })).filter(
      (c) => c.profileKey === 'petition.review-request',
    );
    // closed at the end of its last day, Asia/Shanghai, and recorded as lapsed rather than met
    expect(lapsed).toMatchObject({ state: 'lapsed', completedAt: '2024-04-19T15:59:59.999Z', remaining: 0 });
    const audit = await db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, lapsed!.id), eq(auditEntries.action, 'clock.lapse')));
    expect(audit).toHaveLength(1);
    const viaApi = (
      await leader.request({ method: 'GET', url: `/api/clocks?ownerType=petition&ownerId=${old.id}` })
    ).json();
    expect(viaApi.items.map((c: { profileKey: string; state: string }) => [c.profileKey, c.state])).toEqual([
      ['petition.acceptance-notice', 'met'],
      ['petition.resolution', 'met'],
      ['petition.review-request', 'lapsed'],
    ]);

    // the window still running is left alone
    const [open] = (await clocksOf(db, { ownerType: 'petition', ownerId: fresh.id })).filter(
      (c) => c.profileKey === 'petition.review-request',
    );
    expect(open).toMatchObject({ binds: 'party', state: 'running', completedAt: null });
    // and the bureau cannot stretch or stop the petitioner's statutory window: not from the worklist
    // (a petition's clocks change only through its own steps), nor by any step of its own
    for (const [action, payload] of [
      ['pause', { reason: 'other', note: '等待材料' }],
      ['extend', { days: 5, reason: '信访人外出' }],
    ] as const) {
      const res = await leader.request({ method: 'POST', url: `/api/clocks/${open!.id}/${action}`, payload });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('CLOCK_OWNED');
    }
    await expect(pauseClock(db, SYSTEM_ACTOR, open!.id, { reason: 'other' }, { byOwner: true })).rejects.toMatchObject({
      code: 'CLOCK_STATE_CONFLICT',
    });
    await expect(
      extendClock(db, SYSTEM_ACTOR, open!.id, { days: 5, reason: '信访人外出' }, { byOwner: true }),
    ).rejects.toMatchObject({ code: 'CLOCK_STATE_CONFLICT' });

    // the bureau's overdue notice was escalated; nobody was alerted about the petitioner's window
    const mine = await db
      .select({
        kind: notifications.kind,
        title: notifications.title,
        titleEn: notifications.titleEn,
        bodyEn: notifications.bodyEn,
      })
      .from(notifications)
      .where(and(eq(notifications.userId, leader.userId), like(notifications.title, `%${tag}%`)));
    expect(mine.map(({ kind, title }) => ({ kind, title }))).toEqual([
      { kind: 'clock.overdue', title: `【已超期】信访受理告知：${tag} 未告知` },
    ]);
    // in English, the clock's title as the worklist shows it (the petition's own title kept)
    expect(mine[0]!.titleEn).toBe(`[Overdue] Petition: written notice of acceptance: ${tag} 未告知`);
    expect(mine[0]!.bodyEn).toMatch(
      new RegExp(
        `^Petition: written notice of acceptance: ${tag} 未告知: due ${notice!.dueDate} \\((working|calendar) days\\), \\d+ days? overdue\\.$`,
      ),
    );
    expect(await db.select().from(clockAlerts).where(eq(clockAlerts.clockId, notice!.id))).toHaveLength(1);
    expect(await db.select().from(clockAlerts).where(eq(clockAlerts.clockId, lapsed!.id))).toHaveLength(0);
    expect(await worklistTitles(tag)).toEqual([`信访受理告知：${tag} 未告知`]);

    // a second scan finds nothing more to close
    expect((await scanClocks(db)).lapsed).toBe(0);

    // a request after the window closed is recorded as late and goes to the reviewing body, which
    // decides; the bureau does not refuse it itself
    const lateRequest = await actOnPetition(db, SYSTEM_ACTOR, old.id, { action: 'request-review' }, at('2024-05-06'));
    expect(lateRequest.status).toBe('review-requested');
    const [review] = await db.select().from(petitionReviews).where(eq(petitionReviews.petitionId, old.id));
    expect(review).toMatchObject({ late: true, requestedOn: '2024-05-06', windowDueDate: '2024-04-19' });
  });

  it('a request made in time closes the window as met, and the bureau then owes the answer', async () => {
    const db = t.database.db;
    const tag = uniqueName('复查');
    const p = await repliedOn(`${tag} 件`, '2024-05-06', '2024-05-08', at('2024-05-20'));
    await actOnPetition(db, SYSTEM_ACTOR, p.id, { action: 'request-review' }, at('2024-06-10'));
    const byKey = Object.fromEntries(
      (await clocksOf(db, { ownerType: 'petition', ownerId: p.id })).map((c) => [c.profileKey, c]),
    );
    expect(byKey['petition.review-request']).toMatchObject({ binds: 'party', state: 'met' });
    // the answer is the next level up's; the bureau owes the transmission of the file
    expect(byKey['petition.review-answer']).toBeUndefined();
    expect(byKey['petition.review-transmit']).toMatchObject({ binds: 'bureau', state: 'overdue' });
    expect(byKey['petition.review-transmit']!.title).toBe(`移送上一级机关复查：${tag} 件`);
    expect(await worklistTitles(tag)).toEqual([`移送上一级机关复查：${tag} 件`]);
    // a completed window is not lapsed by the scan
    await scanClocks(db);
    const after = (await clocksOf(db, { ownerType: 'petition', ownerId: p.id })).find(
      (c) => c.profileKey === 'petition.review-request',
    );
    expect(after!.state).toBe('met');
    await actOnPetition(
      db,
      SYSTEM_ACTOR,
      p.id,
      { action: 'transmit-review', decidingBody: '萍乡市生态环境局' },
      at('2024-07-01'),
    );
    expect(await worklistTitles(tag)).toEqual([]);
  });
});
