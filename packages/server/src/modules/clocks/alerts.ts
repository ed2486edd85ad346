import type { DayUnit } from '@qingshan/core';
import { clockTitleInEnglish } from '@qingshan/core/clock-titles';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { errorMessageForRecord } from '../../db/errors.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { getCalendar } from '../calendar/service.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { type ClockView, evaluateRow, lapseClock } from './service.ts';
import { clockAlerts, clocks } from './tables.ts';

const STATE_ZH = { 'due-soon': '即将到期', overdue: '已超期' } as const;
const STATE_EN = { 'due-soon': 'Due soon', overdue: 'Overdue' } as const;
const UNIT_EN: Record<DayUnit, string> = { working: 'working days', calendar: 'calendar days' };
const daysEn = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * Closes every party window (binds 'party': a petitioner's 复查/复核 request period, an
 * enterprise's lead time) whose due date has passed unused. Each in its own transaction, so one
 * bad row does not hold back the rest; lapseClock re-checks under a row lock, so two schedulers
 * cannot close one twice.
 */
export async function closeLapsedWindows(
  db: Db,
  now: Date = new Date(),
): Promise<{ lapsed: number; errors: string[] }> {
  const calendar = await getCalendar(db);
  const open = await db
    .select()
    .from(clocks)
    .where(and(isNull(clocks.completedAt), eq(clocks.binds, 'party')));
  let lapsed = 0;
  const errors: string[] = [];
  for (const row of open) {
    try {
      if (evaluateRow(row, calendar, now).state !== 'overdue') continue;
      if (await db.transaction((tx) => lapseClock(tx, SYSTEM_ACTOR, row.id, now))) lapsed++;
    } catch (e) {
      errors.push(`${row.id}: ${errorMessageForRecord(e)}`);
    }
  }
  return { lapsed, errors };
}

/**
 * Closes lapsed party windows, then warns the assignee when a bureau clock enters due-soon and escalates an overdue clock to the leaders,
 * each once per clock and state: the clock_alerts row and the notifications commit together, and
 * its unique key stops a second scheduler from alerting again.
 */
export async function scanClocks(
  db: Db,
  now: Date = new Date(),
): Promise<{ warned: number; escalated: number; lapsed: number; errors: string[] }> {
  const { lapsed, errors } = await closeLapsedWindows(db, now);
  const calendar = await getCalendar(db);
  // a party's window is not the bureau's deadline: nobody is warned or escalated about it
  const open = await db
    .select()
    .from(clocks)
    .where(and(isNull(clocks.completedAt), eq(clocks.binds, 'bureau')));
  let warned = 0;
  let escalated = 0;
  for (const row of open) {
    let view: ClockView;
    try {
      view = evaluateRow(row, calendar, now);
    } catch (e) {
      errors.push(`${row.id}: ${errorMessageForRecord(e)}`);
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
      // the English the web shows the clock under (codes, names and typed text kept); as stored when no rule knows it
      const titleEn = clockTitleInEnglish(view.title) ?? view.title;
      const daysInEnglish =
        state === 'overdue' ? `${daysEn(-view.remaining)} overdue` : `${daysEn(view.remaining)} left`;
      const bodyEn = `${titleEn}: due ${view.dueDate} (${UNIT_EN[view.profile.unit]}), ${daysInEnglish}.`;
      for (const userId of assignees) {
        await notify(tx, {
          userId,
          kind: `clock.${state}`,
          title: `【${STATE_ZH[state]}】${view.title}`,
          body,
          en: { title: `[${STATE_EN[state]}] ${titleEn}`, body: bodyEn },
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
            en: {
              title: `[Overdue: follow up] ${titleEn}`,
              body: `${bodyEn} It is overdue: please see that it is handled.`,
            },
            link: view.link,
          });
        }
        escalated++;
      } else warned++;
    });
  }
  return { warned, escalated, lapsed, errors };
}
