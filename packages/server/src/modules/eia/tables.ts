import type { EiaCategory, EiaPath, EiaState } from '@qingshan/core/eia';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

export type EiaClassificationEvidence = {
  catalogueVersion: string;
  industryCode: string;
  constructionType: string;
  facts: Record<string, unknown>;
  row: number | null;
  rowTitle: string | null;
  column: string | null;
  columnLabel: string | null;
  quote: string;
  clause: string | null;
  basis: string;
  categoryLabel: string;
  permit?: { item: number; classLabel: string; basis: string } | undefined;
};

// An EIA case (环评事项): one project of one enterprise on one path. The due dates of its
// publicity and verification live on their clocks (publicityClockId, verificationClockId).
export const eiaCases = pgTable(
  'eia_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** the number shown to the enterprise and on the portal (环评-2020-0001) */
    code: text('code').notNull().unique(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    path: text('path').$type<EiaPath>().notNull(),
    state: text('state').$type<EiaState>().notNull(),
    projectName: text('project_name').notNull(),
    projectAddress: text('project_address').notNull(),
    constructionType: text('construction_type').notNull(),
    industryCode: text('industry_code').notNull(),
    category: text('category').$type<EiaCategory>().notNull(),
    /** the catalogue row and column the project was classified under, cited as text */
    catalogueRow: text('catalogue_row').notNull(),
    /**
     * what the classification engine was given and answered (row, column, quote, catalogue
     * edition): the evidence for the category; null only on cases opened before it was kept
     */
    classification: jsonb('classification').$type<EiaClassificationEvidence>(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    inSensitiveArea: boolean('in_sensitive_area').notNull().default(false),
    electroplating: boolean('electroplating').notNull().default(false),
    nationalSecurity: boolean('national_security').notNull().default(false),
    /** the commitment text the builder signed, as it read that day (rule eia.commitment.text) */
    commitmentText: text('commitment_text'),
    commitmentSignedAt: timestamp('commitment_signed_at', { withTimezone: true }),
    acceptedOn: date('accepted_on', { mode: 'string' }).notNull(),
    publicityClockId: uuid('publicity_clock_id'),
    /** the day of the decision, determination or filing (the figures count by it) */
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedByName: text('decided_by_name'),
    /** this bureau's 文号, or the city bureau's 批复文号 for a report book */
    documentNo: text('document_no'),
    decisionReason: text('decision_reason'),
    exemptionList: text('exemption_list'),
    exemptionEntry: text('exemption_entry'),
    /** the 备案编号 the national filing system gave */
    receiptNo: text('receipt_no'),
    verificationClockId: uuid('verification_clock_id'),
    verificationResult: text('verification_result'),
    verificationNote: text('verification_note'),
    verifiedOn: date('verified_on', { mode: 'string' }),
    revocationReason: text('revocation_reason'),
    /** what a revocation means for the enterprise's environmental credit; the credit module reads it */
    creditConsequence: text('credit_consequence'),
    /** the accepted application (applications module) the case was opened from */
    applicationId: text('application_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('eia_cases_enterprise_idx').on(t.enterpriseId),
    index('eia_cases_path_decided_idx').on(t.path, t.decidedOn),
    index('eia_cases_state_idx').on(t.state),
    // one case per application; the bureau's own 文号 never repeat (a city 批复文号 is not ours)
    uniqueIndex('eia_cases_application_uq').on(t.applicationId),
    uniqueIndex('eia_cases_document_no_uq').on(t.documentNo).where(sql`${t.path} <> 'report-book'`),
  ],
);

/** A citizen's objection during publicity; it must be answered before the decision. */
export const eiaObjections = pgTable(
  'eia_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => eiaCases.id),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    content: text('content').notNull(),
    citizenUserId: uuid('citizen_user_id'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('eia_objections_case_idx').on(t.caseId)],
);
