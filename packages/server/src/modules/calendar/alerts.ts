import { todayInShanghai } from '@qingshan/core';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notify } from '../notifications/service.ts';
import { notifications } from '../notifications/tables.ts';
import { users } from '../users/tables.ts';
import { getCalendar } from './service.ts';

export const NEXT_YEAR_KIND = 'calendar.next-year-missing';

/**
 * Working-day deadlines that run into next year are provisional (暂定) until its holidays are
 * entered, and the State Council publishes them in November. From 1 November (Beijing time) until
 * the year is entered, every admin is told once a year to enter the notice.
 * Returns the year it warned about, or null when nothing was due.
 */
export async function warnIfNextYearMissing(db: Db, now = new Date()): Promise<number | null> {
  const today = todayInShanghai(now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (month < 11) return null;
  const next = year + 1;
  const calendar = await getCalendar(db);
  if (calendar.knownYears().includes(next)) return null;
  const title = `请录入 ${next} 年节假日安排`;
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`'admin' = any(${users.roles})`, eq(users.disabled, false)));
    let warned = false;
    for (const a of admins) {
      const [already] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, a.id),
            eq(notifications.kind, NEXT_YEAR_KIND),
            like(notifications.title, `%${next}%`),
          ),
        )
        .limit(1);
      if (already) continue;
      await notify(tx, {
        userId: a.id,
        kind: NEXT_YEAR_KIND,
        title,
        body:
          `平台尚无 ${next} 年的国务院办公厅节假日安排通知。在录入之前，落在 ${next} 年的按工作日计算的期限` +
          `（如差评整改、接待日诉求办结）依《全国年节及纪念日放假办法》暂定计算并标注“暂定”；` +
          `通知发布后请在“节假日”页面录入，所有未办结期限将自动重算。`,
        en: {
          title: `Enter the ${next} public holidays`,
          body:
            `The platform has no State Council notice of the ${next} public holidays yet. Until it is entered, ` +
            `working-day deadlines falling in ${next} (such as rating rectifications and reception-day concerns) ` +
            `are counted provisionally under the National Holidays Regulations and marked provisional. Once the ` +
            `notice is published, enter it on the Holidays page: every open deadline is then recounted.`,
        },
        link: '/staff/admin/calendar',
      });
      warned = true;
    }
    return warned ? next : null;
  });
}
