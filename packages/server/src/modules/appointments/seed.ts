import { randomBytes } from 'node:crypto';
import { shanghaiDateOf, slotInstant, todayInShanghai } from '@qingshan/core';
import { makeCode } from '@qingshan/core/appointments';
import { and, asc, between, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import type { SessionUser } from '../../plugins/auth.ts';
import {
  DAY_MS,
  DEMO_ENTERPRISES,
  DEMO_STREAMS,
  daysOfThisYearSoFar,
  demoRandom,
  demoStaff,
  demoUscc,
  FAMILY_NAMES,
  THIS_YEAR_STREAMS,
} from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';
import { addPlan, book, createService } from './service.ts';
import { appointmentSlots, appointments } from './tables.ts';

const MATTERS = [
  '环评登记表备案咨询',
  '排污许可登记管理填报',
  '排污许可简化管理申请材料预审',
  '告知承诺制环评材料递交',
  '环评豁免情形咨询',
  '危险废物管理计划备案',
  '建设项目竣工环保验收咨询',
];

/** The regular hours and the 延时服务 (working-day evenings and Saturday mornings, by appointment only). */
const plans = (validFrom: string, validTo: string) => [
  {
    validFrom,
    validTo,
    dayRule: 'working' as const,
    weekdays: [],
    startTime: '08:30',
    endTime: '12:00',
    slotMinutes: 30,
    capacity: 2,
    extended: false,
  },
  {
    validFrom,
    validTo,
    dayRule: 'working' as const,
    weekdays: [],
    startTime: '14:30',
    endTime: '17:30',
    slotMinutes: 30,
    capacity: 2,
    extended: false,
  },
  {
    validFrom,
    validTo,
    dayRule: 'working' as const,
    weekdays: [],
    startTime: '18:00',
    endTime: '20:00',
    slotMinutes: 60,
    capacity: 2,
    extended: true,
  },
  {
    validFrom,
    validTo,
    dayRule: 'rest' as const,
    weekdays: [6],
    startTime: '09:00',
    endTime: '12:00',
    slotMinutes: 60,
    capacity: 2,
    extended: true,
  },
];

/**
 * The window's year: two windows (预约服务, 延时服务) open from March 2020 and for the coming
 * weeks, and the bookings of March to November 2020. Past bookings are inserted directly because
 * the booking service rightly refuses past slots.
 */
export async function seedAppointments(db: Db, ctx: SeedContext): Promise<void> {
  const r = demoRandom(DEMO_STREAMS.appointments);
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const actor = clerk ?? SYSTEM_ACTOR;
  // the named enterprises book the window (the others are met on reception days and visits)
  const codes = DEMO_ENTERPRISES.map((_, i) => demoUscc(i));
  const ents = (
    await db
      .select({ id: enterprises.id, contacts: enterprises.contacts, uscc: enterprises.uscc })
      .from(enterprises)
      .where(eq(enterprises.status, 'operating'))
  )
    .filter((e) => codes.includes(e.uscc))
    .sort((a, b) => codes.indexOf(a.uscc) - codes.indexOf(b.uscc));

  ctx.print('预约窗口、开放计划 / windows and opening plans');
  const eia = await createService(db, actor, {
    name: '环评咨询窗口',
    location: '上栗县政务服务中心二楼 生态环境局窗口',
    description: '环评审批、告知承诺、豁免与登记表备案咨询；材料齐全一次办清',
    active: true,
  });
  const permit = await createService(db, actor, {
    name: '排污许可帮办窗口',
    location: '上栗县政务服务中心二楼 生态环境局窗口',
    description: '排污许可申请、登记管理填报帮办',
    active: true,
  });
  for (const svc of [eia, permit]) {
    for (const p of plans('2020-03-01', '2020-12-31')) await addPlan(db, actor, svc.id, p);
  }
  // The live demo needs bookable slots too: open the coming weeks. A year without the State
  // Council notice is answered provisionally (暂定), so the weeks across New Year are open as well.
  const today = todayInShanghai();
  const liveTo = shanghaiDateOf(new Date(Date.now() + 45 * DAY_MS));
  if (today > '2020-12-31') {
    for (const svc of [eia, permit]) for (const p of plans(today, liveTo)) await addPlan(db, actor, svc.id, p);
  }

  ctx.print('2020 年预约记录 / 2020 bookings');
  const slots = await db
    .select()
    .from(appointmentSlots)
    .where(
      and(sql`${appointmentSlots.date} between '2020-03-02' and '2020-11-30'`, eq(appointmentSlots.closed, false)),
    );
  const chosen = slots.filter(() => r.next() < 0.035);
  let extended = 0;
  for (const [i, s] of chosen.entries()) {
    const ent = r.next() < 0.6 && ents.length ? r.pick(ents) : null;
    const name = ent?.contacts[0]?.name ?? `${FAMILY_NAMES[i % FAMILY_NAMES.length]}先生`;
    const phone = ent?.contacts[0]?.phone ?? `1397990${String(1000 + i).slice(-4)}`;
    const roll = r.next();
    const status = roll < 0.8 ? 'served' : roll < 0.9 ? 'no-show' : 'cancelled';
    const startsAt = slotInstant(s.date, s.startTime);
    const createdAt = new Date(startsAt.getTime() - (1 + Math.floor(r.next() * 5)) * DAY_MS);
    await db.insert(appointments).values({
      code: `YY2020${String(i + 1).padStart(6, '0')}`,
      serviceId: s.serviceId,
      slotId: s.id,
      date: s.date,
      startsAt,
      extended: s.extended,
      enterpriseId: ent?.id ?? null,
      applicantKey: ent ? `e:${ent.id}` : `p:${phone}`,
      name,
      phone,
      matter: r.pick(MATTERS),
      status,
      createdBy: actor.id,
      servedBy: status === 'served' ? (clerk?.id ?? null) : null,
      arrivedAt: status === 'served' ? startsAt : null,
      servedAt: status === 'served' ? new Date(startsAt.getTime() + 25 * 60_000) : null,
      cancelledAt: status === 'cancelled' ? createdAt : null,
      reminderSentAt: ent ? new Date(startsAt.getTime() - DAY_MS) : null,
      createdAt,
      updatedAt: createdAt,
    });
    if (status !== 'cancelled') {
      await db
        .update(appointmentSlots)
        .set({ booked: sql`${appointmentSlots.booked} + 1` })
        .where(eq(appointmentSlots.id, s.id));
      if (s.extended) extended++;
    }
  }
  ctx.print(`预约窗口：${chosen.length} 条 2020 年预约（延时服务 ${extended}）/ bookings`);
  await seedThisYearBookings(db, ctx, [eia, permit]);
  await seedDemoAccountBookings(db, ctx, { eia, permit });
  await seedComingBookings(db, ctx);
}

/** A demo sign-in as the session the booking service expects of it. */
async function sessionOf(db: Db, username: string): Promise<SessionUser | null> {
  const [u] = await db
    .select({ id: users.id, displayName: users.displayName, roles: users.roles, enterpriseId: users.enterpriseId })
    .from(users)
    .where(eq(users.username, username));
  return u ? ({ ...u, username } as unknown as SessionUser) : null;
}

/**
 * The window bookings of the demo's own sign-ins, so that 金花烟花 (qiye1) and the demo citizen
 * (qunzhong) find this year's records under 我的预约: the firm was served at both windows (once in
 * the 延时服务 evening hours), missed one, and holds two bookings of the coming week, one of them
 * an evening slot; the citizen was served once. Past bookings are written as the window left them
 * (the booking service refuses a past slot); the coming ones go through it, as the firm's portal
 * books them, and leave a place in their slot. The citizen holds no open window booking, so she
 * can book either window from her account.
 */
async function seedDemoAccountBookings(
  db: Db,
  ctx: SeedContext,
  windows: { eia: { id: string }; permit: { id: string } },
  now: Date = new Date(),
): Promise<void> {
  const firmUser = await sessionOf(db, 'qiye1');
  const citizen = await sessionOf(db, 'qunzhong');
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  if (!firmUser?.enterpriseId || !citizen || !clerk) return;
  const [firm] = await db
    .select({ id: enterprises.id, contacts: enterprises.contacts })
    .from(enterprises)
    .where(eq(enterprises.id, firmUser.enterpriseId));
  const contact = firm?.contacts[0];
  if (!contact?.phone) return;
  const today = shanghaiDateOf(now);
  const year = today.slice(0, 4);

  // the first free slot of a window from `daysAgo` days back (this year's days only: the window's
  // past slots of this year are those seedThisYearBookings opened)
  const pastSlot = async (serviceId: string, daysAgo: number, extended: boolean, from = '08:00') => {
    const day = shanghaiDateOf(new Date(now.getTime() - daysAgo * DAY_MS));
    if (day < `${year}-01-01`) return null;
    const [slot] = await db
      .select()
      .from(appointmentSlots)
      .where(
        and(
          eq(appointmentSlots.serviceId, serviceId),
          between(appointmentSlots.date, day, shanghaiDateOf(new Date(now.getTime() - DAY_MS))),
          eq(appointmentSlots.extended, extended),
          eq(appointmentSlots.closed, false),
          sql`${appointmentSlots.startTime} >= ${from}`,
          sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`,
        ),
      )
      .orderBy(asc(appointmentSlots.startsAt))
      .limit(1);
    return slot ?? null;
  };
  const past: {
    serviceId: string;
    daysAgo: number;
    extended: boolean;
    from?: string;
    status: 'served' | 'no-show';
    matter: string;
    who: 'firm' | 'citizen';
  }[] = [
    { serviceId: windows.eia.id, daysAgo: 38, extended: false, status: 'served', matter: MATTERS[3]!, who: 'firm' },
    { serviceId: windows.permit.id, daysAgo: 17, extended: true, status: 'served', matter: MATTERS[2]!, who: 'firm' },
    {
      serviceId: windows.eia.id,
      daysAgo: 9,
      extended: false,
      from: '14:30',
      status: 'no-show',
      matter: MATTERS[6]!,
      who: 'firm',
    },
    { serviceId: windows.eia.id, daysAgo: 23, extended: false, status: 'served', matter: MATTERS[4]!, who: 'citizen' },
  ];
  let n = 0;
  for (const p of past) {
    const s = await pastSlot(p.serviceId, p.daysAgo, p.extended, p.from);
    if (!s) continue;
    const startsAt = slotInstant(s.date, s.startTime);
    const createdAt = new Date(startsAt.getTime() - 3 * DAY_MS - 5 * 3_600_000);
    const servedAt = new Date(startsAt.getTime() + 30 * 60_000);
    const firmBooking = p.who === 'firm';
    await db.insert(appointments).values({
      code: makeCode('YY', (k) => randomBytes(k)),
      serviceId: s.serviceId,
      slotId: s.id,
      date: s.date,
      startsAt,
      extended: s.extended,
      enterpriseId: firmBooking ? firm!.id : null,
      citizenUserId: firmBooking ? null : citizen.id,
      applicantKey: firmBooking ? `e:${firm!.id}` : `u:${citizen.id}`,
      name: firmBooking ? contact.name : '张丽华',
      // the phone the citizen filed her petition with (petitions/seed.ts)
      phone: firmBooking ? contact.phone : '13979905678',
      matter: p.matter,
      status: p.status,
      createdBy: firmBooking ? firmUser.id : citizen.id,
      servedBy: p.status === 'served' ? clerk.id : null,
      arrivedAt: p.status === 'served' ? new Date(startsAt.getTime() - 5 * 60_000) : null,
      servedAt: p.status === 'served' ? servedAt : null,
      reminderSentAt: new Date(startsAt.getTime() - DAY_MS),
      createdAt,
      updatedAt: p.status === 'served' ? servedAt : startsAt,
    });
    await db
      .update(appointmentSlots)
      .set({ booked: sql`${appointmentSlots.booked} + 1` })
      .where(eq(appointmentSlots.id, s.id));
    n++;
  }

  // the coming week: an empty slot from tomorrow on, so a place stays free for the portals
  const comingSlot = async (serviceId: string, extended: boolean) => {
    const [slot] = await db
      .select()
      .from(appointmentSlots)
      .where(
        and(
          eq(appointmentSlots.serviceId, serviceId),
          between(
            appointmentSlots.date,
            shanghaiDateOf(new Date(now.getTime() + DAY_MS)),
            shanghaiDateOf(new Date(now.getTime() + 6 * DAY_MS)),
          ),
          eq(appointmentSlots.extended, extended),
          eq(appointmentSlots.closed, false),
          eq(appointmentSlots.booked, 0),
          sql`${appointmentSlots.capacity} >= 2`,
          sql`${appointmentSlots.startTime} >= '09:30'`,
        ),
      )
      .orderBy(asc(appointmentSlots.startsAt))
      .limit(1);
    return slot ?? null;
  };
  const firmActor = { id: firmUser.id, name: firmUser.displayName, roles: ['enterprise'], ip: null };
  for (const [serviceId, extended, matter] of [
    [windows.eia.id, false, MATTERS[6]!],
    [windows.permit.id, true, MATTERS[1]!],
  ] as const) {
    const s = await comingSlot(serviceId, extended);
    if (!s) continue;
    await book(db, firmUser, firmActor, { slotId: s.id, matter }, new Date(now.getTime() - 2 * DAY_MS));
    n++;
  }
  ctx.print(`预约窗口：演示企业与群众账号 ${n} 条本年预约 / the demo sign-ins' bookings`);
}

/**
 * The coming week's bookings, so the window's list for today and the workbench show work to do:
 * callers the clerk booked by phone, through the booking service, in about a third of the slots
 * from the next hour on. Only empty slots are used and one place is always left, so every slot
 * stays bookable from the portals.
 */
async function seedComingBookings(db: Db, ctx: SeedContext): Promise<void> {
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  if (!clerk?.id) return;
  const r = demoRandom(THIS_YEAR_STREAMS.comingBookings);
  const from = new Date(Date.now() + 3_600_000);
  const until = new Date(Date.now() + 7 * DAY_MS);
  const slots = await db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        between(appointmentSlots.startsAt, from, until),
        eq(appointmentSlots.closed, false),
        eq(appointmentSlots.booked, 0),
        sql`${appointmentSlots.capacity} >= 2`,
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.id));
  const user = {
    id: clerk.id,
    username: 'clerk',
    displayName: clerk.name,
    roles: ['clerk'],
    enterpriseId: null,
  } as unknown as SessionUser;
  let n = 0;
  for (const slot of slots) {
    if (r.next() >= 0.35) continue;
    await book(db, user, clerk, {
      slotId: slot.id,
      matter: r.pick(MATTERS),
      name: `${r.pick([...FAMILY_NAMES])}${r.pick(['先生', '女士'])}`,
      // 135-8799-xxxx: numbers of their own, so a caller holds one open booking per window
      phone: `1358799${String(1000 + n).slice(-4)}`,
    });
    n++;
  }
  ctx.print(`预约窗口：未来一周已有 ${n} 条预约 / bookings in the coming week`);
}

// The window's year is uneven: January and the Spring Festival month are quiet, spring (permit
// renewals, the construction season) and the autumn before the year-end checks are busy.
const MONTH_WEIGHT = [0.7, 0.55, 1.15, 1.2, 1.05, 1, 0.9, 0.85, 1.1, 1, 1.1, 1.2];
/** About half the 2020 window's rate (3.5 % of its slots): a demo, not a stress test. */
const SLOT_SHARE = 0.017;
// 延时服务 is the reform the article reports: its evening and Saturday slots fill a little more.
const EXTENDED_BOOST = 1.4;

/**
 * This year's bookings so far (1 January to yesterday), so the dashboard's default period shows
 * the window's work: the two windows open for those days as they do for the coming weeks, and a
 * share of the past slots was booked and served (some no-shows and cancellations). Everything is
 * over: no slot today or later, no booking still open. The enterprises with demo accounts and the
 * demo citizen are left out, so their own lists stay as they were.
 */
export async function seedThisYearBookings(
  db: Db,
  ctx: SeedContext,
  services: { id: string }[],
  today: string = todayInShanghai(),
): Promise<void> {
  const days = daysOfThisYearSoFar(today);
  // 2020 is the article's year, recorded above; on 1 January there is no past day yet
  if (!days.length || today < '2021-01-01') return;
  const r = demoRandom(THIS_YEAR_STREAMS.appointments);
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const actor = clerk ?? SYSTEM_ACTOR;
  const first = days[0]!;
  const last = days.at(-1)!;
  for (const svc of services) for (const p of plans(first, last)) await addPlan(db, actor, svc.id, p);

  const withAccounts = new Set(
    (await db.select({ id: users.enterpriseId }).from(users).where(isNotNull(users.enterpriseId))).map((u) => u.id),
  );
  const ents = (
    await db
      .select({ id: enterprises.id, contacts: enterprises.contacts })
      .from(enterprises)
      .where(eq(enterprises.status, 'operating'))
      .orderBy(asc(enterprises.uscc))
  ).filter((e) => !withAccounts.has(e.id) && e.contacts[0]?.phone);
  const slots = await db
    .select()
    .from(appointmentSlots)
    .where(
      and(
        inArray(
          appointmentSlots.serviceId,
          services.map((s) => s.id),
        ),
        between(appointmentSlots.date, first, last),
        eq(appointmentSlots.closed, false),
      ),
    )
    .orderBy(asc(appointmentSlots.startsAt), asc(appointmentSlots.serviceId));

  const year = today.slice(0, 4);
  const rows: (typeof appointments.$inferInsert)[] = [];
  const held = new Map<string, number>();
  for (const s of slots) {
    // the same draws for every slot, so a day's bookings do not depend on the day the demo starts
    const take =
      r.next() < SLOT_SHARE * MONTH_WEIGHT[Number(s.date.slice(5, 7)) - 1]! * (s.extended ? EXTENDED_BOOST : 1);
    const byEnterprise = r.next() < 0.6 && ents.length > 0;
    const ent = ents[Math.floor(r.next() * ents.length)];
    const family = FAMILY_NAMES[Math.floor(r.next() * FAMILY_NAMES.length)]!;
    const title = r.next() < 0.5 ? '先生' : '女士';
    const matter = r.pick(MATTERS);
    const roll = r.next();
    const leadDays = r.int(1, 6);
    const arriveEarly = r.int(0, 10);
    const serveMinutes = r.int(15, 40);
    if (!take) continue;
    const i = rows.length;
    const contact = byEnterprise ? ent?.contacts[0] : undefined;
    const name = contact?.name ?? `${family}${title}`;
    const phone = contact?.phone ?? `1397991${String(1000 + i).slice(-4)}`;
    const status = roll < 0.86 ? 'served' : roll < 0.93 ? 'no-show' : 'cancelled';
    const startsAt = slotInstant(s.date, s.startTime);
    const createdAt = new Date(startsAt.getTime() - leadDays * DAY_MS);
    const servedAt = new Date(startsAt.getTime() + serveMinutes * 60_000);
    const cancelledAt = new Date(createdAt.getTime() + 20 * 3_600_000);
    rows.push({
      code: `YY${year}${String(i + 1).padStart(6, '0')}`,
      serviceId: s.serviceId,
      slotId: s.id,
      date: s.date,
      startsAt,
      extended: s.extended,
      enterpriseId: contact ? ent!.id : null,
      applicantKey: contact ? `e:${ent!.id}` : `p:${phone}`,
      name,
      phone,
      matter,
      status,
      createdBy: actor.id,
      servedBy: status === 'served' ? (clerk?.id ?? null) : null,
      arrivedAt: status === 'served' ? new Date(startsAt.getTime() - arriveEarly * 60_000) : null,
      servedAt: status === 'served' ? servedAt : null,
      cancelledAt: status === 'cancelled' ? cancelledAt : null,
      reminderSentAt: contact && status !== 'cancelled' ? new Date(startsAt.getTime() - DAY_MS) : null,
      createdAt,
      updatedAt: status === 'served' ? servedAt : status === 'cancelled' ? cancelledAt : startsAt,
    });
    if (status !== 'cancelled') held.set(s.id, (held.get(s.id) ?? 0) + 1);
  }
  for (let i = 0; i < rows.length; i += 200) await db.insert(appointments).values(rows.slice(i, i + 200));
  if (held.size) {
    const values = sql.join(
      [...held].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`),
      sql`, `,
    );
    await db.execute(
      sql`update appointment_slots s set booked = s.booked + v.n from (values ${values}) as v(id, n) where s.id = v.id`,
    );
  }
  const extended = rows.filter((b) => b.extended && b.status !== 'cancelled').length;
  ctx.print(`预约窗口：${rows.length} 条 ${year} 年预约（延时服务 ${extended}）/ this year's bookings`);
}
