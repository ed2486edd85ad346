import {
  DEFAULT_REPORT_CADENCE,
  EXECUTION_REPORT_KINDS,
  PERMIT_AUDIT_VOCABULARY,
  PERMIT_CLOCK_PROFILES,
  PERMIT_MESSAGES,
  REPORT_CADENCE_SOURCE,
  REPORT_CADENCE_SOURCE_EN,
} from '@qingshan/core/permits';
import { z } from 'zod';
import type { ModuleDefinition } from '../../platform/module.ts';
import type { RuleDefault } from '../rules/defaults.ts';
import { PERMIT_ERRORS } from './errors.ts';
import { permitRoutes } from './routes.ts';
import { seedPermits } from './seed.ts';
import { runPermitReminders } from './service.ts';
import * as tables from './tables.ts';
import { permitTimeline } from './timeline.ts';

const cadence = z.array(z.enum(EXECUTION_REPORT_KINDS)).max(2);

const PERMIT_RULES: readonly RuleDefault[] = [
  {
    key: 'permit.reports.key',
    type: 'list',
    labelZh: '重点管理排污单位应提交的执行报告',
    labelEn: 'execution reports filed under key management',
    note: 'annual = 年度执行报告，quarterly = 季度执行报告（第四季度并入年报）',
    noteEn:
      'annual = annual execution report, quarterly = quarterly execution report (the fourth quarter goes into the annual report)',
    value: [...DEFAULT_REPORT_CADENCE.key],
    source: REPORT_CADENCE_SOURCE,
    sourceEn: REPORT_CADENCE_SOURCE_EN,
    valueSchema: cadence,
  },
  {
    key: 'permit.reports.simplified',
    type: 'list',
    labelZh: '简化管理排污单位应提交的执行报告',
    labelEn: 'execution reports filed under simplified management',
    note: 'annual = 年度执行报告，quarterly = 季度执行报告',
    noteEn: 'annual = annual execution report, quarterly = quarterly execution report',
    value: [...DEFAULT_REPORT_CADENCE.simplified],
    source: REPORT_CADENCE_SOURCE,
    sourceEn: REPORT_CADENCE_SOURCE_EN,
    valueSchema: cadence,
  },
];

/** Discharge permits (排污许可), tracked to renewal: duties, reminders, worklist. */
export const permitsModule: ModuleDefinition = {
  name: 'permits',
  timeline: permitTimeline,
  tables,
  routes: (app, ctx) => app.register(permitRoutes, { db: ctx.db }),
  clockProfiles: PERMIT_CLOCK_PROFILES,
  rules: PERMIT_RULES,
  jobs: () => [
    // Duties fall due by the day; an hourly pass sends each reminder on its day, once.
    {
      kind: 'permits.remind',
      every: { scanMs: 3_600_000 },
      run: async ({ db }) => void (await runPermitReminders(db)),
    },
  ],
  seed: seedPermits,
  audit: PERMIT_AUDIT_VOCABULARY,
  errors: PERMIT_ERRORS,
  messages: PERMIT_MESSAGES,
};
