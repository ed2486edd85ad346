import type { ClockExtension, ClockPause, ClockProfile } from '@qingshan/core';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

// A statutory clock attached to any record (polymorphic owner). The profile in force when it
// started is frozen onto the row, with the rule version it came from.
export const clocks = pgTable(
  'clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    profileKey: text('profile_key').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    profile: jsonb('profile').$type<ClockProfile>().notNull(),
    title: text('title').notNull(),
    link: text('link'),
    start: timestamp('start', { withTimezone: true }).notNull(),
    pauses: jsonb('pauses').$type<ClockPause[]>().notNull().default([]),
    extensions: jsonb('extensions').$type<ClockExtension[]>().notNull().default([]),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** 'bureau' | 'party' (ClockBinds): a party's window is not staff work and lapses at its due date */
    binds: text('binds').notNull().default('bureau'),
    /** closed because a party's window passed unused, not because anyone acted */
    lapsed: boolean('lapsed').notNull().default(false),
    /**
     * the due date depends on a year without the State Council notice (暂定); kept in step at every
     * write and whenever an admin adds or replaces a year (recalculateOpenClocks)
     */
    provisional: boolean('provisional').notNull().default(false),
    assigneeUserId: uuid('assignee_user_id'),
    assigneeRole: text('assignee_role'),
    enterpriseId: uuid('enterprise_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clocks_owner_idx').on(t.ownerType, t.ownerId),
    index('clocks_open_idx').on(t.completedAt),
    index('clocks_assignee_idx').on(t.assigneeUserId),
  ],
);

// One row per (clock, state) once the scheduler has warned or escalated: the unique key is what
// makes "each once per clock and state" hold even with two schedulers.
export const clockAlerts = pgTable(
  'clock_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => clocks.id, { onDelete: 'cascade' }),
    state: text('state').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('clock_alerts_clock_state_uq').on(t.clockId, t.state)],
);
