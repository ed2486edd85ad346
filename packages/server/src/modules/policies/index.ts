import { POLICY_AUDIT_VOCABULARY, POLICY_MESSAGES } from '@qingshan/core/policies';
import type { ModuleDefinition } from '../../platform/module.ts';
import { POLICY_ERRORS } from './errors.ts';
import { POLICY_FIGURES } from './figures.ts';
import { policyRoutes } from './routes.ts';
import { seedPolicies } from './seed.ts';
import * as tables from './tables.ts';

/** Policy publicity (政策宣传): published to the public and an Atom feed, pushed to whom it concerns, reach measured. */
export const policiesModule: ModuleDefinition = {
  name: 'policies',
  tables,
  routes: (app, ctx) => app.register(policyRoutes, { db: ctx.db, publicUrl: ctx.config.publicUrl }),
  audit: POLICY_AUDIT_VOCABULARY,
  errors: POLICY_ERRORS,
  messages: POLICY_MESSAGES,
  figures: POLICY_FIGURES,
  seed: seedPolicies,
};
