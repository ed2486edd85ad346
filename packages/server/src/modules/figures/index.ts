import type { ModuleDefinition } from '../../platform/module.ts';
import { SERVICE_FIGURE_SOURCES } from './registry.ts';
import { figureRoutes } from './routes.ts';
import { FIGURES_RULES } from './rules.ts';
import { SERVICE_A_FIGURES } from './service-a.ts';

/** The dashboard: every figure a query over records, with drill-down and export. */
export const figuresModule: ModuleDefinition = {
  name: 'figures',
  routes: (app, ctx) => app.register(figureRoutes, { db: ctx.db }),
  figures: [...SERVICE_FIGURE_SOURCES, ...SERVICE_A_FIGURES],
  rules: FIGURES_RULES,
};
