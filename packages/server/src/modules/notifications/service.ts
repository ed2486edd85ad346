import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { type Paged, type PageRequest, paginate } from '../../shared/paginate.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { users } from '../users/tables.ts';
import { PrivateTargetError, resolveTarget, UnresolvableHostError } from './address-guard.ts';
import { deliveries, notificationPreferences, notifications } from './tables.ts';

export const CHANNELS = ['email', 'webhook', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];

export type NotifyInput = {
  userId?: string | null;
  enterpriseId?: string | null;
  email?: string | null;
  kind: string;
  /** the message as sent (SMS, e-mail, webhook) and shown in Chinese */
  title: string;
  body: string;
  /** the same message in English, shown in the inbox's English face (deliveries stay Chinese) */
  en: { title: string; body: string };
  link?: string | null;
};

/**
 * Writes the in-app message(s) and queues the deliveries on the recipients' chosen channels, in
 * the caller's transaction: a rolled-back change sends nothing. The scheduler sends the queued
 * deliveries in the background, with retries.
 */
export async function notify(tx: Tx, input: NotifyInput): Promise<void> {
  const recipients = new Set<string>();
  if (input.userId) recipients.add(input.userId);
  if (input.enterpriseId) {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.enterpriseId, input.enterpriseId), eq(users.disabled, false)));
    for (const r of rows) recipients.add(r.id);
  }
  const payload = { title: input.title, body: input.body, link: input.link ?? null };
  // one delivery per (channel, target) per call: two users sharing a webhook get one POST
  const queued = new Set<string>();
  const queue = async (channel: Channel, target: string, userId: string | null, notificationId: string | null) => {
    const k = `${channel}\u0000${target}`;
    if (queued.has(k)) return;
    queued.add(k);
    await tx.insert(deliveries).values({ channel, target, userId, notificationId, kind: input.kind, payload });
  };
  for (const userId of recipients) {
    const [n] = await tx
      .insert(notifications)
      .values({
        userId,
        kind: input.kind,
        title: input.title,
        body: input.body,
        titleEn: input.en.title,
        bodyEn: input.en.body,
        link: input.link ?? null,
      })
      .returning({ id: notifications.id });
    const [pref] = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    if (!pref) continue;
    if (pref.email) await queue('email', pref.email, userId, n!.id);
    if (pref.webhookUrl) await queue('webhook', pref.webhookUrl, userId, n!.id);
    if (pref.wechatOpenid) await queue('wechat', pref.wechatOpenid, userId, n!.id);
  }
  if (input.email) await queue('email', input.email.trim(), null, null);
}

/** Everyone holding a role (for worklist items assigned to a role, and escalation to leaders). */
export async function usersWithRole(db: Tx, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`${role} = any(${users.roles})`, eq(users.disabled, false)));
  return rows.map((r) => r.id);
}

// ---- inbox ----

export async function listInbox(
  db: Db,
  userId: string,
  f: { unread?: boolean | undefined; kind?: string | undefined },
  paging: PageRequest,
): Promise<Paged<typeof notifications.$inferSelect> & { unread: number }> {
  const conds: SQL[] = [eq(notifications.userId, userId)];
  if (f.unread) conds.push(isNull(notifications.readAt));
  if (f.kind) conds.push(eq(notifications.kind, f.kind));
  const where = and(...conds);
  const page = await paginate(
    paging,
    (limit, offset) =>
      db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit)
        .offset(offset),
    async () => {
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where);
      return count?.n ?? 0;
    },
  );
  return { ...page, unread: await unreadCount(db, userId) };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function markRead(db: Db, userId: string, id: string): Promise<void> {
  const [row] = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id));
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  if (row.userId !== userId) throw new AppError('FORBIDDEN_RECORD');
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
}

export async function markAllRead(db: Db, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

// ---- preferences ----

export type Preferences = {
  inApp: true;
  email: string | null;
  webhookUrl: string | null;
  /** shown to the owner so the receiving end can check X-Qingshan-Signature */
  webhookSecret: string | null;
  wechatOpenid: string | null;
};

export async function getPreferences(db: Tx, userId: string): Promise<Preferences> {
  const [p] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return {
    inApp: true,
    email: p?.email ?? null,
    webhookUrl: p?.webhookUrl ?? null,
    webhookSecret: p?.webhookSecret ?? null,
    wechatOpenid: p?.wechatOpenid ?? null,
  };
}

/**
 * Refuses, when it is saved, a webhook URL that delivery would refuse: a receiver inside the
 * bureau's or the platform's own network, or a name that does not resolve. Delivery checks again,
 * since the name may later resolve elsewhere. Called outside any transaction: a slow name server
 * must not hold a database connection.
 */
export async function assertWebhookReceivable(webhookUrl: string, allowPrivate: boolean): Promise<void> {
  try {
    await resolveTarget(new URL(webhookUrl), allowPrivate);
  } catch (e) {
    const message =
      e instanceof PrivateTargetError
        ? {
            zh: `回调地址指向内部网络或本机（${e.address}），平台不会向这样的地址推送通知，请填写互联网上可以访问的地址`,
            en: `The webhook URL points into a private network or this machine (${e.address}); notifications are not sent there. Use an address reachable from the internet`,
          }
        : e instanceof UnresolvableHostError
          ? {
              zh: `找不到回调地址中的主机名（${e.host}），请检查地址是否填写正确`,
              en: `The host name in the webhook URL (${e.host}) cannot be found; check the address`,
            }
          : null;
    if (!message) throw e;
    throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'webhookUrl', message }] });
  }
}

