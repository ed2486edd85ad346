import { MONITORING_AUDIT_VOCABULARY } from '@qingshan/core/monitoring';
import type { ModuleDefinition } from '../../platform/module.ts';
import { MONITORING_RULES, monitoringRetention } from './retention.ts';
import { monitoringRoutes } from './routes.ts';
import { demoStationsService, gatewayHolder, gatewayService, ingestWriterService } from './runtime.ts';
import { seedMonitoring } from './seed.ts';
import * as tables from './tables.ts';

/**
 * Online monitoring (在线监控, issue 11): the registry of stations and factors, the HJ 212 TCP
 * gateway (a module service), readings partitioned by month, quarantine of unknown loggers.
 */
export const monitoringModule: ModuleDefinition = {
  name: 'monitoring',
  tables,
  routes: (app, ctx) => app.register(monitoringRoutes, { db: ctx.db, holder: gatewayHolder(ctx) }),
  rules: MONITORING_RULES,
  jobs: () => [{ kind: 'monitoring.retention', every: { scanMs: 6 * 3_600_000 }, run: monitoringRetention }],
  audit: MONITORING_AUDIT_VOCABULARY,
  seed: seedMonitoring,
  // the gateway first: the demo stations dial it
  services: (ctx) => [gatewayService(ctx), demoStationsService(ctx), ingestWriterService(ctx)],
};
