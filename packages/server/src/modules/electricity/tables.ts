import type { FacilityThresholds } from '@qingshan/core/electricity';
import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';
import { users } from '../users/tables.ts';

// A meter on a production line or on a pollution-control facility (分表计电). The code is the
// meter's MQTT topic segment; a facility names the line it serves and carries its thresholds.
// last_seen_at / last_kw are the newest reading, kept here so R5 and the registry need no scan.
// A meter may also report over HJ 212 (hj212-meters.ts): the data logger's MN and password, and
// the factor code in its frames that carries this meter's power. One logger may report several
// meters of a plant, each under its own code; the password belongs to the logger, so every meter
// of one MN holds the same one (service.ts keeps them equal).

export const electricityMeters = pgTable(
  'electricity_meters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    ratedKw: doublePrecision('rated_kw').notNull(),
    servesMeterId: uuid('serves_meter_id'),
    thresholds: jsonb('thresholds').$type<FacilityThresholds>(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    lastKw: doublePrecision('last_kw'),
    hj212Mn: text('hj212_mn'),
    hj212Password: text('hj212_password'),
    hj212Code: text('hj212_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('electricity_meters_code_uq').on(t.code),
    index('electricity_meters_enterprise_idx').on(t.enterpriseId),
    uniqueIndex('electricity_meters_hj212_uq').on(t.hj212Mn, t.hj212Code),
  ],
);

// One row per meter and instant: a meter re-sending the same instant changes nothing.
export const electricityReadings = pgTable(
  'electricity_readings',
  {
    meterId: uuid('meter_id')
      .notNull()
      .references(() => electricityMeters.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kw: doublePrecision('kw').notNull(),
    kwh: doublePrecision('kwh'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'electricity_readings_pk', columns: [t.meterId, t.at] })],
);

// 限产/停产 during a heavy-pollution alert: a record with its period, which R4 checks.
export const restrictionOrders = pgTable(
  'restriction_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    kind: text('kind').notNull(),
    maxLoadPercent: doublePrecision('max_load_percent'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    documentNo: text('document_no').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('restriction_orders_enterprise_idx').on(t.enterpriseId, t.startsAt)],
);
