import type { ModuleDefinition } from '../../platform/module.ts';
import { reportRoutes } from './routes.ts';
import { seedReports } from './seed.ts';
import * as tables from './tables.ts';
import { reportTimeline } from './timeline.ts';

/** 12369 environmental reports (环境保护部令第15号). */
export const reportsModule: ModuleDefinition = {
  name: 'reports',
  timeline: reportTimeline,
  tables,
  routes: (app, ctx) =>
    app.register(reportRoutes, { db: ctx.db, publicRateLimit: Math.max(20, ctx.config.loginRateLimit) }),
  // 环境保护部令第15号: a report's handling period is extended only with the 负责人's approval;
  // reports keep no copy of their due dates, they read them from the clocks
  clockOwners: { report: { owned: true } },
  seed: seedReports,
};
