import { vi } from 'vitest';

// The tests run against the working-day calendar, which is data per year (2020–2026 shipped; a
// year with no data is an error, by design). A clock started "now" and counted in working days
// must not run off the end of the data as the real date moves on, so server tests see a fixed
// "today" that advances in real time from 2026-06-15 10:00 Beijing time. Timers are untouched.
vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
vi.setSystemTime(new Date('2026-06-15T10:00:00+08:00'));
