import type { TFunction } from 'i18next';

// The admin types a year as the State Council notice reads; these turn the lines into
// calendarYearSchema's shape (the server validates the result).
// One line per holiday block: "春节 | Spring Festival | 2027-02-06 … 2027-02-13" or a list of dates.
export function parseHolidays(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', nameEn = '', dates = ''] = line.split('|').map((s) => s.trim());
      return { name, nameEn, dates: expandDates(dates) };
    });
}

export function expandDates(s: string): string[] {
  const range = /^(\d{4}-\d{2}-\d{2})\s*(?:…|\.\.\.|~|至)\s*(\d{4}-\d{2}-\d{2})$/.exec(s);
  if (!range) return s.split(/[\s,，、]+/).filter(Boolean);
  const out: string[] = [];
  const end = Date.parse(`${range[2]}T00:00:00Z`);
  for (let d = Date.parse(`${range[1]}T00:00:00Z`); d <= end && out.length < 31; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

/** The inverse of parseHolidays/parseMakeup, to prefill a replacement with the year in force. */
export function formatHolidays(holidays: readonly { name: string; nameEn: string; dates: readonly string[] }[]) {
  return holidays.map((h) => `${h.name} | ${h.nameEn} | ${h.dates.join(' ')}`).join('\n');
}

export function formatMakeup(days: readonly { name: string; date: string }[]) {
  return days.map((m) => `${m.name} | ${m.date}`).join('\n');
}

export function parseMakeup(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = '', date = ''] = line.split('|').map((s) => s.trim());
      return { name, date };
    });
}

/**
 * Where a refusal of the year form points, in the form's own words: the server names the field by
 * its path in the body (calendar.holidays.2.nameEn), which the admin never typed. A holiday or
 * make-up day is a line of its box, counted from 1.
 */
export function errorPlace(path: string, t: TFunction): string {
  const p = path.replace(/^calendar\./, '').split('.');
  const part = (k: string | undefined) =>
    k === 'name' || k === 'nameEn' || k === 'dates' || k === 'date' ? t(`calendarYears.part.${k}`) : null;
  const box =
    p[0] === 'holidays'
      ? t('calendarYears.holidaysLabel')
      : p[0] === 'makeupWorkdays'
        ? t('calendarYears.makeupLabel')
        : null;
  if (box) {
    const line = Number(p[1]);
    if (!Number.isInteger(line)) return box;
    const where = t('calendarYears.errorLine', { box, line: line + 1 });
    const what = part(p[2]);
    return what ? t('common.parenthetical', { text: where, note: what }) : where;
  }
  if (p[0] === 'source') return t('calendarYears.source');
  if (p[0] === 'year') return t('calendarYears.year');
  if (p[0] === 'reason') return t('calendarYears.reason');
  return path;
}
