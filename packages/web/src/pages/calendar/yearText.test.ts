import { describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { errorPlace, expandDates, formatHolidays, formatMakeup, parseHolidays, parseMakeup } from './yearText.ts';

describe('calendar year text', () => {
  it('expands a date range across a month end', () => {
    expect(expandDates('2027-01-30 … 2027-02-02')).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
    expect(expandDates('2027-10-01 至 2027-10-01')).toEqual(['2027-10-01']);
  });

  it('accepts a list of dates separated by commas or spaces', () => {
    expect(expandDates('2027-04-05, 2027-04-06 2027-04-07')).toEqual(['2027-04-05', '2027-04-06', '2027-04-07']);
  });

  it('reads one holiday and one make-up day per line, skipping blank lines', () => {
    expect(parseHolidays('元旦 | New Year | 2027-01-01 … 2027-01-03\n\n清明节 | Qingming | 2027-04-05')).toEqual([
      { name: '元旦', nameEn: 'New Year', dates: ['2027-01-01', '2027-01-02', '2027-01-03'] },
      { name: '清明节', nameEn: 'Qingming', dates: ['2027-04-05'] },
    ]);
    expect(parseMakeup('春节调休上班 | 2027-02-20\n')).toEqual([{ name: '春节调休上班', date: '2027-02-20' }]);
  });

  it('formats a year so that reading it back gives the same year (prefill of a replacement)', () => {
    const holidays = [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02'] },
      { name: '春节补假', nameEn: 'Spring Festival (made-up day off)', dates: ['2027-02-09'] },
    ];
    const makeup = [{ name: '春节调休上班', date: '2027-02-20' }];
    expect(parseHolidays(formatHolidays(holidays))).toEqual(holidays);
    expect(parseMakeup(formatMakeup(makeup))).toEqual(makeup);
  });
});

describe("a provisional year's source", () => {
  it('reads in Chinese as the server words it, and in English without Chinese', async () => {
    const { PROVISIONAL_SOURCE } = await import('@qingshan/core/calendar');
    const zh = (await import('./locales/zh-CN.ts')).default;
    const en = (await import('./locales/en.ts')).default;
    expect(zh.calendarYears.provisionalSource).toBe(PROVISIONAL_SOURCE);
    expect(en.calendarYears.provisionalSource).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('where a refusal of the year form points', () => {
  // the form showed the body's paths: "calendar.holidays.2.nameEn: 长度不能少于 1"
  it('names the box, the line (from 1) and the part in the form’s words', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(errorPlace('calendar.holidays.1.dates.0', zh)).toBe('放假安排第 2 行（日期）');
    expect(errorPlace('calendar.holidays.2.nameEn', zh)).toBe('放假安排第 3 行（英文名称）');
    expect(errorPlace('calendar.makeupWorkdays.0.date', zh)).toBe('调休上班日第 1 行（日期）');
    expect(errorPlace('calendar.holidays', zh)).toBe('放假安排');
    expect(errorPlace('calendar.source', zh)).toBe('依据（通知名称、文号、日期）');
    expect(errorPlace('reason', zh)).toBe('操作理由');
  });
  it('in English on the English face', () => {
    const en = i18n.getFixedT('en');
    expect(errorPlace('calendar.holidays.2.nameEn', en)).toMatch(/, line 3 \(English name\)$/);
    expect(errorPlace('calendar.makeupWorkdays.0.date', en)).toMatch(/, line 1 \(date\)$/);
  });
});
