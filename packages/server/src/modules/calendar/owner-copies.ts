/**
 * Owner records that still keep a copy of a clock's due date, refreshed through the clocks'
 * onDueDateChanged hook in the same transaction when a calendar change moves it. The clock is the
 * owner of the date; once a module reads its due dates from the clock instead (petitions and
 * reception concerns are being changed so), delete its registration here.
 */
import { and, eq } from 'drizzle-orm';
import { onDueDateChanged } from '../clocks/due-date-hooks.ts';
import { petitions } from '../petitions/tables.ts';
import { ratingRectifications } from '../ratings/tables.ts';
import { receptionConcerns } from '../reception/tables.ts';

onDueDateChanged('petition', async (tx, clock) => {
  if (clock.profileKey === 'petition.acceptance-notice') {
    await tx.update(petitions).set({ acceptanceDueDate: clock.dueDate }).where(eq(petitions.id, clock.ownerId));
  } else if (clock.profileKey === 'petition.resolution') {
    await tx.update(petitions).set({ resolutionDueDate: clock.dueDate }).where(eq(petitions.id, clock.ownerId));
  }
});

onDueDateChanged('rating', async (tx, clock) => {
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
});

onDueDateChanged('reception-concern', async (tx, clock) => {
  await tx
    .update(receptionConcerns)
    .set({ dueDate: clock.dueDate })
    .where(and(eq(receptionConcerns.id, clock.ownerId), eq(receptionConcerns.clockId, clock.id)));
});
