/**
 * Demo data for 服 (serve better), part A: the window's appointments (预约服务, 延时服务) from
 * March to December 2020, a dozen petitions (信访) across channels with their statutory clocks and
 * letters, and ratings (好差评) with the follow-up of the bad ones. Deterministic (seeded PRNG);
 * dates in Asia/Shanghai. Historical records go through the same services as live ones where the
 * service accepts a date (petitions, clocks); bookings in the past are inserted directly because
 * the booking service rightly refuses past slots. Skips itself when window services exist.
 */
import { isBadRating, RATING_INDICATORS, type RatingLevel, slotInstant } from '@qingshan/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { addPlan, createService } from '../modules/appointments/service.ts';
import { appointmentServices, appointmentSlots, appointments } from '../modules/appointments/tables.ts';
import { type Actor, SYSTEM_ACTOR } from '../modules/audit/service.ts';
import { closeLapsedWindows } from '../modules/clocks/alerts.ts';
import { completeClock, startClock } from '../modules/clocks/service.ts';
import { enterprises } from '../modules/enterprises/tables.ts';
import { actOnPetition, createPetition, updatePetition } from '../modules/petitions/service.ts';
import { ratingRectifications, ratings } from '../modules/ratings/tables.ts';
import { actOnReport, createReport } from '../modules/reports/service.ts';
import { seedDefaultRules } from '../modules/rules/service.ts';
import { users } from '../modules/users/tables.ts';

export type ServiceASeedContext = { print?: (line: string) => void };
export type ServiceASeedResult = {
  skipped: boolean;
  services: number;
  bookings: number;
  extendedBookings: number;
  /** 2020 petitions; all closed in 2020 or recorded as closed late */
  petitions: number;
  /** current cases, received in the days before the seed ran */
  livePetitions: number;
  ratings: number;
  badRatings: number;
};

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const SURNAMES = '张王李刘陈杨黄赵周吴徐孙胡朱高林何郭马罗';
const MATTERS = [
  '环评登记表备案咨询',
  '排污许可登记管理填报',
  '排污许可简化管理申请材料预审',
  '告知承诺制环评材料递交',
  '环评豁免情形咨询',
  '危险废物管理计划备案',
  '建设项目竣工环保验收咨询',
];

