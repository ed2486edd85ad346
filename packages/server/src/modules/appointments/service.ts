import { randomBytes } from 'node:crypto';
import {
  APPOINTMENT_STATUS_LABELS,
  type AppointmentServiceInput,
  type AppointmentStatus,
  type BookingInput,
  canMarkAppointment,
  fromDayNumber,
  generateSlots,
  isOutsideOfficeHours,
  makeCode,
  maskPhone,
  type OpeningExceptionInput,
  type OpeningPlanInput,
  shanghaiDateOf,
  slotInstant,
  toDayNumber,
  todayInShanghai,
} from '@qingshan/core';
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type PageRequest, paginate } from '../../shared/paginate.ts';
import { normalisedCode, provenByPhone } from '../../shared/public-lookup.ts';
import { ownScope } from '../../shared/scope.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { assertPublicBookingLimits } from '../booking-limits/service.ts';
import { calendarAppError, getCalendar } from '../calendar/service.ts';
import { enterprises } from '../enterprises/tables.ts';
import { notify } from '../notifications/service.ts';
import { consumePhoneCode, requirePhoneCode } from '../phone-codes/service.ts';
import type { RatableEventResolver } from '../ratings/registry.ts';
import { users } from '../users/tables.ts';
import type { APPOINTMENT_SORTS } from './schema.ts';
import {
  appointmentExceptions,
  appointmentPlans,
  appointmentServices,
  appointmentSlots,
  appointments,
} from './tables.ts';

export type AppointmentRow = typeof appointments.$inferSelect;
export type SlotRow = typeof appointmentSlots.$inferSelect;
export type ServiceRow = typeof appointmentServices.$inferSelect;
export type PlanRow = typeof appointmentPlans.$inferSelect;
export type ExceptionRow = typeof appointmentExceptions.$inferSelect;
/** A booking with the names of its window and the times of its slot, the shape the wire view is made from. */
export type AppointmentWithSlot = {
  a: AppointmentRow;
  serviceName: string;
  slotStart: string;
  slotEnd: string;
  location?: string;
};

function notFound(zh = '预约不存在', en = 'No such appointment'): AppError {
  return new AppError('RECORD_NOT_FOUND', { detail: { zh, en } });
}

// ---- services, plans, exceptions ------------------------------------------------------------

export async function listServices(db: Tx, includeInactive: boolean) {
  return db
    .select()
    .from(appointmentServices)
    .where(includeInactive ? undefined : eq(appointmentServices.active, true))
    .orderBy(asc(appointmentServices.name));
}

export async function getService(db: Tx, id: string) {
  const [row] = await db.select().from(appointmentServices).where(eq(appointmentServices.id, id));
  if (!row) throw notFound('预约窗口不存在', 'No such window service');
  return row;
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: appointmentServices.id })
    .from(appointmentServices)
    .where(eq(appointmentServices.name, name));
  if (dup && dup.id !== exceptId) {
    throw new AppError('APPOINTMENT_SERVICE_DUPLICATE', {
      errors: [{ path: 'name', message: { zh: '已有同名窗口', en: 'a window with this name exists' } }],
    });
  }
}

