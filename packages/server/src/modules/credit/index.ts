import { CREDIT_AUDIT_VOCABULARY, CREDIT_MESSAGES } from '@qingshan/core/credit';
import type { ModuleDefinition } from '../../platform/module.ts';
import { CREDIT_ERRORS } from './errors.ts';
import { creditRoutes } from './routes.ts';
import { CREDIT_RULES } from './rules.ts';
import { seedCredit } from './seed.ts';
import * as tables from './tables.ts';
import { creditTimeline } from './timeline.ts';

/** 企业环境信用 and the transparent risk score with its watch list. */
export const creditModule: ModuleDefinition = {
  name: 'credit',
  tables,
  errors: CREDIT_ERRORS,
  audit: CREDIT_AUDIT_VOCABULARY,
  messages: CREDIT_MESSAGES,
  routes: (app, ctx) => app.register(creditRoutes, { db: ctx.db }),
  rules: CREDIT_RULES,
  timeline: creditTimeline,
  seed: seedCredit,
};
