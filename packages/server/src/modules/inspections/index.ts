import { INSPECTION_CLOCK_PROFILES, INSPECTIONS_AUDIT_VOCABULARY } from '@qingshan/core/inspection-draws';
import type { ModuleDefinition } from '../../platform/module.ts';
import { INSPECTION_ERRORS } from './errors.ts';
import { INSPECTION_FIGURES } from './figures.ts';
import { inspectionRoutes } from './routes.ts';
import { INSPECTIONS_RULES, upgradePublicationRule } from './rules.ts';
import { seedInspections } from './seed.ts';
import { refreshPublishDueOn } from './service.ts';
import * as tables from './tables.ts';
import { inspectionTimeline } from './timeline.ts';

/** 双随机一公开: object and inspector libraries, plans, seeded reproducible draws, published results. */
export const inspectionsModule: ModuleDefinition = {
  name: 'inspections',
  timeline: inspectionTimeline,
  tables,
  figures: INSPECTION_FIGURES,
  errors: INSPECTION_ERRORS,
  audit: INSPECTIONS_AUDIT_VOCABULARY,
  routes: (app, ctx) => app.register(inspectionRoutes, { db: ctx.db }),
  rules: INSPECTIONS_RULES,
  clockProfiles: INSPECTION_CLOCK_PROFILES,
  // the publication clock moves only with the draw's own steps (a later inspection, publication)
  clockOwners: { 'inspection-draw': { owned: true, onDueDateChanged: refreshPublishDueOn } },
  shipped: upgradePublicationRule,
  seed: seedInspections,
};
