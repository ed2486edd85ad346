import { shanghaiDateOf } from '@qingshan/core';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, DAY_MS, demoStaff, FAMILY_NAMES } from '../../seed/demo-data.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { closeLapsedWindows } from '../clocks/alerts.ts';
import { notifications } from '../notifications/tables.ts';
import { seedThisYearPetitions } from './seed-this-year.ts';
import { actOnPetition, createPetition, updatePetition } from './service.ts';

/**
 * A dozen petitions (信访) of 2020 across the four channels, through the same services as live
 * ones, with their statutory clocks and letters; then the cases received in the days before the
 * demo started, so that the leader and the window have live work on any day.
 */
export async function seedPetitions(db: Db, ctx: SeedContext): Promise<void> {
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const leader = await demoStaff(db, 'leader', 'leader');
  const actor = clerk ?? SYSTEM_ACTOR;
  // 信访工作条例 第三十四条: the 负责人 approves an extension the handler asked for
  const head: Actor = leader ?? { ...SYSTEM_ACTOR, roles: ['leader'] };

  // A resident asking that a nuisance stop is a 申诉求决 matter (第三十一条); 检举控告 (第三十条) is about officials
  ctx.print('信访件 / petitions');
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
  let replied = 0;
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
          petitionerName: `${FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]}${i % 2 ? '女士' : '先生'}`,
          petitionerPhone: phone,
          receivedAt: at(p.received, '09:30').toISOString(),
          ...(p.referredBy ? { referredBy: p.referredBy } : {}),
        },
        { now: at(p.received, '10:00') },
      ),
    );
    if (p.keyCase) {
      await updatePetition(db, actor, row.id, {
        keyCase: true,
        keyCaseReason: p.keyCase,
        assigneeUserId: leader?.id ?? null,
        version: row.version,
      });
      // the leaders were told in 2020 and read it then: not news in their inbox today
      await sentAt(db, `/staff/petitions/${row.id}`, at(p.received, '10:00'), at(p.received, '11:00'));
    }
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
      await sentAt(db, `/staff/petitions/${row.id}`, at(p.accept, '16:00'), at(p.accept, '17:00'));
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
    replied++;
    // the petitioner's 30 days run from receipt of the reply (送达回证), two days after it went out
    const delivered = shanghaiDateOf(new Date(at(p.reply).getTime() + 2 * DAY_MS));
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
          referenceNo: `萍环信复〔2020〕${10 + replied}号`,
          text: '经复查，原处理意见适当，予以维持。',
        },
        at(decided, '15:00'),
      );
    }
  }

  // The petitioners' 复查/复核 request windows from 2020 passed unused long ago: close them now,
  // as the scheduler's first clock scan would, so the demo starts from a settled 2020.
  await closeLapsedWindows(db);
  const citizen = await demoStaff(db, 'qunzhong', 'citizen');
  const live = await seedCurrentCases(db, actor, {
    clerkId: clerk?.id ?? null,
    leaderId: leader?.id ?? null,
    citizenId: citizen?.id ?? null,
  });
  ctx.print(`信访：${PETITIONS.length} 件 2020 年信访，当前在办 ${live} 件 / petitions`);
  await seedThisYearPetitions(db, ctx, actor, head);
}

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
  /** days before today the reply reached the petitioner (处理意见书送达) */
  delivered?: number;
  /** filed online by the demo citizen (qunzhong) from her account, so she follows and rates it there */
  byDemoCitizen?: { name: string; phone: string };
};

// Chosen so that on any day the worklist has running and due-soon items for the leader
// (acceptance notices, a referral, a key case 10 days from its 60-day limit) and the clerk
// (a case assigned to the window; the ratings seed has the 赤山镇 reply rated badly and rectified).
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
  },
  // the demo citizen's own case, answered three days ago and not yet rated: what she can rate (好差评)
  {
    channel: 'online',
    type: 'claim',
    title: '上栗镇居民楼下餐馆油烟直排',
    received: 40,
    accept: 38,
    reply: 3,
    delivered: 2,
    assignee: 'clerk',
    byDemoCitizen: { name: '张女士', phone: '13979905678' },
  },
];

