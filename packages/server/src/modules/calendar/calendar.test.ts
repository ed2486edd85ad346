import { DEFAULT_CALENDAR_YEARS, WorkingCalendar } from '@qingshan/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../test/helpers.ts';
import { getCalendar, invalidateCalendar } from './service.ts';
import { calendarYears } from './tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/calendar/days/:date', () => {
  it('answers for every date of 2020–2026, agreeing with the shipped notices', async () => {
    const cal = new WorkingCalendar(DEFAULT_CALENDAR_YEARS);
    const counts = { workday: 0, weekend: 0, holiday: 0, 'makeup-workday': 0 };
    for (let d = new Date(Date.UTC(2020, 0, 1)); d.getUTCFullYear() <= 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      const res = await get(`/api/calendar/days/${date}`);
      expect(res.statusCode, date).toBe(200);
      const body = res.json();
      expect(body, date).toEqual({ ...cal.dayInfo(date), provisional: false });
      counts[body.kind as keyof typeof counts]++;
    }
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(2557);
    expect(counts.holiday).toBeGreaterThan(7 * 20);
    expect(counts['makeup-workday']).toBeGreaterThan(7 * 4);
  });

  it('knows the 调休 days', async () => {
    expect((await get('/api/calendar/days/2024-10-01')).json()).toEqual({
      date: '2024-10-01',
      workingDay: false,
      kind: 'holiday',
      name: '国庆节',
      nameEn: 'National Day',
      provisional: false,
    });
    expect((await get('/api/calendar/days/2024-09-29')).json()).toMatchObject({
      workingDay: true,
      kind: 'makeup-workday',
      name: '国庆节调休上班',
      nameEn: 'Make-up working day (National Day)',
    });
    expect((await get('/api/calendar/days/2024-09-28')).json()).toMatchObject({ workingDay: false, kind: 'weekend' });
    expect((await get('/api/calendar/days/2024-09-27')).json()).toMatchObject({ workingDay: true, kind: 'workday' });
  });

  it('refuses only dates outside 2020–2099 (CALENDAR_OUT_OF_RANGE naming the year), and bad dates with 400', async () => {
    for (const [date, year] of [
      ['2019-12-31', 2019],
      ['2100-01-04', 2100],
    ] as const) {
      const res = await get(`/api/calendar/days/${date}`);
      expect(res.statusCode, date).toBe(422);
      expect(res.json()).toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE', year });
      expect(res.json().detail).toContain(String(year));
    }
    expect((await get('/api/calendar/days/2024-02-30')).statusCode).toBe(400);
    expect((await get('/api/calendar/days/yesterday')).statusCode).toBe(400);
  });

  it('answers a year without the notice provisionally (暂定) from the holiday law', async () => {
    const newYear = await get('/api/calendar/days/2027-01-01');
    expect(newYear.statusCode).toBe(200);
    expect(newYear.json()).toEqual({
      date: '2027-01-01',
      workingDay: false,
      kind: 'holiday',
      name: '元旦',
      nameEn: "New Year's Day",
      provisional: true,
    });
    // 春节 2027: 除夕 5 Feb to 初三 8 Feb, the weekend days made up on 9 and 10 Feb
    expect((await get('/api/calendar/days/2027-02-05')).json()).toMatchObject({ kind: 'holiday', name: '春节' });
    expect((await get('/api/calendar/days/2027-02-10')).json()).toMatchObject({
      kind: 'holiday',
      name: '春节补假',
      provisional: true,
    });
    expect((await get('/api/calendar/days/2027-06-15')).json()).toEqual({
      date: '2027-06-15',
      workingDay: true,
      kind: 'workday',
      provisional: true,
    });
  });
});

describe('GET /api/calendar/add', () => {
  it('counts working days over holidays and make-up days, and calendar days plainly', async () => {
    expect((await get('/api/calendar/add?from=2024-09-27&days=5&unit=working')).json()).toEqual({
      from: '2024-09-27',
      days: 5,
      unit: 'working',
      date: '2024-10-10',
      provisional: false,
    });
    expect((await get('/api/calendar/add?from=2024-09-27&days=5&unit=calendar')).json().date).toBe('2024-10-02');
    expect((await get('/api/calendar/add?from=2024-09-27&days=0')).json().date).toBe('2024-09-27');
    // 2020's extended Spring Festival: 2020-01-23 + 1 working day is 2020-02-03
    expect((await get('/api/calendar/add?from=2020-01-23&days=1&unit=working')).json().date).toBe('2020-02-03');
  });

  it('counts into a year without the notice provisionally, and refuses only outside 2020–2099', async () => {
    // Sunday 2026-12-20 + 20 working days: 21–31 Dec (9), 元旦 1 Jan off, 4–8 Jan (14), 11–15 (19), 18 Jan (20)
    const into = await get('/api/calendar/add?from=2026-12-20&days=20&unit=working');
    expect(into.statusCode).toBe(200);
    expect(into.json()).toEqual({
      from: '2026-12-20',
      days: 20,
      unit: 'working',
      date: '2027-01-18',
      provisional: true,
    });
    // a calendar-day sum reads no holiday data
    expect((await get('/api/calendar/add?from=2026-12-20&days=20&unit=calendar')).json()).toMatchObject({
      date: '2027-01-09',
      provisional: false,
    });
    expect((await get('/api/calendar/add?from=2019-12-30&days=1&unit=calendar')).json()).toMatchObject({ year: 2019 });
    expect((await get('/api/calendar/add?from=2099-12-20&days=30&unit=working')).json()).toMatchObject({
      code: 'CALENDAR_OUT_OF_RANGE',
      year: 2100,
    });
    expect((await get('/api/calendar/add?from=2024-01-01&days=-1')).statusCode).toBe(400);
    expect((await get('/api/calendar/add?from=2024-01-01&days=1&unit=hours')).statusCode).toBe(400);
  });
});

