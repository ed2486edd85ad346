import { vi } from 'vitest';
import { MODULES } from '../modules/index.ts';
import { installModules } from '../platform/registry.ts';

// The tests run against the working-day calendar, which is data per year (2020–2026 shipped; a
// later year is answered provisionally until its notice is entered). So that expected dates do
// not move as the real date does, server tests see a fixed "today" that advances in real time
// from 2026-06-15 10:00 Beijing time; a file may move it with vi.setSystemTime (see
// calendar/provisional-intake.test.ts). Timers are untouched.
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));

// Services read figures, ratable events and clock owners from the installed modules; a test that
// calls them without building the app sees the same registry as the running platform.
installModules(MODULES);
