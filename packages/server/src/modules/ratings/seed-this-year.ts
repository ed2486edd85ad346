import {
  clockBinds,
  clockRollsOver,
  evaluateClock,
  isBadRating,
  RATING_INDICATORS,
  type RatingLevel,
  shanghaiDateOf,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import { at, DAY_MS, daysOfThisYearSoFar, demoRandom, demoStaff, THIS_YEAR_STREAMS } from '../../seed/demo-data.ts';
import { appointments } from '../appointments/tables.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { petitions } from '../petitions/tables.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';
import { ratableEventLabels } from './registry.ts';
import { ratingRectifications, ratings } from './tables.ts';

// Most people who bother to rate are satisfied; about one rating in twelve is a 差评.
const LEVELS: RatingLevel[] = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 1];
const SHARE_RATED = { appointment: 0.5, petition: 0.8 } as const;

type Kind = keyof typeof SHARE_RATED;
const COMMENTS: Record<Kind, { good: (string | null)[]; fair: (string | null)[]; bad: string[] }> = {
  appointment: {
    good: ['服务热情', '一次办清', '材料要求一次说清楚了', '解释耐心细致', '预约准时，不用排队', null, null],
    fair: ['基本满意', '等候稍久', null],
    bad: ['等候时间过长', '需要补交材料，跑了两趟', '预约时段到了还要排队', '填报要求没有讲清楚'],
  },
  petition: {
    good: ['答复及时，问题已解决', '处理结果满意', '工作人员到现场查看，很负责', null],
    fair: ['基本满意，希望继续跟踪', null],
    bad: ['答复内容与诉求不符', '问题仍未彻底解决，异味还在', '处理时间太长'],
  },
};
const RECTIFY_NOTES: Record<Kind, string[]> = {
  appointment: [
    '窗口推行一次性告知清单，材料不全的当场逐项列明',
    '高峰时段增加一名帮办人员，预约时段准时叫号',
    '修订排污许可填报指引并在窗口公示，约评价人当面说明',
  ],
  petition: [
    '会同执法大队复查现场，督促企业完成整改，复查结果书面告知评价人',
    '委托监测站补测周边水质，结果达标后再次答复评价人',
  ],
};
const CONTACT_NOTES = ['电话回访，向评价人致歉并了解情况', '电话回访评价人，记录具体诉求并约定整改时限'];

/**
 * The due date a clock of this profile started at `start` will have: the rule in force that day,
 * counted on the working-day calendar as the clock service counts it. A bad rating is only given
 * where its follow-up was over before today, so none of this year's stays open on a worklist.
 */
async function dueDateOf(db: Db, profileKey: string, start: Date): Promise<string> {
  const rule = await getRule(db, profileKey, shanghaiDateOf(start));
  const { length, unit, warnBefore } = clockProfileValueSchema.parse(rule.value);
  return evaluateClock(
    {
      profile: { key: profileKey, length, unit, warnBefore },
      start: start.toISOString(),
      pauses: [],
      extensions: [],
      binds: clockBinds(profileKey),
      rollsOver: clockRollsOver(profileKey),
    },
    start.toISOString(),
    await getCalendar(db),
  ).dueDate;
}

type Event = {
  type: Kind;
  id: string;
  enterpriseId: string | null;
  label: string;
  labelEn: string;
  extended: boolean;
  ratedAt: Date;
  level: RatingLevel;
  /** its rectification would be over before today, so it may be a 差评 */
  mayBeBad: boolean;
};

/**
 * This year's ratings so far: half the served bookings and most of the petitions answered this
 * year (the seeds before made them), rated soon after. The bad ones were contacted the next
 * working day and rectified, nearly all within their 15 working days, every one before today.
 * The live case's bad rating (seedRatings) keeps its own open rectification.
 */
