import { shanghaiDateOf, slotInstant, todayInShanghai } from '@qingshan/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import {
  DAY_MS,
  DEMO_ENTERPRISES,
  DEMO_STREAMS,
  demoRandom,
  demoStaff,
  demoUscc,
  FAMILY_NAMES,
} from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { addPlan, createService } from './service.ts';
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
}