export async function seedServiceA(db: Db, ctx: ServiceASeedContext = {}): Promise<ServiceASeedResult> {
  const print = ctx.print ?? (() => {});
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(appointmentServices);
  if ((existing?.n ?? 0) > 0) {
    return {
      skipped: true,
      services: 0,
      bookings: 0,
      extendedBookings: 0,
      petitions: 0,
      livePetitions: 0,
      ratings: 0,
      badRatings: 0,
    };
  }
  await seedDefaultRules(db);
  const r = prng(20_200_301);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const [clerk] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.username, 'clerk'));
  const [leader] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.username, 'leader'));
  const actor: Actor = clerk ? { id: clerk.id, name: clerk.username, roles: ['clerk'], ip: null } : SYSTEM_ACTOR;
  // 信访工作条例 第三十四条: the 负责人 approves an extension the handler asked for
  const head: Actor = leader
    ? { id: leader.id, name: leader.username, roles: ['leader'], ip: null }
    : { ...SYSTEM_ACTOR, roles: ['leader'] };
  const ents = await db
    .select({ id: enterprises.id, name: enterprises.name, contacts: enterprises.contacts })
    .from(enterprises)
    .where(eq(enterprises.status, 'operating'))
    .limit(40);

  // ---- window services and their 2020 opening plans
  print('服务 A：预约窗口、开放计划 / windows and opening plans');
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
  const plans2020 = (validFrom: string, validTo: string) => [
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
    // 延时服务: working-day evenings and Saturday mornings, by appointment only
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
  for (const svc of [eia, permit]) {
    for (const p of plans2020('2020-03-01', '2020-12-31')) await addPlan(db, actor, svc.id, p);
  }
  // The live demo needs bookable slots too: open the coming weeks. A year without the State
  // Council notice is answered provisionally (暂定), so the weeks across New Year are open as well.
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const liveTo = new Date(Date.now() + 45 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  if (today > '2020-12-31') {
    for (const svc of [eia, permit]) for (const p of plans2020(today, liveTo)) await addPlan(db, actor, svc.id, p);
  }

  // ---- 2020 bookings (inserted directly: the booking service refuses past slots)
  print('服务 A：2020 年预约记录 / 2020 bookings');
  const slots = await db
    .select()
    .from(appointmentSlots)
    .where(
      and(sql`${appointmentSlots.date} between '2020-03-02' and '2020-11-30'`, eq(appointmentSlots.closed, false)),
    );
  const chosen = slots.filter(() => r() < 0.035);
  const served: { id: string; enterpriseId: string | null; phone: string; date: string; label: string }[] = [];
  let extendedBookings = 0;
  for (const [i, s] of chosen.entries()) {
    const ent = r() < 0.6 && ents.length ? pick(ents) : null;
    const name = ent?.contacts[0]?.name ?? `${SURNAMES[i % SURNAMES.length]}先生`;
    const phone = ent?.contacts[0]?.phone ?? `1397990${String(1000 + i).slice(-4)}`;
    const roll = r();
    const status = roll < 0.8 ? 'served' : roll < 0.9 ? 'no-show' : 'cancelled';
    const startsAt = slotInstant(s.date, s.startTime);
    const createdAt = new Date(startsAt.getTime() - (1 + Math.floor(r() * 5)) * 86_400_000);
    const [row] = await db
      .insert(appointments)
      .values({
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
        matter: pick(MATTERS),
        status,
        createdBy: actor.id,
        servedBy: status === 'served' ? (clerk?.id ?? null) : null,
        arrivedAt: status === 'served' ? startsAt : null,
        servedAt: status === 'served' ? new Date(startsAt.getTime() + 25 * 60_000) : null,
        cancelledAt: status === 'cancelled' ? createdAt : null,
        reminderSentAt: ent ? new Date(startsAt.getTime() - 86_400_000) : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: appointments.id });
    if (status !== 'cancelled') {
      await db
        .update(appointmentSlots)
        .set({ booked: sql`${appointmentSlots.booked} + 1` })
        .where(eq(appointmentSlots.id, s.id));
      if (s.extended) extendedBookings++;
    }
    if (status === 'served') {
      served.push({
        id: row!.id,
        enterpriseId: ent?.id ?? null,
        phone,
        date: s.date,
        label: `预约 YY2020${String(i + 1).padStart(6, '0')} ${s.date}`,
      });
    }
  }

  // ---- petitions across channels, with their clocks and letters. A resident asking that a
  // nuisance stop is a 申诉求决 matter (第三十一条); 检举控告 (第三十条) is about officials
  print('服务 A：信访件 / petitions');
  type P = {
    channel: 'visit' | 'letter' | 'phone' | 'online';
    type: 'suggestion' | 'accusation' | 'claim';
    title: string;
    received: string;
    accept?: string;
    reply?: string;
    extend?: number;
    referredBy?: string;
    object?: string;
    keyCase?: string;
    review?: [string, string];
  };
  const PETITIONS: P[] = [
    {
      channel: 'phone',
      type: 'claim',
      title: '桐木镇某花炮厂夜间排放刺激性气体',
      received: '2020-03-09',
      accept: '2020-03-12',
      reply: '2020-04-20',
    },
    {
      channel: 'letter',
      type: 'claim',
      title: '金山镇采石场粉尘影响农作物请求赔偿协调',
      received: '2020-04-02',
      accept: '2020-04-10',
      // 60 days from acceptance + 20 extended = 2020-06-29
      reply: '2020-06-28',
      extend: 20,
      keyCase: '涉及多户农户、多次来信',
    },
    {
      channel: 'visit',
      type: 'claim',
      title: '福田镇养猪场废水直排水塘',
      received: '2020-04-21',
      accept: '2020-04-22',
      reply: '2020-05-28',
    },
    {
      channel: 'phone',
      type: 'suggestion',
      title: '建议公开县城空气质量监测数据',
      received: '2020-05-06',
      accept: '2020-05-08',
      reply: '2020-05-25',
    },
    {
      channel: 'online',
      type: 'claim',
      title: '彭高镇陶瓷厂窑炉冒黑烟',
      received: '2020-05-18',
      accept: '2020-05-20',
      reply: '2020-07-30',
    },
    {
      channel: 'letter',
      type: 'claim',
      title: '上栗镇餐饮油烟扰民',
      received: '2020-06-03',
      referredBy: '上栗县信访局',
      object: '2020-06-08',
    },
    {
      channel: 'phone',
      type: 'claim',
      title: '赤山镇河道疑似倾倒建筑垃圾',
      received: '2020-06-15',
      accept: '2020-06-17',
      reply: '2020-07-20',
    },
    {
      channel: 'visit',
      type: 'claim',
      title: '长平乡花炮厂周边居民要求搬迁',
      received: '2020-07-07',
      accept: '2020-07-10',
      reply: '2020-09-07',
      keyCase: '群体性诉求，领导包案',
      review: ['2020-09-20', '2020-10-15'],
    },
    {
      channel: 'online',
      type: 'suggestion',
      title: '建议增加周末延时服务窗口',
      received: '2020-08-12',
      accept: '2020-08-13',
      reply: '2020-08-28',
    },
    {
      channel: 'phone',
      type: 'claim',
      title: '杨岐乡砖厂噪声夜间扰民',
      received: '2020-09-01',
      accept: '2020-09-03',
      reply: '2020-10-16',
    },
    {
      channel: 'letter',
      type: 'claim',
      title: '东源乡废旧塑料加工点异味',
      received: '2020-10-19',
      accept: '2020-10-22',
      reply: '2020-12-10',
    },
    {
      channel: 'online',
      type: 'accusation',
      title: '鸡冠山乡小作坊私设排污口',
      received: '2020-11-16',
      accept: '2020-11-19',
      reply: '2020-12-28',
    },
  ];
  const repliedPetitions: { id: string; phone: string; date: string; label: string }[] = [];
  for (const [i, p] of PETITIONS.entries()) {
    const phone = `1360799${String(2000 + i).slice(-4)}`;
    const row = await db.transaction((tx) =>
      createPetition(
        tx,
        actor,
        {
          channel: p.channel,
          type: p.type,
          title: p.title,
          content: `${p.title}。信访人反映情况属实与否待核查，请依法处理并答复。`,
          petitionerName: `${SURNAMES[(i * 7) % SURNAMES.length]}${i % 2 ? '女士' : '先生'}`,
          petitionerPhone: phone,
          receivedAt: at(p.received, '09:30').toISOString(),
          ...(p.referredBy ? { referredBy: p.referredBy } : {}),
        },
        { now: at(p.received, '10:00') },
      ),
    );
    if (p.keyCase)
      await updatePetition(db, actor, row.id, {
        keyCase: true,
        keyCaseReason: p.keyCase,
        assigneeUserId: leader?.id ?? null,
        version: row.version,
      });
    if (p.object) {
      await actOnPetition(
        db,
        actor,
        row.id,
        { action: 'object', text: '该事项属于市场监管、城管部门职责，已说明理由退回' },
        at(p.object),
      );
      continue;
    }
    if (!p.accept) continue;
    await actOnPetition(db, actor, row.id, { action: 'accept' }, at(p.accept));
    if (p.extend) {
      await actOnPetition(
        db,
        actor,
        row.id,
        { action: 'request-extension', days: p.extend, text: '需委托第三方监测并协调多部门' },
        at(p.accept, '16:00'),
      );
      await actOnPetition(db, head, row.id, { action: 'approve-extension' }, at(p.accept, '17:00'));
    }
    if (!p.reply) continue;
    await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'reply', text: '经现场核查，已责令相关单位限期整改，并将持续跟踪整改落实情况。' },
      at(p.reply),
    );
    repliedPetitions.push({ id: row.id, phone, date: p.reply, label: `信访 ${row.code} ${p.title}` });
    // the petitioner's 30 days run from receipt of the reply (送达回证), two days after it went out
    const delivered = shanghaiDay(new Date(at(p.reply).getTime() + 2 * DAY_MS));
    await actOnPetition(db, actor, row.id, { action: 'record-delivery', date: delivered }, at(delivered, '16:00'));
    if (p.review) {
      // 复查 is the next level up's (第三十五条): the bureau records, transmits, and records the outcome
      const [requested, decided] = p.review;
      await actOnPetition(db, actor, row.id, { action: 'request-review', date: requested }, at(requested));
      await actOnPetition(
        db,
        actor,
        row.id,
        { action: 'transmit-review', decidingBody: '萍乡市生态环境局' },
        at(requested, '16:00'),
      );
      await actOnPetition(
        db,
        actor,
        row.id,
        {
          action: 'record-review',
          date: decided,
          decidingBody: '萍乡市生态环境局',
          referenceNo: `萍环信复〔2020〕${10 + repliedPetitions.length}号`,
          text: '经复查，原处理意见适当，予以维持。',
        },
        at(decided, '15:00'),
      );
    }
  }

  // ---- 12369 environmental reports: their own case type (环境保护部令第15号), not petitions
  print('服务 A：环保举报 / 12369 reports');
  const REPORTS = [
    {
      title: '桐木镇某烟花厂夜间异味',
      location: '桐木镇某村',
      received: '2020-04-02',
      accept: '2020-04-03',
      reply: '2020-05-10',
    },
    {
      title: '赤山镇河沟水体发黑',
      location: '赤山镇某村河沟',
      received: '2020-07-14',
      accept: '2020-07-15',
      reply: '2020-09-20',
    },
    { title: '上栗镇餐饮店油烟直排', location: '上栗镇某街', received: '2020-09-01', transfer: '2020-09-03' },
  ];
  for (const [i, rp] of REPORTS.entries()) {
    const row = await db.transaction((tx) =>
      createReport(
        tx,
        actor,
        {
          channel: 'phone-12369',
          title: rp.title,
          content: `${rp.title}，请求查处。`,
          location: rp.location,
          anonymous: i === 1,
          ...(i === 1
            ? {}
            : { reporterName: `${SURNAMES[(i * 3) % SURNAMES.length]}先生`, reporterPhone: `1360799${4000 + i}` }),
          receivedAt: at(rp.received, '09:00').toISOString(),
        },
        { now: at(rp.received, '09:10') },
      ),
    );
    if (rp.transfer) {
      await actOnReport(
        db,
        actor,
        row.id,
        { action: 'transfer', text: '上栗县城市管理局（餐饮油烟）' },
        at(rp.transfer),
      );
      continue;
    }
    await actOnReport(db, actor, row.id, { action: 'accept' }, at(rp.accept!));
    await actOnReport(
      db,
      actor,
      row.id,
      { action: 'reply', text: '经现场检查，已责令整改并依法立案查处。' },
      at(rp.reply!),
    );
  }

  // ---- ratings of served appointments and replied petitions; bad ones with their rectification
  print('服务 A：好差评 / ratings');
  const LEVELS: RatingLevel[] = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1];
  let ratingCount = 0;
  let badCount = 0;
  const events = [
    ...served.filter(() => r() < 0.55).map((s) => ({ type: 'appointment', ...s })),
    ...repliedPetitions.map((p) => ({ type: 'petition', enterpriseId: null as string | null, ...p })),
  ];
  for (const ev of events) {
    const level = pick(LEVELS);
    const createdAt = at(ev.date, '17:40');
    const indicators = Object.fromEntries(
      RATING_INDICATORS.map((k) => [k, Math.max(1, Math.min(5, level + (r() < 0.3 ? 1 : 0) - (r() < 0.3 ? 1 : 0)))]),
    );
    const [row] = await db
      .insert(ratings)
      .values({
        eventType: ev.type,
        eventId: ev.id,
        label: ev.label,
        level,
        indicators,
        comment: isBadRating(level)
          ? pick(['等候时间过长', '需要补交材料，跑了两趟', '答复内容与诉求不符'])
          : level >= 4
            ? pick(['服务热情', '一次办清', null])
            : null,
        raterKind: ev.enterpriseId ? 'enterprise' : 'citizen-phone',
        enterpriseId: ev.enterpriseId,
        staffUserId: clerk?.id ?? null,
        createdAt,
      })
      .returning();
    ratingCount++;
    if (!isBadRating(level)) continue;
    badCount++;
    const common = {
      ownerType: 'rating',
      ownerId: row!.id,
      start: createdAt,
      link: `/staff/ratings?focus=${row!.id}`,
      assigneeUserId: clerk?.id ?? null,
    };
    const contact = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify-contact',
      title: `差评回访：${ev.label}`,
    });
    const rectify = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify',
      title: `差评整改：${ev.label}`,
    });
    // most are contacted next morning and fixed within the week; one in four runs late
    const late = r() < 0.25;
    const contactedAt = new Date(createdAt.getTime() + 16 * 3_600_000);
    const rectifiedAt = new Date(createdAt.getTime() + (late ? 26 : 6) * 86_400_000);
    await completeClock(db, actor, contact.id, contactedAt);
    await completeClock(db, actor, rectify.id, rectifiedAt);
    await db.insert(ratingRectifications).values({
      ratingId: row!.id,
      state: 'rectified',
      assigneeUserId: clerk?.id ?? null,
      contactDueDate: contact.dueDate,
      rectifyDueDate: rectify.dueDate,
      contactClockId: contact.id,
      rectifyClockId: rectify.id,
      contactedAt,
      contactNote: '电话回访，向评价人致歉并了解情况',
      rectifiedAt,
      rectifyNote: '窗口推行一次性告知清单，延时服务时段增加一名帮办人员',
      createdAt,
    });
  }
  // The petitioners' 复查/复核 request windows from 2020 passed unused long ago: close them now,
  // as the scheduler's first clock scan would, so the demo starts from a settled 2020.
  await closeLapsedWindows(db);
  const livePetitions = await seedCurrentCases(db, actor, {
    clerkId: clerk?.id ?? null,
    leaderId: leader?.id ?? null,
    print,
  });
  print(
    `服务 A：${chosen.length} 条预约（延时服务 ${extendedBookings}），${PETITIONS.length} 件 2020 年信访（另有当前在办 ${livePetitions} 件），${ratingCount} 条评价（差评 ${badCount}）`,
  );
  return {
    skipped: false,
    services: 2,
    bookings: chosen.length,
    extendedBookings,
    petitions: PETITIONS.length,
    livePetitions,
    ratings: ratingCount,
    badRatings: badCount,
  };
}

