import type { CaseStage, CaseStageRecord, CheckResult } from '@qingshan/core/site-inspections';
import {
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clues } from '../clues/tables.ts';
import { enterprises } from '../enterprises/tables.ts';
import { inspectionDraws } from '../inspections/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ChecklistEntry = { key: string; result: CheckResult; note: string };

/**
 * An inspection record: on-site (现场检查, with location, photos and the enterprise's signature or
 * refusal) or off-site (非现场检查, built from monitoring data, an alarm, video or a clue). A draft
 * until completed; completed records are read by the enterprise and feed a draw's published results.
 */
export const siteInspections = pgTable(
  'site_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    drawId: uuid('draw_id').references(() => inspectionDraws.id),
    status: text('status').notNull().default('draft'),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspectorNames: jsonb('inspector_names').$type<string[]>().notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    place: text('place').notNull().default(''),
    offSiteSource: text('off_site_source'),
    alarmId: uuid('alarm_id'),
    clueId: uuid('clue_id').references(() => clues.id),
    sourceRef: text('source_ref').notNull().default(''),
    checklist: jsonb('checklist').$type<ChecklistEntry[]>().notNull(),
    summary: text('summary').notNull().default(''),
    signerName: text('signer_name'),
    refusalReason: text('refusal_reason'),
    witness: text('witness'),
    officerId: uuid('officer_id'),
    officerName: text('officer_name').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('site_inspections_enterprise_idx').on(t.enterpriseId, t.inspectedOn),
    index('site_inspections_draw_idx').on(t.drawId),
    index('site_inspections_inspected_idx').on(t.inspectedOn),
  ],
);

/** A finding of an inspection; a minor one with a requirement becomes a rectification order on completion. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => siteInspections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    severity: text('severity').notNull(),
    itemKey: text('item_key'),
    requirement: text('requirement'),
  },
  (t) => [index('inspection_findings_inspection_idx').on(t.inspectionId)],
);

/**
 * Files of the module, kept in the database like visits' attachments (small; capped in the route):
 * an inspection's photos and its signature, and an order's proof. enterpriseId scopes every read.
 */
export const inspectionFiles = pgTable(
  'inspection_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'inspection' (a photo), 'signature', 'order' (proof of rectification) */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** the answer a proof file was sent with; null until the enterprise answers */
    answerId: uuid('answer_id'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_files_owner_idx').on(t.ownerType, t.ownerId)],
);

/** 责令改正: one per finding that carries a requirement; its deadline lives on its clock. */
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .unique()
      .references(() => inspectionFindings.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => siteInspections.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    requirement: text('requirement').notNull(),
    status: text('status').notNull().default('open'),
    clockId: uuid('clock_id').notNull(),
    /** the clock's verdict when the accepted answer was submitted */
    onTime: integer('on_time'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectification_orders_enterprise_idx').on(t.enterpriseId, t.status),
    index('rectification_orders_status_idx').on(t.status),
  ],
);

/** The enterprise's answers to an order, each verified (accepted or returned) by an officer. */
export const rectificationAnswers = pgTable(
  'rectification_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => rectificationOrders.id),
    text: text('text').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedByName: text('submitted_by_name').notNull(),
    verdict: text('verdict'),
    reason: text('reason'),
    verifiedByName: text('verified_by_name'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [index('rectification_answers_order_idx').on(t.orderId)],
);

/** A penalty case (行政处罚案件) opened on a serious finding, with each stage's who and when. */
export const enforcementCases = pgTable(
  'enforcement_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => inspectionFindings.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    title: text('title').notNull(),
    stage: text('stage').$type<CaseStage>().notNull(),
    stages: jsonb('stages').$type<CaseStageRecord[]>().notNull(),
    decisionNumber: text('decision_number'),
    penaltyAmount: numeric('penalty_amount', { precision: 12, scale: 2 }),
    decidedOn: date('decided_on', { mode: 'string' }),
    // what the decision says, as the public penalty list publishes it (行政处罚信息公开)
    facts: text('facts'),
    legalBasis: text('legal_basis'),
    penaltyContent: text('penalty_content'),
    /** the deciding authority as it stood at the decision */
    decidedBy: text('decided_by'),
    /** published on the portal: at the decision itself (PENALTY_PUBLICITY) */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** a revoked decision is withdrawn from the public list; its reason is shown in its place */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enforcement_cases_finding_uq').on(t.findingId),
    unique('enforcement_cases_decision_number_uq').on(t.decisionNumber),
    index('enforcement_cases_enterprise_idx').on(t.enterpriseId),
    index('enforcement_cases_decided_idx').on(t.decidedOn),
  ],
);
