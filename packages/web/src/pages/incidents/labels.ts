import type { IncidentLevel, IncidentStatus } from '@qingshan/core/incidents';

/** Tag colours: the graver the level, the warmer the colour. */
export const LEVEL_COLORS: Record<IncidentLevel, string> = {
  general: 'gold',
  larger: 'orange',
  major: 'volcano',
  'especially-major': 'red',
};
export const STATUS_COLORS: Record<IncidentStatus, string> = { open: 'processing', closed: 'default' };
