/**
 * Window appointments (预约服务) and extended-hours appointments (延时服务), rules.md §5: slots on
 * working days from the bureau's opening plans, extra extended-hours slots (evenings, weekends)
 * that exist only by appointment, per-slot capacity, one open booking per applicant and service.
 * Slot generation is pure: plans + exceptions + the working-day calendar → the slots of a range.
 */
import { z } from 'zod';
import { addCalendarDays, dayOfWeek, isDateString, toDayNumber } from './calendar/dates.ts';
import type { WorkingCalendar } from './calendar/working-calendar.ts';
import { isChinesePhone } from './enterprise.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema } from './text.ts';

/** Which days a plan opens on: working days per the calendar (调休 applied), rest days, or every day. */
export const PLAN_DAY_RULES = ['working', 'rest', 'all'] as const;
export type PlanDayRule = (typeof PLAN_DAY_RULES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'served', 'no-show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** Bookings that still hold their place in a slot and count against the per-applicant limit. */
export const OPEN_APPOINTMENT_STATUSES: readonly AppointmentStatus[] = ['booked', 'arrived'];

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, { zh: string; en: string }> = {
  booked: { zh: '已预约', en: 'booked' },
  arrived: { zh: '已到达', en: 'arrived' },
  served: { zh: '已办理', en: 'served' },
  'no-show': { zh: '爽约', en: 'no-show' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/** The window's own moves; a booking is cancelled or moved by its applicant or staff instead. */
const WINDOW_TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['arrived', 'no-show'],
  arrived: ['served'],
  served: [],
  'no-show': [],
  cancelled: [],
};

export function canMarkAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return WINDOW_TRANSITIONS[from].includes(to);
}

export type OpeningPlan = {
  id: string;
  validFrom: string;
  validTo: string;
  dayRule: PlanDayRule;
  /** ISO weekdays 1 (Mon) … 7 (Sun) further restricting the days; empty = no restriction */
  weekdays: number[];
  startTime: string;
  endTime: string;
  slotMinutes: number;
  capacity: number;
  extended: boolean;
};

export type OpeningException = {
  date: string;
  kind: 'closed' | 'extra';
  startTime?: string | null;
  endTime?: string | null;
  slotMinutes?: number | null;
  capacity?: number | null;
  extended?: boolean | null;
};

export type SlotSpec = {
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  extended: boolean;
  planId: string | null;
};

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesOf(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`invalid time ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The slots of one opening window: consecutive, whole slots only (a remainder is dropped). */
export function windowSlots(startTime: string, endTime: string, slotMinutes: number): [string, string][] {
  const out: [string, string][] = [];
  const end = minutesOf(endTime);
  for (let s = minutesOf(startTime); s + slotMinutes <= end; s += slotMinutes)
    out.push([timeOf(s), timeOf(s + slotMinutes)]);
  return out;
}

function isoWeekday(date: string): number {
  const d = dayOfWeek(date);
  return d === 0 ? 7 : d;
}

function planOpensOn(plan: OpeningPlan, date: string, calendar: WorkingCalendar): boolean {
  if (date < plan.validFrom || date > plan.validTo) return false;
  if (plan.weekdays.length > 0 && !plan.weekdays.includes(isoWeekday(date))) return false;
  if (plan.dayRule === 'all') return true;
  const working = calendar.isWorkingDay(date);
  return plan.dayRule === 'working' ? working : !working;
}

/**
 * Every slot in [from, to] (dates inclusive). A 'closed' exception removes the whole day, an
 * 'extra' one adds its window (e.g. a Saturday opened for a campaign). When two windows give the
 * same start time the first plan wins, so a slot is never listed twice. Sorted by date, then time.
 * Working-day rules need calendar data for the range (CalendarRangeError otherwise: a year
 * without data is an error, not a guess — rules.md §1).
 */
export function generateSlots(
  plans: readonly OpeningPlan[],
  exceptions: readonly OpeningException[],
  from: string,
  to: string,
  calendar: WorkingCalendar,
): SlotSpec[] {
  const out: SlotSpec[] = [];
  const closed = new Set(exceptions.filter((e) => e.kind === 'closed').map((e) => e.date));
  const days = toDayNumber(to) - toDayNumber(from);
  for (let i = 0; i <= days; i++) {
    const date = addCalendarDays(from, i);
    if (closed.has(date)) continue;
    const seen = new Set<string>();
    const push = (s: SlotSpec) => {
      if (seen.has(s.startTime)) return;
      seen.add(s.startTime);
      out.push(s);
    };
    for (const plan of plans) {
      if (!planOpensOn(plan, date, calendar)) continue;
      for (const [startTime, endTime] of windowSlots(plan.startTime, plan.endTime, plan.slotMinutes)) {
        push({ date, startTime, endTime, capacity: plan.capacity, extended: plan.extended, planId: plan.id });
      }
    }
    for (const e of exceptions) {
      if (e.kind !== 'extra' || e.date !== date || !e.startTime || !e.endTime || !e.slotMinutes || !e.capacity)
        continue;
      for (const [startTime, endTime] of windowSlots(e.startTime, e.endTime, e.slotMinutes)) {
        push({ date, startTime, endTime, capacity: e.capacity, extended: e.extended ?? false, planId: null });
      }
    }
  }
  return out.sort((a, b) =>
    a.date === b.date ? a.startTime.localeCompare(b.startTime) : a.date.localeCompare(b.date),
  );
}

/** The instant a slot starts, from its Shanghai date and time (UTC+8 all year since 1992). */
export function slotInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/**
 * Office hours of the window (上栗县 practice: 8:30–12:00, 14:30–17:30 on working days). A slot
 * outside them, or on a rest day, is an extended-hours slot; plans marked extended must be.
 */
export const OFFICE_HOURS: readonly [string, string][] = [
  ['08:30', '12:00'],
  ['14:30', '17:30'],
];

export function isOutsideOfficeHours(
  date: string,
  startTime: string,
  endTime: string,
  calendar: WorkingCalendar,
): boolean {
  const s = minutesOf(startTime);
  const e = minutesOf(endTime);
  // Evening hours are outside office hours on any day; only overlapping times need the calendar.
  if (!OFFICE_HOURS.some(([a, b]) => s < minutesOf(b) && e > minutesOf(a))) return true;
  return !calendar.isWorkingDay(date);
}

// ---- schemas ------------------------------------------------------------------------------

const time = z.string().regex(TIME_RE, { error: 'common.invalid' });
const date = isoDateSchema;

export const appointmentServiceSchema = z.strictObject({
  name: z.string().trim().min(2).max(60),
  description: z.string().trim().max(500).optional(),
  location: z.string().trim().min(1).max(100),
  active: z.boolean().default(true),
});
export type AppointmentServiceInput = z.infer<typeof appointmentServiceSchema>;

// Object-level refinements also run when a field already failed; they must not throw on it.
const validTimes = (p: { startTime: string; endTime: string }) => TIME_RE.test(p.startTime) && TIME_RE.test(p.endTime);
const validDates = (p: { validFrom: string; validTo: string }) => isDateString(p.validFrom) && isDateString(p.validTo);

export const openingPlanSchema = z
  .strictObject({
    validFrom: date,
    validTo: date,
    dayRule: z.enum(PLAN_DAY_RULES),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    startTime: time,
    endTime: time,
    slotMinutes: z.number().int().min(5).max(240),
    capacity: z.number().int().min(1).max(100),
    extended: z.boolean().default(false),
  })
  .refine((p) => p.validFrom <= p.validTo, { path: ['validTo'], error: 'appointments.validToBeforeFrom' })
  .refine((p) => p.startTime < p.endTime, { path: ['endTime'], error: 'appointments.endNotAfterStart' })
  .refine((p) => !validTimes(p) || minutesOf(p.endTime) - minutesOf(p.startTime) >= p.slotMinutes, {
    path: ['slotMinutes'],
    error: 'appointments.slotLongerThanHours',
  })
  // Plans longer than two years would materialise tens of thousands of slots at once.
  .refine((p) => !validDates(p) || toDayNumber(p.validTo) - toDayNumber(p.validFrom) <= 731, {
    path: ['validTo'],
    error: 'common.invalid',
  });
export type OpeningPlanInput = z.infer<typeof openingPlanSchema>;

export const openingExceptionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('closed'), date, note: z.string().trim().max(200).optional() }),
  z
    .strictObject({
      kind: z.literal('extra'),
      date,
      startTime: time,
      endTime: time,
      slotMinutes: z.number().int().min(5).max(240),
      capacity: z.number().int().min(1).max(100),
      extended: z.boolean().default(true),
      note: z.string().trim().max(200).optional(),
    })
    .refine((p) => p.startTime < p.endTime, { path: ['endTime'], error: 'appointments.endNotAfterStart' }),
]);

/** What the window settings' schemas say when they refuse. */
export const APPOINTMENT_MESSAGES = {
  'appointments.validToBeforeFrom': { zh: '结束日期不能早于开始日期', en: 'the last day cannot be before the first' },
  'appointments.endNotAfterStart': { zh: '结束时间应晚于开始时间', en: 'the end time must be after the start time' },
  'appointments.slotLongerThanHours': {
    zh: '每个时段的时长不能超过开放时间',
    en: 'a slot cannot be longer than the opening hours',
  },
} as const satisfies MessageTable;
export type OpeningExceptionInput = z.infer<typeof openingExceptionSchema>;

export const bookingSchema = z.strictObject({
  slotId: z.uuid(),
  matter: z.string().trim().min(2).max(200),
  /** required for citizens without an account and for staff booking on someone's behalf */
  name: z.string().trim().min(1).max(50).optional(),
  phone: z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' }).optional(),
  /** optional: where a citizen without an account gets the day-before reminder */
  email: z.email({ error: 'common.invalid' }).max(200).optional(),
  note: z.string().trim().max(500).optional(),
  /** the one-time code sent to `phone` (POST /api/public/phone-codes); not needed by staff and accounts */
  phoneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'common.invalid' })
    .optional(),
});
export type BookingInput = z.infer<typeof bookingSchema>;

/** Booking codes avoid 0/O/1/I so they can be read over the phone. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function makeCode(prefix: string, random: (n: number) => Uint8Array): string {
  const bytes = random(10);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${prefix}${s}`;
}
