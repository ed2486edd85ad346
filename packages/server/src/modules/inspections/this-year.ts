// The demo's random inspections of the seeding year: when a quarter's draw is inspected and
// published, shared by the draws (this module's seed) and the records behind their results
// (site-inspections' seed), so that both agree on which quarters are finished work by today.
import {
  type ClockProfile,
  clockBinds,
  clockRollsOver,
  evaluateClock,
  shanghaiDateOf,
  type WorkingCalendar,
} from '@qingshan/core';
import { PUBLICATION_CLOCK } from '@qingshan/core/inspection-draws';
import type { Db } from '../../db/client.ts';
import { clockProfileValueSchema, getRule } from '../rules/service.ts';

/** The clock of a rectification order (site-inspections' profile), which a draw's findings start. */
export const RECTIFY_CLOCK = 'site-inspection.rectify';

/**
 * The due date a clock of this profile started at `start` gets, computed as the clock engine will
 * once it is started: a demo record is made only when its clock is due before today.
 */
export async function dueDateOf(db: Db, calendar: WorkingCalendar, key: string, start: Date): Promise<string> {
  const value = clockProfileValueSchema.parse((await getRule(db, key, shanghaiDateOf(start))).value);
  const profile: ClockProfile = { key, length: value.length, unit: value.unit, warnBefore: value.warnBefore };
  return evaluateClock(
    {
      profile,
      start: start.toISOString(),
      pauses: [],
      extensions: [],
      binds: clockBinds(key) === 'party' ? 'party' : 'bureau',
      rollsOver: clockRollsOver(key),
    },
    start.toISOString(),
    calendar,
  ).dueDate;
}

/**
 * A draw's round: its firms are inspected from the 2nd to the 15th working day after the draw,
 * and the results published 7 working days after the last inspection (well inside the 20 the
 * publication clock allows).
 */
export function drawCycle(calendar: WorkingCalendar, drawnOn: string) {
  const inspectedBy = calendar.addDays(drawnOn, 15, 'working');
  return {
    firstInspection: calendar.addDays(drawnOn, 2, 'working'),
    inspectedBy,
    publishOn: calendar.addDays(inspectedBy, 7, 'working'),
  };
}

/** When an on-site record of a day is signed, and its rectification orders start. */
export const completedAt = (day: string) => new Date(`${day}T16:30:00+08:00`);

/**
 * Whether a draw of `drawnOn` is finished past work on `today`: published before today, and both
 * its publication clock and the rectification orders of its last inspections due before today.
 */
export async function drawCycleFinished(
  db: Db,
  calendar: WorkingCalendar,
  drawnOn: string,
  today: string,
): Promise<boolean> {
  const c = drawCycle(calendar, drawnOn);
  if (c.publishOn >= today) return false;
  const publishDue = await dueDateOf(db, calendar, PUBLICATION_CLOCK, new Date(`${c.inspectedBy}T00:00:00+08:00`));
  const rectifyDue = await dueDateOf(db, calendar, RECTIFY_CLOCK, completedAt(c.inspectedBy));
  return publishDue < today && rectifyDue < today;
}
