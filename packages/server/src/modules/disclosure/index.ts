import { DISCLOSURE_AUDIT_VOCABULARY, DISCLOSURE_CLOCK_PROFILES, DISCLOSURE_MESSAGES } from '@qingshan/core/disclosure';
import type { ModuleDefinition } from '../../platform/module.ts';
import { DISCLOSURE_ERRORS } from './errors.ts';
import { disclosureRoutes } from './routes.ts';
import { seedDisclosure } from './seed.ts';
import { refreshDisclosureDueDate } from './service.ts';
import * as tables from './tables.ts';

/** Government information disclosure on request (依申请公开) under 《政府信息公开条例》. */
export const disclosureModule: ModuleDefinition = {
  name: 'disclosure',
  tables,
  routes: (app, ctx) =>
    app.register(disclosureRoutes, { db: ctx.db, publicRateLimit: Math.max(20, ctx.config.loginRateLimit) }),
  // §33: 经政府信息公开工作机构负责人同意 — the answer clock is extended and paused only by the
  // request's own steps, never from the generic worklist.
  clockOwners: { disclosure: { owned: true, onDueDateChanged: refreshDisclosureDueDate } },
  clockProfiles: DISCLOSURE_CLOCK_PROFILES,
  audit: DISCLOSURE_AUDIT_VOCABULARY,
  errors: DISCLOSURE_ERRORS,
  messages: DISCLOSURE_MESSAGES,
  seed: seedDisclosure,
};
