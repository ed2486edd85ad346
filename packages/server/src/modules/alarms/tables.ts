import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// An alarm raised against an enterprise by a source (a monitoring station, a meter, a control
// facility). The partial unique index is the "one active alarm per (source, rule)" of rules.md §4:
// raiseAlarm inserts with ON CONFLICT on it, so two writers raising at once make one alarm.
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    sourceName: text('source_name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('active'),
    detail: text('detail').notNull(),
    // the same in English for the English face; null on alarms raised before it was kept
    detailEn: text('detail_en'),
    evidence: jsonb('evidence').notNull().default({}),
    occurrences: integer('occurrences').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    answerReason: text('answer_reason'),
    answerAction: text('answer_action'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
    outcome: text('outcome'),
    reviewNote: text('review_note'),
    /** raised again because the condition still held after an officer closed this earlier alarm */
    recurrenceOf: uuid('recurrence_of').references((): AnyPgColumn => alarms.id),
  },
  (t) => [
    uniqueIndex('alarms_one_active_uq').on(t.sourceKind, t.sourceId, t.kind).where(sql`state = 'active'`),
    index('alarms_source_idx').on(t.sourceKind, t.sourceId, t.raisedAt),
    index('alarms_enterprise_idx').on(t.enterpriseId, t.raisedAt),
    index('alarms_raised_idx').on(t.raisedAt),
    index('alarms_unanswered_idx')
      .on(t.raisedAt)
      .where(sql`answered_at is null and escalated_at is null and state <> 'closed'`),
  ],
);

// The alarm's timeline as the detail page shows it; the audit trail holds the same steps.
export const alarmEvents = pgTable(
  'alarm_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // steps of one transaction share an instant: the sequence keeps them in the order taken
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    alarmId: uuid('alarm_id')
      .notNull()
      .references(() => alarms.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    // the platform's own notes in English (a raised alarm's detail); people's notes stay as written
    noteEn: text('note_en'),
  },
  (t) => [index('alarm_events_alarm_idx').on(t.alarmId, t.at)],
);

// The enterprise's answer may carry one file (a repair note, a photo): bounded by the body schema.
export const alarmAttachments = pgTable('alarm_attachments', {
  alarmId: uuid('alarm_id')
    .primaryKey()
    .references(() => alarms.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
