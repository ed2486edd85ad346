// Every deadline profile the platform ships, in one list: the web names a deadline by its key in
// either language and core's tests read their sources from it. The server registers each profile
// with the module that owns it (ModuleDefinition.clockProfiles); modules/contract.test.ts fails when
// this list and the modules' differ, so a new module's profile cannot be missed here.
import { APPLICATION_CLOCK_PROFILES } from './applications.ts';
import { CLUE_CLOCK_PROFILES } from './clues.ts';
import { type ClockProfileDefinition, DEFAULT_CLOCK_PROFILES } from './deadline.ts';
import { DISCLOSURE_CLOCK_PROFILES } from './disclosure.ts';
import { INSPECTION_CLOCK_PROFILES } from './inspection-draws.ts';
import { PERMIT_CLOCK_PROFILES } from './permits.ts';
import { SITE_INSPECTION_CLOCK_PROFILES } from './site-inspections.ts';

export const SHIPPED_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  ...DEFAULT_CLOCK_PROFILES,
  ...APPLICATION_CLOCK_PROFILES,
  ...CLUE_CLOCK_PROFILES,
  ...DISCLOSURE_CLOCK_PROFILES,
  ...INSPECTION_CLOCK_PROFILES,
  ...PERMIT_CLOCK_PROFILES,
  ...SITE_INSPECTION_CLOCK_PROFILES,
]);
