import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { BUREAU_NAME, maskPhone, todayInShanghai } from '@qingshan/core';
import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { hasRole, isStaff, type SessionUser } from '../../plugins/auth.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { SmsTransport } from '../notifications/channels.ts';
import { getRuleNumber } from '../rules/service.ts';
import { users } from '../users/tables.ts';
import { phoneCodes } from './tables.ts';

/** Long enough to read a text message and type it; short enough that a leaked code soon dies. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong tries per code: 5 of a million leaves a guesser 1 chance in 200,000 per code sent. */
export const MAX_ATTEMPTS = 5;
/** One code per phone per minute, whatever the daily rule allows. */
export const RESEND_AFTER_MS = 60_000;

export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

function hashCode(salt: string, phone: string, code: string): string {
  return createHmac('sha256', salt).update(`${phone}:${code}`).digest('hex');
}

function todayStart(now: Date): Date {
  return new Date(`${todayInShanghai(now)}T00:00:00+08:00`);
}

function sendLimit(zh: string, en: string, extra: Record<string, unknown>): AppError {
  return new AppError('PHONE_CODE_SEND_LIMIT', { detail: { zh, en }, extra });
}

/**
 * Sends a fresh 6-digit code to a mobile phone. Limits: one per phone per minute, and the rules
 * phone-code.max-sends-per-phone-per-day / -per-address-per-day, so the platform cannot be used to
 * flood someone's phone. The code is stored hashed; if the transport fails it is removed again.
 */
