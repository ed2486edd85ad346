import { z } from 'zod';
import type { HealthCheck } from './service.ts';

export const healthOkSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ engine: z.string(), latencyMs: z.number() }),
});
export const healthUnavailableSchema = z.object({
  status: z.literal('unavailable'),
  database: z.object({ engine: z.string(), error: z.string() }),
});
export type HealthView = z.infer<typeof healthOkSchema> | z.infer<typeof healthUnavailableSchema>;

export function toHealthView(c: HealthCheck): HealthView {
  return c.ok
    ? { status: 'ok', database: { engine: c.engine, latencyMs: c.latencyMs } }
    : { status: 'unavailable', database: { engine: c.engine, error: c.error } };
}
