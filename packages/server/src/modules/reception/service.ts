import {
  type AttendanceCreate,
  bookingIssueMessage,
  CONCERN_CATEGORY_LABELS,
  type ConcernAnswer,
  type ConcernCategory,
  type ConcernCreate,
  checkBooking,
  type EnterpriseBooking,
  maskPhone,
  type PetitionType,
  type PublicBooking,
  RECEPTION_RULE_KEYS,
  type ReceptionCaseSort,
  type ReceptionKind,
  type ReceptionSessionCreate,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, count, desc, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { paginate } from '../../shared/paginate.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { assertPublicBookingLimits } from '../booking-limits/service.ts';
import { completeClock, startClock } from '../clocks/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify } from '../notifications/service.ts';
import { createPetition } from '../petitions/service.ts';
import { consumePhoneCode, requirePhoneCode } from '../phone-codes/service.ts';
import { getRule, getRuleNumber } from '../rules/service.ts';
import type { CONCERN_SORTS } from './schema.ts';
import { receptionAttendances, receptionBookings, receptionConcerns, receptionSessions } from './tables.ts';

export type SessionRow = typeof receptionSessions.$inferSelect;
export type ConcernRow = typeof receptionConcerns.$inferSelect;

/** Midday of a Shanghai date: a safe instant for clocks that start "on that day". */
export function shanghaiNoon(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}

function notFound(zh: string, en: string): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh, en } });
}

function changed(): AppError {
  return new AppError('RECORD_CHANGED');
}

async function lockSession(tx: Tx, id: string): Promise<SessionRow> {
  const [row] = await tx.select().from(receptionSessions).where(eq(receptionSessions.id, id)).for('update');
  if (!row) throw notFound('接待日不存在', 'No such reception day');
  return row;
}

export async function getSessionRow(db: Tx, id: string): Promise<SessionRow> {
  const [row] = await db.select().from(receptionSessions).where(eq(receptionSessions.id, id));
  if (!row) throw notFound('接待日不存在', 'No such reception day');
  return row;
}

