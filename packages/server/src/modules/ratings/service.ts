import {
  addCalendarDays,
  BUREAU_NAME,
  isBadRating,
  type RatingInput,
  shanghaiDateOf,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { notify } from '../notifications/service.ts';
import { getRuleNumber } from '../rules/service.ts';
import { badRatingsRectifiedOnTime, ratingDistribution } from './figures.ts';
import { type RatableEvent, ratableEventResolver, ratableEventTypes } from './registry.ts';
import type { RATING_SORTS } from './schema.ts';
import { ratingRectifications, ratings } from './tables.ts';

export type RatingRow = typeof ratings.$inferSelect;
export type RectificationRow = typeof ratingRectifications.$inferSelect;
export type RatingWithRectification = { r: RatingRow; x: RectificationRow | null };

/** How the rater shows they received the service: a signed-in account, or the phone on record. */
export type RaterProof = { kind: 'user'; user: SessionUser } | { kind: 'phone'; phone: string };

function notRatable(zh: string, en: string): AppError {
  return new AppError('RATING_NOT_RATABLE', { detail: { zh, en } });
}

function isUniqueViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as { code?: string; cause?: unknown };
    if (c.code === '23505') return true;
    cur = c.cause;
  }
  return false;
}

function duplicate(): AppError {
  return new AppError('RATING_DUPLICATE', {
    detail: { zh: '每次服务只能评价一次（一次一评）', en: 'Each service event can be rated once' },
  });
}

/** Who may rate an event and whether its window is open, as rateEvent and the event pages see it. */
type Judgement =
  | { ok: true; raterKind: 'enterprise' | 'citizen' | 'citizen-phone'; enterpriseId: string | null; lastDay: string }
  | { ok: false; state: 'not-yours' | 'not-yet' | 'closed'; lastDay: string | null; error: AppError };

/**
 * The one place that decides whether this rater may rate this event now: only who received the
 * service, only once it is over, only within the window (rule rating.window-days, calendar days
 * from the day it ended). A rating already given is the caller's to check.
 */
function judge(ev: RatableEvent, proof: RaterProof, windowDays: number): Judgement {
  let raterKind: 'enterprise' | 'citizen' | 'citizen-phone';
  let enterpriseId: string | null = null;
  if (proof.kind === 'phone') {
    if (!ev.citizenPhone || ev.citizenPhone !== proof.phone.trim()) {
      return {
        ok: false,
        state: 'not-yours',
        lastDay: null,
        error: notRatable('只有接受服务的群众可以评价', 'Only the citizen who was served may rate'),
      };
    }
    raterKind = 'citizen-phone';
  } else if (isStaff(proof.user)) {
    return {
      ok: false,
      state: 'not-yours',
      lastDay: null,
      error: notRatable('工作人员不能评价自己的服务', 'Staff do not rate services'),
    };
  } else if (
    hasRole(proof.user, 'enterprise') &&
    proof.user.enterpriseId &&
    proof.user.enterpriseId === ev.subjectEnterpriseId
  ) {
    raterKind = 'enterprise';
    enterpriseId = proof.user.enterpriseId;
  } else if (hasRole(proof.user, 'citizen') && ev.subjectCitizenUserId === proof.user.id) {
    raterKind = 'citizen';
  } else {
    return {
      ok: false,
      state: 'not-yours',
      lastDay: null,
      error: new AppError('FORBIDDEN_RECORD', {
        detail: { zh: '只有接受服务的企业或群众可以评价', en: 'Only the enterprise or citizen served may rate' },
      }),
    };
  }
  if (!ev.ratedAt) {
    return {
      ok: false,
      state: 'not-yet',
      lastDay: null,
      error: notRatable('服务尚未办结，办结后才能评价', 'The service is not finished yet'),
    };
  }
  const lastDay = addCalendarDays(shanghaiDateOf(ev.ratedAt), windowDays);
  if (todayInShanghai() > lastDay) {
    return {
      ok: false,
      state: 'closed',
      lastDay,
      error: notRatable(
        `服务办结后 ${windowDays} 日内可以评价，评价期限已于 ${lastDay} 届满`,
        `A service can be rated within ${windowDays} days of its end; the window closed on ${lastDay}`,
      ),
    };
  }
  return { ok: true, raterKind, enterpriseId, lastDay };
}

