import type { ModuleDefinition } from '../../platform/module.ts';
import { BOOKING_LIMITS_RULES } from './rules.ts';

/** Limits on anonymous bookings (per phone, per address, per day). */
export const bookingLimitsModule: ModuleDefinition = {
  name: 'booking-limits',
  rules: BOOKING_LIMITS_RULES,
};