export async function createService(db: Db, actor: Actor, input: AppointmentServiceInput) {
  return db.transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const [row] = await tx
      .insert(appointmentServices)
      .values({
        name: input.name,
        description: input.description ?? null,
        location: input.location,
        active: input.active,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'appointment-service.create',
      entityType: 'appointment-service',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function patchService(
  db: Db,
  actor: Actor,
  id: string,
  input: Partial<AppointmentServiceInput>,
  expectedVersion: number,
) {
  return db.transaction(async (tx) => {
    const before = await getService(tx, id);
    if (input.name !== undefined) await assertNameFree(tx, input.name, id);
    // The version check and the write are one statement, so two edits cannot both pass it.
    const [after] = await tx
      .update(appointmentServices)
      .set({ ...input, updatedAt: new Date(), version: sql`${appointmentServices.version} + 1` })
      .where(and(eq(appointmentServices.id, id), eq(appointmentServices.version, expectedVersion)))
      .returning();
    if (!after) throw new AppError('RECORD_CHANGED');
    await recordAudit(tx, actor, {
      action: 'appointment-service.update',
      entityType: 'appointment-service',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function listPlans(db: Tx, serviceId: string) {
  return db
    .select()
    .from(appointmentPlans)
    .where(eq(appointmentPlans.serviceId, serviceId))
    .orderBy(asc(appointmentPlans.validFrom));
}

export async function listExceptions(db: Tx, serviceId: string) {
  return db
    .select()
    .from(appointmentExceptions)
    .where(eq(appointmentExceptions.serviceId, serviceId))
    .orderBy(asc(appointmentExceptions.date));
}

/** The opening plans and exceptions of a window. */
export async function openingOf(db: Db, serviceId: string) {
  await getService(db, serviceId);
  const [plans, exceptions] = await Promise.all([listPlans(db, serviceId), listExceptions(db, serviceId)]);
  return { plans, exceptions };
}

/**
 * Brings the materialised slots of a service in [from, to] in line with its plans and
 * exceptions: new slots are inserted, slots no longer produced are closed (their bookings stay,
 * for the window to call and move), reopened ones open again. Capacity follows the plan but
 * never drops below what is already booked.
 */
export async function syncSlots(tx: Tx, serviceId: string, from: string, to: string): Promise<void> {
  // One after another: a transaction is one connection, and node-postgres refuses (from pg 9)
  // a query sent while another is still running on it.
  const plans = await listPlans(tx, serviceId);
  const exceptions = await listExceptions(tx, serviceId);
  const calendar = await getCalendar(tx);
  let specs: ReturnType<typeof generateSlots>;
  try {
    specs = generateSlots(
      plans.map((p) => ({ ...p, dayRule: p.dayRule as 'working' | 'rest' | 'all' })),
      exceptions.map((e) => ({ ...e, kind: e.kind as 'closed' | 'extra' })),
      from,
      to,
      calendar,
    );
  } catch (e) {
    calendarAppError(e);
  }
  const existing = await tx
    .select()
    .from(appointmentSlots)
    .where(
      and(eq(appointmentSlots.serviceId, serviceId), gte(appointmentSlots.date, from), lte(appointmentSlots.date, to)),
    );
  const byKey = new Map(existing.map((s) => [`${s.date} ${s.startTime}`, s]));
  const wanted = new Set<string>();
  const inserts: (typeof appointmentSlots.$inferInsert)[] = [];
  for (const s of specs) {
    const key = `${s.date} ${s.startTime}`;
    wanted.add(key);
    const cur = byKey.get(key);
    if (!cur) {
      inserts.push({
        serviceId,
        date: s.date,
        startTime: s.startTime,
        endTime: s.endTime,
        startsAt: slotInstant(s.date, s.startTime),
        capacity: s.capacity,
        extended: s.extended,
      });
    } else if (
      cur.closed ||
      cur.capacity !== Math.max(s.capacity, cur.booked) ||
      cur.extended !== s.extended ||
      cur.endTime !== s.endTime
    ) {
      await tx
        .update(appointmentSlots)
        .set({ closed: false, capacity: Math.max(s.capacity, cur.booked), extended: s.extended, endTime: s.endTime })
        .where(eq(appointmentSlots.id, cur.id));
    }
  }
  for (let i = 0; i < inserts.length; i += 500) {
    await tx
      .insert(appointmentSlots)
      .values(inserts.slice(i, i + 500))
      .onConflictDoNothing();
  }
  const toClose = existing.filter((s) => !s.closed && !wanted.has(`${s.date} ${s.startTime}`)).map((s) => s.id);
  if (toClose.length)
    await tx.update(appointmentSlots).set({ closed: true }).where(inArray(appointmentSlots.id, toClose));
}

async function serviceRange(tx: Tx, serviceId: string): Promise<[string, string] | null> {
  const [r] = await tx
    .select({
      from: sql<
        string | null
      >`least((select min(valid_from) from appointment_plans where service_id = ${serviceId}), (select min(date) from appointment_exceptions where service_id = ${serviceId}))::text`,
      to: sql<
        string | null
      >`greatest((select max(valid_to) from appointment_plans where service_id = ${serviceId}), (select max(date) from appointment_exceptions where service_id = ${serviceId}))::text`,
    })
    .from(sql`(select 1) as one`);
  return r?.from && r.to ? [r.from, r.to] : null;
}

async function assertExtendedOutsideHours(
  tx: Tx,
  input: { startTime: string; endTime: string; extended: boolean },
  sampleDates: string[],
) {
  if (!input.extended) return;
  const calendar = await getCalendar(tx);
  // An extended-hours plan that opens during office hours on a working day would count ordinary
  // window time as 延时服务; refuse it.
  for (const d of sampleDates) {
    let outside: boolean;
    try {
      outside = isOutsideOfficeHours(d, input.startTime, input.endTime, calendar);
    } catch (e) {
      calendarAppError(e);
    }
    if (!outside) {
      throw new AppError('APPOINTMENT_PLAN_INVALID', {
        detail: {
          zh: `延时服务时段须在工作日办公时间（8:30–12:00、14:30–17:30）之外或在休息日：${d} ${input.startTime}–${input.endTime} 与办公时间重叠`,
          en: `Extended-hours slots must lie outside office hours or on rest days: ${d} ${input.startTime}–${input.endTime} overlaps them`,
        },
        errors: [{ path: 'extended', message: { zh: '与办公时间重叠', en: 'overlaps office hours' } }],
      });
    }
  }
}

export async function addPlan(db: Db, actor: Actor, serviceId: string, input: OpeningPlanInput) {
  return db.transaction(async (tx) => {
    await getService(tx, serviceId);
    if (input.extended) {
      const calendar = await getCalendar(tx);
      const plan = { id: 'check', ...input };
      let sample: string[];
      try {
        sample = [...new Set(generateSlots([plan], [], input.validFrom, input.validTo, calendar).map((s) => s.date))];
      } catch (e) {
        calendarAppError(e);
      }
      await assertExtendedOutsideHours(tx, input, sample);
    }
    const [row] = await tx
      .insert(appointmentPlans)
      .values({ serviceId, ...input })
      .returning();
    await syncSlots(tx, serviceId, input.validFrom, input.validTo);
    await recordAudit(tx, actor, {
      action: 'appointment-plan.create',
      entityType: 'appointment-service',
      entityId: serviceId,
      after: row,
    });
    return row!;
  });
}

export async function deletePlan(db: Db, actor: Actor, serviceId: string, planId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(appointmentPlans)
      .where(and(eq(appointmentPlans.id, planId), eq(appointmentPlans.serviceId, serviceId)))
      .returning();
    if (!row) throw notFound('开放计划不存在', 'No such opening plan');
    await syncSlots(tx, serviceId, row.validFrom, row.validTo);
    await recordAudit(tx, actor, {
      action: 'appointment-plan.delete',
      entityType: 'appointment-service',
      entityId: serviceId,
      before: row,
    });
  });
}

export async function addException(db: Db, actor: Actor, serviceId: string, input: OpeningExceptionInput) {
  return db.transaction(async (tx) => {
    await getService(tx, serviceId);
    if (input.kind === 'extra') await assertExtendedOutsideHours(tx, input, [input.date]);
    const [row] = await tx
      .insert(appointmentExceptions)
      .values({
        serviceId,
        date: input.date,
        kind: input.kind,
        note: input.note ?? null,
        ...(input.kind === 'extra'
          ? {
              startTime: input.startTime,
              endTime: input.endTime,
              slotMinutes: input.slotMinutes,
              capacity: input.capacity,
              extended: input.extended,
            }
          : {}),
      })
      .returning();
    await syncSlots(tx, serviceId, input.date, input.date);
    await recordAudit(tx, actor, {
      action: 'appointment-exception.create',
      entityType: 'appointment-service',
      entityId: serviceId,
      after: row,
    });
    return row!;
  });
}

export async function deleteException(db: Db, actor: Actor, serviceId: string, exceptionId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(appointmentExceptions)
      .where(and(eq(appointmentExceptions.id, exceptionId), eq(appointmentExceptions.serviceId, serviceId)))
      .returning();
    if (!row) throw notFound('例外日不存在', 'No such exception');
    await syncSlots(tx, serviceId, row.date, row.date);
    await recordAudit(tx, actor, {
      action: 'appointment-exception.delete',
      entityType: 'appointment-service',
      entityId: serviceId,
      before: row,
    });
  });
}

export async function resyncService(db: Db, serviceId: string) {
  await db.transaction(async (tx) => {
    const range = await serviceRange(tx, serviceId);
    if (range) await syncSlots(tx, serviceId, range[0], range[1]);
  });
}

/**
 * The slots of a window a booker may pick from: 14 days from today unless asked, at most 92 at
 * once. An inactive window and closed slots are for the bureau's eyes only.
 */
export async function slotsOf(
  db: Tx,
  serviceId: string,
  q: { from?: string | undefined; to?: string | undefined; includeClosed?: boolean | undefined },
  staff: boolean,
) {
  const svc = await getService(db, serviceId);
  if (!svc.active && !staff) throw new AppError('RECORD_NOT_FOUND');
  const from = q.from ?? todayInShanghai();
  // Day numbers, not addCalendarDays: past 9999-12-31 there is no YYYY-MM-DD, and the '+010000-…'
  // it gave sorted before every date (9999-12-20…31 was refused as "more than 92 days").
  const to = q.to ?? fromDayNumber(Math.min(toDayNumber(from) + 13, toDayNumber('9999-12-31')));
  if (toDayNumber(to) - toDayNumber(from) > 92) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'to', message: { zh: '一次最多查询 92 天', en: 'at most 92 days at once' } }],
    });
  }
  return listSlots(db, svc.id, from, to, staff && q.includeClosed === true);
}

