import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type Contact = { name: string; phone: string; role?: string | undefined };

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    // initials + full pinyin of the name, so 'sljh' finds 上栗金花… (kept in step by the service)
    nameSearch: text('name_search').notNull(),
    uscc: text('uscc').notNull().unique(),
    usccValid: boolean('uscc_valid').notNull(),
    usccOverrideReason: text('uscc_override_reason'),
    legalRepresentative: text('legal_representative'),
    contacts: jsonb('contacts').$type<Contact[]>().notNull().default([]),
    address: text('address').notNull(),
    townCode: text('town_code').notNull(),
    industryCode: text('industry_code').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    status: text('status').notNull().default('operating'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    creditGrade: text('credit_grade'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('enterprises_town_idx').on(t.townCode),
    index('enterprises_industry_idx').on(t.industryCode),
    index('enterprises_name_idx').on(t.name),
  ],
);
