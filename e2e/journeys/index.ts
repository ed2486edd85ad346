import type { Journey } from '../harness.ts';
import { clerkRegistersEnterprise, enterpriseUserRefused } from './foundation.ts';

export const journeys: Journey[] = [clerkRegistersEnterprise, enterpriseUserRefused];
