import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { daysText } from './days.ts';

describe('a count of days in words', () => {
  it('is singular for one day in English and plural otherwise', async () => {
    const t = i18n.getFixedT('en');
    expect(daysText(t, 1, 'working')).toBe('1 working day');
    expect(daysText(t, 7, 'working')).toBe('7 working days');
    expect(daysText(t, 0, 'working')).toBe('0 working days');
    expect(daysText(t, 1, 'calendar')).toBe('1 calendar day');
    expect(t('clocks.left', { days: daysText(t, 1, 'working') })).toBe('1 working day left');
  });

  it('has one form in Chinese', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(daysText(t, 1, 'working')).toBe('1 个工作日');
    expect(daysText(t, 30, 'working')).toBe('30 个工作日');
    expect(daysText(t, 2, 'calendar')).toBe('2 个自然日');
    expect(t('clocks.late', { days: daysText(t, 2, 'calendar') })).toBe('已超期 2 个自然日');
  });
});
