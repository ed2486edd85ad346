import { ALARM_AUDIT_VOCABULARY, ALARM_MESSAGES } from '@qingshan/core/alarms';
import type { ModuleDefinition } from '../../platform/module.ts';
import { ALARM_ERRORS } from './errors.ts';
import { ALARM_FIGURES } from './figures.ts';
import { alarmRoutes } from './routes.ts';
import { escalateUnanswered } from './service.ts';
import * as tables from './tables.ts';
import { alarmTimeline } from './timeline.ts';

/**
 * Alarms and reminders (rules.md §4): raised by other modules through raiseAlarm/clearAlarm, the
 * enterprise reminded and answering, leaders told of what goes unanswered, officers closing.
 */
export const alarmsModule: ModuleDefinition = {
  name: 'alarms',
  timeline: alarmTimeline,
  tables,
  audit: ALARM_AUDIT_VOCABULARY,
  errors: ALARM_ERRORS,
  messages: ALARM_MESSAGES,
  routes: (app, ctx) => app.register(alarmRoutes, { db: ctx.db }),
  figures: ALARM_FIGURES,
  jobs: () => [
    {
      kind: 'alarms.escalate',
      every: { scanMs: 60_000 },
      run: async ({ db }) => void (await escalateUnanswered(db)),
    },
  ],
};
