import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { SessionLifetimes } from '../../plugins/auth.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../../plugins/auth.ts';
import { sendAppointmentReminders } from '../appointments/service.ts';
import { purgeExpiredSessions, purgeLoginThrottle } from '../auth/service.ts';
import { warnIfNextYearMissing } from '../calendar/alerts.ts';
import { scanClocks } from '../clocks/alerts.ts';
import { buildSenders, type ChannelsConfig } from '../notifications/channels.ts';
import { dispatchDeliveries } from '../notifications/dispatch.ts';
import { purgePhoneCodes } from '../phone-codes/service.ts';
import { Scheduler } from './service.ts';

export type PlatformSchedulerOptions = {
  db: Db;
  channels: ChannelsConfig;
  intervalMs: number;
  /** recurring jobs' period; tests use 0 so every tick runs them */
  scanEveryMs?: number;
  dispatchEveryMs?: number;
  retryBaseMs?: number;
  owner?: string;
  onError?: (e: unknown) => void;
  sessionLifetimes?: SessionLifetimes;
};

/** The platform's jobs: the clock scan (warnings, escalation), appointment reminders, sending queued deliveries. */
export function createPlatformScheduler(o: PlatformSchedulerOptions): Scheduler {
  const senders = buildSenders(o.channels);
  let scheduler: Scheduler;
  scheduler = new Scheduler({
    db: o.db,
    intervalMs: o.intervalMs,
    retryBaseMs: o.retryBaseMs ?? 30_000,
    ...(o.owner ? { owner: o.owner } : {}),
    ...(o.onError ? { onError: o.onError } : {}),
    recurring: [
      { kind: 'clocks.scan', everyMs: o.scanEveryMs ?? 60_000 },
      { kind: 'deliveries.dispatch', everyMs: o.dispatchEveryMs ?? o.intervalMs },
      // Reminders go out the day before; each booking is reminded once, so an hourly pass is enough.
      { kind: 'appointments.reminders', everyMs: o.scanEveryMs ?? 3_600_000 },
      // next year's holidays are published in November; admins are told until they enter them
      { kind: 'calendar.next-year', everyMs: o.scanEveryMs ?? 6 * 3_600_000 },
      // expired sessions, dead phone codes, forgotten sign-in failures: nothing urgent, hourly
      { kind: 'security.purge', everyMs: o.scanEveryMs ?? 3_600_000 },
    ],
    handlers: {
      'clocks.scan': async ({ db }) => {
        await scanClocks(db);
      },
      'calendar.next-year': async ({ db }) => {
        await warnIfNextYearMissing(db);
      },
      'security.purge': async ({ db }) => {
        await purgeExpiredSessions(db, o.sessionLifetimes ?? DEFAULT_SESSION_LIFETIMES);
        await purgePhoneCodes(db);
        await purgeLoginThrottle(db);
      },
      'appointments.reminders': async ({ db }) => {
        await sendAppointmentReminders(db);
      },
      'deliveries.dispatch': async ({ db }) => {
        await dispatchDeliveries(db, { senders, owner: scheduler.owner, retryBaseMs: o.retryBaseMs ?? 30_000 });
      },
    },
  });
  return scheduler;
}

export function channelsFromConfig(config: Config): ChannelsConfig {
  return {
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    wechat: config.wechat,
    allowPrivateWebhooks: config.webhookAllowPrivate,
  };
}