export async function sendPhoneCode(
  db: Db,
  transport: SmsTransport,
  actor: Actor,
  phone: string,
  now: Date = new Date(),
): Promise<{ expiresAt: Date; resendAfter: Date }> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const salt = randomBytes(16).toString('hex');
  const clientIp = actor.ip;
  const row = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code:${phone}`}))`);
    if (clientIp) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`phone-code-ip:${clientIp}`}))`);
    const [last] = await tx
      .select({ createdAt: phoneCodes.createdAt })
      .from(phoneCodes)
      .where(eq(phoneCodes.phone, phone))
      .orderBy(desc(phoneCodes.createdAt))
      .limit(1);
    if (last && now.getTime() - last.createdAt.getTime() < RESEND_AFTER_MS) {
      const wait = Math.ceil((RESEND_AFTER_MS - (now.getTime() - last.createdAt.getTime())) / 1000);
      throw sendLimit(`验证码已发送，请 ${wait} 秒后再获取`, `A code was just sent; ask again in ${wait} s`, {
        retryAfterSeconds: wait,
      });
    }
    const since = todayStart(now);
    const perPhone = await getRuleNumber(tx, 'phone-code.max-sends-per-phone-per-day');
    const [byPhone] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(phoneCodes)
      .where(and(eq(phoneCodes.phone, phone), gte(phoneCodes.createdAt, since)));
    if ((byPhone?.n ?? 0) >= perPhone) {
      throw sendLimit(
        `该手机号今天已获取 ${perPhone} 次验证码，请明天再试或致电窗口预约`,
        `This phone has had ${perPhone} codes today; try tomorrow or call the window`,
        { rule: 'phone-code.max-sends-per-phone-per-day' },
      );
    }
    if (clientIp) {
      const perAddress = await getRuleNumber(tx, 'phone-code.max-sends-per-address-per-day');
      const [byIp] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(phoneCodes)
        .where(and(eq(phoneCodes.clientIp, clientIp), gte(phoneCodes.createdAt, since)));
      if ((byIp?.n ?? 0) >= perAddress) {
        throw sendLimit(
          `您所在的网络今天已获取 ${perAddress} 次验证码，请明天再试或致电窗口预约`,
          `Your network has had ${perAddress} codes today; try tomorrow or call the window`,
          { rule: 'phone-code.max-sends-per-address-per-day' },
        );
      }
    }
    const [r] = await tx
      .insert(phoneCodes)
      .values({
        phone,
        codeHash: hashCode(salt, phone, code),
        salt,
        clientIp,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'phone-code.send',
      entityType: 'phone-code',
      entityId: r!.id,
      after: { phone: maskPhone(phone), transport: transport.kind, expiresAt: r!.expiresAt },
    });
    return r!;
  });
  try {
    // sent after the commit: a slow gateway must not hold the booker's locks (or, on PGlite, the
    // whole database) for its timeout
    await transport.send(
      phone,
      `【${BUREAU_NAME}】您的预约验证码是 ${code}，10 分钟内有效。如非本人操作，请忽略本短信。`,
    );
  } catch (e) {
    await db.transaction(async (tx) => {
      await tx.delete(phoneCodes).where(eq(phoneCodes.id, row.id));
      await recordAudit(tx, actor, {
        action: 'phone-code.send-failed',
        entityType: 'phone-code',
        entityId: row.id,
        after: { phone: maskPhone(phone), error: e instanceof Error ? e.message.slice(0, 300) : String(e) },
      });
    });
    throw new AppError('PHONE_CODE_SEND_FAILED');
  }
  return { expiresAt: row.expiresAt, resendAfter: new Date(now.getTime() + RESEND_AFTER_MS) };
}

function invalid(): AppError {
  return new AppError('PHONE_CODE_INVALID', {
    detail: {
      zh: '手机验证码不正确或已过期（10 分钟内有效，每个验证码最多试 5 次），请重新获取',
      en: 'The phone code is wrong or expired (valid 10 minutes, 5 tries per code); request a new one',
    },
  });
}

/**
 * Checks a code against the latest live code of the phone. Every try counts, in its own committed
 * transaction, before the comparison: a wrong code is refused after the count is stored, so parallel
 * guesses cannot get more than MAX_ATTEMPTS comparisons. Returns the code's id for consumePhoneCode.
 */
export async function checkPhoneCode(db: Db, phone: string, code: string, now: Date = new Date()): Promise<string> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(phoneCodes)
      .set({ attempts: sql`${phoneCodes.attempts} + 1` })
      .where(
        and(
          eq(
            phoneCodes.id,
            sql`(select id from phone_codes where phone = ${phone} and consumed_at is null
                 and expires_at > ${now.toISOString()}::timestamptz order by created_at desc limit 1)`,
          ),
          lt(phoneCodes.attempts, MAX_ATTEMPTS),
        ),
      )
      .returning();
    return row;
  });
  if (!result) throw invalid();
  const expected = Buffer.from(result.codeHash, 'hex');
  const actual = Buffer.from(hashCode(result.salt, phone, code), 'hex');
  if (!timingSafeEqual(expected, actual)) throw invalid();
  return result.id;
}

/** Uses up a checked code inside the booking's transaction: if the booking fails, the code stays good. */
export async function consumePhoneCode(tx: Tx, id: string, now: Date = new Date()): Promise<void> {
  const [row] = await tx
    .update(phoneCodes)
    .set({ consumedAt: now })
    .where(and(eq(phoneCodes.id, id), isNull(phoneCodes.consumedAt)))
    .returning({ id: phoneCodes.id });
  if (!row) throw invalid();
}

/**
 * Whether a booking must prove the phone with a code. Staff booking for a caller do not; nor do
 * signed-in enterprise and citizen accounts booking with their account's phone: those accounts
 * are issued by the bureau (there is no self-registration), so the account already identifies
 * them. A signed-in citizen giving another phone proves that phone like anyone else.
 */
export async function phoneCodeNeeded(tx: Tx, user: SessionUser | null, phone: string): Promise<boolean> {
  if (!user) return true;
  if (isStaff(user)) return false;
  if (hasRole(user, 'enterprise') && user.enterpriseId) return false;
  const [u] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, user.id));
  return u?.phone !== phone;
}

/**
 * The gate every public booking passes before its transaction: a missing code is a 400, a wrong
 * one a 403. Returns the id to consume in the booking's transaction, or null when none is needed.
 */
export async function requirePhoneCode(
  db: Db,
  user: SessionUser | null,
  phone: string,
  code: string | undefined,
  now: Date = new Date(),
): Promise<string | null> {
  if (!(await phoneCodeNeeded(db, user, phone))) return null;
  if (!code) {
    throw new AppError('PHONE_CODE_REQUIRED', {
      detail: {
        zh: MOBILE_PHONE.test(phone)
          ? '请点击“获取验证码”，并填写发到您手机上的 6 位验证码'
          : '网上预约须用手机号接收验证码；使用固定电话的，请致电窗口由工作人员代约',
        en: MOBILE_PHONE.test(phone)
          ? 'Press “get code” and enter the 6-digit code sent to your phone'
          : 'Online booking needs a mobile phone for the code; with a landline, call the window to book',
      },
      errors: [{ path: 'phoneCode', message: { zh: '请填写验证码', en: 'enter the code' } }],
    });
  }
  return checkPhoneCode(db, phone, code, now);
}

/** Removes codes older than two days: long dead (10 minutes), and past the daily send counts. */
export async function purgePhoneCodes(db: Db, now: Date = new Date()): Promise<number> {
  const rows = await db
    .delete(phoneCodes)
    .where(lt(phoneCodes.createdAt, new Date(now.getTime() - 2 * 86_400_000)))
    .returning({ id: phoneCodes.id });
  return rows.length;
}

/**
 * Demo mode without an SMS gateway: the last code the development transport sent to a phone, for
 * the journeys and the person trying the demo to read.
 */
export function lastDevCode(outbox: Map<string, string>, phone: string): { code: string; text: string } {
  const text = outbox.get(phone);
  const code = text?.match(/\d{6}/)?.[0];
  if (!text || !code) {
    throw new AppError('RECORD_NOT_FOUND', {
      detail: { zh: '没有发往该号码的验证码', en: 'No code was sent to this phone' },
    });
  }
  return { code, text };
}