/**
 * Records one rating of one service event (一次一评). The event's module says whether it is over
 * and who received it; only that enterprise or citizen may rate. A bad rating opens its
 * rectification in the same transaction, with both clocks started and the responsible staff told.
 */
export async function rateEvent(
  db: Db,
  actor: Actor,
  proof: RaterProof,
  eventType: string,
  eventId: string,
  input: RatingInput,
): Promise<RatingWithRectification> {
  const resolver = ratableEventResolver(eventType);
  if (!resolver) throw notRatable(`不能评价的服务类型：${eventType}`, `Unknown service event type: ${eventType}`);
  try {
    return await db.transaction(async (tx) => {
      const ev = await resolver(tx, eventId);
      if (!ev.exists)
        throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '服务记录不存在', en: 'No such service event' } });
      const j = judge(ev, proof, await getRuleNumber(tx, 'rating.window-days'));
      if (!j.ok) throw j.error;
      const { raterKind, enterpriseId } = j;
      const [existing] = await tx
        .select({ id: ratings.id })
        .from(ratings)
        .where(and(eq(ratings.eventType, eventType), eq(ratings.eventId, eventId)));
      if (existing) throw duplicate();
      const now = new Date();
      const [r] = await tx
        .insert(ratings)
        .values({
          eventType,
          eventId,
          label: ev.label,
          labelEn: ev.labelEn,
          level: input.level,
          indicators: input.indicators,
          comment: input.comment ?? null,
          raterKind,
          raterUserId: proof.kind === 'user' ? proof.user.id : null,
          enterpriseId: enterpriseId ?? ev.subjectEnterpriseId ?? null,
          staffUserId: ev.staffUserIds[0] ?? null,
          createdAt: now,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'rating.create', entityType: 'rating', entityId: r!.id, after: r });
      let x: RectificationRow | null = null;
      if (isBadRating(input.level)) x = await openRectification(tx, actor, r!, now);
      return { r: r!, x };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
}

async function openRectification(tx: Tx, actor: Actor, r: RatingRow, now: Date): Promise<RectificationRow> {
  const assignee = r.staffUserId;
  const common = {
    ownerType: 'rating',
    ownerId: r.id,
    start: now,
    link: `/staff/ratings?focus=${r.id}`,
    assigneeUserId: assignee,
    assigneeRole: assignee ? null : ('leader' as const),
    enterpriseId: r.enterpriseId,
  };
  const contact = await startClock(tx, actor, {
    ...common,
    profileKey: 'rating.rectify-contact',
    title: `差评回访：${r.label}`,
  });
  const rectify = await startClock(tx, actor, {
    ...common,
    profileKey: 'rating.rectify',
    title: `差评整改：${r.label}`,
  });
  const [x] = await tx
    .insert(ratingRectifications)
    .values({
      ratingId: r.id,
      assigneeUserId: assignee,
      contactDueDate: contact.dueDate,
      rectifyDueDate: rectify.dueDate,
      contactClockId: contact.id,
      rectifyClockId: rectify.id,
    })
    .returning();
  await recordAudit(tx, actor, { action: 'rating.rectification-open', entityType: 'rating', entityId: r.id, after: x });
  if (assignee) {
    await notify(tx, {
      userId: assignee,
      kind: 'rating.bad',
      title: `收到差评：${r.label}`,
      // 暂定: the date runs into a year without the holiday notice (clocks/README)
      body: `请于 ${contact.dueDate}${contact.provisional ? '（暂定）' : ''} 前回访评价人，${rectify.dueDate}${rectify.provisional ? '（暂定）' : ''} 前完成整改。评价意见：${r.comment ?? '（无）'}`,
      en: {
        title: `Bad rating received: ${r.labelEn ?? r.label}`,
        body: `Please contact the rater by ${contact.dueDate}${contact.provisional ? ' (provisional)' : ''} and complete the rectification by ${rectify.dueDate}${rectify.provisional ? ' (provisional)' : ''}. Rater’s comment: ${r.comment ?? '(none)'}`,
      },
      link: `/staff/ratings?focus=${r.id}`,
    });
  }
  return x!;
}

