import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

/** A window service that takes appointments (e.g. 环评咨询窗口, 排污许可帮办窗口). */
export const appointmentServices = pgTable('appointment_services', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description'),
  location: text('location').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  // Bumped by every edit: an edit made from a stale form is refused with RECORD_CHANGED.
  version: integer('version').notNull().default(1),
});

export const appointmentPlans = pgTable(
  'appointment_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    dayRule: text('day_rule').notNull(),
    weekdays: smallint('weekdays').array().notNull().default(sql`'{}'::smallint[]`),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    capacity: integer('capacity').notNull(),
    extended: boolean('extended').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_plans_service_idx').on(t.serviceId)],
);

export const appointmentExceptions = pgTable(
  'appointment_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    slotMinutes: integer('slot_minutes'),
    capacity: integer('capacity'),
    extended: boolean('extended'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_exceptions_service_idx').on(t.serviceId, t.date)],
);

/**
 * Slots are materialised from plans and exceptions so that capacity can be enforced with one
 * conditional UPDATE (booked < capacity) under concurrent bookings. A slot that plans no longer
 * produce is closed, not deleted, so bookings already in it keep their row.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    extended: boolean('extended').notNull(),
    closed: boolean('closed').notNull().default(false),
  },
  (t) => [
    uniqueIndex('appointment_slots_unique').on(t.serviceId, t.date, t.startTime),
    index('appointment_slots_date_idx').on(t.date),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => appointmentServices.id),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    // Copied from the slot at booking/move time: the figures count by them without a join.
    date: date('date', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    extended: boolean('extended').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    citizenUserId: uuid('citizen_user_id').references(() => users.id),
    /** who the per-applicant limit counts: 'e:<id>', 'u:<id>' or 'p:<phone>' */
    applicantKey: text('applicant_key').notNull(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    matter: text('matter').notNull(),
    note: text('note'),
    status: text('status').notNull().default('booked'),
    createdBy: uuid('created_by'),
    /** the booker's network address: the per-address limits count by it */
    clientIp: text('client_ip'),
    servedBy: uuid('served_by'),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    servedAt: timestamp('served_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_date_idx').on(t.date),
    index('appointments_slot_idx').on(t.slotId),
    index('appointments_enterprise_idx').on(t.enterpriseId),
    index('appointments_phone_idx').on(t.phone),
    index('appointments_client_ip_idx').on(t.clientIp),
    // One open booking per applicant and service (rules.md §5), also under concurrent requests.
    uniqueIndex('appointments_one_open').on(t.serviceId, t.applicantKey).where(sql`status in ('booked', 'arrived')`),
  ],
);
