import type { ConditionCheck } from './api.ts';

export const CHECK_STATUS_COLORS: Record<ConditionCheck['status'], string> = {
  passed: 'green',
  failed: 'red',
  'no-source': 'orange',
};