export async function createSession(db: Db, actor: Actor, input: ReceptionSessionCreate): Promise<SessionRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(receptionSessions)
      .values({
        kind: input.kind,
        date: input.date,
        leaderName: input.leaderName,
        leaderUserId: input.leaderUserId ?? null,
        sections: input.sections,
        location: input.location ?? null,
        note: input.note ?? null,
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('RECEPTION_SESSION_EXISTS', {
        detail: {
          zh: `${input.date} 已安排同类接待日`,
          en: `A reception day of this kind already exists on ${input.date}`,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: 'reception.session.create',
      entityType: 'reception-session',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function patchSession(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<Pick<ReceptionSessionCreate, 'leaderName' | 'leaderUserId' | 'sections' | 'location' | 'note'>>,
): Promise<SessionRow> {
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, id);
    const [after] = await tx
      .update(receptionSessions)
      .set({
        ...(input.leaderName !== undefined ? { leaderName: input.leaderName } : {}),
        ...(input.leaderUserId !== undefined ? { leaderUserId: input.leaderUserId } : {}),
        ...(input.sections !== undefined ? { sections: input.sections } : {}),
        ...(input.location !== undefined ? { location: input.location } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        version: before.version + 1,
      })
      .where(eq(receptionSessions.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.session.update',
      entityType: 'reception-session',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export type SessionFilter = { kind?: ReceptionKind | undefined; from?: string | undefined; to?: string | undefined };

export async function listSessions(db: Db, f: SessionFilter, sort: 'date' | '-date', page: number, pageSize: number) {
  const where: SQL[] = [];
  if (f.kind) where.push(eq(receptionSessions.kind, f.kind));
  if (f.from) where.push(gte(receptionSessions.date, f.from));
  if (f.to) where.push(lte(receptionSessions.date, f.to));
  const cond = where.length ? and(...where) : undefined;
  const s = receptionSessions;
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({
          session: s,
          bookedEnterprises: sql<number>`(select count(distinct b.enterprise_id)::int from reception_bookings b where b.session_id = reception_sessions.id and b.status = 'booked')`,
          bookings: sql<number>`(select count(*)::int from reception_bookings b where b.session_id = reception_sessions.id and b.status = 'booked')`,
          people: sql<number>`(select count(*)::int from reception_attendances a where a.session_id = reception_sessions.id)`,
          enterprisesReceived: sql<number>`(select count(distinct a.enterprise_id)::int from reception_attendances a where a.session_id = reception_sessions.id)`,
          concerns: sql<number>`(select count(*)::int from reception_concerns c where c.session_id = reception_sessions.id)`,
        })
        .from(s)
        .where(cond)
        .orderBy(sort === 'date' ? asc(s.date) : desc(s.date), asc(s.kind))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(s).where(cond))[0]?.n ?? 0,
  );
}

type Caps = { maxEnterprisesPerDay: number; maxPeoplePerEnterprise: number };

async function capsFor(tx: Tx, on: string): Promise<Caps> {
  // in sequence: tx may be a transaction's single connection (see appointments syncSlots)
  const a = await getRule(tx, RECEPTION_RULE_KEYS.maxEnterprisesPerDay, on);
  const b = await getRule(tx, RECEPTION_RULE_KEYS.maxPeoplePerEnterprise, on);
  return { maxEnterprisesPerDay: Number(a.value), maxPeoplePerEnterprise: Number(b.value) };
}

function refuse(issue: NonNullable<ReturnType<typeof checkBooking>>): never {
  const detail = bookingIssueMessage(issue);
  const code =
    issue.rule === 'past-date' || issue.rule === 'wrong-kind' ? 'RECEPTION_BOOKING_CLOSED' : 'RECEPTION_CAP_REACHED';
  throw new AppError(code, { detail, extra: { rule: issue.rule } });
}

export type BookingRow = typeof receptionBookings.$inferSelect;

/**
 * An enterprise books a place. The session row is locked first, so two bookings racing for the
 * last place are serialised and the cap holds.
 */
export async function bookEnterprise(
  db: Db,
  user: SessionUser,
  actor: Actor,
  sessionId: string,
  input: EnterpriseBooking,
  now: Date = new Date(),
): Promise<BookingRow> {
  let enterpriseId: string;
  if (isStaff(user)) {
    if (!input.enterpriseId) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'enterpriseId', message: { zh: '请选择企业', en: 'choose the enterprise' } }],
      });
    }
    enterpriseId = input.enterpriseId;
  } else {
    if (!user.enterpriseId) throw new AppError('FORBIDDEN_RECORD');
    if (input.enterpriseId && input.enterpriseId !== user.enterpriseId) {
      throw new AppError('FORBIDDEN_RECORD', {
        detail: { zh: '只能为本企业预约', en: 'You may only book for your own enterprise' },
      });
    }
    enterpriseId = user.enterpriseId;
  }
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!ent) throw notFound('企业不存在', 'No such enterprise');
    const booked = await tx
      .select({ enterpriseId: receptionBookings.enterpriseId })
      .from(receptionBookings)
      .where(and(eq(receptionBookings.sessionId, sessionId), eq(receptionBookings.status, 'booked')));
    const others = new Set(booked.map((b) => b.enterpriseId).filter((e) => e && e !== enterpriseId));
    const issue = checkBooking({
      sessionKind: session.kind as ReceptionKind,
      sessionDate: session.date,
      today: todayInShanghai(now),
      bookingKind: 'enterprise',
      enterprisesBooked: others.size,
      alreadyBooked: booked.some((b) => b.enterpriseId === enterpriseId),
      people: input.people.length,
      caps: await capsFor(tx, session.date),
    });
    if (issue) refuse(issue);
    const [row] = await tx
      .insert(receptionBookings)
      .values({
        sessionId,
        enterpriseId,
        people: input.people,
        peopleCount: input.people.length,
        contactPhone: input.contactPhone ?? null,
        concern: input.concern,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.booking.create',
      entityType: 'reception-booking',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function bookPublic(
  db: Db,
  user: SessionUser | null,
  actor: Actor,
  sessionId: string,
  input: PublicBooking,
  now: Date = new Date(),
): Promise<BookingRow> {
  const publicBooker = !isStaff(user);
  const codeId = publicBooker ? await requirePhoneCode(db, user, input.phone, input.phoneCode, now) : null;
  return db.transaction(async (tx) => {
    // the booker's locks first, then the session's, in every booking path (no lock cycles)
    if (publicBooker) await assertPublicBookingLimits(tx, { phone: input.phone, clientIp: actor.ip }, now);
    const session = await lockSession(tx, sessionId);
    const issue = checkBooking({
      sessionKind: session.kind as ReceptionKind,
      sessionDate: session.date,
      today: todayInShanghai(now),
      bookingKind: 'public',
      enterprisesBooked: 0,
      alreadyBooked: false,
      people: input.people,
      caps: { maxEnterprisesPerDay: Number.POSITIVE_INFINITY, maxPeoplePerEnterprise: Number.POSITIVE_INFINITY },
    });
    if (issue) refuse(issue);
    // A public day had no cap: one person with invented numbers could fill it. The session row is
    // locked, so parallel bookings of the last places are counted one after another.
    const maxPeople = await getRuleNumber(tx, 'reception.max-public-people-per-day');
    const [taken] = await tx
      .select({ n: sql<number>`coalesce(sum(${receptionBookings.peopleCount}), 0)::int` })
      .from(receptionBookings)
      .where(and(eq(receptionBookings.sessionId, sessionId), eq(receptionBookings.status, 'booked')));
    const booked = taken?.n ?? 0;
    if (booked + input.people > maxPeople) {
      throw new AppError('BOOKING_LIMIT', {
        detail: {
          zh: `本次群众接待日最多接待 ${maxPeople} 人，已预约 ${booked} 人，余下名额不足 ${input.people} 人；请选择其他接待日`,
          en: `This public day takes at most ${maxPeople} people; ${booked} are booked, fewer than ${input.people} places remain. Choose another day`,
        },
        extra: { rule: 'reception.max-public-people-per-day' },
      });
    }
    const [dup] = await tx
      .select({ id: receptionBookings.id })
      .from(receptionBookings)
      .where(
        and(
          eq(receptionBookings.sessionId, sessionId),
          eq(receptionBookings.citizenPhone, input.phone),
          eq(receptionBookings.status, 'booked'),
        ),
      );
    if (dup) {
      throw new AppError('RECEPTION_CAP_REACHED', {
        detail: { zh: '该手机号已预约本次接待日', en: 'This phone number has already booked this day' },
        extra: { rule: 'already-booked' },
      });
    }
    if (codeId) await consumePhoneCode(tx, codeId, now);
    const [row] = await tx
      .insert(receptionBookings)
      .values({
        sessionId,
        citizenName: input.name,
        citizenPhone: input.phone,
        citizenUserId: user && hasRole(user, 'citizen') ? user.id : null,
        people: [input.name],
        peopleCount: input.people,
        concern: input.concern,
        createdBy: actor.id,
        clientIp: actor.ip,
        createdAt: now,
      })
      .returning();
    // the audit keeps the phone masked: the booking row itself is the record of it
    await recordAudit(tx, actor, {
      action: 'reception.booking.create',
      entityType: 'reception-booking',
      entityId: row!.id,
      after: { ...row, citizenPhone: maskPhone(input.phone) },
    });
    return row!;
  });
}

export async function cancelBooking(db: Db, user: SessionUser, actor: Actor, id: string): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    const [b] = await tx.select().from(receptionBookings).where(eq(receptionBookings.id, id)).for('update');
    if (!b) throw notFound('预约不存在', 'No such booking');
    const own =
      (b.enterpriseId && user.enterpriseId === b.enterpriseId && hasRole(user, 'enterprise')) ||
      (b.citizenUserId && b.citizenUserId === user.id);
    if (!isStaff(user) && !own) throw new AppError('FORBIDDEN_RECORD');
    if (b.status !== 'booked')
      throw new AppError('CONCERN_STATE', { detail: { zh: '预约已取消', en: 'The booking is already cancelled' } });
    const [after] = await tx
      .update(receptionBookings)
      .set({ status: 'cancelled' })
      .where(eq(receptionBookings.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.booking.cancel',
      entityType: 'reception-booking',
      entityId: id,
      after: { status: 'cancelled' },
    });
    return after!;
  });
}

