import { and, eq } from 'drizzle-orm';
import type { DueDateHook } from '../clocks/due-date-hooks.ts';
import { receptionConcerns } from './tables.ts';

/** An accepted reception concern keeps a copy of its clock's due date; the clock owns it. */
export const refreshConcernDueDate: DueDateHook = async (tx, clock) => {
  await tx
    .update(receptionConcerns)
    .set({ dueDate: clock.dueDate })
    .where(and(eq(receptionConcerns.id, clock.ownerId), eq(receptionConcerns.clockId, clock.id)));
};
