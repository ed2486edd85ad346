import { eq } from 'drizzle-orm';
import type { DueDateHook } from '../clocks/due-date-hooks.ts';
import { petitions } from './tables.ts';

/**
 * The petition keeps copies of its clocks' due dates (to sort and count in one query). The clock
 * owns the date; the clock service runs this in the same transaction after every change to it.
 */
export const refreshPetitionDueDates: DueDateHook = async (tx, clock) => {
  if (clock.profileKey === 'petition.acceptance-notice') {
    await tx.update(petitions).set({ acceptanceDueDate: clock.dueDate }).where(eq(petitions.id, clock.ownerId));
  } else if (clock.profileKey === 'petition.resolution') {
    await tx.update(petitions).set({ resolutionDueDate: clock.dueDate }).where(eq(petitions.id, clock.ownerId));
  }
};
