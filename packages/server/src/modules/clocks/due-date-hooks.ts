import type { Tx } from '../../db/client.ts';
import type { ClockView } from './service.ts';

/**
 * An owner record that keeps a copy of a clock's due date (until every owner reads it from the
 * clock) registers a hook here; it runs in the transaction that moved the due date (today: a
 * calendar year added or replaced, recalculateOpenClocks). Kept apart from service.ts so that
 * registering at import time cannot run into an import cycle.
 */
export type DueDateHook = (tx: Tx, clock: ClockView) => Promise<void>;

const hooks = new Map<string, DueDateHook>();

export function onDueDateChanged(ownerType: string, hook: DueDateHook): void {
  hooks.set(ownerType, hook);
}

export function dueDateHookOf(ownerType: string): DueDateHook | undefined {
  return hooks.get(ownerType);
}
