import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ClueEvidence = {
  photos: string[];
  /** when the patrol, image or camera saw it (ISO), if the source says */
  observedAt: string | null;
  /** the import batch, video point, report or concern it came from, in words */
  origin: string;
};

/**
 * A lead to verify (线索). Its due date is not copied here: it lives on the clue's verification
 * clock (clue.verification), the only owner; closedOnTime keeps the clock's verdict at closing.
 */
export const clues = pgTable(
  'clues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    /** the record it came from: an import batch, a video point, a report, a reception concern */
    sourceRef: text('source_ref').notNull(),
    /** the feature's index in its import batch; 0 for single records */
    sourceIndex: integer('source_index').notNull().default(0),
    description: text('description').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    evidence: jsonb('evidence').$type<ClueEvidence>().notNull(),
    /** the nearest registered site when the clue was placed, and how far it was */
    suggestedEnterpriseId: uuid('suggested_enterprise_id').references(() => enterprises.id),
    suggestedDistanceM: integer('suggested_distance_m'),
    /** the enterprise the officer confirmed (null until confirmed, or confirmed as none) */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    matchConfirmedAt: timestamp('match_confirmed_at', { withTimezone: true }),
    matchConfirmedByName: text('match_confirmed_by_name'),
    status: text('status').notNull().default('pending'),
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedByName: text('verified_by_name'),
    closedOnTime: boolean('closed_on_time'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // a report or concern becomes one clue, a batch's feature one clue
    unique('clues_source_uq').on(t.source, t.sourceRef, t.sourceIndex),
    index('clues_status_idx').on(t.status),
    index('clues_enterprise_idx').on(t.enterpriseId),
    index('clues_created_idx').on(t.createdAt),
  ],
);

/** A drone patrol or remote-sensing batch imported as GeoJSON. */
export const clueBatches = pgTable('clue_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  batchName: text('batch_name').notNull(),
  features: integer('features').notNull(),
  importedByName: text('imported_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A video point (视频监控点位) with the link to its latest snapshot. */
export const videoPoints = pgTable('video_points', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  snapshotUrl: text('snapshot_url').notNull(),
  enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A clue's photos, kept in the database like inspection photos (each ≤ 5 MB, at most 20 a clue):
 * those sent with its import batch, and those an officer adds while verifying it. Links to photos
 * kept elsewhere (a video point's snapshot) stay in the evidence's `photos`.
 */
export const clueFiles = pgTable(
  'clue_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => clues.id, { onDelete: 'cascade' }),
    /** 'import' (sent with the batch) or 'verification' (added by the officer) */
    stage: text('stage').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clue_files_clue_idx').on(t.clueId, t.createdAt)],
);
