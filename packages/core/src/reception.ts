/**
 * Reception days (服务企业接待日 / 服务群众接待日, rules.md §5): kinds, concern categories and the
 * booking rules. The caps are data (rules 'reception.max-enterprises-per-day' and
 * 'reception.max-people-per-enterprise'); this module only applies the values it is given.
 */
import { z } from 'zod';
import { isChinesePhone } from './enterprise.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema as isoDate } from './text.ts';

export const RECEPTION_KINDS = ['enterprise', 'public'] as const;
export type ReceptionKind = (typeof RECEPTION_KINDS)[number];
export const RECEPTION_KIND_LABELS: Readonly<Record<ReceptionKind, { zh: string; en: string }>> = {
  enterprise: { zh: '服务企业接待日', en: 'enterprise reception day' },
  public: { zh: '服务群众接待日', en: 'public reception day' },
};

export const CONCERN_CATEGORIES = [
  'waste',
  'waste-gas-facility',
  'runoff',
  'permit',
  'eia',
  'complaint',
  'other',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export const CONCERN_CATEGORY_LABELS: Readonly<Record<ConcernCategory, { zh: string; en: string }>> = {
  waste: { zh: '固体废物', en: 'waste' },
  'waste-gas-facility': { zh: '废气治理设施', en: 'waste-gas facilities' },
  runoff: { zh: '雨污分流/废水', en: 'runoff and wastewater' },
  permit: { zh: '排污许可', en: 'discharge permit' },
  eia: { zh: '环评手续', en: 'EIA' },
  complaint: { zh: '投诉举报', en: 'complaint' },
  other: { zh: '其他', en: 'other' },
};

/** open → (answered, still being followed up) → resolved; or not-accepted at once. */
export const CONCERN_STATUSES = ['open', 'resolved', 'not-accepted'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export const CONCERN_STATUS_LABELS: Readonly<Record<ConcernStatus, { zh: string; en: string }>> = {
  open: { zh: '办理中', en: 'open' },
  resolved: { zh: '已解决', en: 'resolved' },
  'not-accepted': { zh: '不予受理', en: 'not accepted' },
};

/** The published cases' orders: latest published first (the default) or earliest; by reception day either way. */
export const RECEPTION_CASE_SORTS = ['-publishedAt', 'publishedAt', '-sessionDate', 'sessionDate'] as const;
export type ReceptionCaseSort = (typeof RECEPTION_CASE_SORTS)[number];

export const RECEPTION_RULE_KEYS = {
  maxEnterprisesPerDay: 'reception.max-enterprises-per-day',
  maxPeoplePerEnterprise: 'reception.max-people-per-enterprise',
} as const;

export type ReceptionCaps = { maxEnterprisesPerDay: number; maxPeoplePerEnterprise: number };

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' });

export const receptionSessionCreateSchema = z.strictObject({
  kind: z.enum(RECEPTION_KINDS),
  date: isoDate,
  leaderName: text(50),
  leaderUserId: z.uuid().optional(),
  sections: z.array(text(50)).max(20).default([]),
  location: z.string().trim().max(200).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type ReceptionSessionCreate = z.infer<typeof receptionSessionCreateSchema>;

export const receptionSessionPatchSchema = receptionSessionCreateSchema.omit({ kind: true, date: true }).partial();

/** An enterprise books its own day; staff may book on an enterprise's behalf (enterpriseId). */
export const enterpriseBookingSchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  // one row a person: the same name twice would count one person as two against the cap
  people: z
    .array(text(50))
    .min(1)
    .max(20)
    .refine((names) => new Set(names).size === names.length, { error: 'reception.people-repeated' }),
  contactPhone: phone.optional(),
  concern: text(500),
});
export type EnterpriseBooking = z.infer<typeof enterpriseBookingSchema>;

/**
 * 《信访工作条例》第二十条: several people raising a shared matter in person choose representatives,
 * no more than 5. A law, not a local default, so it is not an editable rule.
 */
export const MAX_GROUP_REPRESENTATIVES = 5;

/** A citizen books a public day with a name and a phone; no account needed. */
export const publicBookingSchema = z.strictObject({
  name: text(50),
  phone,
  people: z
    .number()
    .int()
    .min(1)
    .max(MAX_GROUP_REPRESENTATIVES, { error: 'reception.group-representatives' })
    .default(1),
  concern: text(500),
  /** the one-time code sent to `phone` (POST /api/public/phone-codes) */
  phoneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: 'common.invalid' })
    .optional(),
});
export type PublicBooking = z.infer<typeof publicBookingSchema>;

