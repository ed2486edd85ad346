import { maskPhone, todayInShanghai } from '@qingshan/core';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getRuleNumber } from '../rules/service.ts';

export type Booker = { phone: string; clientIp: string | null };

function limitError(zh: string, en: string, rule: string): AppError {
  return new AppError('BOOKING_LIMIT', { detail: { zh, en }, extra: { rule } });
}

/**
 * Serialises bookings by the same phone and by the same address for the rest of the transaction,
 * so that N parallel bookings cannot all count the same "open bookings so far" and all pass.
 * Phone first, address second, in every caller: a fixed order cannot deadlock.
 */
async function lockBooker(tx: Tx, b: Booker) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking-phone:${b.phone}`}))`);
  if (b.clientIp) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`booking-ip:${b.clientIp}`}))`);
}

async function countOne(tx: Tx, q: ReturnType<typeof sql>): Promise<number> {
  const res = await tx.execute(q);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0);
}

/**
 * The public booking limits (rules booking.*), across the appointment windows and the public
 * reception days together: open bookings per phone and per client address, and new bookings per
 * address per day. Call inside the booking's transaction before inserting; the transaction then
 * holds the booker's locks until it commits, so the counts stay true under parallel requests.
 * Staff booking for a caller on the phone are not limited: their address is the bureau's.
 */
export async function assertPublicBookingLimits(tx: Tx, b: Booker, now: Date = new Date()): Promise<void> {
  await lockBooker(tx, b);
  const today = todayInShanghai(now);
  const perPhone = await getRuleNumber(tx, 'booking.max-open-per-phone');
  const openByPhone = await countOne(
    tx,
    sql`select (
      (select count(*) from appointments where phone = ${b.phone} and status in ('booked', 'arrived') and date >= ${today})
      + (select count(*) from reception_bookings rb join reception_sessions rs on rs.id = rb.session_id
         where rb.citizen_phone = ${b.phone} and rb.status = 'booked' and rs.date >= ${today})
    )::int as n`,
  );
  if (openByPhone >= perPhone) {
    throw limitError(
      `手机号 ${maskPhone(b.phone)} 已有 ${openByPhone} 个未办结的预约，每个手机号最多同时保留 ${perPhone} 个；请先办理或取消已有预约`,
      `The phone ${maskPhone(b.phone)} already holds ${openByPhone} open bookings; at most ${perPhone} at a time. Use or cancel one first`,
      'booking.max-open-per-phone',
    );
  }
  if (!b.clientIp) return;
  const perAddress = await getRuleNumber(tx, 'booking.max-open-per-address');
  const openByAddress = await countOne(
    tx,
    sql`select (
      (select count(*) from appointments where client_ip = ${b.clientIp} and status in ('booked', 'arrived') and date >= ${today})
      + (select count(*) from reception_bookings rb join reception_sessions rs on rs.id = rb.session_id
         where rb.client_ip = ${b.clientIp} and rb.status = 'booked' and rs.date >= ${today})
    )::int as n`,
  );
  if (openByAddress >= perAddress) {
    throw limitError(
      `从您所在的网络已提交 ${openByAddress} 个未办结的预约，已达上限 ${perAddress} 个；如需为多人预约，请致电窗口由工作人员代约`,
      `Your network already holds ${openByAddress} open bookings, the limit is ${perAddress}; to book for more people, call the window`,
      'booking.max-open-per-address',
    );
  }
  const perDay = await getRuleNumber(tx, 'booking.max-new-per-address-per-day');
  // the day starts at Beijing midnight; bookings cancelled since still count
  const dayStart = new Date(`${today}T00:00:00+08:00`).toISOString();
  const newToday = await countOne(
    tx,
    sql`select (
      (select count(*) from appointments where client_ip = ${b.clientIp} and created_at >= ${dayStart}::timestamptz)
      + (select count(*) from reception_bookings where client_ip = ${b.clientIp} and created_at >= ${dayStart}::timestamptz)
    )::int as n`,
  );
  if (newToday >= perDay) {
    throw limitError(
      `从您所在的网络今天已提交 ${newToday} 个预约，已达每日上限 ${perDay} 个，请明天再约或致电窗口`,
      `Your network has made ${newToday} bookings today, the daily limit is ${perDay}; try tomorrow or call the window`,
      'booking.max-new-per-address-per-day',
    );
  }
}
