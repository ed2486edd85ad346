import { FIGURE_MESSAGES } from '@qingshan/core';
import type { ModuleDefinition } from '../../platform/module.ts';
import { figureRoutes } from './routes.ts';
import { FIGURES_RULES } from './rules.ts';

/**
 * The dashboard: every module's figures (declared in its own definition), with drill-down and
 * export. The figures themselves belong to the modules whose records they count.
 */
export const figuresModule: ModuleDefinition = {
  name: 'figures',
  routes: (app, ctx) => app.register(figureRoutes, { db: ctx.db }),
  rules: FIGURES_RULES,
  messages: FIGURE_MESSAGES,
};
