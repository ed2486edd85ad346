import type { ClassRatios, DrawInputs, DrawTarget, InspectionClass } from '@qingshan/core/inspection-draws';
import {
  boolean,
  date,
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

/** 检查对象名录库: one row per enterprise with its Jiangxi class and why. */
export const inspectionObjects = pgTable(
  'inspection_objects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .unique()
      .references(() => enterprises.id),
    class: text('class').$type<InspectionClass>().notNull(),
    basis: text('basis').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_objects_class_idx').on(t.class)],
);

export type InspectorConflict = { enterpriseId: string; kind: string; note: string };

/** 执法检查人员名录库: inspectors (with or without a platform account) and their conflicts (回避). */
export const inspectors = pgTable('inspectors', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** the platform account, when the inspector has one: it makes them part of a draw's team */
  userId: uuid('user_id'),
  name: text('name').notNull(),
  /** the town the inspector lives in, for the own-town avoidance rule */
  townCode: text('town_code'),
  active: boolean('active').notNull().default(true),
  conflicts: jsonb('conflicts').$type<InspectorConflict[]>().notNull().default([]),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The version of each library ('objects', 'inspectors'): bumped in the transaction of every
 * change, and recorded on each draw beside the snapshot of the library it drew from.
 */
export const inspectionLibraryVersions = pgTable('inspection_library_versions', {
  kind: text('kind').primaryKey(),
  version: integer('version').notNull(),
});

/** A quarterly or yearly plan: the ratios in force when it was made, with the rule versions they came from. */
export const inspectionPlans = pgTable('inspection_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  period: text('period').notNull(),
  quarter: integer('quarter'),
  ratios: jsonb('ratios').$type<ClassRatios>().notNull(),
  inspectorsPerTarget: integer('inspectors_per_target').notNull(),
  avoidOwnTown: integer('avoid_own_town').notNull(),
  listedWeight: doublePrecision('listed_weight').notNull(),
  ruleVersions: jsonb('rule_versions').$type<Record<string, number>>().notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A draw: its seed, the exact inputs (both libraries' snapshots, the plan's ratios), their hash and
 * the libraries' versions, and the targets. Secret until published: only the team reads it.
 */
export const inspectionDraws = pgTable(
  'inspection_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    inputs: jsonb('inputs').$type<DrawInputs>().notNull(),
    inputsHash: text('inputs_hash').notNull(),
    objectsVersion: integer('objects_version').notNull(),
    inspectorsVersion: integer('inspectors_version').notNull(),
    targets: jsonb('targets').$type<DrawTarget[]>().notNull(),
    /** user ids of the inspection team: who drew it and the drawn inspectors with accounts */
    team: jsonb('team').$type<string[]>().notNull(),
    status: text('status').notNull().default('drawn'),
    drawnBy: uuid('drawn_by'),
    drawnByName: text('drawn_by_name').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
    publishDueOn: date('publish_due_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('inspection_draws_plan_idx').on(t.planId)],
);

/** One published result per drawn firm. */
export const inspectionResults = pgTable(
  'inspection_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => inspectionDraws.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('inspection_results_draw_enterprise_uq').on(t.drawId, t.enterpriseId)],
);
