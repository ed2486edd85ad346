import type { Tx } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import type { ClockView } from './service.ts';

/**
 * The clock is the only owner of a due date. An owner record that keeps a copy of it (for sorting
 * and one-query figures) declares a hook in its module's clockOwners; the clock service runs it in
 * the same transaction after EVERY change that can move the date: extend, pause, resume, complete
 * (an open pause ends) and a calendar recalculation.
 */
export type DueDateHook = (tx: Tx, clock: ClockView) => Promise<void>;

export function dueDateHookOf(ownerType: string): DueDateHook | undefined {
  return registry().clockOwners.get(ownerType)?.onDueDateChanged;
}

/**
 * An owner type whose clocks change only through the owner's own steps (a petition's extension
 * needs the 负责人's approval, 信访工作条例 第三十四条): the generic clock routes refuse them.
 */
export function isOwnedClock(ownerType: string): boolean {
  return registry().clockOwners.get(ownerType)?.owned === true;
}
