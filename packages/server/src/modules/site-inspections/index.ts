import { SITE_INSPECTION_CLOCK_PROFILES, SITE_INSPECTIONS_AUDIT_VOCABULARY } from '@qingshan/core/site-inspections';
import type { ModuleDefinition } from '../../platform/module.ts';
import { SITE_INSPECTION_ERRORS } from './errors.ts';
import { SITE_INSPECTION_FIGURES } from './figures.ts';
import { siteInspectionRoutes } from './routes.ts';
import { seedSiteInspections } from './seed.ts';
import * as tables from './tables.ts';
import { siteInspectionTimeline } from './timeline.ts';

/** On-site and off-site inspections, rectification orders with their clocks, enforcement cases. */
export const siteInspectionsModule: ModuleDefinition = {
  name: 'site-inspections',
  tables,
  errors: SITE_INSPECTION_ERRORS,
  audit: SITE_INSPECTIONS_AUDIT_VOCABULARY,
  routes: (app, ctx) => app.register(siteInspectionRoutes, { db: ctx.db }),
  clockProfiles: SITE_INSPECTION_CLOCK_PROFILES,
  figures: SITE_INSPECTION_FIGURES,
  timeline: siteInspectionTimeline,
  seed: seedSiteInspections,
};
