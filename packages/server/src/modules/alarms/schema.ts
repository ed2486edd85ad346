import { isoDateSchema } from '@qingshan/core';
import {
  ALARM_KIND_LABELS,
  ALARM_KINDS,
  ALARM_SOURCE_KINDS,
  ALARM_STATES,
  type AlarmKind,
  alarmAnswerBody,
  alarmCloseBody,
  answerDueAt,
  answeredInTime,
} from '@qingshan/core/alarms';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import type { AlarmRow } from './service.ts';
import type { alarmEvents } from './tables.ts';

export { alarmAnswerBody, alarmCloseBody };

export const alarmIdParams = z.object({ id: z.uuid() });

const MAX_PERIOD_DAYS = 366;

export const alarmsQuery = z
  .object({
    /** alarms whose source is this monitoring station */
    stationId: z.string().trim().min(1).max(64).optional(),
    sourceKind: z.enum(ALARM_SOURCE_KINDS).optional(),
    sourceId: z.string().trim().min(1).max(64).optional(),
    enterpriseId: z.uuid().optional(),
    kind: z.enum(ALARM_KINDS).optional(),
    /** `open`: every alarm an officer has not closed yet (active, or cleared but not reviewed) — the overview's count */
    state: z.enum([...ALARM_STATES, 'open']).optional(),
    answered: z.stringbool().optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** by the time the alarm was raised: newest first (the default) or oldest first */
    sort: z.enum(['-raisedAt', 'raisedAt']).default('-raisedAt'),
    page: paging.page,
    pageSize: paging.pageSize,
  })
  // message keys (ALARM_MESSAGES), so an English reader is told what is wrong, not "invalid value"
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'alarms.periodReversed' })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    path: ['to'],
    message: 'alarms.periodTooLong',
    params: { days: MAX_PERIOD_DAYS },
  });

export const alarmViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ALARM_KINDS),
  kindLabel: z.string(),
  /** the rule's source, shown beside the kind */
  kindSource: z.string(),
  state: z.enum(ALARM_STATES),
  acknowledged: z.boolean(),
  sourceKind: z.enum(ALARM_SOURCE_KINDS),
  sourceId: z.string(),
  sourceName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  detail: z.string(),
  /** the detail in English; null on alarms raised before it was kept */
  detailEn: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()),
  occurrences: z.number(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredInTime: z.boolean(),
  /** the answer is due by then (2 hours after the alarm was raised); unanswered, it is escalated */
  answerDueAt: z.string(),
  answerReason: z.string().nullable(),
  answerAction: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  outcome: z.enum(['confirmed', 'dismissed']).nullable(),
  reviewNote: z.string().nullable(),
  /** the closed alarm this one repeats: its condition still held after the officer closed it */
  recurrenceOf: z.string().nullable(),
});
export type AlarmView = z.infer<typeof alarmViewSchema>;

export const alarmDetailSchema = z.object({
  alarm: alarmViewSchema,
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      at: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
      /** the platform's own note in English; people's words (and sent messages) are kept only as written */
      noteEn: z.string().nullable(),
    }),
  ),
  attachment: z.object({ name: z.string(), contentType: z.string(), size: z.number() }).nullable(),
});
export type AlarmDetailView = z.infer<typeof alarmDetailSchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toAlarmView(a: AlarmRow & { enterpriseName: string }): AlarmView {
  const label = ALARM_KIND_LABELS[a.kind as AlarmKind];
  return {
    id: a.id,
    kind: a.kind as AlarmView['kind'],
    kindLabel: label?.zh ?? a.kind,
    kindSource: label?.source ?? '',
    state: a.state as AlarmView['state'],
    acknowledged: a.answeredAt !== null,
    sourceKind: a.sourceKind as AlarmView['sourceKind'],
    sourceId: a.sourceId,
    sourceName: a.sourceName,
    enterpriseId: a.enterpriseId,
    enterpriseName: a.enterpriseName,
    detail: a.detail,
    detailEn: a.detailEn,
    evidence: (a.evidence ?? {}) as Record<string, unknown>,
    occurrences: a.occurrences,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    raisedAt: a.raisedAt.toISOString(),
    clearedAt: iso(a.clearedAt),
    answeredAt: iso(a.answeredAt),
    answeredInTime: answeredInTime(a.raisedAt, a.answeredAt),
    answerDueAt: answerDueAt(a.raisedAt).toISOString(),
    answerReason: a.answerReason,
    answerAction: a.answerAction,
    escalatedAt: iso(a.escalatedAt),
    closedAt: iso(a.closedAt),
    closedByName: a.closedByName,
    outcome: (a.outcome as AlarmView['outcome']) ?? null,
    reviewNote: a.reviewNote,
    recurrenceOf: a.recurrenceOf,
  };
}

export function toAlarmDetailView(d: {
  alarm: AlarmRow & { enterpriseName: string };
  events: (typeof alarmEvents.$inferSelect)[];
  attachment: { name: string; contentType: string; size: number } | null;
}): AlarmDetailView {
  return {
    alarm: toAlarmView(d.alarm),
    events: d.events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at.toISOString(),
      actorName: e.actorName,
      note: e.note,
      noteEn: e.noteEn,
    })),
    attachment: d.attachment,
  };
}
