import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

// A monthly reception day (接待日): an enterprise day or a public day.
export const receptionSessions = pgTable(
  'reception_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    leaderName: text('leader_name').notNull(),
    leaderUserId: uuid('leader_user_id'),
    sections: text('sections').array().notNull().default(sql`'{}'::text[]`),
    location: text('location'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('reception_sessions_kind_date_uq').on(t.kind, t.date),
    index('reception_sessions_date_idx').on(t.date),
  ],
);

export const receptionBookings = pgTable(
  'reception_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => receptionSessions.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    // public-day bookings: the citizen's name and phone (masked wherever lists are shown)
    citizenName: text('citizen_name'),
    citizenPhone: text('citizen_phone'),
    citizenUserId: uuid('citizen_user_id'),
    people: text('people').array().notNull().default(sql`'{}'::text[]`),
    peopleCount: integer('people_count').notNull(),
    contactPhone: text('contact_phone'),
    concern: text('concern').notNull(),
    status: text('status').notNull().default('booked'),
    /** the booker's network address: the per-address limits count by it */
    clientIp: text('client_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the order records were made in: two made within the clock's resolution still keep theirs */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('reception_bookings_session_idx').on(t.sessionId),
    index('reception_bookings_enterprise_idx').on(t.enterpriseId),
    index('reception_bookings_phone_idx').on(t.citizenPhone),
    index('reception_bookings_client_ip_idx').on(t.clientIp),
  ],
);

// One row per person who came, walk-ins included: 人次 counts these rows.
export const receptionAttendances = pgTable(
  'reception_attendances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => receptionSessions.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    bookingId: uuid('booking_id').references(() => receptionBookings.id),
    personName: text('person_name').notNull(),
    phone: text('phone'),
    walkIn: boolean('walk_in').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** the order records were made in: two made within the clock's resolution still keep theirs */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('reception_attendances_session_idx').on(t.sessionId),
    index('reception_attendances_enterprise_idx').on(t.enterpriseId),
  ],
);

export const receptionConcerns = pgTable(
  'reception_concerns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => receptionSessions.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    raisedBy: text('raised_by').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    answer: text('answer'),
    accepted: boolean('accepted'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    followUpUserId: uuid('follow_up_user_id'),
    followUpName: text('follow_up_name'),
    dueDate: date('due_date', { mode: 'string' }),
    clockId: uuid('clock_id'),
    status: text('status').notNull().default('open'),
    resolution: text('resolution'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    petitionId: uuid('petition_id'),
    published: boolean('published').notNull().default(false),
    caseTitle: text('case_title'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('reception_concerns_session_idx').on(t.sessionId),
    index('reception_concerns_enterprise_idx').on(t.enterpriseId),
    index('reception_concerns_status_idx').on(t.status),
  ],
);
