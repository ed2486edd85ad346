import { isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { getCalendar } from '../calendar/service.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { type ClockView, evaluateRow } from './service.ts';
import { clockAlerts, clocks } from './tables.ts';

const STATE_ZH = { 'due-soon': '即将到期', overdue: '已超期' } as const;

/**
 * Warns the assignee when a clock enters due-soon and escalates an overdue clock to the leaders,
 * each once per clock and state: the clock_alerts row and the notifications commit together, and
 * its unique key stops a second scheduler from alerting again.
 */
export async function scanClocks(
  db: Db,
  now: Date = new Date(),
): Promise<{ warned: number; escalated: number; errors: string[] }> {
  const calendar = await getCalendar(db);
  const open = await db.select().from(clocks).where(isNull(clocks.completedAt));
  let warned = 0;
  let escalated = 0;
  const errors: string[] = [];
  for (const row of open) {
    let view: ClockView;
    try {
      view = evaluateRow(row, calendar, now);
    } catch (e) {
      errors.push(`${row.id}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (view.state !== 'due-soon' && view.state !== 'overdue') continue;
    const state = view.state;
    await db.transaction(async (tx) => {
      const [alert] = await tx
        .insert(clockAlerts)
        .values({ clockId: row.id, state })
        .onConflictDoNothing()
        .returning({ id: clockAlerts.id });
      if (!alert) return;
      const assignees = new Set<string>();
      if (view.assigneeUserId) assignees.add(view.assigneeUserId);
      else if (view.assigneeRole) for (const id of await usersWithRole(tx, view.assigneeRole)) assignees.add(id);
      const days = state === 'overdue' ? `已超期 ${-view.remaining} 天` : `剩余 ${view.remaining} 天`;
      const body = `${view.title}：期限 ${view.dueDate}（${view.profile.unit === 'working' ? '工作日' : '自然日'}），${days}。`;
      for (const userId of assignees) {
        await notify(tx, {
          userId,
          kind: `clock.${state}`,
          title: `【${STATE_ZH[state]}】${view.title}`,
          body,
          link: view.link,
        });
      }
      if (state === 'overdue') {
        for (const userId of await usersWithRole(tx, 'leader')) {
          if (assignees.has(userId)) continue;
          await notify(tx, {
            userId,
            kind: 'clock.escalated',
            title: `【超期督办】${view.title}`,
            body: `${body}已超期，请督促办理。`,
            link: view.link,
          });
        }
        escalated++;
      } else warned++;
    });
  }
  return { warned, escalated, errors };
}
