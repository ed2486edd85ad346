import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import type { SessionLifetimes } from '../../plugins/auth.ts';
import { DEFAULT_SESSION_LIFETIMES } from '../../plugins/auth.ts';
import type { ChannelsConfig } from '../notifications/channels.ts';
import { type JobHandler, type RecurringJob, Scheduler } from './service.ts';

export type PlatformSchedulerOptions = {
  db: Db;
  channels: ChannelsConfig;
  intervalMs: number;
  /** the period of every 'scan' job; tests use 0 so every tick runs them */
  scanEveryMs?: number;
  /** the period of 'tick' jobs (sending queued deliveries); default: every tick */
  dispatchEveryMs?: number;
  retryBaseMs?: number;
  owner?: string;
  onError?: (e: unknown) => void;
  sessionLifetimes?: SessionLifetimes;
};

/** The platform's scheduler, running the recurring jobs every installed module declares. */
export function createPlatformScheduler(o: PlatformSchedulerOptions): Scheduler {
  const retryBaseMs = o.retryBaseMs ?? 30_000;
  let scheduler: Scheduler | undefined;
  const jobs = registry().jobs({
    channels: o.channels,
    sessionLifetimes: o.sessionLifetimes ?? DEFAULT_SESSION_LIFETIMES,
    retryBaseMs,
    owner: () => scheduler!.owner,
  });
  const recurring: RecurringJob[] = jobs.map((j) => ({
    kind: j.kind,
    everyMs: j.every === 'tick' ? (o.dispatchEveryMs ?? o.intervalMs) : (o.scanEveryMs ?? j.every.scanMs),
  }));
  const handlers: Record<string, JobHandler> = Object.fromEntries(jobs.map((j) => [j.kind, j.run]));
  scheduler = new Scheduler({
    db: o.db,
    intervalMs: o.intervalMs,
    retryBaseMs,
    ...(o.owner ? { owner: o.owner } : {}),
    ...(o.onError ? { onError: o.onError } : {}),
    recurring,
    handlers,
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