export async function listSlots(db: Tx, serviceId: string, from: string, to: string, includeClosed: boolean) {
  const conds: SQL[] = [
    eq(appointmentSlots.serviceId, serviceId),
    gte(appointmentSlots.date, from),
    lte(appointmentSlots.date, to),
  ];
  if (!includeClosed) conds.push(eq(appointmentSlots.closed, false));
  return db
    .select()
    .from(appointmentSlots)
    .where(and(...conds))
    .orderBy(asc(appointmentSlots.date), asc(appointmentSlots.startTime))
    .limit(2000);
}

// ---- bookings -------------------------------------------------------------------------------

type Applicant = {
  enterpriseId: string | null;
  citizenUserId: string | null;
  applicantKey: string;
  name: string;
  phone: string;
};

async function applicantFor(tx: Tx, user: SessionUser | null, input: BookingInput): Promise<Applicant> {
  const missing = (path: 'name' | 'phone') => ({ path, message: { zh: '必填', en: 'required' } });
  if (user && hasRole(user, 'enterprise') && user.enterpriseId && !isStaff(user)) {
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, user.enterpriseId));
    const contact = e?.contacts[0];
    const name = input.name ?? contact?.name ?? user.displayName;
    const phone = input.phone ?? contact?.phone;
    if (!phone) throw new AppError('VALIDATION_FAILED', { errors: [missing('phone')] });
    return {
      enterpriseId: user.enterpriseId,
      citizenUserId: null,
      applicantKey: `e:${user.enterpriseId}`,
      name,
      phone,
    };
  }
  if (user && hasRole(user, 'citizen') && !isStaff(user)) {
    const [u] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
    const phone = input.phone ?? u?.phone ?? null;
    if (!phone) throw new AppError('VALIDATION_FAILED', { errors: [missing('phone')] });
    return {
      enterpriseId: null,
      citizenUserId: user.id,
      applicantKey: `u:${user.id}`,
      name: input.name ?? user.displayName,
      phone,
    };
  }
  // Anonymous citizens, and staff booking for a caller on the phone: name and phone identify them.
  const errors = [...(input.name ? [] : [missing('name')]), ...(input.phone ? [] : [missing('phone')])];
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  return {
    enterpriseId: null,
    citizenUserId: null,
    applicantKey: `p:${input.phone}`,
    name: input.name!,
    phone: input.phone!,
  };
}

