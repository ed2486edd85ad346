import type { Journey } from '../harness.ts';
import { clerkRegistersEnterprise, enterpriseUserRefused } from './foundation.ts';
import { deadlineCalculator, provisionalCalendar, worklistPauseExtend } from './machinery.ts';
import {
  citizenBooksExtendedSlot,
  citizenBooksPublicDay,
  clerkResolvesConcern,
  dashboardArticleFigures,
} from './service.ts';

// In order: each journey signs in on its own, but the ones that create records run before the
// ones that only read, so a failure points at the first broken step.
export const journeys: Journey[] = [
  clerkRegistersEnterprise,
  enterpriseUserRefused,
  deadlineCalculator,
  worklistPauseExtend,
  citizenBooksExtendedSlot,
  clerkResolvesConcern,
  dashboardArticleFigures,
  citizenBooksPublicDay,
  provisionalCalendar,
];
