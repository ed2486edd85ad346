import type { StoredRuleState } from '@qingshan/core/monitoring-rules';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

// The monitoring registry: enterprise → station (a data logger at one outlet, with its MN and
// password) → factors (code, limit and the emission standard it comes from). The outlet is kept on
// the station (one logger per outlet is how the county's permits read).
export const monitoringStations = pgTable(
  'monitoring_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    name: text('name').notNull(),
    mn: text('mn').notNull(),
    password: text('password').notNull(),
    edition: text('edition').notNull(),
    outletKind: text('outlet_kind').notNull(),
    outletCode: text('outlet_code'),
    outletName: text('outlet_name'),
    /** where the outlet is: as the permit describes it, with coordinates when known */
    outletLocation: text('outlet_location'),
    rtdIntervalSeconds: integer('rtd_interval_seconds').notNull(),
    minIntervalMinutes: integer('min_interval_minutes').notNull(),
    /** CRC variants this device is allowed (hj212.md §3): the lenient decoder's per-device quirks */
    crcModes: jsonb('crc_modes').$type<string[]>().notNull().default([]),
    lastFrameAt: timestamp('last_frame_at', { withTimezone: true }),
    lastDataTime: timestamp('last_data_time', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_stations_mn_uq').on(t.mn),
    index('monitoring_stations_enterprise_idx').on(t.enterpriseId),
  ],
);

export const monitoringFactors = pgTable(
  'monitoring_factors',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => monitoringStations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    upperLimit: doublePrecision('upper_limit'),
    lowerLimit: doublePrecision('lower_limit'),
    unit: text('unit'),
    standard: text('standard'),
    rangeMax: doublePrecision('range_max'),
  },
  (t) => [primaryKey({ name: 'monitoring_factors_pk', columns: [t.stationId, t.code] })],
);

// Every frame received from a registered or unknown logger, as sent: the evidence behind each
// reading. A retransmit (same MN + QN, or same MN + CN + DataTime when the frame has no QN) hits a
// unique index, which is how the gateway knows it already stored it and only acks again. The QN
// index also holds CN and DataTime: a logger answers a request (补传) with 9011, one upload per
// period and 9012, all under the request's QN (附录 C), and each of them is a frame of its own.
// station_id is no foreign key: the check cost ingest a lookup and a row lock per frame (about 40 %
// of this insert, bench:ingest-profile), while the writer only ever stores the id of a station row
// it holds locked (ingest.ts), and no station is ever deleted. Whoever adds deleting a station
// deletes its frames and readings in the same transaction.
export const monitoringFrames = pgTable(
  'monitoring_frames',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: uuid('station_id'),
    mn: text('mn').notNull(),
    qn: text('qn'),
    cn: text('cn'),
    dataTime: timestamp('data_time', { withTimezone: true }),
    raw: text('raw').notNull(),
    crcValid: boolean('crc_valid').notNull(),
    issues: jsonb('issues').$type<string[]>().notNull().default([]),
    remoteAddress: text('remote_address'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_frames_mn_qn_uq')
      .on(t.mn, t.qn, sql`coalesce(${t.cn}, '')`, sql`coalesce(${t.dataTime}, 'epoch'::timestamptz)`)
      .where(sql`${t.qn} is not null`),
    uniqueIndex('monitoring_frames_mn_cn_time_uq').on(t.mn, t.cn, t.dataTime).where(sql`${t.qn} is null`),
    index('monitoring_frames_station_idx').on(t.stationId, t.receivedAt),
    // received_at only ever grows as frames arrive (a replayed journal adds a few older ones), and
    // it is only asked for ranges (the rollup pass: what arrived since; retention: what is older
    // than the cutoff): a BRIN index serves both for a few pages and costs an insert almost
    // nothing, where the B-tree it replaces took an entry per frame (issue 11, P3)
    index('monitoring_frames_received_idx').using('brin', t.receivedAt),
    // The frames of a logger with no station (an electricity meter logger, or an MN in quarantine),
    // listed and counted by MN in a window (frames.ts pageFrames): without it the count scanned the
    // whole table and the page walked every logger's frames of the window (EXPLAIN ANALYZE on 716,000
    // frames, a week of 50 stations and 20 meter loggers: count 492 → 60 ms, page 24 → 3 ms).
    // Partial, so a station's frame — nearly all ingest — writes no entry in it.
    index('monitoring_frames_logger_idx').on(t.mn, t.receivedAt).where(sql`${t.stationId} is null`),
  ],
);

// Loggers nobody registered: one row per MN with its latest raw frame, until staff register the
// station (its archived frames are then replayed into readings) or reject it.
export const monitoringQuarantine = pgTable(
  'monitoring_quarantine',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mn: text('mn').notNull(),
    state: text('state').notNull().default('open'),
    frameCount: integer('frame_count').notNull().default(0),
    lastRaw: text('last_raw').notNull(),
    lastCn: text('last_cn'),
    lastSt: text('last_st'),
    remoteAddress: text('remote_address'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('monitoring_quarantine_mn_uq').on(t.mn), index('monitoring_quarantine_state_idx').on(t.state)],
);

// What the alarm rules remember of each station between frames (core/monitoring-rules.ts): a few
// numbers per factor, so evaluating a frame costs one read and one write, never a history scan.
// Written only while the station's row is locked (rules.ts lockRuleStates). json, not jsonb: the
// state is only ever read and written whole, every batch, and jsonb's conversion both ways cost
// about a third of that write (psql, 50 states of 3.8 kB). Packed (core packRuleState): 728 B
// for ten factors after 200 frames against 3,595 B unpacked, under the 2 kB above which
// PostgreSQL compresses every write; a state written before packing still reads (unpackRuleState).
export const monitoringRuleStates = pgTable('monitoring_rule_states', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => monitoringStations.id, { onDelete: 'cascade' }),
  ruleState: json('rule_state').$type<StoredRuleState>().notNull(),
  /** when the gateway last stored a frame carrying readings: the missing-data rule's clock */
  lastReadingAt: timestamp('last_reading_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// Which database this is: one row, a random id given by the migration that made the table, so every
// migrated database has its own and a copy restored from a dump (backup/dump.ts leaves this table
// out) gets a new one. The ingest journal (journal-identity.ts) records it beside the frames it
// acked, and replays them only into the database it recorded.
export const databaseIdentity = pgTable(
  'database_identity',
  {
    singleRow: boolean('single_row').primaryKey().default(true),
    id: uuid('id').notNull().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('database_identity_single_row', sql`${t.singleRow}`)],
);