const DAY_MS = 86_400_000;

const shanghaiDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

type LiveCase = {
  channel: 'visit' | 'letter' | 'phone' | 'online';
  type: 'suggestion' | 'accusation' | 'claim';
  title: string;
  /** days before today (always ≥ 1, so every step lies in the past whatever the hour) */
  received: number;
  referredBy?: string;
  accept?: number;
  assignee?: 'clerk' | 'leader';
  keyCase?: string;
  reply?: number;
  badRating?: number;
};

// Chosen so that on any day the worklist has running and due-soon items for the leader
// (acceptance notices, a referral, a key case 10 days from its 60-day limit) and the clerk
// (a case assigned to the window, a bad rating being rectified).
const LIVE_CASES: LiveCase[] = [
  { channel: 'online', type: 'accusation', title: '桐木镇某花炮厂仓库外焚烧废包装物', received: 2 },
  // received 13 days ago: 2 days left of the 15-day notice, inside the 3-day warning
  { channel: 'letter', type: 'claim', title: '金山镇石料加工点运输扬尘', received: 13 },
  { channel: 'letter', type: 'claim', title: '上栗镇夜市烧烤油烟扰民', received: 1, referredBy: '上栗县信访局' },
  { channel: 'phone', type: 'claim', title: '福田镇养殖场粪污异味', received: 20, accept: 18, assignee: 'clerk' },
  {
    channel: 'visit',
    type: 'claim',
    title: '彭高镇陶瓷园区周边居民反映夜间噪声',
    received: 52,
    accept: 50,
    assignee: 'leader',
    keyCase: '多户居民联名反映，领导包案',
  },
  {
    channel: 'phone',
    type: 'accusation',
    title: '赤山镇小河沟水体发黑',
    received: 30,
    accept: 29,
    reply: 4,
    assignee: 'clerk',
    badRating: 3,
  },
];

