import { afterAll, beforeAll } from 'vitest';
import { describeDisclosureThisYear } from '../modules/disclosure/demo-this-year.checks.ts';
import { describeEiaThisYear } from '../modules/eia/demo-this-year.checks.ts';
import { describeRatingsThisYear } from '../modules/ratings/demo-this-year.checks.ts';
import { describeReceptionThisYear } from '../modules/reception/demo-this-year.checks.ts';
import { describeSiteInspectionsThisYear } from '../modules/site-inspections/demo-this-year.checks.ts';
import { describeVisitsThisYear } from '../modules/visits/demo-this-year.checks.ts';
import type { DemoAccount } from '../platform/module.ts';
import { buildTestApp, type SeededDemo, type TestApp } from '../test/helpers.ts';
import { describeDemoSignInsThisYear } from './demo-sign-ins.checks.ts';
import { seedDemo } from './seed.ts';

// The demo's records of the seeding year, module by module, on one demo seeded on the tests' fake
// today (2026-06-15): seeding the whole demo takes ~14 s, so the modules' checks (each in its own
// folder, demo-this-year.checks.ts) share this one seed instead of each seeding its own. The
// checks only read: they sign in (new sessions, new users without an enterprise, audit entries)
// and query, and none of them counts what another one's sign-ins add, so their order is free.
let app: TestApp | undefined;
let seeded: SeededDemo | undefined;
const demo = (): SeededDemo => {
  if (!seeded) throw new Error('the demo is not seeded yet');
  return seeded;
};

beforeAll(async () => {
  const t = await buildTestApp();
  app = t;
  const printed: string[] = [];
  const accounts: DemoAccount[] = await seedDemo(t.database.db, (line) => printed.push(line));
  seeded = { t, accounts, printed };
}, 300_000);
afterAll(() => app?.close());

describeVisitsThisYear(demo);
describeReceptionThisYear(demo);
describeRatingsThisYear(demo);
describeEiaThisYear(demo);
describeSiteInspectionsThisYear(demo);
describeDisclosureThisYear(demo);
describeDemoSignInsThisYear(demo);
