import { z } from 'zod';
import type { JobRow } from './service.ts';

export const jobParams = z.object({ id: z.uuid() });

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  total: z.number(),
  processed: z.number(),
  result: z.unknown(),
  error: z.string().nullable(),
});
export type JobView = z.infer<typeof jobView>;

export function toJobView(j: JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as JobView['status'],
    total: j.total,
    processed: j.processed,
    result: j.result ?? null,
    error: j.error,
  };
}
