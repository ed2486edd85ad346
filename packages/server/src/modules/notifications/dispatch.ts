import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { errorMessageForRecord } from '../../db/errors.ts';
import { backoffMs } from '../scheduler/service.ts';
import type { DeliveryRow, Sender } from './channels.ts';
import type { Channel } from './service.ts';
import { deliveries, notificationPreferences } from './tables.ts';

export type DispatchOptions = {
  senders: Record<Channel, Sender>;
  owner: string;
  batch?: number;
  leaseMs?: number;
  retryBaseMs?: number;
};

/**
 * Sends the due deliveries. Each is claimed (FOR UPDATE SKIP LOCKED, lease) before the network
 * call, so two processes never send the same one; a failure schedules the next attempt with
 * exponential back-off, and after maxAttempts the delivery stays 'failed' for the admin log.
 */
export async function dispatchDeliveries(db: Db, o: DispatchOptions): Promise<{ sent: number; failed: number }> {
  const leaseMs = o.leaseMs ?? 120_000;
  const now = sql`now()`;
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      or(
        and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, now)),
        and(eq(deliveries.status, 'sending'), lte(deliveries.leaseUntil, now)),
      ),
    )
    .orderBy(asc(deliveries.nextAttemptAt))
    .limit(o.batch ?? 50)
    .for('update', { skipLocked: true });
  const claimed: DeliveryRow[] = await db
    .update(deliveries)
    .set({
      status: 'sending',
      leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      attempts: sql`${deliveries.attempts} + 1`,
    })
    .where(inArray(deliveries.id, due))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const d of claimed) {
    try {
      let webhookSecret: string | null = null;
      if (d.channel === 'webhook' && d.userId) {
        const [p] = await db
          .select({ s: notificationPreferences.webhookSecret })
          .from(notificationPreferences)
          .where(eq(notificationPreferences.userId, d.userId));
        webhookSecret = p?.s ?? null;
      }
      const sender = o.senders[d.channel as Channel];
      if (!sender) throw new Error(`unknown channel ${d.channel}`);
      await sender(d, { webhookSecret });
      await db
        .update(deliveries)
        .set({ status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null })
        .where(eq(deliveries.id, d.id));
      sent++;
    } catch (e) {
      failed++;
      const giveUp = d.attempts >= d.maxAttempts;
      await db
        .update(deliveries)
        .set({
          status: giveUp ? 'failed' : 'pending',
          leaseUntil: null,
          lastError: errorMessageForRecord(e).slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + backoffMs(d.attempts, o.retryBaseMs ?? 30_000)),
        })
        .where(eq(deliveries.id, d.id));
    }
  }
  return { sent, failed };
}
