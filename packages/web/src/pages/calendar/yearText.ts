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
