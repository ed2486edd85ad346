import { MONITORING_AUDIT_VOCABULARY, MONITORING_MESSAGES } from '@qingshan/core/monitoring';
import type { ModuleDefinition } from '../../platform/module.ts';
import { MONITORING_FIGURES } from './figures.ts';
import { journalDatabaseService } from './journal-identity.ts';
import { MONITORING_RULES, monitoringRetention } from './retention.ts';
import { rollupJob } from './rollups.ts';
import { monitoringRoutes } from './routes.ts';
import { missingDataJob } from './rules.ts';
import {
  demoStationsService,
  directoryNotifierService,
  gatewayHolder,
  gatewayService,
  ingestWriterService,
} from './runtime.ts';
import { seedMonitoring } from './seed.ts';
import * as tables from './tables.ts';
import { stationTimeline } from './timeline.ts';

/**
 * Online monitoring (在线监控, issue 11): the registry of stations and factors, the HJ 212 TCP
 * gateway (a module service), readings partitioned by month, quarantine of unknown loggers, the
 * alarm rules judged on ingest and for missing data, hourly and daily rollups, and its figures.
 */
export const monitoringModule: ModuleDefinition = {
  name: 'monitoring',
  tables,
  routes: (app, ctx) => app.register(monitoringRoutes, { db: ctx.db, holder: gatewayHolder(ctx) }),
  rules: MONITORING_RULES,
  figures: MONITORING_FIGURES,
  timeline: stationTimeline,
  jobs: () => [
    { kind: 'monitoring.retention', every: { scanMs: 6 * 3_600_000 }, run: monitoringRetention },
    // 数据缺失 is judged on real-time intervals of 30 s and more: a pass a minute is fine enough
    { kind: 'monitoring.missing-data', every: { scanMs: 60_000 }, run: missingDataJob },
    { kind: 'monitoring.rollup', every: { scanMs: 5 * 60_000 }, run: rollupJob },
  ],
  audit: MONITORING_AUDIT_VOCABULARY,
  messages: MONITORING_MESSAGES,
  seed: seedMonitoring,
  // the gateway first: the demo stations dial it
  services: (ctx) => [
    gatewayService(ctx),
    demoStationsService(ctx),
    ingestWriterService(ctx),
    directoryNotifierService(ctx),
    journalDatabaseService(ctx),
  ],
};
