import type { Journey } from '../harness.ts';
import { clerkRegistersEnterprise, enterpriseUserRefused } from './foundation.ts';
import { deadlineCalculator, worklistPauseExtend } from './machinery.ts';
import { citizenBooksExtendedSlot } from './service.ts';

export const journeys: Journey[] = [
  clerkRegistersEnterprise,
  enterpriseUserRefused,
  deadlineCalculator,
  worklistPauseExtend,
  citizenBooksExtendedSlot,
];