/** The session's bookings: the cancelled ones too for staff, only the live ones for anyone else. */
export async function sessionBookings(db: Tx, sessionId: string, staff: boolean) {
  return db
    .select({ b: receptionBookings, enterpriseName: enterprises.name })
    .from(receptionBookings)
    .leftJoin(enterprises, eq(enterprises.id, receptionBookings.enterpriseId))
    .where(and(eq(receptionBookings.sessionId, sessionId), staff ? undefined : eq(receptionBookings.status, 'booked')))
    .orderBy(asc(receptionBookings.createdAt), asc(receptionBookings.seq));
}

/**
 * A reception day as its page shows it: the bookings for everyone (see toBookingView for what a
 * non-staff reader sees of them); who came and the concerns raised, for staff only.
 */
export async function sessionDetail(db: Db, user: SessionUser | null, id: string) {
  const session = await getSessionRow(db, id);
  const staff = isStaff(user);
  const bookings = await sessionBookings(db, session.id, staff);
  if (!staff) return { session, staff, bookings, attendances: null, concerns: null };
  const [attendances, concerns] = await Promise.all([
    sessionAttendances(db, session.id),
    sessionConcerns(db, session.id),
  ]);
  return { session, staff, bookings, attendances, concerns };
}

export async function sessionAttendances(db: Tx, sessionId: string) {
  return db
    .select({ a: receptionAttendances, enterpriseName: enterprises.name })
    .from(receptionAttendances)
    .leftJoin(enterprises, eq(enterprises.id, receptionAttendances.enterpriseId))
    .where(eq(receptionAttendances.sessionId, sessionId))
    .orderBy(asc(receptionAttendances.createdAt), asc(receptionAttendances.personName), asc(receptionAttendances.seq));
}