export const attendanceCreateSchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  bookingId: z.uuid().optional(),
  people: z
    .array(z.strictObject({ name: text(50), phone: phone.optional() }))
    .min(1)
    .max(20),
});
export type AttendanceCreate = z.infer<typeof attendanceCreateSchema>;

export const concernCreateSchema = z.strictObject({
  enterpriseId: z.uuid().optional(),
  raisedBy: text(50),
  category: z.enum(CONCERN_CATEGORIES),
  description: text(2000),
});
export type ConcernCreate = z.infer<typeof concernCreateSchema>;

/** The answer given at the session: accepted (with who follows up) or not accepted. */
export const concernAnswerSchema = z.strictObject({
  answer: text(2000),
  accepted: z.boolean(),
  followUpUserId: z.uuid().optional(),
  followUpName: z.string().trim().max(50).optional(),
  version: z.number().int().min(1),
});
export type ConcernAnswer = z.infer<typeof concernAnswerSchema>;

export const concernResolveSchema = z.strictObject({
  resolution: text(2000),
  version: z.number().int().min(1),
});

export const concernPublishSchema = z.strictObject({
  published: z.boolean(),
  caseTitle: z.string().trim().min(2).max(100).optional(),
  version: z.number().int().min(1),
});

export type BookingIssue =
  | { rule: 'past-date'; date: string; today: string }
  | { rule: 'wrong-kind'; expected: ReceptionKind }
  | { rule: 'day-full'; cap: number }
  | { rule: 'too-many-people'; cap: number; requested: number }
  | { rule: 'already-booked' };

/**
 * Whether a booking may be taken. Dates are 'YYYY-MM-DD' in Asia/Shanghai; a session on today's
 * date can still be booked (walk-ins are recorded as attendance instead).
 */
export function checkBooking(input: {
  sessionKind: ReceptionKind;
  sessionDate: string;
  today: string;
  bookingKind: ReceptionKind;
  /** distinct enterprises already booked for the session (excluding this one) */
  enterprisesBooked: number;
  alreadyBooked: boolean;
  people: number;
  caps: ReceptionCaps;
}): BookingIssue | null {
  if (input.sessionDate < input.today) return { rule: 'past-date', date: input.sessionDate, today: input.today };
  if (input.sessionKind !== input.bookingKind) return { rule: 'wrong-kind', expected: input.sessionKind };
  if (input.bookingKind === 'enterprise') {
    if (input.alreadyBooked) return { rule: 'already-booked' };
    if (input.people > input.caps.maxPeoplePerEnterprise) {
      return { rule: 'too-many-people', cap: input.caps.maxPeoplePerEnterprise, requested: input.people };
    }
    if (input.enterprisesBooked >= input.caps.maxEnterprisesPerDay)
      return { rule: 'day-full', cap: input.caps.maxEnterprisesPerDay };
  }
  return null;
}

export function bookingIssueMessage(issue: BookingIssue): { zh: string; en: string } {
  switch (issue.rule) {
    case 'past-date':
      return { zh: `接待日 ${issue.date} 已过，不能预约`, en: `The reception day ${issue.date} has passed` };
    case 'wrong-kind':
      return issue.expected === 'enterprise'
        ? { zh: '这是服务企业接待日，请以企业身份预约', en: 'This is an enterprise day; book as an enterprise' }
        : { zh: '这是服务群众接待日，请以个人身份预约', en: 'This is a public day; book as a citizen' };
    case 'day-full':
      return {
        zh: `本次接待日已约满（每日最多 ${issue.cap} 家企业）`,
        en: `The day is full (at most ${issue.cap} enterprises)`,
      };
    case 'too-many-people':
      return {
        zh: `每家企业最多 ${issue.cap} 人参加，本次填写了 ${issue.requested} 人`,
        en: `At most ${issue.cap} people per enterprise; ${issue.requested} given`,
      };
    case 'already-booked':
      return { zh: '本企业已预约该接待日', en: 'This enterprise has already booked this day' };
  }
}

/** What the reception schemas say when they refuse (module messages: see messages.ts). */
export const RECEPTION_MESSAGES = {
  'reception.group-representatives': {
    zh: '多人共同来访请推选代表，代表人数不超过 5 人（《信访工作条例》第二十条）',
    en: 'a group sends at most 5 representatives (Regulations on Letters and Visits, art. 20)',
  },
  'reception.people-repeated': {
    zh: '参加人员中有重复的姓名，每人只填一次',
    en: 'a name is listed twice: list each person once',
  },
} as const satisfies MessageTable;
