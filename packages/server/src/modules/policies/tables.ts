import {
  boolean,
  customType,
  date,
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
import { notifications } from '../notifications/tables.ts';
import { users } from '../users/tables.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// A policy or notice the bureau publishes (政策宣传). industries/towns/topics say whom it concerns;
// empty industries or towns mean all of them.
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    issuer: text('issuer').notNull(),
    documentNo: text('document_no'),
    industries: jsonb('industries').$type<string[]>().notNull(),
    towns: jsonb('towns').$type<string[]>().notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    forCitizens: boolean('for_citizens').notNull().default(false),
    qaOpen: boolean('qa_open').notNull().default(true),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** when it was withdrawn (废止): the disclosure annual report counts repeals by it */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** optimistic lock: an edit sent with an older version is refused (RECORD_CHANGED) */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('policies_status_published_idx').on(t.status, t.publishedAt)],
);

// The policy's documents, kept in the database like a visit's (small files; count and size capped).
export const policyAttachments = pgTable(
  'policy_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_attachments_policy_idx').on(t.policyId)],
);

// What an enterprise or citizen account asks to be sent besides what concerns it; empty = any.
export const policySubscriptions = pgTable('policy_subscriptions', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  industries: jsonb('industries').$type<string[]>().notNull(),
  towns: jsonb('towns').$type<string[]>().notNull(),
  topics: jsonb('topics').$type<string[]>().notNull(),
  kinds: jsonb('kinds').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// One row per account a published policy was pushed to: the reach figure counts these. The inbox
// message (and through it the e-mail, webhook and WeChat deliveries) hangs off notificationId.
export const policyPushes = pgTable(
  'policy_pushes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    notificationId: uuid('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    /** 'concerned' (its enterprise is concerned) or 'subscribed' (its subscription asked for it) */
    reason: text('reason').notNull(),
    pushedAt: timestamp('pushed_at', { withTimezone: true }).notNull().defaultNow(),
    /** when the account opened the policy (or marked its message read) */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    unique('policy_pushes_policy_user_uq').on(t.policyId, t.userId),
    index('policy_pushes_user_idx').on(t.userId, t.pushedAt),
    index('policy_pushes_enterprise_idx').on(t.policyId, t.enterpriseId),
  ],
);

// 政策答疑: an enterprise's question on a policy; a published answer joins the policy's FAQ.
export const policyQuestions = pgTable(
  'policy_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    published: boolean('published').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_questions_policy_idx').on(t.policyId, t.createdAt)],
);
