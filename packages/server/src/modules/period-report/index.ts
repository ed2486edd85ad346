import { todayInShanghai } from '@qingshan/core';
import { PERIOD_REPORT_AUDIT_VOCABULARY } from '@qingshan/core/period-report';
import type { ModuleDefinition } from '../../platform/module.ts';
import { sendMonthlyReport } from './mailing.ts';
import { periodReportRoutes } from './routes.ts';
import * as tables from './tables.ts';

/** The period report (阶段报告) drafted from the figures, the leaders' SLA dashboard and their monthly e-mail. */
export const periodReportModule: ModuleDefinition = {
  name: 'period-report',
  tables,
  routes: (app, ctx) => app.register(periodReportRoutes, { db: ctx.db }),
  audit: PERIOD_REPORT_AUDIT_VOCABULARY,
  jobs: () => [
    // hourly: the first pass after midnight on the 1st sends last month's report; the mailing row
    // keyed by month makes every later pass (and a second scheduler) a no-op. The job's row is made
    // on the scheduler's first start, so its creation is the install: a month that ended before it
    // is not sent (a fresh install's first pass would otherwise mail last month at once)
    {
      kind: 'period-report.monthly',
      every: { scanMs: 3_600_000 },
      run: async ({ db, job }) => void (await sendMonthlyReport(db, todayInShanghai(), job.createdAt)),
    },
  ],
};
