import { isBadRating, RATING_INDICATORS, type RatingLevel, shanghaiDateOf } from '@qingshan/core';
import { and, asc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, DAY_MS, DEMO_STREAMS, demoRandom, demoStaff } from '../../seed/demo-data.ts';
import { appointments } from '../appointments/tables.ts';
import { type Actor, SYSTEM_ACTOR } from '../audit/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { petitions } from '../petitions/tables.ts';
import { ratableEventLabels } from './registry.ts';
import { seedThisYearRatings } from './seed-this-year.ts';
import { ratingRectifications, ratings } from './tables.ts';

const YEAR_FROM = at('2020-01-01', '00:00');
const YEAR_TO = at('2021-01-01', '00:00');

/** The live case whose reply the petitioner rated badly: its rectification is the window's live work. */
const LIVE_BAD_RATING = { title: '赤山镇小河沟水体发黑', daysAgo: 3, comment: '答复内容与诉求不符，河沟仍有异味' };

/**
 * Ratings (好差评) of the 2020 served bookings and replied petitions, the bad ones with their
 * follow-up (回访, 整改) on the clocks; and one bad rating of a live case still being rectified.
 * The rated records are found in the appointments and petitions the seeds before made.
 */
export async function seedRatings(db: Db, ctx: SeedContext): Promise<void> {
  const r = demoRandom(DEMO_STREAMS.ratings);
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const actor = clerk ?? SYSTEM_ACTOR;
  const served = (
    await db
      .select({
        id: appointments.id,
        enterpriseId: appointments.enterpriseId,
        date: appointments.date,
        code: appointments.code,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.status, 'served'),
          gte(appointments.startsAt, YEAR_FROM),
          lt(appointments.startsAt, YEAR_TO),
        ),
      )
      .orderBy(asc(appointments.code))
  ).map((a) => ({ id: a.id, enterpriseId: a.enterpriseId, date: a.date }));
  const replied = (
    await db
      .select({ id: petitions.id, code: petitions.code, title: petitions.title, repliedAt: petitions.repliedAt })
      .from(petitions)
      .where(and(isNotNull(petitions.repliedAt), gte(petitions.repliedAt, YEAR_FROM), lt(petitions.repliedAt, YEAR_TO)))
      .orderBy(asc(petitions.receivedAt))
  ).map((p) => ({ id: p.id, date: shanghaiDateOf(p.repliedAt!) }));

  ctx.print('好差评 / ratings');
  const LEVELS: RatingLevel[] = [5, 5, 5, 5, 4, 4, 4, 3, 2, 1];
  let ratingCount = 0;
  let badCount = 0;
  const events = [
    ...served.filter(() => r.next() < 0.55).map((s) => ({ type: 'appointment', ...s })),
    ...replied.map((p) => ({ type: 'petition', enterpriseId: null as string | null, ...p })),
  ];
  for (const ev of events) {
    const level = r.pick(LEVELS);
    const createdAt = at(ev.date, '17:40');
    const indicators = Object.fromEntries(
      RATING_INDICATORS.map((k) => [
        k,
        Math.max(1, Math.min(5, level + (r.next() < 0.3 ? 1 : 0) - (r.next() < 0.3 ? 1 : 0))),
      ]),
    );
    const labels = await ratableEventLabels(db, ev.type, ev.id);
    const [row] = await db
      .insert(ratings)
      .values({
        eventType: ev.type,
        eventId: ev.id,
        ...labels,
        level,
        indicators,
        comment: isBadRating(level)
          ? r.pick(['等候时间过长', '需要补交材料，跑了两趟', '答复内容与诉求不符'])
          : level >= 4
            ? r.pick(['服务热情', '一次办清', null])
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
      title: `差评回访：${labels.label}`,
    });
    const rectify = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify',
      title: `差评整改：${labels.label}`,
    });
    // most are contacted next morning and fixed within the week; one in four runs late
    const late = r.next() < 0.25;
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
  await seedLiveBadRating(db, actor);
  ctx.print(`好差评：${ratingCount} 条 2020 年评价（差评 ${badCount}），另有在整改差评 1 条 / ratings`);
  await seedThisYearRatings(db, ctx);
}

async function seedLiveBadRating(db: Db, actor: Actor, now: Date = new Date()): Promise<void> {
  const [row] = await db
    .select({
      id: petitions.id,
      code: petitions.code,
      title: petitions.title,
      assigneeUserId: petitions.assigneeUserId,
    })
    .from(petitions)
    .where(and(eq(petitions.title, LIVE_BAD_RATING.title), isNotNull(petitions.repliedAt)));
  if (!row) return;
  const ratedAt = at(shanghaiDateOf(new Date(now.getTime() - LIVE_BAD_RATING.daysAgo * DAY_MS)), '17:40');
  const { label, labelEn } = await ratableEventLabels(db, 'petition', row.id);
  const assigneeUserId = row.assigneeUserId;
  const [rating] = await db
    .insert(ratings)
    .values({
      eventType: 'petition',
      eventId: row.id,
      label,
      labelEn,
      level: 2,
      indicators: Object.fromEntries(RATING_INDICATORS.map((k) => [k, k === 'attitude' ? 3 : 2])),
      comment: LIVE_BAD_RATING.comment,
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
