import { PAUSE_REASONS } from '@qingshan/core';
import { z } from 'zod';

// 'lapsed': a party's window (binds 'party') that passed without the party acting
export const CLOCK_STATES = ['running', 'paused', 'due-soon', 'overdue', 'met', 'missed', 'lapsed'] as const;

export const clockViewSchema = z.object({
  id: z.string(),
  ownerType: z.string(),
  ownerId: z.string(),
  profileKey: z.string(),
  ruleVersion: z.number(),
  profile: z.object({
    key: z.string(),
    length: z.number(),
    unit: z.enum(['working', 'calendar']),
    warnBefore: z.number(),
  }),
  binds: z.enum(['bureau', 'party']),
  title: z.string(),
  link: z.string().nullable(),
  start: z.string(),
  dueDate: z.string(),
  provisional: z.boolean().meta({
    description:
      '暂定：截止日期落在尚无国务院办公厅通知的年份，依放假办法推算（本局职责取最早可能日期，相对人期限取最晚可能日期）',
  }),
  remaining: z.number(),
  state: z.enum(CLOCK_STATES),
  pausedDays: z.number(),
  pauses: z.array(
    z.object({
      from: z.string(),
      to: z.string().nullable().optional(),
      reason: z.enum(PAUSE_REASONS),
      note: z.string().optional(),
    }),
  ),
  extensions: z.array(z.object({ days: z.number(), approvedBy: z.string(), reason: z.string(), at: z.string() })),
  completedAt: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeRole: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  /** changes only through its owner's own steps (a petition: extension requested, then approved by the head) */
  owned: z.boolean(),
});

export const CLOCK_SORTS = ['due', 'start'] as const;

export const clocksQuery = z.object({
  ownerType: z.string().max(60).optional(),
  ownerId: z.string().max(100).optional(),
  state: z.enum(CLOCK_STATES).optional(),
  open: z.enum(['true', 'false']).optional(),
  sort: z.enum(CLOCK_SORTS).default('start'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClocksQuery = z.infer<typeof clocksQuery>;

export const clockIdParams = z.object({ id: z.uuid() });

export const clockPauseBody = z.strictObject({
  reason: z.enum(PAUSE_REASONS),
  note: z.string().trim().max(500).optional(),
});
export const clockResumeBody = z.strictObject({}).optional();
export const clockExtendBody = z.strictObject({
  days: z.number().int().min(1).max(365),
  reason: z.string().trim().min(1).max(500),
});
