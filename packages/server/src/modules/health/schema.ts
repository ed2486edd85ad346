import { z } from 'zod';
import type { HealthCheck } from './service.ts';

/** Each module service's plain facts (e.g. the HJ 212 gateway's bound port), null while stopped. */
const servicesSchema = z.record(
  z.string(),
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
);

export const healthOkSchema = z.object({
  status: z.literal('ok'),
  database: z.object({ engine: z.string(), latencyMs: z.number() }),
  services: servicesSchema,
});
export const healthUnavailableSchema = z.object({
  status: z.literal('unavailable'),
  database: z.object({ engine: z.string(), error: z.string() }),
  services: servicesSchema,
});
export type HealthView = z.infer<typeof healthOkSchema> | z.infer<typeof healthUnavailableSchema>;

export type ServiceStatuses = z.infer<typeof servicesSchema>;

export function toHealthView(c: HealthCheck, services: ServiceStatuses): HealthView {
  return c.ok
    ? { status: 'ok', database: { engine: c.engine, latencyMs: c.latencyMs }, services }
    : { status: 'unavailable', database: { engine: c.engine, error: c.error }, services };
}