function assertHeld(session: SessionRow, now: Date) {
  if (session.date > todayInShanghai(now)) {
    throw new AppError('RECEPTION_SESSION_NOT_HELD', {
      detail: {
        zh: `接待日 ${session.date} 尚未举行`,
        en: `The reception day ${session.date} has not taken place yet`,
      },
    });
  }
}

/** Who came: one row per person, from a booking or walking in. */
export async function recordAttendance(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: AttendanceCreate,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    assertHeld(session, now);
    let enterpriseId = input.enterpriseId ?? null;
    if (input.bookingId) {
      const [b] = await tx.select().from(receptionBookings).where(eq(receptionBookings.id, input.bookingId));
      if (!b || b.sessionId !== sessionId)
        throw notFound('该接待日没有这条预约', 'No such booking for this reception day');
      if (enterpriseId && b.enterpriseId !== enterpriseId) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: 'enterpriseId', message: { zh: '与预约的企业不一致', en: 'differs from the booking' } }],
        });
      }
      enterpriseId = b.enterpriseId;
    }
    if (session.kind === 'enterprise' && !enterpriseId) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'enterpriseId',
            message: { zh: '企业接待日须选择企业', en: 'an enterprise day needs the enterprise' },
          },
        ],
      });
    }
    if (enterpriseId) {
      const [ent] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId));
      if (!ent) throw notFound('企业不存在', 'No such enterprise');
    }
    const rows = await tx
      .insert(receptionAttendances)
      .values(
        input.people.map((p) => ({
          sessionId,
          enterpriseId,
          bookingId: input.bookingId ?? null,
          personName: p.name,
          phone: p.phone ?? null,
          walkIn: !input.bookingId,
          createdBy: actor.id,
        })),
      )
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.attendance.record',
      entityType: 'reception-session',
      entityId: sessionId,
      after: rows.map((r) => ({ id: r.id, enterpriseId: r.enterpriseId, personName: r.personName, walkIn: r.walkIn })),
    });
    return rows;
  });
}