/**
 * Cases received in the last days before the seed ran (relative to the real date, so a fresh
 * demo always has live work). A case with a working-day clock (the referral's 5 working days)
 * runs into a year without the notice in late December: it is recorded all
 * the same, its due date marked 暂定 (provisional), as intake never waits for reference data.
 */
async function seedCurrentCases(
  db: Db,
  actor: Actor,
  o: { clerkId: string | null; leaderId: string | null; citizenId: string | null },
  now: Date = new Date(),
): Promise<number> {
  let created = 0;
  const day = (n: number, time = '09:30') => at(shanghaiDateOf(new Date(now.getTime() - n * DAY_MS)), time);
  const userOf = (who: LiveCase['assignee']) => (who === 'clerk' ? o.clerkId : who === 'leader' ? o.leaderId : null);
  for (const [i, c] of LIVE_CASES.entries()) {
    if (c.byDemoCitizen && !o.citizenId) continue;
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
          petitionerName:
            c.byDemoCitizen?.name ?? `${FAMILY_NAMES[(i * 5 + 3) % FAMILY_NAMES.length]}${i % 2 ? '先生' : '女士'}`,
          petitionerPhone: c.byDemoCitizen?.phone ?? `1360799${String(3000 + i)}`,
          receivedAt: receivedAt.toISOString(),
          ...(c.referredBy ? { referredBy: c.referredBy } : {}),
        },
        {
          now: new Date(receivedAt.getTime() + 30 * 60_000),
          ...(c.byDemoCitizen ? { citizenUserId: o.citizenId, filerIsCitizen: true } : {}),
        },
      ),
    );
    const assigneeUserId = userOf(c.assignee);
    if (assigneeUserId || c.keyCase) {
      await updatePetition(db, actor, row.id, {
        ...(assigneeUserId ? { assigneeUserId } : {}),
        ...(c.keyCase ? { keyCase: true, keyCaseReason: c.keyCase } : {}),
        version: row.version,
      });
      // assigned (and flagged for the leaders) as it was registered, not on the day the demo was seeded
      await sentAt(db, `/staff/petitions/${row.id}`, new Date(receivedAt.getTime() + 30 * 60_000));
    }
    if (c.accept === undefined) continue;
    await actOnPetition(db, actor, row.id, { action: 'accept' }, day(c.accept));
    await sentAt(db, `/petitions/track?code=${row.code}`, day(c.accept));
    if (c.reply === undefined) continue;
    await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'reply', text: '经现场核查，已督促责任单位清理并整改，将持续跟踪水质变化。' },
      day(c.reply),
    );
    await sentAt(db, `/petitions/track?code=${row.code}`, day(c.reply));
    if (c.delivered === undefined) continue;
    await actOnPetition(
      db,
      actor,
      row.id,
      { action: 'record-delivery', date: shanghaiDateOf(day(c.delivered)) },
      day(c.delivered, '16:00'),
    );
    await sentAt(db, `/petitions/track?code=${row.code}`, day(c.delivered, '16:00'));
  }
  return created;
}

/**
 * The messages a step just sent about a case (the petitioner's 受理告知书 and 处理意见书 in her
 * inbox, the clerk's assignment, the leaders' key case) carry the step's time: the service dates them
 * when it runs, which for the seed is today, and the inboxes then said every step of a case answered
 * days (or years) ago came today. A message whose matter was dealt with long ago was read by then.
 */
async function sentAt(db: Db, link: string, when: Date, readAt?: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ createdAt: when, ...(readAt ? { readAt } : {}) })
    .where(and(eq(notifications.link, link), gt(notifications.createdAt, when)));
}
