import { describe, expect, it } from 'vitest';
import { plusDays, todayShanghai } from './dates.ts';
import { holdsAny, PETITION_DESK, WINDOW_ROLES } from './roles.ts';

describe('appointment page helpers', () => {
  it('adds days across month and year ends', () => {
    expect(plusDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(plusDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(plusDays('2021-01-01', -1)).toBe('2020-12-31');
  });

  it('today is a Shanghai date', () => {
    expect(todayShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('window and desk roles mirror the server', () => {
    expect(holdsAny(['clerk'], WINDOW_ROLES)).toBe(true);
    expect(holdsAny(['inspector'], WINDOW_ROLES)).toBe(false);
    expect(holdsAny(['inspector'], PETITION_DESK)).toBe(true);
    expect(holdsAny(['enterprise', 'citizen'], PETITION_DESK)).toBe(false);
  });
});
