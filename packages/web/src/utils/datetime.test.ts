import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, shanghaiDayEnd, shanghaiDayStart } from './datetime.ts';

describe('datetime in Asia/Shanghai', () => {
  it('formats an instant in UTC+8', () => {
    expect(formatDateTime('2025-03-01T16:05:09Z')).toBe('2025-03-02 00:05');
    expect(formatDateTime('2025-03-01T16:05:09Z', true)).toBe('2025-03-02 00:05:09');
    expect(formatDate('2025-03-01T16:05:09Z')).toBe('2025-03-02');
  });

  it('shows a dash for nothing or garbage', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });

  it('turns a picked day into Shanghai day bounds', () => {
    expect(shanghaiDayStart('2025-03-02')).toBe('2025-03-01T16:00:00.000Z');
    expect(shanghaiDayEnd('2025-03-02')).toBe('2025-03-02T15:59:59.999Z');
  });
});