async function lockRectification(tx: Tx, ratingId: string): Promise<{ r: RatingRow; x: RectificationRow }> {
  const [r] = await tx.select().from(ratings).where(eq(ratings.id, ratingId));
  if (!r) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '评价不存在', en: 'No such rating' } });
  const [x] = await tx
    .select()
    .from(ratingRectifications)
    .where(eq(ratingRectifications.ratingId, ratingId))
    .for('update');
  if (!x) throw conflict('该评价不是差评，无需整改', 'This rating is not bad; nothing to rectify');
  return { r, x };
}

function conflict(zh: string, en: string): AppError {
  return new AppError('RATING_STATE_CONFLICT', { detail: { zh, en } });
}

async function finishClock(tx: Tx, actor: Actor, id: string | null, at: Date) {
  if (!id) return;
  try {
    await completeClock(tx, actor, id, at);
  } catch (e) {
    // already completed (e.g. voided then decided again) is not an error for the rating
    if (!(e instanceof AppError && e.code === 'CLOCK_STATE_CONFLICT')) throw e;
  }
}

export type RectifyAction =
  | { action: 'contact'; note: string }
  | { action: 'rectify'; note: string }
  | { action: 'appeal'; note: string }
  | {
      action: 'decide-appeal';
      upheld: boolean;
      note: string;
      reviewingBody: string;
      referenceNo?: string | undefined;
    };

/**
 * 国办发〔2019〕51号 asks for a 申诉复核 mechanism to exclude mistaken or malicious ratings: the
 * rated bureau does not clear its own bad rating. Its leader records the decision of a reviewing
 * body outside the bureau (the county's 政务服务管理机构 or the body the local scheme names).
 */
function isOwnBureau(body: string): boolean {
  const b = body.replace(/\s/g, '');
  return b === '本局' || b === BUREAU_NAME || b.includes('上栗生态环境局') || b.includes('上栗县生态环境局');
}

/**
 * The follow-up of a bad rating: contact the rater (回访), rectify (整改), and an appeal against
 * a malicious rating (申诉) decided by a leader; an upheld appeal excludes the rating from the
 * bad-rating figures and stops its clocks.
 */
export async function actOnRectification(
  db: Db,
  user: SessionUser,
  actor: Actor,
  ratingId: string,
  a: RectifyAction,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const { r, x } = await lockRectification(tx, ratingId);
    if (x.state === 'void' || x.state === 'rectified') {
      throw conflict('该差评已整改完毕或已排除', 'This bad rating is already rectified or excluded');
    }
    const set: Partial<typeof ratingRectifications.$inferInsert> = {};
    switch (a.action) {
      case 'contact':
        if (x.state !== 'open') throw conflict('已回访过', 'Already contacted');
        set.state = 'contacted';
        set.contactedAt = now;
        set.contactNote = a.note;
        await finishClock(tx, actor, x.contactClockId, now);
        break;
      case 'rectify':
        if (x.state !== 'contacted')
          throw conflict('请先回访评价人，再登记整改结果', 'Contact the rater before recording the rectification');
        if (x.appealState === 'pending') throw conflict('申诉审核中，暂不能登记整改', 'An appeal is pending');
        set.state = 'rectified';
        set.rectifiedAt = now;
        set.rectifyNote = a.note;
        await finishClock(tx, actor, x.rectifyClockId, now);
        break;
      case 'appeal':
        if (x.appealState !== 'none') throw conflict('每条差评只能申诉一次', 'A bad rating can be appealed once');
        set.appealState = 'pending';
        set.appealReason = a.note;
        set.appealedAt = now;
        break;
      case 'decide-appeal':
        if (!hasRole(user, 'leader', 'admin')) {
          throw new AppError('FORBIDDEN_ROLE', {
            detail: { zh: '申诉由局领导审核', en: 'Appeals are decided by a leader' },
          });
        }
        if (x.appealState !== 'pending') throw conflict('没有待审核的申诉', 'No pending appeal');
        if (isOwnBureau(a.reviewingBody)) {
          throw new AppError('VALIDATION_FAILED', {
            errors: [
              {
                path: 'reviewingBody',
                message: {
                  zh: '差评申诉须由本局以外的复核机构审核（如县政务服务管理机构），本局不能自行认定',
                  en: 'An appeal is reviewed by a body outside the rated bureau, not by the bureau itself',
                },
              },
            ],
          });
        }
        set.appealState = a.upheld ? 'upheld' : 'rejected';
        set.appealReviewingBody = a.reviewingBody;
        set.appealReferenceNo = a.referenceNo ?? null;
        set.appealDecisionNote = a.note;
        set.appealDecidedBy = actor.id;
        set.appealDecidedAt = now;
        if (a.upheld) {
          set.state = 'void';
          if (x.state === 'open') await finishClock(tx, actor, x.contactClockId, now);
          await finishClock(tx, actor, x.rectifyClockId, now);
        }
        break;
    }
    const [after] = await tx.update(ratingRectifications).set(set).where(eq(ratingRectifications.id, x.id)).returning();
    await recordAudit(tx, actor, {
      action: `rating.${a.action}`,
      entityType: 'rating',
      entityId: r.id,
      before: x,
      after,
    });
    return { r, x: after! };
  });
}

