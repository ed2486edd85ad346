import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';
import { CLOCK_STATES, clockViewSchema } from '../clocks/schema.ts';

export const WORKLIST_SORTS = ['due', '-due', 'start'] as const;

export const worklistQuery = z.object({
  state: z.enum(CLOCK_STATES).optional(),
  q: z.string().trim().max(100).optional(),
  ownerType: z.string().max(60).optional(),
  sort: z.enum(WORKLIST_SORTS).default('due'),
  ...paging,
});

export const workItemSchema = clockViewSchema.extend({ evaluationError: z.string().nullable() });

export const worklistPageSchema = z.object({
  items: z.array(workItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const worklistCountsSchema = z.object({
  total: z.number(),
  dueSoon: z.number(),
  overdue: z.number(),
  paused: z.number(),
  unread: z.number(),
});
