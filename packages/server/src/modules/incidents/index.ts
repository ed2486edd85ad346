import { INCIDENT_AUDIT_VOCABULARY, INCIDENT_MESSAGES } from '@qingshan/core/incidents';
import type { ModuleDefinition } from '../../platform/module.ts';
import { INCIDENT_ERRORS } from './errors.ts';
import { incidentRoutes } from './routes.ts';
import { seedIncidents } from './seed.ts';
import * as tables from './tables.ts';
import { incidentTimeline } from './timeline.ts';

/** 突发环境事件: incidents of registered firms, read by the positive list, the risk score and the firm's file. */
export const incidentsModule: ModuleDefinition = {
  name: 'incidents',
  tables,
  errors: INCIDENT_ERRORS,
  audit: INCIDENT_AUDIT_VOCABULARY,
  messages: INCIDENT_MESSAGES,
  routes: (app, ctx) => app.register(incidentRoutes, { db: ctx.db }),
  timeline: incidentTimeline,
  seed: seedIncidents,
};
