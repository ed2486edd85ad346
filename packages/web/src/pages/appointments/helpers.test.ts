import { describe, expect, it } from 'vitest';
import { dayHeading, plusDays, slotHasStarted, todayShanghai, weekdaysText } from './dates.ts';

describe('appointment page helpers', () => {
  it('adds days across month and year ends', () => {
    expect(plusDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(plusDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(plusDays('2021-01-01', -1)).toBe('2020-12-31');
  });

  it('today is a Shanghai date', () => {
    expect(todayShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('slot day headings', () => {
  it('names the weekday, and today / tomorrow', () => {
    expect(dayHeading('2026-12-07', '2026-12-04', 'zh')).toBe('12月7日 周一');
    expect(dayHeading('2026-12-04', '2026-12-04', 'zh')).toBe('今天 12月4日 周五');
    expect(dayHeading('2026-12-05', '2026-12-04', 'zh')).toBe('明天 12月5日 周六');
    expect(dayHeading('2027-01-01', '2026-12-31', 'en')).toBe('Tomorrow, Fri 1 Jan');
    expect(dayHeading('2027-01-03', '2026-12-31', 'en')).toBe('Sun 3 Jan');
  });
});

describe('slot start', () => {
  it('reads the slot in Beijing time', () => {
    // 09:00 in Beijing is 01:00 UTC
    expect(slotHasStarted('2026-12-07', '09:00', Date.parse('2026-12-07T00:59:00Z'))).toBe(false);
    expect(slotHasStarted('2026-12-07', '09:00', Date.parse('2026-12-07T01:00:00Z'))).toBe(true);
  });
});

describe('an opening plan’s weekdays', () => {
  it('are named, not numbered (1 = Monday … 7 = Sunday)', () => {
    expect(weekdaysText([6], 'zh')).toBe('周六');
    expect(weekdaysText([1, 3, 7], 'zh')).toBe('周一、周三、周日');
    expect(weekdaysText([6, 7], 'en')).toBe('Sat, Sun');
  });
});