export async function seedThisYearRatings(db: Db, ctx: SeedContext, today: string = todayInShanghai()): Promise<void> {
  const days = daysOfThisYearSoFar(today);
  if (!days.length || today < '2021-01-01') return;
  const r = demoRandom(THIS_YEAR_STREAMS.ratings);
  const clerk = await demoStaff(db, 'clerk', 'clerk');
  const actor = clerk ?? SYSTEM_ACTOR;
  const calendar = await getCalendar(db);
  const yearFrom = at(days[0]!, '00:00');
  const todayFrom = at(today, '00:00');

  const served = await db
    .select({
      id: appointments.id,
      code: appointments.code,
      date: appointments.date,
      enterpriseId: appointments.enterpriseId,
      extended: appointments.extended,
      servedAt: appointments.servedAt,
    })
    .from(appointments)
    .leftJoin(ratings, and(eq(ratings.eventType, 'appointment'), eq(ratings.eventId, appointments.id)))
    .where(
      and(
        eq(appointments.status, 'served'),
        gte(appointments.startsAt, yearFrom),
        lt(appointments.startsAt, todayFrom),
        isNull(ratings.id),
        // the demo sign-ins' bookings are theirs to rate (appointments/seed.ts seedDemoAccountBookings),
        // as the citizen's own case is below
        isNull(appointments.citizenUserId),
        sql`(${appointments.enterpriseId} is null or ${appointments.enterpriseId} not in (select enterprise_id from users where username in ('qiye1', 'qiye2') and enterprise_id is not null))`,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.code));
  const replied = await db
    .select({ id: petitions.id, code: petitions.code, title: petitions.title, repliedAt: petitions.repliedAt })
    .from(petitions)
    .leftJoin(ratings, and(eq(ratings.eventType, 'petition'), eq(ratings.eventId, petitions.id)))
    .where(
      and(
        isNotNull(petitions.repliedAt),
        gte(petitions.repliedAt, yearFrom),
        lt(petitions.repliedAt, todayFrom),
        isNull(ratings.id),
        // a case filed from a citizen's account is hers to rate (the demo citizen's, seedPetitions)
        isNull(petitions.citizenUserId),
      ),
    )
    .orderBy(asc(petitions.repliedAt), asc(petitions.code));

  const events: Event[] = [];
  const consider = async (e: Omit<Event, 'level' | 'mayBeBad'>, share: number) => {
    // the same draws for every event, so an event's rating does not depend on the day the demo starts
    const rated = r.next() < share;
    const level = r.pick(LEVELS);
    if (!rated || e.ratedAt.getTime() >= todayFrom.getTime()) return;
    // 15 working days end well within 60 calendar days, even over the Spring Festival: only the
    // last weeks' ratings need the calendar
    const recent = e.ratedAt.getTime() > todayFrom.getTime() - 60 * DAY_MS;
    const mayBeBad = !recent || (await dueDateOf(db, 'rating.rectify', e.ratedAt)) < today;
    events.push({ ...e, level, mayBeBad });
  };
  for (const a of served) {
    const servedAt = a.servedAt ?? at(a.date, '11:00');
    await consider(
      {
        type: 'appointment',
        id: a.id,
        enterpriseId: a.enterpriseId,
        ...(await ratableEventLabels(db, 'appointment', a.id)),
        extended: a.extended,
        // rated on the way out, on the phone or at the window's pad
        ratedAt: new Date(servedAt.getTime() + r.int(5, 90) * 60_000),
      },
      SHARE_RATED.appointment,
    );
  }
  for (const p of replied) {
    const repliedOn = shanghaiDateOf(p.repliedAt!);
    await consider(
      {
        type: 'petition',
        id: p.id,
        enterpriseId: null,
        ...(await ratableEventLabels(db, 'petition', p.id)),
        extended: false,
        // once the written reply has reached the petitioner (delivered two days after it went out)
        ratedAt: at(shanghaiDateOf(new Date(at(repliedOn).getTime() + r.int(3, 8) * DAY_MS)), '15:20'),
      },
      SHARE_RATED.petition,
    );
  }
  events.sort((a, b) => a.ratedAt.getTime() - b.ratedAt.getTime());
  // a 差评 whose rectification would still be running today is recorded as the fair rating it
  // nearly was: this year's past work is all settled
  for (const e of events) if (isBadRating(e.level) && !e.mayBeBad) e.level = r.pick([3, 4] as RatingLevel[]);
  // a year's ratings have at least one 不满意 and one 非常不满意 when there is anything to rate
  for (const level of [2, 1] as RatingLevel[]) {
    if (events.some((e) => e.level === level)) continue;
    const pool = events.filter((e) => e.mayBeBad && !isBadRating(e.level));
    if (pool.length) r.pick(pool).level = level;
  }

  const rows = events.map((e) => {
    const comments = COMMENTS[e.type];
    const comment = isBadRating(e.level)
      ? r.pick(comments.bad)
      : e.level >= 4
        ? e.extended && r.next() < 0.4
          ? '晚上能办事，不耽误白天生产'
          : r.pick(comments.good)
        : r.pick(comments.fair);
    return {
      eventType: e.type,
      eventId: e.id,
      label: e.label,
      labelEn: e.labelEn,
      level: e.level,
      indicators: Object.fromEntries(
        RATING_INDICATORS.map((k) => [
          k,
          Math.max(1, Math.min(5, e.level + (r.next() < 0.3 ? 1 : 0) - (r.next() < 0.3 ? 1 : 0))),
        ]),
      ),
      comment,
      raterKind: e.enterpriseId ? 'enterprise' : 'citizen-phone',
      enterpriseId: e.enterpriseId,
      staffUserId: clerk?.id ?? null,
      createdAt: e.ratedAt,
    };
  });
  const inserted: { id: string; eventId: string }[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    inserted.push(
      ...(await db
        .insert(ratings)
        .values(rows.slice(i, i + 200))
        .returning({ id: ratings.id, eventId: ratings.eventId })),
    );
  }
  const idOf = new Map(inserted.map((x) => [x.eventId, x.id]));

  let bad = 0;
  let late = 0;
  for (const e of events) {
    if (!isBadRating(e.level)) continue;
    const ratingId = idOf.get(e.id)!;
    const common = {
      ownerType: 'rating',
      ownerId: ratingId,
      start: e.ratedAt,
      link: `/staff/ratings?focus=${ratingId}`,
      assigneeUserId: clerk?.id ?? null,
    };
    const contact = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify-contact',
      title: `差评回访：${e.label}`,
    });
    const rectify = await startClock(db, actor, {
      ...common,
      profileKey: 'rating.rectify',
      title: `差评整改：${e.label}`,
    });
    const ratedOn = shanghaiDateOf(e.ratedAt);
    // the rater is called back the next working morning
    const contactedAt = at(calendar.addDays(ratedOn, 1, 'working'), `0${r.int(8, 9)}:${r.pick(['10', '30', '45'])}`);
    // the first two of the year set the pattern (on time); after that one in five runs late, if
    // even its late finish lies before today
    const lateOn = calendar.addDays(rectify.dueDate, r.int(2, 6), 'working');
    const runsLate = bad >= 2 && r.next() < 0.2 && lateOn < today;
    const onTimeOn = calendar.addDays(ratedOn, r.int(4, 13), 'working');
    // on time: the earlier of the planned day and the due date (YYYY-MM-DD sorts as dates)
    const rectifiedOn = runsLate ? lateOn : [onTimeOn, rectify.dueDate].sort()[0]!;
    const rectifiedAt = at(rectifiedOn, '16:30');
    await completeClock(db, actor, contact.id, contactedAt);
    await completeClock(db, actor, rectify.id, rectifiedAt);
    await db.insert(ratingRectifications).values({
      ratingId,
      state: 'rectified',
      assigneeUserId: clerk?.id ?? null,
      contactDueDate: contact.dueDate,
      rectifyDueDate: rectify.dueDate,
      contactClockId: contact.id,
      rectifyClockId: rectify.id,
      contactedAt,
      contactNote: r.pick(CONTACT_NOTES),
      rectifiedAt,
      rectifyNote: r.pick(RECTIFY_NOTES[e.type]),
      createdAt: e.ratedAt,
    });
    bad++;
    if (runsLate) late++;
  }
  ctx.print(
    `好差评：${rows.length} 条 ${today.slice(0, 4)} 年评价（差评 ${bad}，逾期整改 ${late}）/ this year's ratings`,
  );
}