export async function deleteAttendance(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(receptionAttendances).where(eq(receptionAttendances.id, id)).returning();
    if (!row) throw notFound('到场记录不存在', 'No such attendance');
    await recordAudit(tx, actor, {
      action: 'reception.attendance.delete',
      entityType: 'reception-session',
      entityId: row.sessionId,
      before: row,
    });
  });
}

async function lockConcern(tx: Tx, id: string): Promise<ConcernRow> {
  const [row] = await tx.select().from(receptionConcerns).where(eq(receptionConcerns.id, id)).for('update');
  if (!row) throw notFound('诉求不存在', 'No such concern');
  return row;
}

function stateError(zh: string, en: string): AppError {
  return new AppError('CONCERN_STATE', { detail: { zh, en } });
}

export async function raiseConcern(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: ConcernCreate,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    assertHeld(session, now);
    if (session.kind === 'enterprise' && !input.enterpriseId) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: 'enterpriseId',
            message: { zh: '企业接待日须选择企业', en: 'an enterprise day needs the enterprise' },
          },
        ],
      });
    }
    if (input.enterpriseId) {
      // a concern counts toward the figures of the enterprises received, so its enterprise must have come
      const [came] = await tx
        .select({ id: receptionAttendances.id })
        .from(receptionAttendances)
        .where(
          and(eq(receptionAttendances.sessionId, sessionId), eq(receptionAttendances.enterpriseId, input.enterpriseId)),
        )
        .limit(1);
      if (!came) {
        throw new AppError('RECEPTION_NOT_ATTENDED', {
          detail: { zh: '请先登记该企业的到场人员', en: 'Record who came from this enterprise first' },
        });
      }
    }
    const [row] = await tx
      .insert(receptionConcerns)
      .values({
        sessionId,
        enterpriseId: input.enterpriseId ?? null,
        raisedBy: input.raisedBy,
        category: input.category,
        description: input.description,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.concern.create',
      entityType: 'reception-concern',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

/**
 * The answer at the session. Accepted concerns get a follow-up owner and a clock (profile
 * 'reception.concern') that starts on the reception day.
 */
export async function answerConcern(db: Db, actor: Actor, id: string, input: ConcernAnswer, now: Date = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockConcern(tx, id);
    if (before.version !== input.version) throw changed();
    if (before.answeredAt) throw stateError('该诉求已答复', 'The concern has already been answered');
    const session = await getSessionRow(tx, before.sessionId);
    let clockId: string | null = null;
    let dueDate: string | null = null;
    if (input.accepted) {
      const clock = await startClock(tx, actor, {
        ownerType: 'reception-concern',
        ownerId: id,
        profileKey: 'reception.concern',
        start: shanghaiNoon(session.date),
        title: `接待日诉求：${CONCERN_CATEGORY_LABELS[before.category as ConcernCategory]?.zh ?? before.category}（${before.raisedBy}）`,
        link: `/staff/reception/concerns/${id}`,
        assigneeUserId: input.followUpUserId ?? null,
        assigneeRole: input.followUpUserId ? null : 'clerk',
        enterpriseId: before.enterpriseId,
      });
      clockId = clock.id;
      dueDate = clock.dueDate;
      if (input.followUpUserId) {
        await notify(tx, {
          userId: input.followUpUserId,
          kind: 'reception.concern.assigned',
          title: '接待日诉求待办理',
          body: `${before.description.slice(0, 200)}（期限 ${dueDate}${clock.provisional ? '，暂定' : ''}）`,
          en: {
            title: 'A reception-day concern to follow up',
            body: `${before.description.slice(0, 200)} (due ${dueDate}${clock.provisional ? ', provisional' : ''})`,
          },
          link: `/staff/reception/concerns/${id}`,
        });
      }
    }
    const [after] = await tx
      .update(receptionConcerns)
      .set({
        answer: input.answer,
        accepted: input.accepted,
        answeredAt: now,
        followUpUserId: input.accepted ? (input.followUpUserId ?? null) : null,
        followUpName: input.accepted ? (input.followUpName ?? null) : null,
        clockId,
        dueDate,
        status: input.accepted ? 'open' : 'not-accepted',
        version: before.version + 1,
      })
      .where(eq(receptionConcerns.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'reception.concern.answer',
      entityType: 'reception-concern',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function resolveConcern(
  db: Db,
  actor: Actor,
  id: string,
  input: { resolution: string; version: number },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await lockConcern(tx, id);
    if (before.version !== input.version) throw changed();
    if (before.status !== 'open' || before.accepted !== true) {
      throw stateError('只有已受理、办理中的诉求可以办结', 'Only an accepted, open concern can be resolved');
    }
    if (before.clockId) await completeClock(tx, actor, before.clockId, now);
    const [after] = await tx
      .update(receptionConcerns)
      .set({ status: 'resolved', resolution: input.resolution, resolvedAt: now, version: before.version + 1 })
      .where(eq(receptionConcerns.id, id))
      .returning();
    if (before.enterpriseId) {
      await notify(tx, {
        enterpriseId: before.enterpriseId,
        kind: 'reception.concern.resolved',
        title: '您在接待日提出的问题已办结',
        body: input.resolution.slice(0, 300),
        en: { title: 'Your reception-day concern is resolved', body: input.resolution.slice(0, 300) },
        link: '/enterprise/reception',
      });
    }
    await recordAudit(tx, actor, {
      action: 'reception.concern.resolve',
      entityType: 'reception-concern',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function publishConcern(
  db: Db,
  actor: Actor,
  id: string,
  input: { published: boolean; caseTitle?: string | undefined; version: number },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await lockConcern(tx, id);
    if (before.version !== input.version) throw changed();
    if (input.published && !before.answer)
      throw stateError('答复后才能作为案例公开', 'Only an answered concern can be published');
    const title = input.caseTitle ?? before.caseTitle;
    if (input.published && !title) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'caseTitle', message: { zh: '请填写案例标题', en: 'a case title is required' } }],
      });
    }
    const [after] = await tx
      .update(receptionConcerns)
      .set({
        published: input.published,
        caseTitle: title ?? null,
        publishedAt: input.published ? now : null,
        version: before.version + 1,
      })
      .where(eq(receptionConcerns.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: input.published ? 'reception.concern.publish' : 'reception.concern.unpublish',
      entityType: 'reception-concern',
      entityId: id,
      before: { published: before.published, caseTitle: before.caseTitle },
      after: { published: after!.published, caseTitle: after!.caseTitle },
    });
    return after!;
  });
}

/** Links a concern to the petition made from it (the petition module creates the petition). */
export async function linkPetition(tx: Tx, actor: Actor, id: string, petitionId: string) {
  const before = await lockConcern(tx, id);
  if (before.petitionId) throw stateError('该诉求已转为信访件', 'The concern has already been turned into a petition');
  const [after] = await tx
    .update(receptionConcerns)
    .set({ petitionId, version: before.version + 1 })
    .where(eq(receptionConcerns.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'reception.concern.to-petition',
    entityType: 'reception-concern',
    entityId: id,
    after: { petitionId },
  });
  return after!;
}

export type ConcernFilter = {
  status?: string | undefined;
  category?: string | undefined;
  enterpriseId?: string | undefined;
  sessionId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  overdue?: boolean | undefined;
};

export function concernConditions(user: SessionUser | null, f: ConcernFilter, today: string): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: receptionConcerns.enterpriseId });
  if (own) where.push(own);
  if (f.status) where.push(eq(receptionConcerns.status, f.status));
  if (f.category) where.push(eq(receptionConcerns.category, f.category));
  if (f.enterpriseId) where.push(eq(receptionConcerns.enterpriseId, f.enterpriseId));
  if (f.sessionId) where.push(eq(receptionConcerns.sessionId, f.sessionId));
  if (f.from) where.push(gte(receptionSessions.date, f.from));
  if (f.to) where.push(lte(receptionSessions.date, f.to));
  if (f.overdue)
    where.push(
      and(
        eq(receptionConcerns.status, 'open'),
        isNotNull(receptionConcerns.dueDate),
        sql`${receptionConcerns.dueDate} < ${today}`,
      )!,
    );
  return where.length ? and(...where) : undefined;
}

