import { POSITIVE_LIST_AUDIT_VOCABULARY } from '@qingshan/core/positive-list';
import type { ModuleDefinition } from '../../platform/module.ts';
import { POSITIVE_LIST_ERRORS } from './errors.ts';
import { POSITIVE_LIST_FIGURES } from './figures.ts';
import { positiveListRoutes } from './routes.ts';
import { POSITIVE_LIST_RULES } from './rules.ts';
import { seedPositiveList } from './seed.ts';
import * as tables from './tables.ts';
import { positiveListTimeline } from './timeline.ts';

/** 监督执法正面清单: listings with their evidence snapshot, removal proposals, the public list. */
export const positiveListModule: ModuleDefinition = {
  name: 'positive-list',
  timeline: positiveListTimeline,
  tables,
  figures: POSITIVE_LIST_FIGURES,
  errors: POSITIVE_LIST_ERRORS,
  audit: POSITIVE_LIST_AUDIT_VOCABULARY,
  routes: (app, ctx) => app.register(positiveListRoutes, { db: ctx.db }),
  rules: POSITIVE_LIST_RULES,
  seed: seedPositiveList,
};
