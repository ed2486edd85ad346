import type { Db } from '../db/client.ts';
import { registry } from './registry.ts';

/**
 * Each installed module's shipped reference data (ModuleDefinition.shipped), in module-list order.
 * Called on every start beside the rule defaults, and for test databases, so a real install and a
 * demo both start with it.
 */
export async function loadShippedData(db: Db): Promise<void> {
  for (const m of registry().modules) await m.shipped?.(db);
}