export async function listConcerns(
  db: Db,
  user: SessionUser | null,
  f: ConcernFilter,
  sort: (typeof CONCERN_SORTS)[number],
  page: number,
  pageSize: number,
  today = todayInShanghai(),
) {
  const cond = concernConditions(user, f, today);
  const dir = sort.startsWith('-') ? desc : asc;
  const col = sort.endsWith('dueDate') ? receptionConcerns.dueDate : receptionSessions.date;
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({
          c: receptionConcerns,
          sessionDate: receptionSessions.date,
          sessionKind: receptionSessions.kind,
          enterpriseName: enterprises.name,
        })
        .from(receptionConcerns)
        .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
        .leftJoin(enterprises, eq(enterprises.id, receptionConcerns.enterpriseId))
        .where(cond)
        .orderBy(dir(col), asc(receptionConcerns.createdAt), asc(receptionConcerns.id))
        .limit(limit)
        .offset(offset),
    async () =>
      (
        await db
          .select({ n: count() })
          .from(receptionConcerns)
          .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
          .where(cond)
      )[0]?.n ?? 0,
  );
}

export async function getConcern(db: Tx, user: SessionUser | null, id: string) {
  const [row] = await db
    .select({
      c: receptionConcerns,
      sessionDate: receptionSessions.date,
      sessionKind: receptionSessions.kind,
      enterpriseName: enterprises.name,
    })
    .from(receptionConcerns)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
    .leftJoin(enterprises, eq(enterprises.id, receptionConcerns.enterpriseId))
    .where(eq(receptionConcerns.id, id));
  if (!row) throw notFound('诉求不存在', 'No such concern');
  if (!isStaff(user) && (!user?.enterpriseId || row.c.enterpriseId !== user.enterpriseId))
    throw new AppError('FORBIDDEN_RECORD');
  return row;
}

