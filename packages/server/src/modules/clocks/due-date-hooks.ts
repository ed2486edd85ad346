import type { Tx } from '../../db/client.ts';
import type { ClockView } from './service.ts';

/**
 * The clock is the only owner of a due date. An owner record that keeps a copy of it (for sorting
 * and one-query figures) registers a hook here; the clock service runs it in the same transaction
 * after EVERY change that can move the date: extend, pause, resume, complete (an open pause ends)
 * and a calendar recalculation. Kept apart from service.ts so that registering at import time
 * cannot run into an import cycle.
 */
export type DueDateHook = (tx: Tx, clock: ClockView) => Promise<void>;

const hooks = new Map<string, DueDateHook>();
const owned = new Set<string>();

export function onDueDateChanged(ownerType: string, hook: DueDateHook): void {
  hooks.set(ownerType, hook);
}

export function dueDateHookOf(ownerType: string): DueDateHook | undefined {
  return hooks.get(ownerType);
}

/**
 * An owner type whose clocks change only through the owner's own steps (a petition's extension
 * needs the 负责人's approval, 信访工作条例 第三十四条): the generic clock routes refuse them.
 */
export function ownClocks(ownerType: string): void {
  owned.add(ownerType);
}

export function isOwnedClock(ownerType: string): boolean {
  return owned.has(ownerType);
}