/**
 * Cases received in the last days before the seed ran (relative to the real date, so a fresh
 * demo always has live work). A case with a working-day clock (the referral's 5 working days,
 * the rating's 1 + 15) runs into a year without the notice in late December: it is recorded all
 * the same, its due date marked 暂定 (provisional), as intake never waits for reference data.
 */
async function seedCurrentCases(
  db: Db,
  actor: Actor,
  o: { clerkId: string | null; leaderId: string | null; print: (line: string) => void },
  now: Date = new Date(),
): Promise<number> {
  let created = 0;
  const day = (n: number, time = '09:30') => at(shanghaiDay(new Date(now.getTime() - n * DAY_MS)), time);
  const userOf = (who: LiveCase['assignee']) => (who === 'clerk' ? o.clerkId : who === 'leader' ? o.leaderId : null);
  for (const [i, c] of LIVE_CASES.entries()) {
    created++;
    const receivedAt = day(c.received);
    const row = await db.transaction((tx) =>
      createPetition(
        tx,
        actor,
        {
          channel: c.channel,
          type: c.type,
          title: c.title,
          content: `${c.title}。信访人反映情况属实与否待核查，请依法处理并答复。`,
          petitionerName: `${SURNAMES[(i * 5 + 3) % SURNAMES.length]}${i % 2 ? '先生' : '女士'}`,
          petitionerPhone: `1360799${String(3000 + i)}`,
          receivedAt: receivedAt.toISOString(),
          ...(c.referredBy ? { referredBy: c.referredBy } : {}),
        },
        { now: new Date(receivedAt.getTime() + 30 * 60_000) },
      ),
    );
    const assigneeUserId = userOf(c.assignee);
    if (assigneeUserId || c.keyCase) {
      await updatePetition(db, actor, row.id, {
        ...(assigneeUserId ? { assigneeUserId } : {}),
        ...(c.keyCase ? { keyCase: true, keyCaseReason: c.keyCase } : {}),
        version: row.version,
      });
    }
    if (c.accept === undefined) continue;
    await actOnPetition(db, actor, row.id, { action: 'accept' }, day(c.accept));
    if (c.reply === undefined) continue;
    await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'reply', text: '经现场核查，已督促责任单位清理并整改，将持续跟踪水质变化。' },
      day(c.reply),
    );
    if (c.badRating === undefined) continue;
    const ratedAt = day(c.badRating, '17:40');
    const label = `信访 ${row.code} ${c.title}`;
    const [rating] = await db
      .insert(ratings)
      .values({
        eventType: 'petition',
        eventId: row.id,
        label,
        level: 2,
        indicators: Object.fromEntries(RATING_INDICATORS.map((k) => [k, k === 'attitude' ? 3 : 2])),
        comment: '答复内容与诉求不符，河沟仍有异味',
        raterKind: 'citizen-phone',
        enterpriseId: null,
        staffUserId: assigneeUserId,
        createdAt: ratedAt,
      })
      .returning();
    const common = {
      ownerType: 'rating',
      ownerId: rating!.id,
      start: ratedAt,
      link: `/staff/ratings?focus=${rating!.id}`,
      assigneeUserId,
      assigneeRole: assigneeUserId ? null : ('leader' as const),
    };
    const contact = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify-contact',
      title: `差评回访：${label}`,
    });
    const rectify = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify',
      title: `差评整改：${label}`,
    });
    // contacted the next morning; the rectification itself is still under way
    const contactedAt = new Date(ratedAt.getTime() + 16 * 3_600_000);
    await completeClock(db, actor, contact.id, contactedAt);
    await db.insert(ratingRectifications).values({
      ratingId: rating!.id,
      state: 'contacted',
      assigneeUserId,
      contactDueDate: contact.dueDate,
      rectifyDueDate: rectify.dueDate,
      contactClockId: contact.id,
      rectifyClockId: rectify.id,
      contactedAt,
      contactNote: '电话回访评价人，约定复查水质后再次答复',
      createdAt: ratedAt,
    });
  }
  return created;
}
