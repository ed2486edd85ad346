/**
 * Official public holidays and make-up working days (调休), one entry per year, from the State
 * Council General Office's annual notice (国务院办公厅关于 YYYY 年部分节假日安排的通知). Dates are
 * written out in full, exactly as the notice's ranges expand, so each can be checked against the
 * notice by reading; tests cross-check them (see calendar.test.ts: per year, weekdays off minus
 * make-up days must equal the statutory days of 《全国年节及纪念日放假办法》, 11 until 2024 and 13
 * from 2025).
 *
 * Adding a year: copy the notice into a new entry (admins can do it at run time; the entry is
 * validated by calendarYearSchema). Never extrapolate a year that has no notice.
 */
import type { CalendarYear } from './working-calendar.ts';

export const DEFAULT_CALENDAR_YEARS: readonly CalendarYear[] = [
  // 2020: Spring Festival first ran 24–30 January with make-up days 19 January and 1 February.
  // 国办发明电〔2020〕1号 (COVID-19) extended it to Sunday 2 February, so Saturday 1 February became a
  // holiday instead of a make-up day; 3 February was a working day nationally. Provincial orders that
  // delayed enterprises' return to work (Jiangxi issued one) are not holidays and are not in this calendar.
  // National Day and Mid-Autumn (1 October) were merged into 1–8 October.
  {
    year: 2020,
    source:
      '国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019-11-21）；国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020-01-27）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2020-01-01'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: ['2020-01-24', '2020-01-25', '2020-01-26', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30'],
      },
      {
        name: '春节假期延长（疫情防控）',
        nameEn: 'Spring Festival extension (COVID-19)',
        dates: ['2020-01-31', '2020-02-01', '2020-02-02'],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2020-04-04', '2020-04-05', '2020-04-06'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2020-06-25', '2020-06-26', '2020-06-27'] },
      {
        name: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        dates: [
          '2020-10-01',
          '2020-10-02',
          '2020-10-03',
          '2020-10-04',
          '2020-10-05',
          '2020-10-06',
          '2020-10-07',
          '2020-10-08',
        ],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2020-01-19' },
      { name: '劳动节调休上班', date: '2020-04-26' },
      { name: '劳动节调休上班', date: '2020-05-09' },
      { name: '端午节调休上班', date: '2020-06-28' },
      { name: '国庆节、中秋节调休上班', date: '2020-09-27' },
      { name: '国庆节、中秋节调休上班', date: '2020-10-10' },
    ],
  },
  {
    year: 2021,
    source: '国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020-11-25）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2021-01-01', '2021-01-02', '2021-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: ['2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-02-16', '2021-02-17'],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2021-04-03', '2021-04-04', '2021-04-05'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2021-06-12', '2021-06-13', '2021-06-14'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2021-09-19', '2021-09-20', '2021-09-21'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        dates: ['2021-10-01', '2021-10-02', '2021-10-03', '2021-10-04', '2021-10-05', '2021-10-06', '2021-10-07'],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2021-02-07' },
      { name: '春节调休上班', date: '2021-02-20' },
      { name: '劳动节调休上班', date: '2021-04-25' },
      { name: '劳动节调休上班', date: '2021-05-08' },
      { name: '中秋节调休上班', date: '2021-09-18' },
      { name: '国庆节调休上班', date: '2021-09-26' },
      { name: '国庆节调休上班', date: '2021-10-09' },
    ],
  },
  {
    year: 2022,
    source: '国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021-10-25）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2022-01-01', '2022-01-02', '2022-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04', '2022-02-05', '2022-02-06'],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2022-04-03', '2022-04-04', '2022-04-05'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2022-04-30', '2022-05-01', '2022-05-02', '2022-05-03', '2022-05-04'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2022-06-03', '2022-06-04', '2022-06-05'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2022-09-10', '2022-09-11', '2022-09-12'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        dates: ['2022-10-01', '2022-10-02', '2022-10-03', '2022-10-04', '2022-10-05', '2022-10-06', '2022-10-07'],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2022-01-29' },
      { name: '春节调休上班', date: '2022-01-30' },
      { name: '清明节调休上班', date: '2022-04-02' },
      { name: '劳动节调休上班', date: '2022-04-24' },
      { name: '劳动节调休上班', date: '2022-05-07' },
      { name: '国庆节调休上班', date: '2022-10-08' },
      { name: '国庆节调休上班', date: '2022-10-09' },
    ],
  },
  // 2023: the notice's 元旦 break is 31 December 2022 – 2 January 2023; 31 December 2022 is listed here
  // (a Saturday, so it changes no count) so that day carries the holiday's name.
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022-12-08）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2022-12-31', '2023-01-01', '2023-01-02'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: ['2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2023-04-05'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2023-06-22', '2023-06-23', '2023-06-24'] },
      {
        name: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        dates: [
          '2023-09-29',
          '2023-09-30',
          '2023-10-01',
          '2023-10-02',
          '2023-10-03',
          '2023-10-04',
          '2023-10-05',
          '2023-10-06',
        ],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2023-01-28' },
      { name: '春节调休上班', date: '2023-01-29' },
      { name: '劳动节调休上班', date: '2023-04-23' },
      { name: '劳动节调休上班', date: '2023-05-06' },
      { name: '端午节调休上班', date: '2023-06-25' },
      { name: '国庆节、中秋节调休上班', date: '2023-10-07' },
      { name: '国庆节、中秋节调休上班', date: '2023-10-08' },
    ],
  },
  // 2024: New Year's Day and Dragon Boat Festival joined the weekend without make-up days. The notice only
  // encouraged a day off on Spring Festival eve (9 February); it was a working day.
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2024-01-01'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: [
          '2024-02-10',
          '2024-02-11',
          '2024-02-12',
          '2024-02-13',
          '2024-02-14',
          '2024-02-15',
          '2024-02-16',
          '2024-02-17',
        ],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2024-04-04', '2024-04-05', '2024-04-06'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2024-06-10'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2024-09-15', '2024-09-16', '2024-09-17'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        dates: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2024-02-04' },
      { name: '春节调休上班', date: '2024-02-18' },
      { name: '清明节调休上班', date: '2024-04-07' },
      { name: '劳动节调休上班', date: '2024-04-28' },
      { name: '劳动节调休上班', date: '2024-05-11' },
      { name: '中秋节调休上班', date: '2024-09-14' },
      { name: '国庆节调休上班', date: '2024-09-29' },
      { name: '国庆节调休上班', date: '2024-10-12' },
    ],
  },
  // 2025: first year under 国务院令第795号 (13 public-holiday days: Spring Festival eve and 2 May added),
  // so the Spring Festival runs from the eve (28 January) and Labour Day needs a single make-up day.
  {
    year: 2025,
    source:
      '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12），依据国务院关于修改《全国年节及纪念日放假办法》的决定（国务院令第795号，2024-11-10：增加除夕、5月2日两天，全体公民放假共13天）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2025-01-01'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: [
          '2025-01-28',
          '2025-01-29',
          '2025-01-30',
          '2025-01-31',
          '2025-02-01',
          '2025-02-02',
          '2025-02-03',
          '2025-02-04',
        ],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2025-04-04', '2025-04-05', '2025-04-06'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2025-05-31', '2025-06-01', '2025-06-02'] },
      {
        name: '国庆节、中秋节',
        nameEn: 'National Day and Mid-Autumn Festival',
        dates: [
          '2025-10-01',
          '2025-10-02',
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ],
      },
    ],
    makeupWorkdays: [
      { name: '春节调休上班', date: '2025-01-26' },
      { name: '春节调休上班', date: '2025-02-08' },
      { name: '劳动节调休上班', date: '2025-04-27' },
      { name: '国庆节、中秋节调休上班', date: '2025-09-28' },
      { name: '国庆节、中秋节调休上班', date: '2025-10-11' },
    ],
  },
  // 2026: a 9-day Spring Festival (15–23 February) with make-up days 14 and 28 February.
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2026-01-01', '2026-01-02', '2026-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: [
          '2026-02-15',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-02-21',
          '2026-02-22',
          '2026-02-23',
        ],
      },
      { name: '清明节', nameEn: 'Qingming Festival', dates: ['2026-04-04', '2026-04-05', '2026-04-06'] },
      {
        name: '劳动节',
        nameEn: 'Labour Day',
        dates: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      },
      { name: '端午节', nameEn: 'Dragon Boat Festival', dates: ['2026-06-19', '2026-06-20', '2026-06-21'] },
      { name: '中秋节', nameEn: 'Mid-Autumn Festival', dates: ['2026-09-25', '2026-09-26', '2026-09-27'] },
      {
        name: '国庆节',
        nameEn: 'National Day',
        dates: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      },
    ],
    makeupWorkdays: [
      { name: '元旦调休上班', date: '2026-01-04' },
      { name: '春节调休上班', date: '2026-02-14' },
      { name: '春节调休上班', date: '2026-02-28' },
      { name: '劳动节调休上班', date: '2026-05-09' },
      { name: '国庆节调休上班', date: '2026-09-20' },
      { name: '国庆节调休上班', date: '2026-10-10' },
    ],
  },
];