export type RatingFilter = {
  eventType?: string | undefined;
  level?: number | undefined;
  bad?: boolean | undefined;
  state?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function conditions(user: SessionUser | null, f: RatingFilter): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: ratings.enterpriseId, person: ratings.raterUserId });
  if (own) where.push(own);
  if (f.eventType) where.push(eq(ratings.eventType, f.eventType));
  if (f.level) where.push(eq(ratings.level, f.level));
  if (f.bad !== undefined) where.push(f.bad ? sql`${ratings.level} <= 2` : sql`${ratings.level} > 2`);
  if (f.state) where.push(eq(ratingRectifications.state, f.state));
  if (f.from) where.push(gte(ratings.createdAt, f.from));
  if (f.to) where.push(lt(ratings.createdAt, f.to));
  return where.length ? and(...where) : undefined;
}

export async function listRatings(
  db: Db,
  user: SessionUser | null,
  f: RatingFilter,
  sort: (typeof RATING_SORTS)[number],
  paging: PageRequest,
) {
  const cond = conditions(user, f);
  const dir = sort.startsWith('-') ? desc : asc;
  const col = sort.endsWith('level') ? ratings.level : ratings.createdAt;
  return paginate(
    paging,
    (limit, offset) =>
      db
        .select({ r: ratings, x: ratingRectifications })
        .from(ratings)
        .leftJoin(ratingRectifications, eq(ratingRectifications.ratingId, ratings.id))
        .where(cond)
        .orderBy(dir(col), asc(ratings.id))
        .limit(limit)
        .offset(offset),
    async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(ratings)
          .leftJoin(ratingRectifications, eq(ratingRectifications.ratingId, ratings.id))
          .where(cond)
      )[0]?.n ?? 0,
  );
}

export async function getRating(db: Tx, user: SessionUser | null, id: string): Promise<RatingWithRectification> {
  const [row] = await db
    .select({ r: ratings, x: ratingRectifications })
    .from(ratings)
    .leftJoin(ratingRectifications, eq(ratingRectifications.ratingId, ratings.id))
    .where(eq(ratings.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: '评价不存在', en: 'No such rating' } });
  if (!canReadRating(user, row.r)) throw new AppError('FORBIDDEN_RECORD');
  return row;
}

function canReadRating(user: SessionUser | null, r: RatingRow): boolean {
  return isStaff(user) || !!(user?.enterpriseId && r.enterpriseId === user.enterpriseId) || r.raterUserId === user?.id;
}

/** The rating of an event, if any (for the event's own page). */
export async function ratingOfEvent(
  db: Tx,
  eventType: string,
  eventId: string,
): Promise<RatingWithRectification | null> {
  const [row] = await db
    .select({ r: ratings, x: ratingRectifications })
    .from(ratings)
    .leftJoin(ratingRectifications, eq(ratingRectifications.ratingId, ratings.id))
    .where(and(eq(ratings.eventType, eventType), eq(ratings.eventId, eventId)));
  return row ?? null;
}

