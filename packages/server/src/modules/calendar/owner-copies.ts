/**
 * Owner records that keep a copy of a clock's due date (to sort and count in one query). The clock
 * owns the date: every change to it (extend, pause, resume, complete, calendar recalculation) runs
 * these hooks in the same transaction, so a copy can never disagree with its clock. Registered
 * here because this file is loaded with the clock service (calendar/service imports it), before
 * any clock is touched.
 */
import { and, eq } from 'drizzle-orm';
import { onDueDateChanged, ownClocks } from '../clocks/due-date-hooks.ts';
import { petitions } from '../petitions/tables.ts';
import { ratingRectifications } from '../ratings/tables.ts';
import { receptionConcerns } from '../reception/tables.ts';

// 信访工作条例 第三十四条: a petition's period is extended only with the 负责人's approval, through
// the petition's own request/approve steps, never from the generic worklist.
ownClocks('petition');
// 环境保护部令第15号: a report's handling period is likewise extended only with the 负责人's approval;
// reports keep no copy of their due dates, they read them from the clocks
ownClocks('report');

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