export async function sessionConcerns(db: Tx, sessionId: string) {
  return db
    .select({
      c: receptionConcerns,
      sessionDate: receptionSessions.date,
      sessionKind: receptionSessions.kind,
      enterpriseName: enterprises.name,
    })
    .from(receptionConcerns)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
    .leftJoin(enterprises, eq(enterprises.id, receptionConcerns.enterpriseId))
    .where(eq(receptionConcerns.sessionId, sessionId))
    .orderBy(asc(receptionConcerns.createdAt), asc(receptionConcerns.id));
}

/** By reception day, the latest published first within one day either way. */
function caseOrder(sort: ReceptionCaseSort | undefined): SQL[] {
  const c = receptionConcerns;
  switch (sort) {
    case 'publishedAt':
      return [asc(c.publishedAt), asc(c.id)];
    case 'sessionDate':
      return [asc(receptionSessions.date), desc(c.publishedAt), asc(c.id)];
    case '-sessionDate':
      return [desc(receptionSessions.date), desc(c.publishedAt), asc(c.id)];
    default:
      return [desc(c.publishedAt), asc(c.id)];
  }
}

/** Published cases: what was asked and answered, without who asked. */
export async function listCases(
  db: Db,
  f: { category?: string | undefined; q?: string | undefined; sort?: ReceptionCaseSort | undefined },
  page: number,
  pageSize: number,
) {
  const where: SQL[] = [eq(receptionConcerns.published, true)];
  if (f.category) where.push(eq(receptionConcerns.category, f.category));
  if (f.q) {
    const like = containsPattern(f.q);
    where.push(
      sql`(${receptionConcerns.caseTitle} ilike ${like} or ${receptionConcerns.description} ilike ${like} or ${receptionConcerns.answer} ilike ${like})`,
    );
  }
  const cond = and(...where);
  return paginate(
    { page, pageSize },
    (limit, offset) =>
      db
        .select({ c: receptionConcerns, sessionDate: receptionSessions.date })
        .from(receptionConcerns)
        .innerJoin(receptionSessions, eq(receptionSessions.id, receptionConcerns.sessionId))
        .where(cond)
        .orderBy(...caseOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: count() }).from(receptionConcerns).where(cond))[0]?.n ?? 0,
  );
}