export const EVENT_RATING_STATES = ['rated', 'open', 'closed', 'not-yet', 'not-yours'] as const;
export type EventRatingState = {
  eventId: string;
  /**
   * rated: the rating given (readable by this user); open: this user may rate it until `lastDay`;
   * closed: the window ended on `lastDay`; not-yet: the service is not over; not-yours: this user
   * did not receive it (or it does not exist, or another's rating of it is not theirs to read).
   */
  state: (typeof EVENT_RATING_STATES)[number];
  lastDay: string | null;
  rating: RatingWithRectification | null;
};

/**
 * Whether the signed-in user may rate each of these events now, or the rating they gave: the
 * same judgement rateEvent makes, so an event's page offers 评价 exactly when the server would
 * accept it.
 */
export async function eventRatingStates(
  db: Db,
  user: SessionUser,
  eventType: string,
  eventIds: readonly string[],
): Promise<EventRatingState[]> {
  const resolver = ratableEventResolver(eventType);
  if (!resolver) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'eventType',
          message: { zh: `不能评价的服务类型：${eventType}`, en: `Unknown service event type: ${eventType}` },
        },
      ],
    });
  }
  const ids = [...new Set(eventIds)];
  return db.transaction(async (tx) => {
    const given = ids.length
      ? await tx
          .select({ r: ratings, x: ratingRectifications })
          .from(ratings)
          .leftJoin(ratingRectifications, eq(ratingRectifications.ratingId, ratings.id))
          .where(and(eq(ratings.eventType, eventType), inArray(ratings.eventId, ids)))
      : [];
    const byEvent = new Map(given.map((g) => [g.r.eventId, g]));
    const windowDays = await getRuleNumber(tx, 'rating.window-days');
    const out: EventRatingState[] = [];
    for (const eventId of ids) {
      const rated = byEvent.get(eventId);
      if (rated) {
        out.push(
          canReadRating(user, rated.r)
            ? { eventId, state: 'rated', lastDay: null, rating: rated }
            : { eventId, state: 'not-yours', lastDay: null, rating: null },
        );
        continue;
      }
      const ev = await resolver(tx, eventId);
      if (!ev.exists) {
        out.push({ eventId, state: 'not-yours', lastDay: null, rating: null });
        continue;
      }
      const j = judge(ev, { kind: 'user', user }, windowDays);
      out.push({ eventId, state: j.ok ? 'open' : j.state, lastDay: j.lastDay, rating: null });
    }
    return out;
  });
}

/**
 * The same judgement for the citizen who proves herself with the phone on record (a look-up by
 * code and phone): whether she may rate the event now and until when, or since when she no longer
 * may, so the look-up page offers 评价 exactly when POST …/rating would accept it.
 */
export async function eventRatingStateByPhone(
  db: Db,
  eventType: string,
  eventId: string,
  phone: string,
): Promise<Pick<EventRatingState, 'state' | 'lastDay'>> {
  const resolver = ratableEventResolver(eventType);
  if (!resolver) throw notRatable(`不能评价的服务类型：${eventType}`, `Unknown service event type: ${eventType}`);
  return db.transaction(async (tx) => {
    const [given] = await tx
      .select({ id: ratings.id })
      .from(ratings)
      .where(and(eq(ratings.eventType, eventType), eq(ratings.eventId, eventId)));
    if (given) return { state: 'rated', lastDay: null };
    const ev = await resolver(tx, eventId);
    if (!ev.exists) return { state: 'not-yours', lastDay: null };
    const j = judge(ev, { kind: 'phone', phone }, await getRuleNumber(tx, 'rating.window-days'));
    return { state: j.ok ? 'open' : j.state, lastDay: j.lastDay };
  });
}

export type RatingSummary = {
  distribution: { level: number; count: number }[];
  bad: number;
  /** bad ratings rectified or past their due date: the on-time share's denominator */
  due: number;
  rectifiedOnTime: number;
  eventTypes: string[];
};

/** The level distribution and the on-time rectification of bad ratings given in [from, to). */
export async function ratingSummary(db: Db, from: Date, to: Date): Promise<RatingSummary> {
  const [distribution, share] = await Promise.all([
    ratingDistribution(db, from, to),
    badRatingsRectifiedOnTime(db, from, to),
  ]);
  return { distribution, ...share, eventTypes: ratableEventTypes() };
}
