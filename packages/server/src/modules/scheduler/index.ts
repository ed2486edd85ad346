import type { ModuleDefinition } from '../../platform/module.ts';
import * as tables from './tables.ts';

/** The in-process job scheduler over scheduled_jobs (leases, retries). */
export const schedulerModule: ModuleDefinition = {
  name: 'scheduler',
  tables,
};
