import { APPOINTMENT_MESSAGES } from '@qingshan/core/appointments';
import type { ModuleDefinition } from '../../platform/module.ts';
import { APPOINTMENTS_FIGURES } from './figures.ts';
import { appointmentRoutes } from './routes.ts';
import { seedAppointments } from './seed.ts';
import { appointmentRatable, sendAppointmentReminders } from './service.ts';
import * as tables from './tables.ts';

/** Appointments at the service windows, with extended-hours slots. */
export const appointmentsModule: ModuleDefinition = {
  name: 'appointments',
  tables,
  // Public booking forms share the login limit when it is raised (tests), else their own.
  routes: (app, ctx) =>
    app.register(appointmentRoutes, { db: ctx.db, publicRateLimit: Math.max(30, ctx.config.loginRateLimit) }),
  ratableEvents: { appointment: appointmentRatable },
  figures: APPOINTMENTS_FIGURES,
  messages: APPOINTMENT_MESSAGES,
  jobs: () => [
    // Reminders go out the day before; each booking is reminded once, so an hourly pass is enough.
    {
      kind: 'appointments.reminders',
      every: { scanMs: 3_600_000 },
      run: async ({ db }) => void (await sendAppointmentReminders(db)),
    },
  ],
  seed: seedAppointments,
};
