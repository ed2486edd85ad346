import { isoDateSchema } from '@qingshan/core';
import { z } from 'zod';
import { paging } from '../../plugins/openapi.ts';

export const idParams = z.object({ id: z.uuid() });

export const timelineQuery = z
  .object({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** comma-separated entry kinds (alarm,permit,…); all the viewer may see when absent */
    kinds: z
      .string()
      .max(300)
      .regex(/^[a-z-]+(,[a-z-]+)*$/)
      .optional(),
    page: paging.page,
    pageSize: paging.pageSize,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'figures.period.toBeforeFrom' });

export const timelinePageSchema = z.object({
  enterpriseName: z.string(),
  items: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      module: z.string(),
      recordId: z.string(),
      title: z.string(),
      detail: z.string(),
      /** the staff page of the record; null for an enterprise viewer */
      link: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  truncated: z.boolean(),
  kinds: z.array(z.object({ kind: z.string(), label: z.string() })),
});