/**
 * Takes one place in a slot, atomically: the conditional UPDATE holds the row lock, so of N
 * concurrent bookings of the last place exactly one sees booked < capacity. Past or closed slots
 * are refused here too, in the same statement.
 */
async function takePlace(tx: Tx, slotId: string, now: Date): Promise<SlotRow> {
  const [slot] = await tx
    .update(appointmentSlots)
    .set({ booked: sql`${appointmentSlots.booked} + 1` })
    .where(
      and(
        eq(appointmentSlots.id, slotId),
        eq(appointmentSlots.closed, false),
        sql`${appointmentSlots.booked} < ${appointmentSlots.capacity}`,
        sql`${appointmentSlots.startsAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .returning();
  if (slot) return slot;
  const [cur] = await tx.select().from(appointmentSlots).where(eq(appointmentSlots.id, slotId));
  if (!cur) throw new AppError('APPOINTMENT_SLOT_UNAVAILABLE', { detail: { zh: '该时段不存在', en: 'No such slot' } });
  if (cur.startsAt <= now) {
    throw new AppError('APPOINTMENT_SLOT_PAST', {
      detail: { zh: `${cur.date} ${cur.startTime} 已过，不能预约`, en: `${cur.date} ${cur.startTime} has passed` },
    });
  }
  if (cur.closed)
    throw new AppError('APPOINTMENT_SLOT_UNAVAILABLE', {
      detail: { zh: '该时段已停止预约', en: 'The slot is closed' },
    });
  throw new AppError('APPOINTMENT_SLOT_FULL', {
    detail: {
      zh: `${cur.date} ${cur.startTime} 时段已约满，请选择其他时段`,
      en: `${cur.date} ${cur.startTime} is fully booked; pick another slot`,
    },
  });
}

async function releasePlace(tx: Tx, slotId: string) {
  await tx
    .update(appointmentSlots)
    .set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
    .where(eq(appointmentSlots.id, slotId));
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const c = cur as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (c.code === '23505' && (c.constraint === constraint || c.message?.includes(constraint))) return true;
    cur = c.cause;
  }
  return false;
}

function limitError(): AppError {
  return new AppError('APPOINTMENT_LIMIT', {
    detail: {
      zh: '您在该窗口已有一个未完成的预约；请先办理、取消或改约后再预约',
      en: 'You already hold an open booking at this window; use, cancel or move it first',
    },
  });
}

/** Bookers the public limits and the phone code apply to: anyone but staff and enterprise accounts. */
function isPublicBooker(user: SessionUser | null): boolean {
  return !isStaff(user) && !(user && hasRole(user, 'enterprise') && user.enterpriseId);
}

export async function book(db: Db, user: SessionUser | null, actor: Actor, input: BookingInput, now = new Date()) {
  const publicBooker = isPublicBooker(user);
  // the code is checked (and the try counted) before the booking's transaction, so a wrong code
  // stays counted; it is used up inside it, so a booking refused later leaves it good
  const codeId =
    publicBooker && input.phone ? await requirePhoneCode(db, user, input.phone, input.phoneCode, now) : null;
  try {
    return await db.transaction(async (tx) => {
      const applicant = await applicantFor(tx, user, input);
      if (publicBooker) await assertPublicBookingLimits(tx, { phone: applicant.phone, clientIp: actor.ip }, now);
      const slot = await takePlace(tx, input.slotId, now);
      const [svc] = await tx.select().from(appointmentServices).where(eq(appointmentServices.id, slot.serviceId));
      if (!svc?.active)
        throw new AppError('APPOINTMENT_SLOT_UNAVAILABLE', {
          detail: { zh: '该窗口暂停预约', en: 'This window takes no bookings' },
        });
      const [open] = await tx
        .select({ id: appointments.id })
        .from(appointments)
        .where(
          and(
            eq(appointments.serviceId, slot.serviceId),
            eq(appointments.applicantKey, applicant.applicantKey),
            inArray(appointments.status, ['booked', 'arrived']),
          ),
        );
      if (open) throw limitError();
      const [row] = await tx
        .insert(appointments)
        .values({
          code: makeCode('YY', (n) => randomBytes(n)),
          serviceId: slot.serviceId,
          slotId: slot.id,
          date: slot.date,
          startsAt: slot.startsAt,
          extended: slot.extended,
          ...applicant,
          matter: input.matter,
          note: input.note ?? null,
          email: input.email ?? null,
          createdBy: actor.id,
          clientIp: actor.ip,
          createdAt: now,
        })
        .returning();
      // last: a booking refused for any reason above leaves the code good for the next try
      if (codeId) await consumePhoneCode(tx, codeId, now);
      await recordAudit(tx, actor, {
        action: 'appointment.book',
        entityType: 'appointment',
        entityId: row!.id,
        after: auditView(row!),
      });
      return row!;
    });
  } catch (e) {
    // Two concurrent first bookings by one applicant: the partial unique index decides.
    if (isUniqueViolation(e, 'appointments_one_open')) throw limitError();
    throw e;
  }
}

function auditView(r: AppointmentRow) {
  return { ...r, phone: maskPhone(r.phone) };
}

export async function getAppointment(db: Tx, id: string) {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
  if (!row) throw notFound();
  return row;
}

/** The booking a code and phone prove; a wrong phone looks exactly like a wrong code. */
export async function byCodeAndPhone(db: Tx, code: string, phone: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(eq(appointments.code, normalisedCode(code)));
  return provenByPhone(row, (a) => a.phone, phone, { zh: '预约码或手机号不正确', en: 'Wrong booking code or phone' });
}

export function assertOwner(user: SessionUser | null, row: AppointmentRow) {
  if (isStaff(user)) return;
  if (user && row.enterpriseId && user.enterpriseId === row.enterpriseId) return;
  if (user && row.citizenUserId === user.id) return;
  throw new AppError('FORBIDDEN_RECORD', { detail: { zh: '这不是您的预约', en: 'This is not your booking' } });
}

async function lockAppointment(tx: Tx, id: string) {
  const [row] = await tx.select().from(appointments).where(eq(appointments.id, id)).for('update');
  if (!row) throw notFound();
  return row;
}

function assertOpen(row: AppointmentRow) {
  if (row.status !== 'booked') {
    throw new AppError('APPOINTMENT_STATE_CONFLICT', {
      detail: { zh: '只有“已预约”状态的预约可以取消或改约', en: 'Only a booked appointment can be cancelled or moved' },
    });
  }
}

export async function cancel(db: Db, actor: Actor, id: string, check: (row: AppointmentRow) => void) {
  return db.transaction(async (tx) => {
    const before = await lockAppointment(tx, id);
    check(before);
    assertOpen(before);
    await releasePlace(tx, before.slotId);
    const [after] = await tx
      .update(appointments)
      .set({ status: 'cancelled', cancelledAt: new Date(), updatedAt: new Date() })
      .where(eq(appointments.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'appointment.cancel',
      entityType: 'appointment',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}

export async function move(
  db: Db,
  actor: Actor,
  id: string,
  slotId: string,
  check: (row: AppointmentRow) => void,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const before = await lockAppointment(tx, id);
    check(before);
    assertOpen(before);
    if (before.slotId === slotId) return before;
    const slot = await takePlace(tx, slotId, now);
    if (slot.serviceId !== before.serviceId) {
      throw new AppError('APPOINTMENT_SLOT_UNAVAILABLE', {
        detail: { zh: '只能改约到同一窗口的其他时段', en: 'A booking moves only to another slot of the same window' },
      });
    }
    await releasePlace(tx, before.slotId);
    const [after] = await tx
      .update(appointments)
      .set({
        slotId,
        date: slot.date,
        startsAt: slot.startsAt,
        extended: slot.extended,
        reminderSentAt: null,
        updatedAt: new Date(),
      })
      .where(eq(appointments.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'appointment.move',
      entityType: 'appointment',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}

/** The window's marks: arrival, no-show, served. */
export async function mark(db: Db, actor: Actor, id: string, to: AppointmentStatus, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await lockAppointment(tx, id);
    const from = before.status as AppointmentStatus;
    if (!canMarkAppointment(from, to)) {
      throw new AppError('APPOINTMENT_STATE_CONFLICT', {
        detail: {
          zh: `“${APPOINTMENT_STATUS_LABELS[from].zh}”的预约不能记为“${APPOINTMENT_STATUS_LABELS[to].zh}”`,
          en: `A booking that is ${APPOINTMENT_STATUS_LABELS[from].en} cannot be marked ${APPOINTMENT_STATUS_LABELS[to].en}`,
        },
      });
    }
    if (to === 'no-show' && before.startsAt > now) {
      throw new AppError('APPOINTMENT_STATE_CONFLICT', {
        detail: { zh: '预约时间未到，不能记爽约', en: 'The slot has not started yet' },
      });
    }
    const set: Partial<typeof appointments.$inferInsert> = { status: to, updatedAt: now };
    if (to === 'arrived') set.arrivedAt = now;
    if (to === 'served') {
      set.servedAt = now;
      set.servedBy = actor.id;
    }
    const [after] = await tx.update(appointments).set(set).where(eq(appointments.id, id)).returning();
    await recordAudit(tx, actor, {
      action: `appointment.${to}`,
      entityType: 'appointment',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return after!;
  });
}

export type AppointmentFilter = {
  serviceId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  extended?: boolean | undefined;
  q?: string | undefined;
};

function listConditions(user: SessionUser | null, f: AppointmentFilter): SQL | undefined {
  const where: SQL[] = [];
  const own = ownScope(user, { enterprise: appointments.enterpriseId, person: appointments.citizenUserId });
  if (own) where.push(own);
  if (f.serviceId) where.push(eq(appointments.serviceId, f.serviceId));
  if (f.status) where.push(eq(appointments.status, f.status));
  if (f.from) where.push(gte(appointments.date, f.from));
  if (f.to) where.push(lte(appointments.date, f.to));
  if (f.extended !== undefined) where.push(eq(appointments.extended, f.extended));
  if (f.q) {
    const like = containsPattern(f.q);
    where.push(
      sql`(${appointments.code} ilike ${like} or ${appointments.name} ilike ${like} or ${appointments.matter} ilike ${like})`,
    );
  }
  return where.length ? and(...where) : undefined;
}

export async function listAppointments(
  db: Db,
  user: SessionUser | null,
  f: AppointmentFilter,
  sort: (typeof APPOINTMENT_SORTS)[number],
  paging: PageRequest,
) {
  const cond = listConditions(user, f);
  const dir = sort.startsWith('-') ? desc : asc;
  const col = sort.endsWith('createdAt') ? appointments.createdAt : appointments.startsAt;
  return paginate(
    paging,
    (limit, offset): Promise<AppointmentWithSlot[]> =>
      db
        .select({
          a: appointments,
          serviceName: appointmentServices.name,
          slotStart: appointmentSlots.startTime,
          slotEnd: appointmentSlots.endTime,
        })
        .from(appointments)
        .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
        .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
        .where(cond)
        .orderBy(dir(col), asc(appointments.id))
        .limit(limit)
        .offset(offset),
    async () => (await db.select({ n: sql<number>`count(*)::int` }).from(appointments).where(cond))[0]?.n ?? 0,
  );
}

export async function withSlot(db: Tx, row: AppointmentRow): Promise<AppointmentWithSlot> {
  const [r] = await db
    .select({
      serviceName: appointmentServices.name,
      location: appointmentServices.location,
      slotStart: appointmentSlots.startTime,
      slotEnd: appointmentSlots.endTime,
    })
    .from(appointmentSlots)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointmentSlots.serviceId))
    .where(eq(appointmentSlots.id, row.slotId));
  return {
    a: row,
    serviceName: r?.serviceName ?? '',
    location: r?.location ?? '',
    slotStart: r?.slotStart ?? '',
    slotEnd: r?.slotEnd ?? '',
  };
}

// ---- reminders ------------------------------------------------------------------------------

/**
 * Reminds every applicant with a booking tomorrow (Asia/Shanghai), once per booking and slot:
 * an in-app message (and the user's chosen channels) for account holders and enterprises, an
 * e-mail for citizens who left an address. Bookings with a phone only are listed for the window
 * to call; SMS is not a channel of this platform. Idempotent: run it as often as the scheduler likes.
 */
export async function sendAppointmentReminders(db: Db, now = new Date()): Promise<number> {
  const tomorrow = shanghaiDateOf(new Date(now.getTime() + 86_400_000));
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        a: appointments,
        serviceName: appointmentServices.name,
        location: appointmentServices.location,
        slotStart: appointmentSlots.startTime,
      })
      .from(appointments)
      .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
      .innerJoin(appointmentSlots, eq(appointmentSlots.id, appointments.slotId))
      .where(
        and(
          eq(appointments.date, tomorrow),
          eq(appointments.status, 'booked'),
          sql`${appointments.reminderSentAt} is null`,
        ),
      )
      .for('update', { of: appointments, skipLocked: true });
    let sent = 0;
    for (const d of due) {
      if (d.a.enterpriseId || d.a.citizenUserId || d.a.email) {
        await notify(tx, {
          ...(d.a.enterpriseId ? { enterpriseId: d.a.enterpriseId } : { userId: d.a.citizenUserId }),
          email: d.a.email,
          kind: 'appointment.reminder',
          title: `预约提醒：明天 ${d.slotStart} ${d.serviceName}`,
          body: `您预约了 ${d.a.date} ${d.slotStart} 在${d.location}办理“${d.a.matter}”（预约码 ${d.a.code}）。如不能前来，请提前取消或改约。`,
          en: {
            title: `Appointment reminder: tomorrow ${d.slotStart} ${d.serviceName}`,
            body: `You have booked ${d.a.date} ${d.slotStart} at ${d.location} for “${d.a.matter}” (booking code ${d.a.code}). If you cannot come, cancel or move the booking in advance.`,
          },
          link: `/appointments/lookup?code=${d.a.code}`,
        });
        sent++;
      }
      await tx.update(appointments).set({ reminderSentAt: now }).where(eq(appointments.id, d.a.id));
    }
    return sent;
  });
}

// An appointment becomes ratable once the window marks it served (现场服务"一次一评").
export const appointmentRatable: RatableEventResolver = async (tx, eventId) => {
  const [x] = await tx
    .select({ a: appointments, serviceName: appointmentServices.name })
    .from(appointments)
    .innerJoin(appointmentServices, eq(appointmentServices.id, appointments.serviceId))
    .where(eq(appointments.id, eventId));
  if (!x) return { exists: false, staffUserIds: [], label: '', labelEn: '' };
  return {
    exists: true,
    ratedAt: x.a.status === 'served' ? x.a.servedAt : null,
    subjectEnterpriseId: x.a.enterpriseId,
    subjectCitizenUserId: x.a.citizenUserId,
    citizenPhone: x.a.phone,
    staffUserIds: x.a.servedBy ? [x.a.servedBy] : [],
    label: `预约 ${x.a.code} ${x.serviceName} ${x.a.date}`,
    labelEn: `Booking ${x.a.code} ${x.serviceName} ${x.a.date}`,
  };
};