export async function setPreferences(
  tx: Tx,
  actor: Actor,
  user: { id: string; enterpriseId: string | null },
  input: {
    email: string | null;
    webhookUrl: string | null;
    wechatOpenid: string | null;
    rotateWebhookSecret?: boolean | undefined;
  },
): Promise<Preferences> {
  if (input.webhookUrl && !user.enterpriseId) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [
        {
          path: 'webhookUrl',
          message: { zh: '只有企业账号可以设置 Webhook', en: 'Only enterprise accounts can set a webhook' },
        },
      ],
    });
  }
  const before = await getPreferences(tx, user.id);
  let secret = before.webhookSecret;
  if (!input.webhookUrl) secret = null;
  else if (!secret || input.rotateWebhookSecret || input.webhookUrl !== before.webhookUrl)
    secret = randomBytes(24).toString('base64url');
  const values = {
    email: input.email,
    webhookUrl: input.webhookUrl,
    webhookSecret: secret,
    wechatOpenid: input.wechatOpenid,
    updatedAt: new Date(),
  };
  await tx
    .insert(notificationPreferences)
    .values({ userId: user.id, ...values })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
  await recordAudit(tx, actor, {
    action: 'notification-preferences.update',
    entityType: 'user',
    entityId: user.id,
    before: { email: before.email, webhookUrl: before.webhookUrl, wechatOpenid: before.wechatOpenid },
    after: { email: input.email, webhookUrl: input.webhookUrl, wechatOpenid: input.wechatOpenid },
  });
  return getPreferences(tx, user.id);
}

/**
 * Saves a user's channels. A webhook URL (only enterprises may set one; setPreferences says so)
 * is resolved before the transaction, and only when it changes: a name server that is down must
 * not block saving an e-mail.
 */
export async function updatePreferences(
  db: Db,
  actor: Actor,
  user: { id: string; enterpriseId: string | null },
  input: Parameters<typeof setPreferences>[3],
  webhookAllowPrivate: boolean,
): Promise<Preferences> {
  const url = input.webhookUrl;
  if (url && user.enterpriseId && url !== (await getPreferences(db, user.id)).webhookUrl) {
    await assertWebhookReceivable(url, webhookAllowPrivate);
  }
  return db.transaction((tx) => setPreferences(tx, actor, user, input));
}

// ---- delivery log ----

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

export const DELIVERY_SORTS = ['-createdAt', 'createdAt', 'target', '-target'] as const;

export type DeliveryFilter = {
  status?: string | undefined;
  channel?: string | undefined;
  q?: string | undefined;
  sort?: (typeof DELIVERY_SORTS)[number] | undefined;
};

/** The log's order; by recipient its latest messages come first either way, which is what one looks for. */
function deliveryOrder(sort: DeliveryFilter['sort']): SQL[] {
  const d = deliveries;
  switch (sort) {
    case 'createdAt':
      return [asc(d.createdAt), asc(d.id)];
    case 'target':
      return [asc(d.target), desc(d.createdAt), desc(d.id)];
    case '-target':
      return [desc(d.target), desc(d.createdAt), desc(d.id)];
    default:
      return [desc(d.createdAt), desc(d.id)];
  }
}

export async function listDeliveries(
  db: Db,
  f: DeliveryFilter,
  paging: PageRequest,
): Promise<Paged<typeof deliveries.$inferSelect>> {
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(deliveries.status, f.status));
  if (f.channel) conds.push(eq(deliveries.channel, f.channel));
  if (f.q)
    conds.push(
      sql`(${deliveries.target} ilike ${containsPattern(f.q)} or ${deliveries.kind} ilike ${containsPattern(f.q)})`,
    );
  const where = conds.length ? and(...conds) : undefined;
  return paginate(
    paging,
    (limit, offset) =>
      db
        .select()
        .from(deliveries)
        .where(where)
        .orderBy(...deliveryOrder(f.sort))
        .limit(limit)
        .offset(offset),
    async () => {
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(deliveries).where(where);
      return count?.n ?? 0;
    },
  );
}

/** An admin sends a failed delivery again (fresh attempts). */
export async function retryDelivery(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for('update');
  if (!row) throw new AppError('RECORD_NOT_FOUND');
  if (row.status !== 'failed') {
    throw new AppError('VALIDATION_FAILED', {
      detail: { zh: '只能重发失败的投递', en: 'Only failed deliveries can be retried' },
    });
  }
  const [updated] = await tx
    .update(deliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null })
    .where(eq(deliveries.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'delivery.retry',
    entityType: 'delivery',
    entityId: id,
    before: { status: row.status, lastError: row.lastError },
  });
  return updated!;
}
