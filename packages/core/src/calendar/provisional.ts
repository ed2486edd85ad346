/**
 * A provisional (暂定) holiday year for a year whose State Council notice is not (yet) in the data.
 * Intake must never be refused for missing reference data (信访工作条例 第二十一、二十三条 and
 * 国办发〔2019〕51号 make registration unconditional), so a working-day clock that runs into such a
 * year is computed from what the law itself fixes, and everything computed from it is marked 暂定
 * until an admin enters the notice.
 *
 * 《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订，2025年1月1日施行）:
 * - 第二条: 元旦 1 day (1 January); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (清明当日);
 *   劳动节 2 days (5月1日、2日); 端午节 1 day (农历五月初五); 中秋节 1 day (农历八月十五);
 *   国庆节 3 days (10月1日至3日).
 * - 第六条: a holiday for all citizens that falls on a Saturday or Sunday is made up on working days.
 *   We put each made-up day (补假) on the first weekday after the festival that is not already off;
 *   a statutory day that coincides with another festival's (中秋 on 1–3 October) is made up the same way.
 *
 * What the law does not fix and a provisional year therefore lacks: the notice's bridge days and
 * the weekend make-up working days (调休上班) that pay for them. The number of weekdays off is the
 * same either way (statutory days + 补假 = weekdays off − 调休上班 in every notice), but the notice
 * can move a day off by a few days in either direction. Clocks read the provisional year through
 * WorkingCalendar's 'earliest' and 'latest' views (see working-calendar.ts).
 */
import { addCalendarDays, isWeekend } from './dates.ts';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, lunarFestivals, qingming } from './lunar.ts';
import type { CalendarYear } from './working-calendar.ts';

export const PROVISIONAL_FIRST_YEAR = LUNAR_FIRST_YEAR;
export const PROVISIONAL_LAST_YEAR = LUNAR_LAST_YEAR;

export const PROVISIONAL_SOURCE =
  '暂定：国务院办公厅当年节假日安排通知尚未录入，依《全国年节及纪念日放假办法》（2024年修订）第二条、第六条推算，不含调休上班日';

export type StatutoryFestival = { name: string; nameEn: string; dates: string[] };

/** The statutory days of `year` by 第二条 (2024 revision), before any 补假. */
export function statutoryFestivals(year: number): StatutoryFestival[] {
  const lunar = lunarFestivals(year);
  if (!lunar) throw new RangeError(`provisional calendar: no lunar data for ${year}`);
  const d = (md: string) => `${year}-${md}`;
  const chuxi = addCalendarDays(lunar.springFestival, -1);
  return [
    { name: '元旦', nameEn: "New Year's Day", dates: [d('01-01')] },
    {
      name: '春节',
      nameEn: 'Spring Festival',
      dates: [
        chuxi,
        lunar.springFestival,
        addCalendarDays(lunar.springFestival, 1),
        addCalendarDays(lunar.springFestival, 2),
      ],
    },
    { name: '清明节', nameEn: 'Qingming Festival', dates: [qingming(year)] },
    { name: '劳动节', nameEn: 'Labour Day', dates: [d('05-01'), d('05-02')] },
    { name: '端午节', nameEn: 'Dragon Boat Festival', dates: [lunar.dragonBoat] },
    { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: [lunar.midAutumn] },
    { name: '国庆节', nameEn: 'National Day', dates: [d('10-01'), d('10-02'), d('10-03')] },
  ].sort((a, b) => (a.dates[0]! < b.dates[0]! ? -1 : 1));
}

/**
 * The provisional year: statutory days plus their 补假 (marked `compensation`), no 调休上班.
 * Throws RangeError outside 2020–2099 (no lunar data).
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const festivals = statutoryFestivals(year);
  // every statutory day is off whatever happens; 补假 never lands on one
  const statutory = new Set(festivals.flatMap((f) => f.dates));
  const claimed = new Set<string>();
  const made = new Set<string>();
  const holidays: CalendarYear['holidays'] = [];
  for (const f of festivals) {
    let owed = 0;
    const dates: string[] = [];
    for (const date of f.dates) {
      if (claimed.has(date) || isWeekend(date)) owed++;
      if (!claimed.has(date)) {
        claimed.add(date);
        dates.push(date);
      }
    }
    if (dates.length > 0) holidays.push({ name: f.name, nameEn: f.nameEn, dates });
    const extra: string[] = [];
    let day = f.dates[f.dates.length - 1]!;
    while (owed > 0) {
      day = addCalendarDays(day, 1);
      if (isWeekend(day) || statutory.has(day) || made.has(day)) continue;
      made.add(day);
      extra.push(day);
      owed--;
    }
    if (extra.length > 0) {
      holidays.push({
        name: `${f.name}补假`,
        nameEn: `${f.nameEn} (made-up day off)`,
        dates: extra,
        compensation: true,
      });
    }
  }
  return { year, source: PROVISIONAL_SOURCE, holidays, makeupWorkdays: [], provisional: true };
}