describe('calendar years', () => {
  const y2027 = {
    year: 2027,
    source: '测试用：国务院办公厅关于2027年部分节假日安排的通知（示例）',
    holidays: [
      { name: '元旦', nameEn: "New Year's Day", dates: ['2027-01-01', '2027-01-02', '2027-01-03'] },
      {
        name: '春节',
        nameEn: 'Spring Festival',
        dates: [
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
          '2027-02-13',
        ],
      },
    ],
    makeupWorkdays: [{ name: '春节调休上班', date: '2027-02-20' }],
  };

  it('lets an admin add a year (validated, audited); the calendar then answers for it', async () => {
    const admin = await loginAs(t, ['admin']);
    const clerk = await loginAs(t, ['clerk']);
    expect(
      (await clerk.request({ method: 'POST', url: '/api/calendar/years', payload: { calendar: y2027, reason: 'x' } }))
        .statusCode,
    ).toBe(403);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/calendar/years',
      payload: { calendar: { ...y2027, makeupWorkdays: [{ name: '调休', date: '2027-02-22' }] }, reason: '新通知' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('calendar.makeupWorkdays.0.date');
    const noReason = await admin.request({ method: 'POST', url: '/api/calendar/years', payload: { calendar: y2027 } });
    expect(noReason.statusCode).toBe(400);

    const ok = await admin.request({
      method: 'POST',
      url: '/api/calendar/years',
      payload: { calendar: y2027, reason: '国务院通知已发布' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await get('/api/calendar/days/2027-02-08')).json()).toMatchObject({ kind: 'holiday', name: '春节' });
    expect((await get('/api/calendar/days/2027-02-20')).json()).toMatchObject({
      kind: 'makeup-workday',
      workingDay: true,
    });
    expect((await get('/api/calendar/days/2027-02-10')).json()).toMatchObject({
      kind: 'holiday',
      name: '春节',
      provisional: false,
    });
    expect((await get('/api/calendar/add?from=2026-12-20&days=20&unit=working')).json()).toMatchObject({
      provisional: false,
    });
    expect((await get('/api/calendar/days/2028-01-03')).json()).toMatchObject({ provisional: true });

    const dup = await admin.request({
      method: 'POST',
      url: '/api/calendar/years',
      payload: { calendar: y2027, reason: 'again' },
    });
    expect(dup.statusCode).toBe(409);
    const shipped = await admin.request({
      method: 'POST',
      url: '/api/calendar/years',
      payload: { calendar: { ...DEFAULT_CALENDAR_YEARS[0] }, reason: 'overwrite' },
    });
    expect(shipped.json().code).toBe('CALENDAR_YEAR_EXISTS');

    const years = (await get('/api/calendar/years')).json().items;
    // the server's "today" is 2026: this year and the next two are listed, 2028 still provisional
    expect(years.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028]);
    expect(years.at(-2)).toMatchObject({ year: 2027, shipped: false, provisional: false, version: 1 });
    expect(years.at(-1)).toMatchObject({ year: 2028, shipped: false, provisional: true, version: 0 });
    expect(years[0]).toMatchObject({ shipped: true, provisional: false });
    const audit = (await admin.request({ method: 'GET', url: '/api/audit?entityType=calendar_year' })).json();
    expect(audit.items[0]).toMatchObject({ action: 'calendar.year.add', entityId: '2027' });
  });
});

describe('the calendar in memory (issue 14: no reload per request)', () => {
  it('is not re-read from the database per use, and is rebuilt after a change', async () => {
    const db = t.database.db;
    const first = await getCalendar(db);
    expect(await getCalendar(db)).toBe(first);
    // a row written behind the service's back is not seen until the calendar is invalidated,
    // which proves the table is not read on each use
    await db.insert(calendarYears).values({
      year: 2031,
      data: {
        year: 2031,
        source: '测试用',
        holidays: [{ name: '元旦', nameEn: "New Year's Day", dates: ['2031-01-01', '2031-01-02'] }],
        makeupWorkdays: [],
      },
      reason: 'test',
    });
    expect((await getCalendar(db)).isProvisionalYear(2031)).toBe(true);
    invalidateCalendar();
    const rebuilt = await getCalendar(db);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.isProvisionalYear(2031)).toBe(false);
    expect(rebuilt.isWorkingDay('2031-01-02')).toBe(false);
    await db.delete(calendarYears).where(eq(calendarYears.year, 2031));
    invalidateCalendar();
  });
});
