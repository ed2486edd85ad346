import type { ProjectMilestoneEntry } from '@qingshan/core';
import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../enterprises/tables.ts';

// A major project followed through its milestones (跟踪服务).
export const trackedProjects = pgTable(
  'tracked_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    // 万元 (10,000 CNY), the unit the bureau's ledgers use
    investment: doublePrecision('investment').notNull(),
    townCode: text('town_code').notNull(),
    officerUserId: uuid('officer_user_id'),
    officerName: text('officer_name').notNull(),
    milestones: jsonb('milestones').$type<ProjectMilestoneEntry[]>().notNull(),
    nextAction: text('next_action'),
    nextActionDate: date('next_action_date', { mode: 'string' }),
    clockId: uuid('clock_id'),
    status: text('status').notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('tracked_projects_enterprise_idx').on(t.enterpriseId),
    index('tracked_projects_next_idx').on(t.nextActionDate),
  ],
);

export const projectContacts = pgTable(
  'project_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => trackedProjects.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    note: text('note').notNull(),
    byUserId: uuid('by_user_id'),
    byName: text('by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_contacts_project_idx').on(t.projectId)],
);
