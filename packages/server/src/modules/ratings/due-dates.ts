import { and, eq } from 'drizzle-orm';
import type { DueDateHook } from '../clocks/due-date-hooks.ts';
import { ratingRectifications } from './tables.ts';

/** A bad rating's rectification keeps copies of its two clocks' due dates; the clock owns them. */
export const refreshRectificationDueDates: DueDateHook = async (tx, clock) => {
  if (clock.profileKey === 'rating.rectify-contact') {
    await tx
      .update(ratingRectifications)
      .set({ contactDueDate: clock.dueDate })
      .where(and(eq(ratingRectifications.ratingId, clock.ownerId), eq(ratingRectifications.contactClockId, clock.id)));
  } else if (clock.profileKey === 'rating.rectify') {
    await tx
      .update(ratingRectifications)
      .set({ rectifyDueDate: clock.dueDate })
      .where(and(eq(ratingRectifications.ratingId, clock.ownerId), eq(ratingRectifications.rectifyClockId, clock.id)));
  }
};