/** Bookings of one enterprise (its portal) or of one citizen account. */
export async function myBookings(db: Db, user: SessionUser) {
  const cond =
    user.enterpriseId && hasRole(user, 'enterprise')
      ? eq(receptionBookings.enterpriseId, user.enterpriseId)
      : eq(receptionBookings.citizenUserId, user.id);
  // two bookings on one day keep their order: the later made first
  return db
    .select({ b: receptionBookings, sessionDate: receptionSessions.date, sessionKind: receptionSessions.kind })
    .from(receptionBookings)
    .innerJoin(receptionSessions, eq(receptionSessions.id, receptionBookings.sessionId))
    .where(cond)
    .orderBy(desc(receptionSessions.date), desc(receptionBookings.createdAt), desc(receptionBookings.seq))
    .limit(200);
}

export type ConvertToPetitionInput = {
  type: PetitionType;
  title: string;
  petitionerName?: string | undefined;
  petitionerPhone: string;
  version: number;
};

/**
 * Turns a concern into a formal petition (信访), keeping the link both ways: the petition carries
 * sourceConcernId, the concern the petition's id. One transaction, so neither exists without the other.
 */
export async function convertToPetition(db: Db, actor: Actor, id: string, input: ConvertToPetitionInput) {
  return db.transaction(async (tx) => {
    const before = await lockConcern(tx, id);
    if (before.version !== input.version) throw changed();
    if (before.petitionId)
      throw stateError('该诉求已转为信访件', 'The concern has already been turned into a petition');
    const session = await getSessionRow(tx, before.sessionId);
    const content = [before.description, before.answer ? `接待日答复：${before.answer}` : null]
      .filter(Boolean)
      .join('\n');
    const petition = await createPetition(tx, actor, {
      channel: 'reception',
      type: input.type,
      title: input.title,
      content: content.length >= 10 ? content : `${content}（接待日 ${session.date} 提出）`,
      petitionerName: input.petitionerName ?? before.raisedBy.replace(/（.*）$/, ''),
      petitionerPhone: input.petitionerPhone,
      ...(before.enterpriseId ? { enterpriseId: before.enterpriseId } : {}),
      receivedAt: shanghaiNoon(session.date).toISOString(),
      sourceConcernId: id,
    });
    await linkPetition(tx, actor, id, petition.id);
    return petition;
  });
}
